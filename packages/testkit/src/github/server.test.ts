import { buildZip } from '../zip';
import { OpenApiValidator } from './openapi-validator';
import { ROUTES } from './routes';
import { startGitHubServer, type GitHubTestServer } from './server';
import { gitBlobSha, sha256Digest, type FakeRepo } from './state';

let openapi: OpenApiValidator;
let server: GitHubTestServer;
let repo: FakeRepo;
/** Routes whose success answer was checked against the OpenAPI description. */
const validated = new Set<string>();

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * One request to the server; the answer is checked against GitHub's OpenAPI description for its
 * route and status before it is returned.
 */
async function call(
  method: string,
  path: string,
  body?: unknown,
  options: { base?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const raw = Buffer.isBuffer(body);
  const response = await fetch(`${options.base ?? server.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      accept: 'application/vnd.github+json',
      ...(body !== undefined
        ? { 'content-type': raw ? 'application/octet-stream' : 'application/json' }
        : {}),
      ...options.headers,
    },
    body: body === undefined ? undefined : raw ? (body as Buffer) : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = /json/.test(response.headers.get('content-type') ?? '')
    ? JSON.parse(text)
    : text || undefined;
  const entry = server.requests[server.requests.length - 1];
  if (entry.route && entry.base !== 'web') {
    const [routeMethod, template] = entry.route.split(' ');
    const problems = openapi.validate(routeMethod, template, response.status, parsed, entry.responseHeaders);
    expect({ route: entry.route, status: response.status, problems }).toEqual({
      route: entry.route,
      status: response.status,
      problems: [],
    });
    if (response.status < 400) validated.add(entry.route);
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

const R = '/repos/acme/widgets';
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  openapi = new OpenApiValidator();
  server = await startGitHubServer();
  repo = server.repo('acme/widgets');
});

afterAll(async () => {
  await server.stop();
});

describe('GitHub test server: workflow runs', () => {
  it('serves a seeded run and lists runs newest first with filters', async () => {
    const old = repo.addRun({
      created_at: new Date(Date.now() - 3 * DAY),
      conclusion: 'failure',
      head_branch: 'main',
    });
    const recent = repo.addRun({ conclusion: 'success', head_branch: 'release' });

    const one = await call('GET', `${R}/actions/runs/${old.id}`);
    expect(one.body).toMatchObject({
      id: old.id,
      status: 'completed',
      conclusion: 'failure',
      run_attempt: 1,
    });

    const all = await call('GET', `${R}/actions/runs`);
    const ids = (all.body as { workflow_runs: { id: number }[] }).workflow_runs.map((r) => r.id);
    expect(ids.indexOf(recent.id)).toBeLessThan(ids.indexOf(old.id));

    const failed = await call('GET', `${R}/actions/runs?status=failure`);
    expect((failed.body as { workflow_runs: { id: number }[] }).workflow_runs.map((r) => r.id)).toEqual([
      old.id,
    ]);
    const since = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    const fresh = await call('GET', `${R}/actions/runs?created=>=${since}&branch=release`);
    expect((fresh.body as { total_count: number }).total_count).toBe(1);

    const byWorkflow = await call('GET', `${R}/actions/workflows/release.yml/runs?per_page=1`);
    expect((byWorkflow.body as { workflow_runs: unknown[] }).workflow_runs).toHaveLength(1);
    expect(byWorkflow.headers.get('link')).toContain('rel="next"');
  });

  it('re-runs a completed run as a new attempt and keeps the previous attempt readable', async () => {
    const run = repo.addRun({ conclusion: 'failure', nextAttempt: { conclusion: 'success', afterReads: 2 } });

    expect((await call('POST', `${R}/actions/runs/${run.id}/rerun-failed-jobs`)).status).toBe(201);
    expect(run.reruns).toEqual([expect.objectContaining({ kind: 'failed' })]);

    const polled = await call('GET', `${R}/actions/runs/${run.id}`);
    expect(polled.body).toMatchObject({ run_attempt: 2, status: 'in_progress', conclusion: null });
    const done = await call('GET', `${R}/actions/runs/${run.id}/attempts/2`);
    expect(done.body).toMatchObject({ run_attempt: 2, status: 'completed', conclusion: 'success' });
    const first = await call('GET', `${R}/actions/runs/${run.id}/attempts/1`);
    expect(first.body).toMatchObject({ run_attempt: 1, status: 'completed', conclusion: 'failure' });

    expect((await call('POST', `${R}/actions/runs/${run.id}/rerun`)).status).toBe(201);
    expect(run).toMatchObject({ run_attempt: 3, status: 'queued' });
  });

  it('refuses to re-run a run older than 30 days or one still running, with GitHub messages', async () => {
    const old = repo.addRun({ created_at: new Date(Date.now() - 31 * DAY), conclusion: 'failure' });
    const tooOld = await call('POST', `${R}/actions/runs/${old.id}/rerun`);
    expect(tooOld.status).toBe(403);
    expect(tooOld.body).toMatchObject({
      message: 'Unable to retry this workflow run because it was created over a month ago',
    });

    const running = repo.addRun({ status: 'in_progress' });
    const busy = await call('POST', `${R}/actions/runs/${running.id}/rerun-failed-jobs`);
    expect(busy.status).toBe(403);
    expect(busy.body).toMatchObject({ message: 'This workflow run cannot be retried' });
    expect(old.run_attempt).toBe(1);
  });

  it('dispatches a workflow: 204, or the new run id when asked for run details', async () => {
    repo.addWorkflow({ path: '.github/workflows/provenance-recover.yml' });
    const plain = await call('POST', `${R}/actions/workflows/provenance-recover.yml/dispatches`, {
      ref: 'main',
      inputs: { run_id: '1', tag: 'v1.2.3', reason: 'flaky' },
    });
    expect(plain.status).toBe(204);
    expect(repo.dispatches[0]).toMatchObject({ ref: 'main', inputs: { tag: 'v1.2.3' } });

    const detailed = await call('POST', `${R}/actions/workflows/provenance-recover.yml/dispatches`, {
      ref: 'refs/tags/v1.2.3',
      return_run_details: true,
    });
    expect(detailed.status).toBe(200);
    const runId = (detailed.body as { workflow_run_id: number }).workflow_run_id;
    expect(repo.run(runId)).toMatchObject({
      event: 'workflow_dispatch',
      head_branch: 'v1.2.3',
      status: 'queued',
    });

    expect((await call('POST', `${R}/actions/workflows/nope.yml/dispatches`, { ref: 'main' })).status).toBe(
      404,
    );
    expect((await call('POST', `${R}/actions/workflows/provenance-recover.yml/dispatches`, {})).status).toBe(
      422,
    );
  });
});

describe('GitHub test server: artifacts', () => {
  it('lists, describes and redirects artifact downloads to the blob host', async () => {
    const run = repo.addRun();
    const zip = await buildZip({ 'provenance.intoto.jsonl': '{"payload":"x"}\n' });
    const artifact = repo.addArtifact({ run_id: run.id, name: 'provenance', zip });
    repo.addArtifact({ run_id: run.id, name: 'sbom' });

    const listed = await call('GET', `${R}/actions/runs/${run.id}/artifacts?name=provenance`);
    expect(listed.body).toMatchObject({
      total_count: 1,
      artifacts: [{ id: artifact.id, expired: false, size_in_bytes: zip.length }],
    });
    const described = await call('GET', `${R}/actions/artifacts/${artifact.id}`);
    expect((described.body as { digest: string }).digest).toMatch(/^sha256:[0-9a-f]{64}$/);

    const redirect = await call('GET', `${R}/actions/artifacts/${artifact.id}/zip`);
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') as string;
    expect(new URL(location).origin).toBe(server.blobHost.url);
    expect(new URL(location).origin).not.toBe(new URL(server.url).origin);
    const blob = await fetch(location);
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(zip);
  });

  it('answers 410 for an expired artifact and reports it expired', async () => {
    const run = repo.addRun();
    const artifact = repo.addArtifact({ run_id: run.id, name: 'old', expired: true });
    expect((await call('GET', `${R}/actions/artifacts/${artifact.id}`)).body).toMatchObject({
      expired: true,
    });
    const gone = await call('GET', `${R}/actions/artifacts/${artifact.id}/zip`);
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ message: 'Artifact has expired' });
  });
});

describe('GitHub test server: issues and labels', () => {
  it('creates issues (creating missing labels), lists them by label and state, updates and comments', async () => {
    const created = await call('POST', `${R}/issues`, {
      title: 'Provenance validation failed for v1.2.3',
      body: 'run 42\n<!-- release-guard:run=42 -->',
      labels: ['ops-alert', 'provenance-failure'],
    });
    expect(created.status).toBe(201);
    const number = (created.body as { number: number }).number;
    expect(repo.label('ops-alert')).toBeDefined();
    await call('POST', `${R}/issues`, { title: 'unrelated', labels: ['ops-alert'] });

    const both = await call('GET', `${R}/issues?labels=ops-alert,provenance-failure&state=open`);
    expect((both.body as { number: number }[]).map((i) => i.number)).toEqual([number]);

    const closed = await call('PATCH', `${R}/issues/${number}`, { state: 'closed' });
    expect(closed.body).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect((await call('GET', `${R}/issues?labels=provenance-failure`)).body).toEqual([]);
    expect((await call('GET', `${R}/issues?labels=provenance-failure&state=closed`)).body).toHaveLength(1);

    const comment = await call('POST', `${R}/issues/${number}/comments`, { body: 'Re-run requested.' });
    expect(comment.status).toBe(201);
    expect((await call('GET', `${R}/issues/${number}`)).body).toMatchObject({ comments: 1 });
    expect((await call('GET', `${R}/issues/${number}/comments`)).body).toHaveLength(1);

    expect((await call('POST', `${R}/issues`, { body: 'no title' })).status).toBe(422);
    expect((await call('GET', `${R}/issues/9999`)).status).toBe(404);
  });

  it('gets and creates labels; a duplicate is 422 already_exists', async () => {
    expect((await call('GET', `${R}/labels/security-backcompat`)).status).toBe(404);
    const created = await call('POST', `${R}/labels`, { name: 'security-backcompat', color: 'B60205' });
    expect(created.status).toBe(201);
    expect((await call('GET', `${R}/labels/Security-Backcompat`)).body).toMatchObject({
      name: 'security-backcompat',
    });
    const again = await call('POST', `${R}/labels`, { name: 'security-backcompat' });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ errors: [{ code: 'already_exists' }] });
    expect((await call('GET', `${R}/labels`)).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'security-backcompat' })]),
    );
  });
});

describe('GitHub test server: releases', () => {
  it('creates a release, uploads an asset to the uploads URL, and finds both again', async () => {
    const created = await call('POST', `${R}/releases`, { tag_name: 'v1.2.3', name: 'v1.2.3' });
    expect(created.status).toBe(201);
    const release = created.body as { id: number; upload_url: string };
    expect(release.upload_url.startsWith(server.urls.uploads)).toBe(true);

    const uploadUrl = release.upload_url.replace(/\{\?name,label\}$/, '?name=app.tar.gz.sigstore.json');
    const upload = await call(
      'POST',
      uploadUrl.slice(server.urls.uploads.length),
      Buffer.from('{"bundle":1}'),
      {
        base: server.urls.uploads,
      },
    );
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ name: 'app.tar.gz.sigstore.json', size: 12, state: 'uploaded' });
    const duplicate = await call('POST', uploadUrl.slice(server.urls.uploads.length), Buffer.from('x'), {
      base: server.urls.uploads,
    });
    expect(duplicate.status).toBe(422);

    const byTag = await call('GET', `${R}/releases/tags/v1.2.3`);
    expect((byTag.body as { assets: unknown[] }).assets).toHaveLength(1);
    expect((await call('GET', `${R}/releases/${release.id}`)).body).toMatchObject({ tag_name: 'v1.2.3' });
    const assets = (await call('GET', `${R}/releases/${release.id}/assets`)).body as {
      id: number;
      browser_download_url: string;
    }[];
    expect(assets).toHaveLength(1);
    expect((await call('GET', `${R}/releases`)).body).toHaveLength(1);

    expect((await call('GET', `${R}/releases/assets/${assets[0].id}`)).body).toMatchObject({
      name: 'app.tar.gz.sigstore.json',
    });
    const binary = await call('GET', `${R}/releases/assets/${assets[0].id}`, undefined, {
      headers: { accept: 'application/octet-stream' },
    });
    expect(binary.status).toBe(302);
    const downloaded = await fetch(assets[0].browser_download_url);
    expect(await downloaded.text()).toBe('{"bundle":1}');

    expect((await call('POST', `${R}/releases`, { tag_name: 'v1.2.3' })).status).toBe(422);
    expect((await call('GET', `${R}/releases/tags/v9.9.9`)).status).toBe(404);
  });
});

describe('GitHub test server: drafts, publishing and immutable releases', () => {
  afterEach(() => {
    repo.tokenCanPush = true;
    repo.immutableReleases = false;
  });

  const upload = (release: { upload_url: string }, name: string, bytes: Buffer) => {
    const url = new URL(release.upload_url.replace(/\{\?name,label\}$/, `?name=${encodeURIComponent(name)}`));
    return call('POST', url.pathname + url.search, bytes, { base: url.origin });
  };

  it('keeps drafts out of the by-tag lookup, lists them to a pusher, and publishes them', async () => {
    const created = await call('POST', `${R}/releases`, { tag_name: 'v2.0.0', draft: true });
    const draft = created.body as { id: number; upload_url: string; draft: boolean };
    expect(draft.draft).toBe(true);
    expect(new URL(draft.upload_url.replace(/\{.*\}$/, '')).origin).not.toBe(new URL(server.url).origin);
    expect((await call('GET', `${R}/releases/tags/v2.0.0`)).status).toBe(404);
    expect((await call('GET', `${R}/releases?per_page=100`)).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: draft.id, draft: true })]),
    );
    // A second draft for one tag is allowed, as on GitHub.
    expect((await call('POST', `${R}/releases`, { tag_name: 'v2.0.0', draft: true })).status).toBe(201);

    const answer = await upload(draft, 'app.tar.gz', Buffer.from('app'));
    expect(answer.body).toMatchObject({ digest: sha256Digest(Buffer.from('app')), size: 3 });
    const published = await call('PATCH', `${R}/releases/${draft.id}`, { draft: false });
    expect(published.body).toMatchObject({ draft: false, immutable: false, tag_name: 'v2.0.0' });
    expect((await call('GET', `${R}/releases/tags/v2.0.0`)).body).toMatchObject({ id: draft.id });
  });

  it('hides drafts from a token without push access and refuses its writes with 403', async () => {
    const draft = repo.addRelease({ tag_name: 'v2.1.0', draft: true });
    repo.tokenCanPush = false;
    const list = (await call('GET', `${R}/releases`)).body as { id: number }[];
    expect(list.map((r) => r.id)).not.toContain(draft.id);
    expect((await call('GET', `${R}/releases/${draft.id}`)).status).toBe(404);
    const refused = await call('POST', `${R}/releases`, { tag_name: 'v2.1.1' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-github-permissions')).toBe('contents=write');
  });

  it('locks the assets of a release published with immutable releases on', async () => {
    repo.immutableReleases = true;
    const draft = repo.addRelease({
      tag_name: 'v3.0.0',
      draft: true,
      assets: [{ name: 'a.txt', data: 'a' }],
    });
    const rendered = (await call('GET', `${R}/releases/${draft.id}`)).body as { upload_url: string };
    expect((await call('PATCH', `${R}/releases/${draft.id}`, { draft: false })).body).toMatchObject({
      immutable: true,
    });
    const refused = await upload(rendered, 'b.txt', Buffer.from('b'));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ message: 'Cannot upload assets to an immutable release' });
    const asset = draft.assets[0];
    expect((await call('DELETE', `${R}/releases/assets/${asset.id}`)).status).toBe(422);
    expect((await call('PATCH', `${R}/releases/${draft.id}`, { draft: true })).status).toBe(422);
    expect(draft.assets).toHaveLength(1);
  });

  it('deletes an asset of a draft and accepts the name again', async () => {
    const draft = repo.addRelease({
      tag_name: 'v4.0.0',
      draft: true,
      assets: [{ name: 'a.txt', data: 'a' }],
    });
    const rendered = (await call('GET', `${R}/releases/${draft.id}`)).body as { upload_url: string };
    expect((await call('DELETE', `${R}/releases/assets/${draft.assets[0].id}`)).status).toBe(204);
    expect((await call('DELETE', `${R}/releases/assets/999999`)).status).toBe(404);
    expect((await upload(rendered, 'a.txt', Buffer.from('again'))).status).toBe(201);
    expect(draft.assets.map((a) => a.data.toString())).toEqual(['again']);
  });

  it('stores a corrupted upload when told to, so the digest answered differs from the bytes sent', async () => {
    const draft = repo.addRelease({ tag_name: 'v5.0.0', draft: true });
    const rendered = (await call('GET', `${R}/releases/${draft.id}`)).body as { upload_url: string };
    server.faults.add({ base: 'uploads', method: 'POST', path: /\/assets$/, corruptBody: true });
    const answer = (await upload(rendered, 'a.bin', Buffer.from('abcdef'))).body as { digest: string };
    expect(answer.digest).not.toBe(sha256Digest(Buffer.from('abcdef')));
    expect(answer.digest).toBe(sha256Digest(draft.assets[0].data));
  });
});

describe('GitHub test server: contents', () => {
  const path = 'docs/reports/manifest.json';

  it('creates a file, serves it base64 with its blob sha, and updates it with that sha', async () => {
    expect((await call('GET', `${R}/contents/${path}`)).status).toBe(404);
    const created = await call('PUT', `${R}/contents/${path}`, {
      message: 'manifest: create',
      content: Buffer.from('{"entries":[]}\n').toString('base64'),
    });
    expect(created.status).toBe(201);
    const sha = (created.body as { content: { sha: string } }).content.sha;
    expect(sha).toBe(gitBlobSha(Buffer.from('{"entries":[]}\n')));

    const read = (await call('GET', `${R}/contents/${encodeURIComponent(path)}`)).body as {
      content: string;
      sha: string;
      download_url: string;
    };
    expect(Buffer.from(read.content, 'base64').toString()).toBe('{"entries":[]}\n');
    expect(read.sha).toBe(sha);
    expect(await (await fetch(read.download_url)).text()).toBe('{"entries":[]}\n');

    const updated = await call('PUT', `${R}/contents/${path}`, {
      message: 'manifest: update',
      content: Buffer.from('{"entries":[1]}\n').toString('base64'),
      sha,
    });
    expect(updated.status).toBe(200);
    expect(repo.file(path)?.content.toString()).toBe('{"entries":[1]}\n');
    expect(repo.file(path)?.commits.map((c) => c.message)).toEqual(['manifest: create', 'manifest: update']);

    const folder = await call('GET', `${R}/contents/docs/reports`);
    expect(folder.body).toEqual([expect.objectContaining({ type: 'file', name: 'manifest.json' })]);
  });

  it('answers a stale sha with 409 and a missing sha with 422, like GitHub', async () => {
    const file = repo.putFile('state.json', '{}');
    const stale = await call('PUT', `${R}/contents/state.json`, {
      message: 'x',
      content: Buffer.from('{"a":1}').toString('base64'),
      sha: gitBlobSha(Buffer.from('older')),
    });
    expect(stale.status).toBe(409);
    expect((stale.body as { message: string }).message).toBe(
      `state.json does not match ${gitBlobSha(Buffer.from('older'))}`,
    );
    const unsupplied = await call('PUT', `${R}/contents/state.json`, {
      message: 'x',
      content: Buffer.from('{"a":1}').toString('base64'),
    });
    expect(unsupplied.status).toBe(422);
    expect((unsupplied.body as { message: string }).message).toBe(
      'Invalid request.\n\n"sha" wasn\'t supplied.',
    );
    expect(repo.file('state.json')?.sha).toBe(file.sha);
    expect((await call('PUT', `${R}/contents/state.json`, { content: '' })).status).toBe(422);
  });

  it('serves files above 1 MB without inline content and their blob through the git API', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    const file = repo.putFile('big.json', big);
    const read = (await call('GET', `${R}/contents/big.json`)).body as { encoding: string; content: string };
    expect(read).toMatchObject({ encoding: 'none', content: '' });
    const blob = (await call('GET', `${R}/git/blobs/${file.sha}`)).body as {
      content: string;
      encoding: string;
    };
    expect(Buffer.from(blob.content, 'base64').equals(big)).toBe(true);
  });

  it('reads and writes other branches; an unknown branch is 404', async () => {
    repo.putFile('branch.txt', 'on reports', { branch: 'reports' });
    const read = (await call('GET', `${R}/contents/branch.txt?ref=reports`)).body as { content: string };
    expect(Buffer.from(read.content, 'base64').toString()).toBe('on reports');
    expect((await call('GET', `${R}/contents/branch.txt`)).status).toBe(404);
    const unknown = await call('PUT', `${R}/contents/branch.txt`, {
      message: 'x',
      content: '',
      branch: 'nope',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('GitHub test server: requests outside the seeded state', () => {
  it('lists repository secrets by name and dates, never values', async () => {
    repo.secrets.push({
      name: 'NPM_TOKEN',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-02-01T00:00:00Z',
    });
    const answer = await call('GET', `${R}/actions/secrets`);
    expect(answer.body).toEqual({
      total_count: 1,
      secrets: [
        { name: 'NPM_TOKEN', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-02-01T00:00:00Z' },
      ],
    });
  });

  it('answers 404 for unknown repositories and routes', async () => {
    expect((await call('GET', '/repos/acme/unknown/issues')).status).toBe(404);
    expect((await call('GET', '/nothing/here')).status).toBe(404);
  });

  it("answered every API route at least once in a shape valid for GitHub's OpenAPI description", () => {
    const apiRoutes = ROUTES.filter((r) => r.base !== 'web').map((r) => `${r.method} ${r.template}`);
    expect(apiRoutes.filter((route) => !validated.has(route))).toEqual([]);
  });
});
