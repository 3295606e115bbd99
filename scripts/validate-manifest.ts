// Offline stand-in for `forge lint` (which needs a login): @forge/manifest's full validation plus
// @forge/lint's client-side linters, plus the route and scope check of check-scopes.ts (what @forge/lint's
// permission linter would do if it could see through variable paths, and ran offline). Exits non-zero on
// any error so a broken manifest fails `npm test`.
import path from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { validate } from '@forge/manifest';
import { getClientSideLintersOnly, lint, problemCount, reportLintResults } from '@forge/lint';
import { parse } from 'yaml';
import { checkRoutesAndScopes } from './check-scopes';

export interface ManifestProblem {
  source: 'manifest' | 'lint' | 'scopes';
  level: string;
  message: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js)$/.test(name) ? [full] : [];
  });
}

/** Validates the manifest in `appDir`; returns every problem found (empty when the manifest is valid). */
export async function checkManifest(appDir: string): Promise<ManifestProblem[]> {
  const previous = process.cwd();
  // @forge/lint sets process.exitCode when it finds errors; the caller decides what a problem means.
  const exitCode = process.exitCode;
  process.chdir(appDir);
  try {
    const problems: ManifestProblem[] = [];
    const result = await validate(false);
    for (const e of result.errors ?? []) {
      problems.push({
        source: 'manifest',
        level: e.level,
        message: `${e.message}${e.line ? ` (line ${e.line})` : ''}`,
      });
    }
    if (!result.success) return problems;

    const manifest = parse(readFileSync('manifest.yml', 'utf8'));
    const messages: string[] = [];
    const logger = {
      info: (m: string) => messages.push(m),
      warn: (m: string) => messages.push(m),
      error: (m: string) => messages.push(m),
      debug: () => undefined,
      trace: () => undefined,
    };
    // The deprecated-runtime list normally comes from Atlassian's feature-flag service; offline we state it.
    const statsig = new Proxy(
      { getDeprecatedRuntimes: async () => ['nodejs18.x', 'nodejs20.x'] } as Record<string, unknown>,
      { get: (target, prop: string) => target[prop] ?? (async () => false) },
    );
    // PermissionLinter downloads Atlassian's API specs, so it cannot run offline.
    const linters = (await getClientSideLintersOnly(manifest, 'development', logger as never, statsig as never)).filter(
      (l) => l.constructor.name !== 'PermissionLinter',
    );
    const results = await lint(sourceFiles('src'), manifest, 'development', logger as never, statsig as never, {
      linter: { mode: 'client-side' },
      linters,
    });
    const count = problemCount(results);
    if (count.errors > 0 || count.warnings > 0) {
      reportLintResults(logger as never, results);
      for (const r of results) {
        for (const e of r.errors) problems.push({ source: 'lint', level: 'error', message: `${r.file}: ${e.message}` });
        for (const w of r.warnings)
          problems.push({ source: 'lint', level: 'warning', message: `${r.file}: ${w.message}` });
      }
    }
    for (const message of checkRoutesAndScopes('.')) problems.push({ source: 'scopes', level: 'error', message });
    return problems;
  } finally {
    process.chdir(previous);
    process.exitCode = exitCode;
  }
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
  checkManifest(dir).then(
    (problems) => {
      for (const p of problems) console.error(`${p.source} ${p.level}: ${p.message}`);
      const errors = problems.filter((p) => p.level === 'error');
      if (errors.length > 0) {
        console.error(`manifest.yml: ${errors.length} error(s)`);
        process.exit(1);
      }
      console.log(
        `manifest.yml is valid (@forge/manifest full validation, @forge/lint client-side linters, routes and scopes against Atlassian's OpenAPI documents)${problems.length ? `, ${problems.length} warning(s)` : ''}`,
      );
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
