import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The GitHub Actions OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN) on loopback. */
export interface OidcTokenServer {
  /** What the runner puts in ACTIONS_ID_TOKEN_REQUEST_URL (with its api-version query). */
  url: string;
  /** What the runner puts in ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  requestToken: string;
  /** The audience of every request served, in order. */
  readonly audiences: string[];
  close(): Promise<void>;
}

/** Answers `{ "value": token }` to a GET bearing `requestToken`, 401 otherwise. */
export async function startOidcTokenServer(token: string, requestToken: string): Promise<OidcTokenServer> {
  const audiences: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || req.headers.authorization !== `Bearer ${requestToken}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Bad credentials"}');
      return;
    }
    audiences.push(url.searchParams.get('audience') ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: token }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/token?api-version=2.0`,
    requestToken,
    audiences,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
