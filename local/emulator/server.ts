// The request pipeline: routing, latency and fault injection, authentication, the quota, the
// resource handler, error mapping to Jira's ErrorCollection, ledger charging and rate-limit headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin } from './admin';
import { authenticate, FORGE_ACCOUNT_HEADER } from './auth';
import type { EmulatorCore, RequestContext, Route } from './context';
import { JiraHttpError, parseJsonBody, readBody, writeReply, type Reply } from './http';
import { JqlError } from './jql';
import { quotaHeaders, tooManyRequestsHeaders } from './rate-limit-headers';
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
import { userRoutes } from './resources/users';
import { Router } from './router';
import { Serializer } from './serializers';
import { principalId, Viewer } from './visibility';

export type Next = (err?: unknown) => void;
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, next?: Next) => void;

export const ALL_ROUTES: Route[] = [
  ...searchRoutes,
  ...issueRoutes,
  ...filterRoutes,
  ...identityRoutes,
  ...linkRoutes,
  ...metadataRoutes,
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

const ANONYMOUS = 'anonymous';

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

    // Jira sends rate-limit headers on every response; before authentication they describe the
    // anonymous bucket.
    const anonymousHeaders = (): Record<string, string> => quotaHeaders(core.ledger, ANONYMOUS);
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

    // Injected faults and quota exhaustion are not charged: Jira rejects them before doing work.
    const decision = core.faults.decide(call);
    if (decision?.type === 'rateLimit') {
      const headers = tooManyRequestsHeaders(
        decision.fault.kind,
        core.ledger,
        core.now(),
        decision.fault.retryAfterSeconds,
      );
      writeReply(res, { status: 429, body: { errorMessages: ['Rate limit exceeded.'], errors: {} } }, headers);
      return;
    }
    if (decision?.type === 'serverError') {
      const status = decision.fault.status ?? 500;
      writeReply(
        res,
        { status, body: { errorMessages: [SERVER_ERROR_MESSAGES[status] ?? 'Server error.'], errors: {} } },
        quotaHeaders(core.ledger, accountId),
      );
      return;
    }
    if (Number.isFinite(core.ledger.quota) && core.ledger.remaining(accountId) <= 0) {
      const headers = tooManyRequestsHeaders('quota', core.ledger, core.now());
      writeReply(res, { status: 429, body: { errorMessages: ['Rate limit exceeded.'], errors: {} } }, headers);
      return;
    }

    let reply: Reply;
    // Changes made by this request are announced as this caller's; a Forge call (asApp, or asUser
    // through the X-Forge-Account-Id header) is the app's own doing: `selfGenerated`.
    const selfGenerated = viewer.principal.kind === 'app' || typeof req.headers[FORGE_ACCOUNT_HEADER] === 'string';
    try {
      reply = await core.store.events.asActor({ accountId, selfGenerated }, () =>
        route.handle(makeContext(route, params, url, req, viewer)),
      );
    } catch (e) {
      reply = errorReply(e);
    }
    core.ledger.charge(accountId, route.write ? 1 : 1 + (reply.objectPoints ?? 0));
    writeReply(res, reply, quotaHeaders(core.ledger, accountId));
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
