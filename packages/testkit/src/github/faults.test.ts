import { badCredentials, missingPermission, primaryRateLimit, secondaryRateLimit } from './faults';
import { startGitHubServer, type GitHubTestServer } from './server';

let server: GitHubTestServer;
const R = '/repos/acme/widgets';

async function call(method: string, path: string, body?: unknown, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: 'token ghs_secret123' },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
    ...init,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

beforeEach(async () => {
  server = await startGitHubServer();
  server.repo('acme/widgets');
});

afterEach(async () => {
  await server.stop();
});

describe('fault injection', () => {
  it('plays queued faults for a route in order, then answers normally', async () => {
    server.faults.add({ method: 'GET', path: /\/issues$/, status: 502 });
    server.faults.add({ method: 'GET', path: /\/issues$/, status: 503, times: 2 });

    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('GET', `${R}/issues`)).status);
    expect(statuses).toEqual([502, 503, 503, 200]);
    expect(server.faults.pending()).toEqual([]);
  });

  it('matches method and path: a fault for POST leaves GET alone, a string path must match exactly', async () => {
    server.faults.add({ method: 'POST', path: /\/issues$/, status: 500 });
    server.faults.add({ path: `${R}/labels`, status: 404 });
    expect((await call('GET', `${R}/issues`)).status).toBe(200);
    expect((await call('GET', `${R}/labels/bug`)).status).toBe(404);
    expect((await call('GET', `${R}/labels`)).status).toBe(404);
    expect((await call('GET', `${R}/labels`)).status).toBe(200);
    expect(server.faults.pending()).toHaveLength(1);
  });

  it('loses the answer of a request it applied (afterHandling): the issue exists, the client saw 502', async () => {
    server.faults.add({ method: 'POST', path: /\/issues$/, status: 502, times: 1, afterHandling: true });
    const answer = await call('POST', `${R}/issues`, { title: 'Provenance failed', labels: ['ops-alert'] });
    expect(answer.status).toBe(502);
    expect(server.repo('acme/widgets').issues.map((i) => i.title)).toEqual(['Provenance failed']);
    expect(server.requests[0]).toMatchObject({ handled: true, status: 502, outcome: 'answered', fault: 1 });
  });

  it('answers before applying by default: the failed request changes nothing', async () => {
    server.faults.add({ method: 'POST', path: /\/issues$/, status: 502 });
    expect((await call('POST', `${R}/issues`, { title: 'x' })).status).toBe(502);
    expect(server.repo('acme/widgets').issues).toEqual([]);
    expect(server.requests[0]).toMatchObject({ handled: false, status: 502 });
    expect(server.requests[0].route).toBeUndefined();
  });

  it('sends a secondary rate limit with and without retry-after', async () => {
    server.faults.add({ path: /\/issues$/, ...secondaryRateLimit({ retryAfter: 3 }) });
    server.faults.add({ path: /\/issues$/, ...secondaryRateLimit() });
    const first = await call('GET', `${R}/issues`);
    expect(first.status).toBe(403);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.body.message).toMatch(/secondary rate limit/);
    const second = await call('GET', `${R}/issues`);
    expect(second.status).toBe(403);
    expect(second.headers.get('retry-after')).toBeNull();
  });

  it('sends a primary rate limit, a missing permission and bad credentials the way GitHub does', async () => {
    server.faults.add({ path: /\/issues$/, ...primaryRateLimit({ resetInSeconds: 30 }) });
    server.faults.add({ path: /\/issues$/, ...missingPermission('issues=write') });
    server.faults.add({ path: /\/issues$/, ...badCredentials() });
    const limited = await call('GET', `${R}/issues`);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    const denied = await call('POST', `${R}/issues`, { title: 'x' });
    expect(denied).toMatchObject({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    expect(denied.headers.get('x-accepted-github-permissions')).toBe('issues=write');
    expect((await call('GET', `${R}/issues`)).status).toBe(401);
  });

  it('answers 404, 409, 410, 422 and 5xx with GitHub-style bodies when the fault names no body', async () => {
    for (const status of [404, 409, 410, 422, 500, 503]) {
      server.faults.add({ path: `${R}/labels`, status });
      const answer = await call('GET', `${R}/labels`);
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({
        message: expect.any(String),
        documentation_url: expect.any(String),
        status: String(status),
      });
    }
  });

  it('delays an answer', async () => {
    server.faults.add({ path: `${R}/labels`, delayMs: 150 });
    const started = Date.now();
    expect((await call('GET', `${R}/labels`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('hangs until the client gives up, and still stops cleanly', async () => {
    server.faults.add({ path: `${R}/labels`, hang: true });
    await expect(
      call('GET', `${R}/labels`, undefined, { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect(server.requests[0].outcome).toBe('hung');
  });

  it('resets the connection after applying the request', async () => {
    server.faults.add({ method: 'POST', path: /\/labels$/, reset: true, afterHandling: true });
    await expect(call('POST', `${R}/labels`, { name: 'ops-alert' })).rejects.toThrow();
    expect(server.repo('acme/widgets').label('ops-alert')).toBeDefined();
    expect(server.requests[0]).toMatchObject({ outcome: 'reset', handled: true });
  });
});

describe('request log', () => {
  it('records method, path, query, body and headers with credentials redacted', async () => {
    await call('POST', `${R}/issues?x=1`, { title: 'logged' });
    const [entry] = server.requestsTo('POST', `${R}/issues`);
    expect(entry).toMatchObject({
      method: 'POST',
      base: 'api',
      path: `${R}/issues`,
      query: { x: '1' },
      body: { title: 'logged' },
      route: 'POST /repos/{owner}/{repo}/issues',
      status: 201,
    });
    expect(entry.headers.authorization).toBe('[redacted]');
    expect(JSON.stringify(server.requests)).not.toContain('ghs_secret123');
  });

  it('answers 401 to a wrong token when the server requires one', async () => {
    const guarded = await startGitHubServer({ token: 'ghs_right' });
    guarded.repo('acme/widgets');
    try {
      const wrong = await fetch(`${guarded.url}${R}/issues`, {
        headers: { authorization: 'token ghs_wrong' },
      });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${guarded.url}${R}/issues`, {
        headers: { authorization: 'Bearer ghs_right' },
      });
      expect(right.status).toBe(200);
    } finally {
      await guarded.stop();
    }
  });
});

describe('blob host', () => {
  it('is another origin that records whether a download carried an Authorization header', async () => {
    const repo = server.repo('acme/widgets');
    const run = repo.addRun();
    const artifact = repo.addArtifact({ run_id: run.id, name: 'provenance', zip: Buffer.from('PK-bytes') });

    // fetch drops Authorization when a redirect crosses origins: the blob host sees none.
    const followed = await fetch(`${server.url}${R}/actions/artifacts/${artifact.id}/zip`, {
      headers: { authorization: 'token ghs_secret123' },
    });
    expect(followed.status).toBe(200);
    expect(Buffer.from(await followed.arrayBuffer()).toString()).toBe('PK-bytes');
    expect(server.blobHost.requests).toEqual([
      expect.objectContaining({ authorization: false, status: 200 }),
    ]);

    // A client that forwards the token by hand is caught, and refused as Azure refuses it.
    const redirect = await call('GET', `${R}/actions/artifacts/${artifact.id}/zip`);
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') as string;
    const leaked = await fetch(location, { headers: { authorization: 'token ghs_secret123' } });
    expect(leaked.status).toBe(400);
    expect(server.blobHost.requests[1]).toMatchObject({ authorization: true, status: 400 });
    expect(JSON.stringify(server.blobHost.requests)).not.toContain('ghs_secret123');
  });
});
