// A scripted Jira transport for the client's unit tests: answers in order, records what was asked.
import type { RequestInit, Route } from '@forge/api';
import type { JiraResponse, JiraTransport } from '../../../src/jira';

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeTransport {
  transport: JiraTransport;
  requests: Array<{ path: string; init: RequestInit; body: unknown }>;
}

export function answer(status: number, body?: unknown, headers: Record<string, string> = {}): ScriptedAnswer {
  return { status, body, headers };
}

export function fakeTransport(...script: ScriptedAnswer[]): FakeTransport {
  const requests: FakeTransport['requests'] = [];
  const queue = [...script];
  const transport: JiraTransport = async (path: Route, init: RequestInit): Promise<JiraResponse> => {
    requests.push({ path: path.value, init, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    const next = queue.shift();
    if (!next) throw new Error(`No scripted answer left for ${path.value}`);
    const headers = new Map(Object.entries(next.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return {
      status: next.status,
      headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
      text: async () => (next.body === undefined ? '' : JSON.stringify(next.body)),
    };
  };
  return { transport, requests };
}
