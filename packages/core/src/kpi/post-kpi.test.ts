import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postKpi } from './post-kpi';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

async function kpiServer(statuses: number[], hangMs = 0) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body) });
      const status = statuses.shift() ?? 200;
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end('{}'), hangMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/functions/v1/provenance-validate`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('KPI post', () => {
  it('posts the record with Bearer and apikey headers', async () => {
    const kpi = await kpiServer([200]);
    const result = await postKpi(
      { tag: 'v1', run_id: '42', status: 'success', verified_at: '2026-01-01T00:00:00Z' },
      { url: kpi.url, token: 'sekret' },
    );
    await kpi.close();
    expect(result).toMatchObject({ delivered: true, status: 200 });
    expect(kpi.received[0].headers.authorization).toBe('Bearer sekret');
    expect(kpi.received[0].headers.apikey).toBe('sekret');
    expect(kpi.received[0].body).toEqual({
      tag: 'v1',
      run_id: '42',
      status: 'success',
      verified_at: '2026-01-01T00:00:00Z',
    });
  });

  it('retries a 5xx once, then reports the outage without throwing', async () => {
    const kpi = await kpiServer([503, 503]);
    const result = await postKpi(
      { tag: 'v1', run_id: '42', status: 'failure', failure_reason: 'digest_mismatch' },
      { url: kpi.url, token: 't', retryDelayMs: 1 },
    );
    await kpi.close();
    expect(result).toMatchObject({ delivered: false, status: 503, attempts: 2 });
  });

  it('does not retry a 4xx', async () => {
    const kpi = await kpiServer([401]);
    const result = await postKpi(
      { tag: 'v1', run_id: '42', status: 'success' },
      { url: kpi.url, token: 't', retryDelayMs: 1 },
    );
    await kpi.close();
    expect(result).toMatchObject({ delivered: false, status: 401, attempts: 1 });
  });

  it('reports a server that is down or hangs, and never leaks the token in the error', async () => {
    const down = await postKpi(
      { tag: 'v1', run_id: '1', status: 'success' },
      { url: 'http://127.0.0.1:9/x', token: 'sekret', retryDelayMs: 1 },
    );
    expect(down).toMatchObject({ delivered: false, status: null });
    expect(down.error).not.toContain('sekret');
    const kpi = await kpiServer([200, 200], 2000);
    const slow = await postKpi(
      { tag: 'v1', run_id: '1', status: 'success' },
      { url: kpi.url, token: 't', timeoutMs: 100, attempts: 1 },
    );
    await kpi.close();
    expect(slow).toMatchObject({ delivered: false, error: 'KPI endpoint timed out' });
  });

  it('refuses a redirect: the other host receives nothing (so no apikey), and the post is not delivered', async () => {
    const elsewhere = await kpiServer([200]);
    const redirecting = http.createServer((_req, res) =>
      res.writeHead(307, { location: elsewhere.url }).end(),
    );
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/functions/v1/provenance-validate`;
    const result = await postKpi(
      { tag: 'v1', run_id: '42', status: 'success' },
      { url, token: 'sekret', retryDelayMs: 1 },
    );
    await new Promise((resolve) => redirecting.close(resolve));
    await elsewhere.close();
    expect(result).toEqual({
      delivered: false,
      status: null,
      error: 'KPI endpoint answered with a redirect, which is not followed',
      attempts: 1,
    });
    expect(elsewhere.received).toEqual([]);
  });
});
