// Transport for calls the app makes as itself (`api.asApp()`): for site configuration a user may not
// be allowed to read but the app needs in order to decide what the user may do, e.g. project role
// membership. Never for issue data: that is always read as the user.
import api from '@forge/api';
import type { JiraTransport } from './transport';

export function forgeTransportAsApp(): JiraTransport {
  const requester = api.asApp();
  return (path, init) => requester.requestJira(path, init);
}
