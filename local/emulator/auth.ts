// Who is calling: HTTP Basic with a dataset user's email and API token (as on Jira Cloud), or the
// local Forge shim's headers — `X-Forge-Account-Id` acts as that user (asUser), `X-Forge-As-App:
// true` acts as the app (asApp). The header convention is shared with local/runtime.
import type { IncomingMessage } from 'node:http';
import { JiraHttpError } from './http';
import type { EmulatorStore } from './store';
import type { Principal } from './visibility';

export const FORGE_ACCOUNT_HEADER = 'x-forge-account-id';
export const FORGE_AS_APP_HEADER = 'x-forge-as-app';

const unauthorized = (): JiraHttpError =>
  new JiraHttpError(
    401,
    ['Client must be authenticated to access this resource.'],
    {},
    {
      'WWW-Authenticate': 'Basic realm="protected-area"',
    },
  );

export function authenticate(req: IncomingMessage, store: EmulatorStore): Principal {
  const asApp = req.headers[FORGE_AS_APP_HEADER];
  if (typeof asApp === 'string' && asApp.toLowerCase() === 'true') return { kind: 'app' };

  const accountId = req.headers[FORGE_ACCOUNT_HEADER];
  if (typeof accountId === 'string' && accountId !== '') {
    const user = store.users.get(accountId);
    if (!user || user.active === false) throw unauthorized();
    return { kind: 'user', user };
  }

  const header = req.headers.authorization;
  if (typeof header === 'string' && /^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    if (sep > 0) {
      const user = store.usersByEmail.get(decoded.slice(0, sep).toLowerCase());
      if (user && user.apiToken === decoded.slice(sep + 1) && user.active !== false) return { kind: 'user', user };
    }
  }
  throw unauthorized();
}
