// The one seam between the Jira client and the platform. In Forge it is `api.asUser(accountId).requestJira`;
// in unit tests a fake that answers scripted responses. Paths are `Route`s so that ids in paths stay encoded.
import type { RequestInit, Route } from '@forge/api';

export interface JiraResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type JiraTransport = (path: Route, init: RequestInit) => Promise<JiraResponse>;
