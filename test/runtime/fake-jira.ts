// A stand-in for the Jira emulator in the runtime's tests: answers a few paths and records every request,
// so tests can see exactly which principal headers the runtime sent.
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface FakeJira {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeJira(): Promise<FakeJira> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '', headers: req.headers });
    const accountId = req.headers['x-forge-account-id'];
    const asApp = req.headers['x-forge-as-app'] === 'true';
    res.setHeader('content-type', 'application/json');
    if (req.url === '/rest/api/3/myself') {
      if (typeof accountId !== 'string') {
        res.statusCode = 401;
        res.end(JSON.stringify({ errorMessages: ['You are not authenticated.'] }));
        return;
      }
      res.end(JSON.stringify({ accountId, displayName: `User ${accountId}` }));
      return;
    }
    if (req.url === '/rest/api/3/serverInfo') {
      res.end(JSON.stringify({ baseUrl: 'http://jira.local', asApp }));
      return;
    }
    if (req.url?.startsWith('/rest/agile/1.0/board')) {
      res.end(JSON.stringify({ values: [{ id: 1, name: 'DEMO board' }], isLast: true, asUser: accountId ?? null }));
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ errorMessages: ['Not found'] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
