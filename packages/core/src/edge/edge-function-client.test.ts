import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postToEdgeFunction } from './edge-function-client';

const TOKEN = 'edge-token-for-tests-0123456789';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A loopback edge function: records each request, then answers it with `respond`. */
async function edgeFunction(respond: (res: http.ServerResponse) => void = (res) => res.end('{}')) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      respond(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/functions/v1/ingest`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

const servers: { close: () => Promise<unknown> }[] = [];
async function start(respond?: (res: http.ServerResponse) => void) {
  const server = await edgeFunction(respond);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('postToEdgeFunction', () => {
  it('posts JSON with Bearer and apikey, sets the query and keeps the URL’s own parameters', async () => {
    const edge = await start((res) =>
      res.writeHead(202, { 'content-type': 'application/json', 'retry-after': '5' }).end('{"ok":true}'),
    );
    const answer = await postToEdgeFunction({
      url: `${edge.url}?region=eu&source=old`,
      query: { source: 'provenance-validate' },
      token: TOKEN,
      payload: { tag: 'v1', run_id: '42' },
      timeoutMs: 2000,
    });
    expect(answer).toEqual({ status: 202, body: '{"ok":true}', retryAfter: '5', failure: null });
    expect(edge.received).toHaveLength(1);
    const [request] = edge.received;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/functions/v1/ingest?region=eu&source=provenance-validate');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${TOKEN}`,
      apikey: TOKEN,
    });
    expect(JSON.parse(request.body)).toEqual({ tag: 'v1', run_id: '42' });
  });

  it.each([301, 302, 307, 308])(
    'does not follow a %i to another host: that host receives nothing, so no apikey',
    async (status) => {
      const elsewhere = await start();
      const edge = await start((res) =>
        res.writeHead(status, { location: `${elsewhere.url}?stolen=1` }).end(),
      );
      const answer = await postToEdgeFunction({ url: edge.url, token: TOKEN, payload: {}, timeoutMs: 2000 });
      expect(answer).toEqual({
        status: null,
        body: null,
        retryAfter: null,
        failure: { kind: 'redirect', detail: 'answered with a redirect, which is not followed' },
      });
      expect(edge.received).toHaveLength(1);
      expect(elsewhere.received).toEqual([]);
    },
  );

  it('times out a call with no answer', async () => {
    const edge = await start(() => undefined);
    const answer = await postToEdgeFunction({ url: edge.url, token: TOKEN, payload: {}, timeoutMs: 100 });
    expect(answer).toEqual({
      status: null,
      body: null,
      retryAfter: null,
      failure: { kind: 'timeout', detail: 'no answer within 100 ms' },
    });
  });

  it('counts the answer body in the time limit, and keeps the status that arrived', async () => {
    const edge = await start((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"deliv');
    });
    const answer = await postToEdgeFunction({ url: edge.url, token: TOKEN, payload: {}, timeoutMs: 150 });
    expect(answer).toEqual({
      status: 200,
      body: null,
      retryAfter: null,
      failure: { kind: 'timeout', detail: 'no answer within 150 ms' },
    });
  });

  it('reports a refused connection by its code, without the URL, its query or the token', async () => {
    const edge = await start();
    const url = `${edge.url}?key=query-secret`;
    await edge.close();
    const answer = await postToEdgeFunction({ url, token: TOKEN, payload: {}, timeoutMs: 2000 });
    expect(answer.failure).toEqual({ kind: 'unreachable', detail: 'could not be reached (ECONNREFUSED)' });
    expect(JSON.stringify(answer)).not.toMatch(/127\.0\.0\.1|query-secret|edge-token/);
  });

  it('sends nothing to a URL that carries credentials, and does not repeat them', async () => {
    const edge = await start();
    const url = edge.url.replace('http://', 'http://user:url-password@');
    const answer = await postToEdgeFunction({ url, token: TOKEN, payload: {}, timeoutMs: 2000 });
    expect(answer).toMatchObject({ status: null, failure: { kind: 'unreachable' } });
    expect(JSON.stringify(answer)).not.toMatch(/url-password|user|edge-token/);
    expect(edge.received).toEqual([]);
  });

  it('never throws, even for a URL that is not one', async () => {
    const answer = await postToEdgeFunction({ url: 'not a url', token: TOKEN, payload: {}, timeoutMs: 100 });
    expect(answer).toEqual({
      status: null,
      body: null,
      retryAfter: null,
      failure: { kind: 'unreachable', detail: 'could not be reached' },
    });
  });
});
