import { RequestError } from '@octokit/request-error';
import {
  badCredentials,
  buildZip,
  missingPermission,
  primaryRateLimit,
  secondaryRateLimit,
  startGitHubServer,
  type GitHubTestServer,
} from '@release-guard/testkit';
import { ReleaseGuardError } from '../errors';
import { createGitHubClient, resolveGitHubApiUrl, type GitHubClientOptions } from './client';
import {
  GitHubPermissionError,
  GitHubRateLimitError,
  GitHubTimeoutError,
  parseAcceptedPermissions,
} from './request-errors';

let server: GitHubTestServer;
let warnings: string[];
const owner = 'acme';
const repo = 'widgets';

/** A client for the test server with small delays, so that retries and waits stay fast. */
function client(options: GitHubClientOptions = {}) {
  return createGitHubClient({
    baseUrl: server.url,
    token: 'ghs_testtoken',
    retryDelayMs: 1,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    timeoutMs: 2000,
    ...options,
    rateLimit: { minWaitMs: 20, ...options.rateLimit },
    log: { warn: (message) => warnings.push(message) },
  });
}

beforeEach(async () => {
  warnings = [];
  server = await startGitHubServer();
  server.repo('acme/widgets');
});

afterEach(async () => {
  await server.stop();
});

describe('base URL', () => {
  it('honours GITHUB_API_URL, as on a GitHub Enterprise Server runner (API under /api/v3)', async () => {
    const octokit = createGitHubClient({ env: { GITHUB_API_URL: `${server.url}/` }, writeIntervalMs: 0 });
    await octokit.rest.issues.listForRepo({ owner, repo });
    expect(server.requests).toEqual([
      expect.objectContaining({ base: 'api', path: '/repos/acme/widgets/issues' }),
    ]);
  });

  it('defaults to api.github.com, prefers an explicit base URL, and refuses a URL that is not one', () => {
    expect(resolveGitHubApiUrl(undefined, {})).toBe('https://api.github.com');
    expect(resolveGitHubApiUrl('https://ghes.example.com/api/v3/', { GITHUB_API_URL: 'https://x' })).toBe(
      'https://ghes.example.com/api/v3',
    );
    expect(() => resolveGitHubApiUrl(undefined, { GITHUB_API_URL: 'not a url' })).toThrow(ReleaseGuardError);
    expect(() => resolveGitHubApiUrl('file:///etc/passwd')).toThrow(/http\(s\)/);
  });
});

describe('retries', () => {
  it('retries a GET after 502 and 503 and succeeds on the third try', async () => {
    server.faults.add({ method: 'GET', path: /\/labels$/, status: 502 });
    server.faults.add({ method: 'GET', path: /\/labels$/, status: 503 });
    const { status } = await client().rest.issues.listLabelsForRepo({ owner, repo });
    expect(status).toBe(200);
    expect(server.requestsTo('GET', /\/labels$/).map((r) => r.status)).toEqual([502, 503, 200]);
  });

  it('gives up on a GET after its retries and reports the last 5xx', async () => {
    server.faults.add({ method: 'GET', path: /\/labels$/, status: 500, times: Infinity });
    await expect(client({ retries: 2 }).rest.issues.listLabelsForRepo({ owner, repo })).rejects.toMatchObject(
      { status: 500 },
    );
    expect(server.requestsTo('GET', /\/labels$/)).toHaveLength(3);
  });

  it('does not retry a POST that answered 502', async () => {
    server.faults.add({ method: 'POST', path: /\/issues$/, status: 502 });
    await expect(client().rest.issues.create({ owner, repo, title: 'x' })).rejects.toMatchObject({
      status: 502,
    });
    expect(server.requestsTo('POST', /\/issues$/)).toHaveLength(1);
  });

  it('does not repeat an issue creation whose answer was lost: one request, one issue', async () => {
    server.faults.add({ method: 'POST', path: /\/issues$/, status: 502, times: 1, afterHandling: true });
    await expect(
      client().rest.issues.create({ owner, repo, title: 'Provenance failed' }),
    ).rejects.toMatchObject({ status: 502 });
    expect(server.requestsTo('POST', /\/issues$/)).toHaveLength(1);
    expect(server.repo('acme/widgets').issues).toHaveLength(1);
  });

  it('does not retry 409 (a stale contents sha) or 410', async () => {
    server.repo('acme/widgets').putFile('manifest.json', '{}');
    await expect(
      client().rest.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: 'manifest.json',
        message: 'm',
        content: '',
        sha: 'f'.repeat(40),
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(server.requestsTo('PUT', /contents/)).toHaveLength(1);

    const run = server.repo('acme/widgets').addRun();
    const artifact = server.repo('acme/widgets').addArtifact({ run_id: run.id, name: 'old', expired: true });
    await expect(
      client().rest.actions.downloadArtifact({
        owner,
        repo,
        artifact_id: artifact.id,
        archive_format: 'zip',
      }),
    ).rejects.toMatchObject({ status: 410 });
    expect(server.requestsTo('GET', /\/zip$/)).toHaveLength(1);
  });

  it('lets a caller opt a request it knows to be safe into retries', async () => {
    server.faults.add({ method: 'POST', path: /\/rerun-failed-jobs$/, status: 502 });
    const run = server.repo('acme/widgets').addRun({ conclusion: 'failure' });
    await client().rest.actions.reRunWorkflowFailedJobs({
      owner,
      repo,
      run_id: run.id,
      request: { retries: 1 },
    });
    expect(server.requestsTo('POST', /\/rerun-failed-jobs$/).map((r) => r.status)).toEqual([502, 201]);
  });
});

describe('time limits', () => {
  it('times out an attempt that gets no answer, and retries it for a GET', async () => {
    server.faults.add({ method: 'GET', path: /\/labels$/, hang: true });
    const { status } = await client({ timeoutMs: 150 }).rest.issues.listLabelsForRepo({ owner, repo });
    expect(status).toBe(200);
    expect(server.requestsTo('GET', /\/labels$/).map((r) => r.outcome)).toEqual(['hung', 'answered']);
  });

  it('reports a timed-out POST without repeating it', async () => {
    server.faults.add({ method: 'POST', path: /\/issues$/, hang: true, afterHandling: true });
    const started = Date.now();
    const error = await client({ timeoutMs: 150 })
      .rest.issues.create({ owner, repo, title: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubTimeoutError);
    expect((error as Error).message).toBe(
      'POST /api/v3/repos/acme/widgets/issues: GitHub did not answer within 150 ms',
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.requestsTo('POST', /\/issues$/)).toHaveLength(1);
  });

  it('takes a per-call limit from request.timeout', async () => {
    server.faults.add({ method: 'GET', path: /\/labels$/, delayMs: 300, times: Infinity });
    await expect(
      client({ retries: 0 }).rest.issues.listLabelsForRepo({ owner, repo, request: { timeout: 50 } }),
    ).rejects.toBeInstanceOf(GitHubTimeoutError);
  });
});

describe('rate limits', () => {
  it('honours retry-after on a secondary rate limit, then succeeds', async () => {
    server.faults.add({ method: 'GET', path: /\/labels$/, ...secondaryRateLimit({ retryAfter: 1 }) });
    const started = Date.now();
    await client().rest.issues.listLabelsForRepo({ owner, repo });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(server.requestsTo('GET', /\/labels$/).map((r) => r.status)).toEqual([403, 200]);
    expect(warnings[0]).toMatch(/secondary rate limit; waiting 1 s before retry 1 of 3/);
  });

  it('waits at least the minimum without retry-after and backs off, also for a POST it was refused', async () => {
    server.faults.add({ method: 'POST', path: /\/issues$/, ...secondaryRateLimit(), times: 2 });
    const started = Date.now();
    await client({ rateLimit: { minWaitMs: 50 } }).rest.issues.create({ owner, repo, title: 'once' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(server.requestsTo('POST', /\/issues$/).map((r) => r.status)).toEqual([403, 403, 201]);
    expect(server.repo('acme/widgets').issues).toHaveLength(1);
  });

  it('treats 429 as a rate limit too', async () => {
    server.faults.add({ method: 'GET', path: /\/labels$/, ...secondaryRateLimit({ status: 429 }) });
    await client().rest.issues.listLabelsForRepo({ owner, repo });
    expect(server.requestsTo('GET', /\/labels$/).map((r) => r.status)).toEqual([429, 200]);
  });

  it('bounds the retries', async () => {
    server.faults.add({ method: 'GET', path: /\/labels$/, ...secondaryRateLimit(), times: Infinity });
    const error = await client({ rateLimit: { maxRetries: 2, minWaitMs: 5 } })
      .rest.issues.listLabelsForRepo({ owner, repo })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect((error as GitHubRateLimitError).kind).toBe('secondary');
    expect((error as Error).message).toMatch(/still held after 2 retries/);
    expect(server.requestsTo('GET', /\/labels$/)).toHaveLength(3);
  });

  it('does not start a wait longer than the total allowed', async () => {
    server.faults.add({ method: 'GET', path: /\/labels$/, ...secondaryRateLimit({ retryAfter: 120 }) });
    const started = Date.now();
    await expect(
      client({ rateLimit: { maxTotalWaitMs: 5_000 } }).rest.issues.listLabelsForRepo({ owner, repo }),
    ).rejects.toThrow(/asks for 120 s more, past the 5 s this client may wait/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up at once on a primary limit that resets too late', async () => {
    server.faults.add({ method: 'GET', path: /\/labels$/, ...primaryRateLimit({ resetInSeconds: 3600 }) });
    const error = await client()
      .rest.issues.listLabelsForRepo({ owner, repo })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect((error as GitHubRateLimitError).kind).toBe('primary');
    expect(server.requestsTo('GET', /\/labels$/)).toHaveLength(1);
  });
});

describe('permission errors', () => {
  it('does not retry a 403 for a missing permission and names the permission', async () => {
    server.faults.add({
      method: 'POST',
      path: /\/issues$/,
      ...missingPermission('issues=write'),
      times: Infinity,
    });
    const error = await client()
      .rest.issues.create({ owner, repo, title: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubPermissionError);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ status: 403, accepted: [['issues=write']], name: 'GitHubPermissionError' });
    expect((error as Error).message).toBe(
      'POST /api/v3/repos/acme/widgets/issues: GitHub refused the request (403 Resource not accessible by integration): ' +
        "the token lacks the permission issues=write; grant it in the job's permissions: block (issues: write).",
    );
    expect(server.requestsTo('POST', /\/issues$/)).toHaveLength(1);
  });

  it('lists every permission set GitHub accepts', async () => {
    server.faults.add({
      path: /\/labels$/,
      ...missingPermission('repository_projects=write; organization_projects=admin'),
    });
    await expect(client().rest.issues.listLabelsForRepo({ owner, repo })).rejects.toThrow(
      /GitHub accepts any one of: repository_projects=write; organization_projects=admin/,
    );
  });

  it('explains a 401 and does not retry it', async () => {
    server.faults.add({ path: /\/labels$/, ...badCredentials(), times: Infinity });
    const error = await client()
      .rest.issues.listLabelsForRepo({ owner, repo })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubPermissionError);
    expect((error as Error).message).toMatch(/rejected the token \(401 Bad credentials\)/);
    expect(server.requestsTo('GET', /\/labels$/)).toHaveLength(1);
  });

  it('leaves other 403s (a refused re-run) as GitHub sent them, unretried', async () => {
    const old = server
      .repo('acme/widgets')
      .addRun({ created_at: new Date(Date.now() - 40 * 86_400_000), conclusion: 'failure' });
    const error = await client()
      .rest.actions.reRunWorkflow({ owner, repo, run_id: old.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).not.toBeInstanceOf(GitHubPermissionError);
    expect((error as RequestError).message).toMatch(/created over a month ago/);
    expect(server.requestsTo('POST', /\/rerun$/)).toHaveLength(1);
  });

  it('parses x-accepted-github-permissions', () => {
    expect(parseAcceptedPermissions('contents=read,metadata=read; actions=write')).toEqual([
      ['contents=read', 'metadata=read'],
      ['actions=write'],
    ]);
    expect(parseAcceptedPermissions(undefined)).toEqual([]);
  });
});

describe('downloads and pacing', () => {
  it('downloads an artifact through the redirect without sending the token to the blob host', async () => {
    const zip = await buildZip({ 'app.tar.gz': 'bytes' });
    const run = server.repo('acme/widgets').addRun();
    const artifact = server.repo('acme/widgets').addArtifact({ run_id: run.id, name: 'app', zip });
    const { data } = await client().rest.actions.downloadArtifact({
      owner,
      repo,
      artifact_id: artifact.id,
      archive_format: 'zip',
    });
    expect(Buffer.from(data as ArrayBuffer).equals(zip)).toBe(true);
    expect(server.requests[0].headers.authorization).toBe('[redacted]');
    expect(server.blobHost.requests).toEqual([
      expect.objectContaining({ authorization: false, status: 200 }),
    ]);
  });

  it('spaces mutating requests by the write interval', async () => {
    const octokit = client({ writeIntervalMs: 100 });
    const started = Date.now();
    await Promise.all(['a', 'b', 'c'].map((name) => octokit.rest.issues.createLabel({ owner, repo, name })));
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(
      server
        .repo('acme/widgets')
        .labels.map((l) => l.name)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
  });

  it('paginates lists', async () => {
    for (let i = 0; i < 5; i++)
      server.repo('acme/widgets').addIssue({ title: `i${i}`, labels: ['ops-alert'] });
    const octokit = client();
    const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner,
      repo,
      labels: 'ops-alert',
      per_page: 2,
    });
    expect(issues).toHaveLength(5);
  });
});
