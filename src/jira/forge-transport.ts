// Production transport: every call runs as the given user (offline impersonation in the worker,
// the present user in resolvers), so Jira applies that user's visibility and the App+user budget.
import api from '@forge/api';
import type { JiraTransport } from './transport';

export function forgeTransportAsUser(accountId: string): JiraTransport {
  const requester = api.asUser(accountId);
  return (path, init) => requester.requestJira(path, init);
}
