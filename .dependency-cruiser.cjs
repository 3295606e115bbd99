// The layer rules of DESIGN.md §3, checked by `npm run lint:layers` (scripts/lint-layers.mjs) in `npm test`:
//
//   entry points (src/index.ts, src/resolvers, src/worker, src/background)
//     → app (src/app, through src/app/index.ts only)
//       → domain (src/domain, pure)   and the adapters beside app: storage (src/storage), jira (src/jira)
//   src/contract: the resolver contract, shared by the backend and the Custom UI (static/structure-ui)
//
// Rules match resolved paths, so a relative import ('../storage/x') is judged like any other.
// Every path starts with ROOT: empty for the real tree, `test/fixtures/layers/` for the fixture tree
// that test/unit/layers.test.ts cruises to show that each rule catches what it should.
const ROOT = '^(?:test/fixtures/layers/)?';
const SRC = `${ROOT}src/`;
const DOMAIN = `${SRC}domain/`;
const APP = `${SRC}app/`;
const APP_BARREL = `${SRC}app/index\\.ts$`;
const STORAGE = `${SRC}storage/`;
const JIRA = `${SRC}jira/`;
const CONTRACT = `${SRC}contract/`;
const ENTRY_POINTS = [`${SRC}(?:resolvers|worker|background)/`, `${SRC}index\\.ts$`];
const UI = `${ROOT}static/structure-ui/src/`;
/** One synchronizer's module folder (src/synchronizers/<key>/). */
const A_SYNCHRONIZER = `${SRC}synchronizers/[^/]+/`;
/** Its pure parts: parameters, data, planners, the descriptor. */
const SYNCHRONIZER_PURE = `${SRC}synchronizers/[^/]+/(?:params|data|plan-[^/]+|natural-key|synchronizer)\\.ts$`;
/** Generic code: everything but the synchronizer modules themselves. */
const GENERIC = [DOMAIN, APP, STORAGE, JIRA, CONTRACT, ...ENTRY_POINTS];
const NPM = '(?:^|/)node_modules/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ── domain: pure TypeScript, tested without I/O ──────────────────────────────────────────────────
    {
      name: 'domain-only-domain',
      comment:
        'src/domain is the pure model: it may import only itself. Storage, Jira, app and entry points sit ' +
        'above it, and the contract is the UI-facing shape of answers (app maps domain values to it), so ' +
        'the model stays free of both.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: [SRC, `${ROOT}static/`], pathNot: DOMAIN },
    },
    {
      name: 'domain-no-forge',
      comment: 'No Forge SDK in the domain: KVS, Jira calls, queues and resolvers belong to the adapters and app.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: `${NPM}@forge/` },
    },
    {
      name: 'domain-no-node-builtins',
      comment:
        'No Node built-ins in the domain (fs, net, http, child_process, crypto, os, process, ...): they are ' +
        'I/O, randomness or process state, which the callers pass in.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-only-zod',
      comment: 'zod (parameter schemas) is the one package the domain uses; anything else is a decision to make here.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: NPM, pathNot: [`${NPM}zod/`, `${NPM}@forge/`] },
    },
    {
      name: 'domain-no-cycles',
      comment: 'Modules of the pure model form a tree of dependencies: a cycle means two of them are one.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { circular: true },
    },

    // ── adapters: storage (KVS) and jira (REST) ─────────────────────────────────────────────────────
    {
      name: 'adapters-not-above',
      comment:
        'storage and jira are called by app; they never call back up into app or the entry points (they ' +
        'may use domain and contract types).',
      severity: 'error',
      from: { path: [STORAGE, JIRA] },
      to: { path: [APP, ...ENTRY_POINTS] },
    },
    {
      name: 'storage-not-jira',
      comment: 'The adapters stand beside each other: app combines KVS and Jira, neither adapter knows the other.',
      severity: 'error',
      from: { path: STORAGE },
      to: { path: JIRA },
    },
    {
      name: 'jira-not-storage',
      comment: 'The adapters stand beside each other: app combines KVS and Jira, neither adapter knows the other.',
      severity: 'error',
      from: { path: JIRA },
      to: { path: STORAGE },
    },

    // ── app: use cases ──────────────────────────────────────────────────────────────────────────────
    {
      name: 'app-not-entry-points',
      comment: 'Use cases are called by the entry points, never the other way round.',
      severity: 'error',
      from: { path: APP },
      to: { path: ENTRY_POINTS },
    },
    {
      name: 'app-no-kvs-or-jira-sdk',
      comment:
        'app reaches KVS through src/storage and Jira through src/jira, so keys, chunking, retries and cost ' +
        'stay in one place each. (@forge/events stays allowed: the queues are pushed from app.)',
      severity: 'error',
      from: { path: APP },
      to: { path: `${NPM}@forge/(?:kvs|api|resolver)/` },
    },

    // ── entry points: thin handlers ─────────────────────────────────────────────────────────────────
    {
      name: 'entry-not-below-app',
      comment:
        'Entry points call use cases; they never reach storage, jira or the domain themselves (the app ' +
        'barrel exports what they need, e.g. errors already turned into AppError).',
      severity: 'error',
      from: { path: ENTRY_POINTS },
      to: { path: [STORAGE, JIRA, DOMAIN] },
    },
    {
      name: 'entry-only-app-barrel',
      comment: 'src/app/index.ts is the one door into the use cases; files behind it can move freely.',
      severity: 'error',
      from: { path: ENTRY_POINTS },
      to: { path: APP, pathNot: APP_BARREL },
    },

    // ── synchronizers: one module each ──────────────────────────────────────────────────────────────
    {
      name: 'synchronizer-planners-pure',
      comment:
        "A synchronizer's parameters, data and planners are pure like src/domain: they import only the " +
        'domain, each other and zod, so they are tested without I/O.',
      severity: 'error',
      from: { path: SYNCHRONIZER_PURE },
      to: { pathNot: [DOMAIN, SYNCHRONIZER_PURE, `${NPM}zod/`] },
    },
    {
      name: 'generic-not-a-synchronizer',
      comment:
        'Generic code reaches synchronizers only through src/synchronizers (registry, module shape): adding ' +
        'one touches its own folder and one line in the registry, never generic code.',
      severity: 'error',
      from: { path: GENERIC },
      to: { path: A_SYNCHRONIZER },
    },
    // ── contract and UI ─────────────────────────────────────────────────────────────────────────────
    {
      name: 'contract-self-contained',
      comment:
        'The Custom UI bundles src/contract: anything it imports from the backend would be bundled (or ' +
        'fail to build) in the browser.',
      severity: 'error',
      from: { path: CONTRACT },
      to: { path: [SRC, `${ROOT}static/`], pathNot: CONTRACT },
    },
    {
      name: 'ui-only-contract',
      comment: 'The Custom UI talks to the backend through resolvers only; of src it may import the contract.',
      severity: 'error',
      from: { path: UI },
      to: { path: SRC, pathNot: CONTRACT },
    },

    // ── everywhere ──────────────────────────────────────────────────────────────────────────────────
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve escapes every rule above (tsc would also refuse it).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-cycles',
      comment: 'Cycles outside the domain are reported, not refused: each one is worth a look.',
      severity: 'warn',
      from: { pathNot: DOMAIN },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: NPM },
    // Type-only imports count: a type from storage in the domain is a dependency all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
