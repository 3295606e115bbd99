// /__emulator/**: test and benchmark controls over HTTP (ledger, faults, data changes). Never part
// of Jira's API; unauthenticated because the emulator only listens on loopback.
import type { IncomingMessage } from 'node:http';
import type { EmulatorCore } from './context';
import type { FaultConfig } from './faults';
import type { PoolOptions } from './points-pool';
import { badRequest, isObject, json, notFound, parseJsonBody, readBody, type Reply } from './http';
import type { IssuePatch, NewIssue } from './store';

/** Control-API changes are announced as made by this user (default: the change feed's default actor). */
export const EMULATOR_ACTOR_HEADER = 'x-emulator-actor';

export async function handleAdmin(
  core: EmulatorCore,
  req: IncomingMessage,
  method: string,
  path: string,
): Promise<Reply> {
  const actor = req.headers[EMULATOR_ACTOR_HEADER];
  if (typeof actor === 'string' && actor !== '') {
    if (!core.store.users.has(actor)) throw badRequest(`${EMULATOR_ACTOR_HEADER}: no user with accountId '${actor}'.`);
    return core.store.events.asActor(actor, () => handleControl(core, req, method, path));
  }
  return handleControl(core, req, method, path);
}

async function handleControl(core: EmulatorCore, req: IncomingMessage, method: string, path: string): Promise<Reply> {
  const body = async (): Promise<Record<string, unknown>> => {
    const parsed = parseJsonBody(await readBody(req));
    if (parsed === undefined) return {};
    if (!isObject(parsed)) throw badRequest('The request body must be a JSON object.');
    return parsed;
  };
  const { store, ledger, faults } = core;
  const sub = path.slice('/__emulator'.length);

  if (sub === '/ledger' && method === 'GET') return json(ledger.snapshot());
  if ((sub === '/ledger' && method === 'DELETE') || (sub === '/ledger/reset' && method === 'POST')) {
    ledger.reset();
    return json(ledger.snapshot());
  }
  if (sub === '/pool' && method === 'GET') return json(core.pool.snapshot());
  if (sub === '/pool' && method === 'POST') {
    // { tier: 1, points?, enforced? } | { tier: 2, edition, users, enforced? }
    const b = await body();
    try {
      core.pool.configure(b as unknown as PoolOptions);
    } catch (e) {
      throw badRequest(
        `Pool: ${(e as Error).message}. Send { "tier": 1, "points": N } or { "tier": 2, "edition": "standard", "users": N }.`,
      );
    }
    return json(core.pool.snapshot());
  }
  if (sub === '/pool' && method === 'DELETE') {
    core.pool.reset();
    return json(core.pool.snapshot());
  }
  if (sub === '/clock' && method === 'GET') return json(clockState(core));
  if (sub === '/clock' && method === 'POST') {
    const clock = core.clock;
    if (clock === undefined) throw badRequest('This emulator runs on a clock it was given: move that one.');
    const b = await body();
    try {
      if (b.speed !== undefined) clock.speed = Number(b.speed);
      if (b.advanceMs !== undefined) clock.advance(Number(b.advanceMs));
    } catch (e) {
      throw badRequest(`Clock: ${(e as Error).message}.`);
    }
    return json(clockState(core));
  }
  if (sub === '/faults' && method === 'GET') return json(faults.snapshot());
  if (sub === '/faults' && method === 'POST') {
    const config = (await body()) as FaultConfig;
    try {
      faults.configure(config);
    } catch (e) {
      throw badRequest((e as Error).message);
    }
    return json(faults.snapshot());
  }
  if (sub === '/faults' && method === 'DELETE') {
    faults.clear();
    return json(faults.snapshot());
  }
  if (sub === '/state' && method === 'GET') {
    return json({
      changeCounter: store.changeCounter,
      issues: store.issuesById.size,
      links: store.links.size,
      searchLag: store.searchLagging,
      staleInSearch: store.staleSearch.size,
    });
  }
  if (sub === '/search-lag' && method === 'POST') {
    store.setSearchLag((await body()).enabled === true);
    return json({ searchLag: store.searchLagging });
  }
  if (sub === '/reindex' && method === 'POST') {
    store.indexNow();
    return json({ changeCounter: store.changeCounter });
  }
  if (sub === '/issues' && method === 'POST') {
    const input = (await body()) as unknown as NewIssue;
    return wrap(() => store.createIssue(input));
  }
  const m = /^\/issues\/([^/]+)$/.exec(sub);
  if (m) {
    const ref = decodeURIComponent(m[1]);
    if (!store.issueByIdOrKey(ref)) throw notFound(`No issue ${ref}`);
    if (method === 'POST') {
      const patch = (await body()) as IssuePatch;
      return wrap(() => store.updateIssue(ref, patch));
    }
    if (method === 'DELETE') return wrap(() => store.deleteIssue(ref));
  }
  if (sub === '/links' && method === 'POST') {
    const b = await body();
    return wrap(() => store.addLink(String(b.source), String(b.type), String(b.destination)));
  }
  const l = /^\/links\/(\d+)$/.exec(sub);
  if (l && method === 'DELETE') {
    if (!store.removeLink(l[1])) throw notFound(`No link ${l[1]}`);
    return json({ changeCounter: store.changeCounter });
  }
  throw notFound(`No emulator control at ${method} ${path}`);

  function wrap(fn: () => unknown): Reply {
    try {
      const result = fn();
      const out: Record<string, unknown> = { changeCounter: store.changeCounter };
      if (isObject(result) && 'key' in result) out.issue = { id: result.id, key: result.key };
      if (isObject(result) && 'sourceId' in result) out.link = { id: result.id };
      return json(out);
    } catch (e) {
      throw badRequest((e as Error).message);
    }
  }
}

function clockState(core: EmulatorCore): { now: string; speed: number } {
  return { now: core.now().toISOString(), speed: core.speed() };
}
