// `/api/v1/*` of the Forge storage service, as @forge/kvs calls it through `__forge_fetch__`.
import { randomBytes } from 'node:crypto';
import { bodyText, jsonResponse } from '../responses';
import { KvsError } from './errors';
import { KvsAnswer, KvsService } from './service';

type Endpoint = (service: KvsService, body: unknown, bytes: number) => KvsAnswer;

const ENDPOINTS: Record<string, Endpoint> = {
  '/api/v1/get': (s, b) => s.get(b),
  '/api/v1/set': (s, b) => s.set(b),
  '/api/v1/delete': (s, b) => s.delete(b),
  '/api/v1/query': (s, b) => s.query(b),
  '/api/v1/secret/get': (s, b) => s.getSecret(b),
  '/api/v1/secret/set': (s, b) => s.setSecret(b),
  '/api/v1/secret/delete': (s, b) => s.deleteSecret(b),
  '/api/v1/entity/get': (s, b) => s.getEntity(b),
  '/api/v1/entity/set': (s, b) => s.setEntity(b),
  '/api/v1/entity/delete': (s, b) => s.deleteEntity(b),
  '/api/v1/entity/query': (s, b) => s.queryEntity(b),
  '/api/v1/batch/set': (s, b) => s.batchSet(b),
  '/api/v1/batch/get': (s, b) => s.batchGet(b),
  '/api/v1/batch/delete': (s, b) => s.batchDelete(b),
  '/api/v1/transaction': (s, b, bytes) => s.transaction(b, bytes),
};

// Every answer of the storage service carries a trace id; @forge/kvs puts it on its errors.
const traced = (): Record<string, string> => ({ 'x-b3-traceid': randomBytes(8).toString('hex') });

export async function handleKvsRequest(
  service: KvsService,
  path: string,
  init: RequestInit | undefined,
): Promise<Response> {
  const endpoint = ENDPOINTS[path];
  if (!endpoint) return jsonResponse(404, { code: 'NOT_FOUND', message: `Unknown storage endpoint ${path}` }, traced());
  const text = await bodyText(init);
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    return jsonResponse(400, { code: 'BAD_REQUEST', message: 'Provided request body is invalid' }, traced());
  }
  try {
    const answer = endpoint(service, body, Buffer.byteLength(text));
    return jsonResponse(answer.status, answer.body, traced());
  } catch (e) {
    if (e instanceof KvsError) return jsonResponse(e.status, e.toBody(), traced());
    throw e;
  }
}
