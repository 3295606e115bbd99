// Small HTTP helpers shared by every resource: Jira's error body, JSON answers, body parsing.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Jira's ErrorCollection: every 4xx/5xx body on the platform API has this shape. */
export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** Thrown by resources; the router turns it into Jira's error body with the given status. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }

  body(): ErrorCollection {
    return { errorMessages: this.errorMessages, errors: this.errors };
  }
}

export const badRequest = (message: string): JiraHttpError => new JiraHttpError(400, [message]);
export const notFound = (message: string): JiraHttpError => new JiraHttpError(404, [message]);
export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** What a resource answers; the router writes it and charges the ledger. */
export interface Reply {
  status: number;
  body?: unknown;
  /**
   * Points for the objects returned, as Jira counts them: 1 per issue (and other core or
   * uncategorised object), 2 per identity/permission object. The call itself adds 1.
   */
  objectPoints?: number;
  headers?: Record<string, string>;
}

export const json = (body: unknown, status = 200, objectPoints = 0): Reply => ({ status, body, objectPoints });
export const empty = (status = 204): Reply => ({ status });

export function readBody(req: IncomingMessage, limitBytes = 5 * 1024 * 1024): Promise<string> {
  // A mounting dev server may have parsed the body already (express.json style).
  const pre = (req as IncomingMessage & { body?: unknown }).body;
  if (pre !== undefined) {
    return Promise.resolve(
      typeof pre === 'string' ? pre : Buffer.isBuffer(pre) ? pre.toString('utf8') : JSON.stringify(pre),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limitBytes) {
        reject(new JiraHttpError(413, ['Request entity too large.']));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses a JSON body the way Jira does: malformed JSON is a 400 with an ErrorCollection. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('Unexpected character in the request body: the body must be valid JSON.');
  }
}

export function writeReply(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string>): void {
  for (const [k, v] of Object.entries({ ...extraHeaders, ...(reply.headers ?? {}) })) res.setHeader(k, v);
  if (reply.body === undefined || reply.status === 204) {
    res.statusCode = reply.status;
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.statusCode = reply.status;
  res.setHeader('Content-Type', 'application/json;charset=UTF-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Query parameters that Jira accepts either comma-separated or repeated (`fields=a,b&fields=c`). */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const all = query.getAll(name);
  if (all.length === 0) return undefined;
  return all
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw badRequest(`The value '${raw}' is not valid for the '${name}' parameter.`);
  return n;
}

export function boolParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  return raw.toLowerCase() === 'true';
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
