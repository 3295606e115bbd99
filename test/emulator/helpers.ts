// Starts an emulator on a free port and talks to it over real HTTP, as the app would.
import type { Dataset, DatasetUser } from '../../local/dataset/types';
import { createJiraEmulator, type JiraEmulator } from '../../local/emulator';
import { NOW, smallDataset } from './fixtures';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export type Caller =
  { user: Pick<DatasetUser, 'email' | 'apiToken'> } | { accountId: string } | { app: true } | { none: true };

export interface Running {
  jira: JiraEmulator;
  url: string;
  call<T = any>(caller: Caller, method: string, path: string, body?: unknown): Promise<Answer<T>>;
  close(): Promise<void>;
}

export function authHeaders(caller: Caller): Record<string, string> {
  if ('user' in caller) {
    return { Authorization: `Basic ${Buffer.from(`${caller.user.email}:${caller.user.apiToken}`).toString('base64')}` };
  }
  if ('accountId' in caller) return { 'X-Forge-Account-Id': caller.accountId };
  if ('app' in caller) return { 'X-Forge-As-App': 'true' };
  return {};
}

export async function startEmulator(dataset: Dataset = smallDataset(), now: () => Date = () => NOW): Promise<Running> {
  const jira = createJiraEmulator({ dataset, now });
  const { url } = await jira.listen();
  return {
    jira,
    url,
    async call(caller, method, path, body) {
      const res = await fetch(url + path, {
        method,
        headers: {
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...authHeaders(caller),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
    },
    close: () => jira.close(),
  };
}

/** Issue keys of a search/board answer, in order. */
export const keysOf = (body: { issues: { key?: string; id: string }[] }): string[] =>
  body.issues.map((i) => i.key ?? i.id);
