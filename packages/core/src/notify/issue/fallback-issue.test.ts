import { missingPermission, startGitHubServer, type GitHubTestServer } from '@release-guard/testkit';
import { createGitHubClient, type GitHubClient } from '../../github/client';
import { fileFallbackIssue, FallbackIssueError, type FallbackIssueRequest } from './fallback-issue';
import { issueMarker } from './issue-marker';

const ISSUES = '/repos/acme/widgets/issues';
let server: GitHubTestServer;
let client: GitHubClient;

function request(overrides: Partial<FallbackIssueRequest> = {}): FallbackIssueRequest {
  return {
    owner: 'acme',
    repo: 'widgets',
    runId: '42',
    tag: 'v1.2.3',
    title: 'Release validation failed: v1.2.3 (run 42): digest_mismatch',
    body: `${issueMarker('42', 'v1.2.3')}\nbody`,
    labels: ['ops-alert', 'provenance-failure'],
    knownIssueNumber: null,
    issuesWebUrl: `${server.urls.web}/acme/widgets/issues`,
    ...overrides,
  };
}

const fast = { retryDelayMs: 1 };

beforeEach(async () => {
  server = await startGitHubServer();
  server.repo('acme/widgets');
  client = createGitHubClient({
    baseUrl: server.url,
    token: 'ghs_test',
    retryDelayMs: 1,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    timeoutMs: 500,
    log: { warn: () => undefined },
  });
});
afterEach(async () => {
  await server.stop();
});

describe('fileFallbackIssue: one issue per run', () => {
  it('files a new issue with title, body and labels when the run has none', async () => {
    const issue = await fileFallbackIssue(client, request(), fast);
    expect(issue).toMatchObject({ number: 1, source: 'created', createAttempts: 1 });
    expect(issue.url).toBe(`${server.urls.web}/acme/widgets/issues/1`);
    expect(server.repo('acme/widgets').issues[0]).toMatchObject({
      title: request().title,
      labels: ['ops-alert', 'provenance-failure'],
    });
  });

  it('uses the manifest’s issue_number first and sends no create call', async () => {
    server.repo('acme/widgets').addIssue({ title: 'recorded', state: 'closed' });
    const issue = await fileFallbackIssue(client, request({ knownIssueNumber: 1 }), fast);
    expect(issue).toMatchObject({ number: 1, source: 'manifest' });
    expect(server.requestsTo('POST', ISSUES)).toHaveLength(0);
  });

  it('finds the run’s open issue by its marker, listing issues by label (not the search API)', async () => {
    const repo = server.repo('acme/widgets');
    repo.addIssue({ title: 'other run', body: issueMarker('41', 'v1.2.3'), labels: ['ops-alert'] });
    repo.addIssue({
      title: 'this run',
      body: `x\n${issueMarker('42', 'v1.2.3')}`,
      labels: ['provenance-failure'],
    });
    const issue = await fileFallbackIssue(client, request(), fast);
    expect(issue).toMatchObject({ number: 2, source: 'marker' });
    expect(server.requestsTo('POST', ISSUES)).toHaveLength(0);
    expect(server.requestsTo('GET', /\/search\//)).toHaveLength(0);
    expect(server.requestsTo('GET', ISSUES).map((r) => r.query)).toEqual([
      expect.objectContaining({ state: 'open', labels: 'ops-alert' }),
      expect.objectContaining({ state: 'open', labels: 'provenance-failure' }),
    ]);
  });

  it('files a new issue when the run’s earlier issue was closed', async () => {
    server.repo('acme/widgets').addIssue({
      title: 'closed',
      body: issueMarker('42', 'v1.2.3'),
      labels: ['ops-alert'],
      state: 'closed',
    });
    expect(await fileFallbackIssue(client, request(), fast)).toMatchObject({ number: 2, source: 'created' });
  });

  it('does not file a second issue when the create answer is lost after the issue was made (502)', async () => {
    server.faults.add({ method: 'POST', path: ISSUES, status: 502, afterHandling: true });
    const issue = await fileFallbackIssue(client, request(), fast);
    expect(issue).toMatchObject({ number: 1, source: 'created', createAttempts: 1 });
    expect(server.repo('acme/widgets').issues).toHaveLength(1);
    expect(server.requestsTo('POST', ISSUES)).toHaveLength(1);
  });

  it('does not file a second issue when the create call times out after the issue was made', async () => {
    server.faults.add({ method: 'POST', path: ISSUES, hang: true, afterHandling: true });
    const issue = await fileFallbackIssue(client, request(), fast);
    expect(issue).toMatchObject({ number: 1, source: 'created' });
    expect(server.repo('acme/widgets').issues).toHaveLength(1);
  });

  it('re-lists before each retry of a create call that failed before anything was made', async () => {
    server.faults.add({ method: 'POST', path: ISSUES, status: 502, times: 2 });
    const issue = await fileFallbackIssue(client, request(), fast);
    expect(issue).toMatchObject({ number: 1, source: 'created', createAttempts: 3 });
    const sequence = server.requests
      .filter((r) => r.path === ISSUES)
      .map((r) => `${r.method}${r.method === 'GET' ? ` ${r.query.labels}` : ''}`);
    expect(sequence).toEqual([
      'GET ops-alert',
      'GET provenance-failure',
      'POST',
      'GET ops-alert',
      'GET provenance-failure',
      'POST',
      'GET ops-alert',
      'GET provenance-failure',
      'POST',
    ]);
  });

  it('creates nothing blindly when the open issues cannot be listed first', async () => {
    server.faults.add({ method: 'GET', path: ISSUES, status: 503, times: Infinity });
    await expect(fileFallbackIssue(client, request(), fast)).rejects.toThrow(
      /could not list the open issues/,
    );
    expect(server.requestsTo('POST', ISSUES)).toHaveLength(0);
  });

  it('does not retry a failed create call when the issues cannot be listed to check it', async () => {
    // The two listings before the create call pass (a delay-only fault answers normally); then GitHub is down.
    server.faults.add({ method: 'GET', path: ISSUES, delayMs: 1, times: 2 });
    server.faults.add({ method: 'GET', path: ISSUES, status: 503, times: Infinity });
    server.faults.add({ method: 'POST', path: ISSUES, status: 502 });
    await expect(fileFallbackIssue(client, request(), fast)).rejects.toThrow(
      /creating the issue failed .* not retried, to avoid a second issue/,
    );
    expect(server.requestsTo('POST', ISSUES)).toHaveLength(1);
  });

  it('fails with the missing permission named, without retrying, on a 403', async () => {
    server.faults.add({ method: 'POST', path: ISSUES, ...missingPermission('issues=write') });
    const error = await fileFallbackIssue(client, request(), fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FallbackIssueError);
    expect(error).toMatchObject({ permission: true, message: expect.stringContaining('issues=write') });
    expect((error as Error).message).toContain('issues: write');
    expect(server.requestsTo('POST', ISSUES)).toHaveLength(1);
  });

  it('gives up after the create attempts, having checked in between', async () => {
    server.faults.add({ method: 'POST', path: ISSUES, status: 500, times: 3 });
    await expect(fileFallbackIssue(client, request(), { ...fast, createAttempts: 3 })).rejects.toThrow(
      /creating the issue failed 3 times/,
    );
    expect(server.repo('acme/widgets').issues).toHaveLength(0);
  });

  it('does not retry a 422', async () => {
    server.faults.add({ method: 'POST', path: ISSUES, status: 422 });
    await expect(fileFallbackIssue(client, request(), fast)).rejects.toThrow(
      /GitHub refused to create the issue/,
    );
    expect(server.requestsTo('POST', ISSUES)).toHaveLength(1);
  });
});
