// The request pipeline: routing, latency and fault injection, authentication, the quota, the
// resource handler, error mapping to Jira's ErrorCollection, ledger charging and rate-limit headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin } from './admin';
import { authenticate, FORGE_ACCOUNT_HEADER, FORGE_AS_APP_HEADER } from './auth';
import type { EmulatorCore, RequestContext, Route } from './context';
import { JiraHttpError, parseJsonBody, readBody, writeReply, type Reply } from './http';
import { JqlError } from './jql';
import type { RateLimitKind } from './faults';
import { quotaHeaders, tooManyRequestsHeaders, type TooManyRequests } from './rate-limit-headers';
import { agileRoutes } from './resources/agile';
import { filterRoutes } from './resources/filters';
import { groupRoutes } from './resources/groups';
import { identityRoutes } from './resources/identity';
import { issueRoutes } from './resources/issues';
import { linkRoutes } from './resources/links';
import { metadataRoutes } from './resources/metadata';
import { projectRoleRoutes } from './resources/project-roles';
import { projectRoutes } from './resources/projects';
import { searchRoutes } from './resources/search';
import { softwareBoardRoutes } from './resources/software-board-issues';
import { statusRoutes } from './resources/statuses';
import { transitionRoutes } from './resources/transitions';
import { userRoutes } from './resources/users';
import { Router } from './router';
import { Serializer } from './serializers';
import { principalId, Viewer } from './visibility';

export type Next = (err?: unknown) => void;
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, next?: Next) => void;

export const ALL_ROUTES: Route[] = [
  ...searchRoutes,
  ...issueRoutes,
  ...transitionRoutes,
  ...filterRoutes,
  ...identityRoutes,
  ...linkRoutes,
  ...metadataRoutes,
  ...statusRoutes,
  ...agileRoutes,
  ...softwareBoardRoutes,
  ...userRoutes,
  ...groupRoutes,
  ...projectRoutes,
  ...projectRoleRoutes,
];

const SERVER_ERROR_MESSAGES: Record<number, string> = {
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable. Please try again later.',
  504: 'Gateway timeout.',
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function createHandler(core: EmulatorCore, options: { baseUrl?: string } = {}): RequestHandler {
  const router = new Router(ALL_ROUTES);

  async function handle(req: IncomingMessage, res: ServerResponse, next?: Next): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const path = url.pathname;

    if (path === '/__emulator' || path.startsWith('/__emulator/')) {
      try {
        writeReply(res, await handleAdmin(core, req, method, path), {});
      } catch (e) {
        writeError(res, e, {});
      }
      return;
    }
    if (!path.startsWith('/rest/')) {
      if (next) next();
      else writeReply(res, { status: 404, body: { errorMessages: [`No resource at ${path}`], errors: {} } }, {});
      return;
    }

    // Calls through Forge are the app's whether or not the user they name exists: they carry the app's
    // pool headers. Anybody else unauthenticated is not the app.
    const throughForge =
      typeof req.headers[FORGE_ACCOUNT_HEADER] === 'string' || typeof req.headers[FORGE_AS_APP_HEADER] === 'string';
    const anonymousHeaders = (): Record<string, string> => (throughForge ? quotaHeaders(core.pool, core.speed()) : {});
    const match = router.match(method, path);
    if (match.kind === 'none') {
      writeReply(
        res,
        { status: 404, body: { errorMessages: [`null for uri: ${path}`], errors: {} } },
        anonymousHeaders(),
      );
      return;
    }
    if (match.kind === 'method-not-allowed') {
      writeReply(
        res,
        {
          status: 405,
          headers: { Allow: match.allowed.join(', ') },
          body: { errorMessages: [`Method ${method} is not allowed for ${path}.`], errors: {} },
        },
        anonymousHeaders(),
      );
      return;
    }
    const { route, params } = match;
    const call = `${method} ${path}`;

    const latency = core.faults.latencyFor(call);
    if (latency > 0) await sleep(latency);

    if (route.anonymous) {
      try {
        writeReply(res, await route.handle(makeContext(route, params, url, req, undefined)), anonymousHeaders());
      } catch (e) {
        writeError(res, e, anonymousHeaders());
      }
      return;
    }

    let viewer: Viewer;
    try {
      viewer = new Viewer(core.store, authenticate(req, core.store));
    } catch (e) {
      writeError(res, e, anonymousHeaders());
      return;
    }
    const accountId = principalId(viewer.principal);
    // The app's calls, as the app or as a user through Forge, draw on the app's pool; API tokens do not.
    const appCall = viewer.principal.kind === 'app' || typeof req.headers[FORGE_ACCOUNT_HEADER] === 'string';
    const poolHeaders = (): Record<string, string> => (appCall ? quotaHeaders(core.pool, core.speed()) : {});
    const tooMany = (kind: RateLimitKind, extra: Omit<TooManyRequests, 'pool' | 'now' | 'speed'> = {}): void =>
      writeReply(
        res,
        { status: 429, body: { errorMessages: ['Rate limit exceeded.'], errors: {} } },
        tooManyRequestsHeaders(kind, { pool: core.pool, now: core.now(), speed: core.speed(), ...extra }),
      );

    // Refused calls are not charged: Jira rejects them before doing work. The pool first: once it is
    // empty nothing else matters until the hour turns.
    if (appCall && core.pool.exhausted()) {
      core.pool.refuse();
      tooMany(core.pool.tier === 1 ? 'quota' : 'tenant-quota');
      return;
    }
    const decision = core.faults.decide(call);
    if (decision?.type === 'rateLimit') {
      tooMany(decision.fault.kind, { retryAfterSeconds: decision.fault.retryAfterSeconds });
      return;
    }
    if (decision?.type === 'serverError') {
      const status = decision.fault.status ?? 500;
      writeReply(
        res,
        { status, body: { errorMessages: [SERVER_ERROR_MESSAGES[status] ?? 'Server error.'], errors: {} } },
        poolHeaders(),
      );
      return;
    }
    const burst = core.burst.take(method, route.path);
    if (!burst.ok) {
      tooMany('burst', { retryAfterSeconds: burst.retryAfterSeconds, limit: burst.limit, windowSeconds: 1 });
      return;
    }
    const writtenIssue = route.write ? writtenIssueId(core, params) : undefined;
    if (writtenIssue !== undefined) {
      const allowed = core.issueWrites.check(writtenIssue);
      if (!allowed.ok) {
        tooMany('per-issue', {
          retryAfterSeconds: allowed.retryAfterSeconds,
          limit: allowed.limit,
          windowSeconds: allowed.windowSeconds,
        });
        return;
      }
    }

    let reply: Reply;
    // Changes made by this request are announced as this caller's; a Forge call (asApp, or asUser
    // through the X-Forge-Account-Id header) is the app's own doing: `selfGenerated`.
    try {
      reply = await core.store.events.asActor({ accountId, selfGenerated: appCall }, () =>
        route.handle(makeContext(route, params, url, req, viewer)),
      );
    } catch (e) {
      reply = errorReply(e);
    }
    const points = route.write ? 1 : 1 + (reply.objectPoints ?? 0);
    core.ledger.charge(accountId, points);
    if (appCall) core.pool.charge(points);
    if (writtenIssue !== undefined && reply.status < 400) core.issueWrites.record(writtenIssue);
    writeReply(res, reply, poolHeaders());
  }

  function makeContext(
    route: Route,
    params: Record<string, string>,
    url: URL,
    req: IncomingMessage,
    viewer: Viewer | undefined,
  ): RequestContext {
    const baseUrl = options.baseUrl ?? `http://${req.headers.host ?? '127.0.0.1'}`;
    let parsed: Promise<unknown> | undefined;
    return {
      core,
      req,
      method: route.method,
      path: url.pathname,
      query: url.searchParams,
      params,
      // Anonymous routes never look at the caller; a placeholder app viewer keeps the type simple.
      viewer: viewer ?? new Viewer(core.store, { kind: 'app' }),
      ser: new Serializer(core.store, baseUrl),
      body: () => (parsed ??= readBody(req).then(parseJsonBody)),
    };
  }

  return (req, res, next) => {
    handle(req, res, next).catch((e: unknown) => {
      if (!res.headersSent) writeError(res, e, {});
      else res.destroy(e as Error);
    });
  };
}

function errorReply(e: unknown): Reply {
  if (e instanceof JiraHttpError) return { status: e.status, body: e.body(), headers: e.headers };
  if (e instanceof JqlError) return { status: 400, body: { errorMessages: e.messages, errors: {} } };
  // An emulator bug: answer like Jira's 500 but keep the message so tests show what broke.
  return {
    status: 500,
    body: { errorMessages: [`Internal server error: ${(e as Error)?.message ?? String(e)}`], errors: {} },
  };
}

function writeError(res: ServerResponse, e: unknown, headers: Record<string, string>): void {
  writeReply(res, errorReply(e), headers);
}

/** The issue a write route changes, by id, for the per-issue write limits; undefined when none or unknown. */
function writtenIssueId(core: EmulatorCore, params: Record<string, string>): string | undefined {
  const ref = params.issueIdOrKey;
  if (ref === undefined) return undefined;
  return core.store.issueByIdOrKey(ref)?.id;
}
