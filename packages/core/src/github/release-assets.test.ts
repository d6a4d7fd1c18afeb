import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  missingPermission,
  sha256Digest,
  startGitHubServer,
  type FakeRepo,
  type GitHubTestServer,
} from '@release-guard/testkit';
import { createGitHubClient } from './client';
import { attachReleaseAssets, publishRelease, ReleaseAssetError, type AttachOptions } from './release-assets';

const TOKEN = 'ghs_assetsSecretToken0123456789';
const where = { owner: 'acme', repo: 'widgets', tag: 'v1.0.0' };
const UPLOAD = /^\/repos\/acme\/widgets\/releases\/\d+\/assets$/;

let server: GitHubTestServer;
let repo: FakeRepo;
let dir: string;
let logs: string[];

function client() {
  return createGitHubClient({
    baseUrl: server.url,
    token: TOKEN,
    retryDelayMs: 1,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    timeoutMs: 2000,
    log: { warn: (message) => logs.push(message) },
  });
}

const options: AttachOptions = { retryDelayMs: 1, log: (message) => logs.push(message) };

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

const uploads = () => server.requests.filter((r) => r.base === 'uploads');

/** The ReleaseAssetError an attach throws, checked to carry no token. */
async function refusal(promise: Promise<unknown>): Promise<ReleaseAssetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReleaseAssetError);
  const refused = error as ReleaseAssetError;
  const cause = refused.cause as { message?: string } | undefined;
  expect(`${refused.message} ${JSON.stringify(refused.details)} ${cause?.message ?? ''}`).not.toContain(
    TOKEN,
  );
  return refused;
}

beforeEach(async () => {
  server = await startGitHubServer({ token: TOKEN });
  repo = server.repo('acme/widgets');
  dir = mkdtempSync(join(tmpdir(), 'rg-assets-'));
  logs = [];
});

afterEach(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  expect(logs.join('\n')).not.toContain(TOKEN);
});

describe('attachReleaseAssets: finding the release', () => {
  it('creates a draft when the tag has none and streams each file to its upload_url, digest checked', async () => {
    const a = file('app.tar.gz', 'the app');
    const b = file('app.tar.gz.sigstore.json', '{"bundle":1}');
    const result = await attachReleaseAssets(client(), where, [{ path: a }, { path: b }], options);

    expect(result.release).toMatchObject({ tag: 'v1.0.0', draft: true, created: true, immutable: false });
    expect(repo.releases).toHaveLength(1);
    expect(repo.releases[0].assets.map((x) => [x.name, x.data.toString()])).toEqual([
      ['app.tar.gz', 'the app'],
      ['app.tar.gz.sigstore.json', '{"bundle":1}'],
    ]);
    expect(result.assets).toEqual([
      expect.objectContaining({
        name: 'app.tar.gz',
        sha256: sha256('the app'),
        size: 7,
        digestChecked: true,
      }),
      expect.objectContaining({ name: 'app.tar.gz.sigstore.json', replaced: false, digestChecked: true }),
    ]);
    // The uploads host is another origin than the API, reached through the release's upload_url.
    expect(new URL(result.release.uploadUrl.replace(/\{.*\}$/, '')).origin).toBe(server.urls.uploads);
    expect(uploads()[0]).toMatchObject({
      query: { name: 'app.tar.gz' },
      headers: expect.objectContaining({ 'content-length': '7' }),
    });
    expect(uploads()[0].headers['transfer-encoding']).toBeUndefined();
  });

  it('reuses the draft of the tag, which only the list of releases shows, over a published one', async () => {
    repo.addRelease({ tag_name: 'v1.0.0' });
    const draft = repo.addRelease({ tag_name: 'v1.0.0', draft: true });
    const result = await attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], options);
    expect(result.release).toMatchObject({ id: draft.id, draft: true, created: false });
    expect(draft.assets.map((x) => x.name)).toEqual(['a.txt']);
    expect(server.requestsTo('POST', '/repos/acme/widgets/releases')).toHaveLength(0);
  });

  it('finds a draft past the first page of releases', async () => {
    const draft = repo.addRelease({ tag_name: 'v1.0.0', draft: true });
    for (let i = 0; i < 120; i++) repo.addRelease({ tag_name: `v0.${i}.0` });
    const result = await attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], options);
    expect(result.release.id).toBe(draft.id);
    expect(server.requestsTo('GET', '/repos/acme/widgets/releases').length).toBeGreaterThan(1);
  });

  it('does not create a second draft when the answer to the creation was lost', async () => {
    server.faults.add({
      method: 'POST',
      path: '/repos/acme/widgets/releases',
      status: 502,
      afterHandling: true,
    });
    const result = await attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], options);
    expect(repo.releases).toHaveLength(1);
    expect(result.release.id).toBe(repo.releases[0].id);
  });

  it('refuses a published immutable release before uploading, naming what to do', async () => {
    repo.addRelease({ tag_name: 'v1.0.0', immutable: true });
    const error = await refusal(
      attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], options),
    );
    expect(error.reason).toBe('immutable');
    expect(error.message).toMatch(/published and immutable.*draft release and publish it last/);
    expect(uploads()).toHaveLength(0);
  });

  it('is a clear error when the release can neither be found nor created', async () => {
    const missing = await refusal(
      attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], {
        ...options,
        createDraft: false,
      }),
    );
    expect(missing).toMatchObject({ reason: 'release_missing', code: 'usage_error' });
    expect(missing.message).toMatch(/has no release for the tag v1\.0\.0/);

    const unknownRepo = { ...where, repo: 'gone' };
    const error = await refusal(
      attachReleaseAssets(client(), unknownRepo, [{ path: file('b.txt', 'b') }], options),
    );
    expect(error.reason).toBe('release_missing');
    expect(error.message).toMatch(/404/);
  });

  it('names contents: write when the token may not write releases', async () => {
    repo.tokenCanPush = false;
    const error = await refusal(
      attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], options),
    );
    expect(error).toMatchObject({ reason: 'permission', code: 'usage_error' });
    expect(error.message).toContain('contents: write');

    repo.tokenCanPush = true;
    server.faults.add({
      base: 'uploads',
      method: 'POST',
      path: UPLOAD,
      ...missingPermission('contents=write'),
    });
    const upload = await refusal(
      attachReleaseAssets(client(), where, [{ path: file('b.txt', 'b') }], options),
    );
    expect(upload.reason).toBe('permission');
    expect(upload.message).toContain('contents: write');
  });
});

describe('attachReleaseAssets: idempotent, retried uploads', () => {
  it('replaces an asset of the same name on a re-run, never duplicating it', async () => {
    const path = file('app.sigstore.json', 'first');
    await attachReleaseAssets(client(), where, [{ path }], options);
    writeFileSync(path, 'second');
    const again = await attachReleaseAssets(client(), where, [{ path }], options);
    expect(again.assets[0]).toMatchObject({ replaced: true, sha256: sha256('second') });
    expect(repo.releases).toHaveLength(1);
    expect(repo.releases[0].assets.map((x) => x.data.toString())).toEqual(['second']);
  });

  it('retries an upload answered 502', async () => {
    server.faults.add({ base: 'uploads', method: 'POST', path: UPLOAD, status: 502 });
    const result = await attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], options);
    expect(uploads().map((r) => r.status)).toEqual([502, 201]);
    expect(result.assets[0].digestChecked).toBe(true);
    expect(repo.releases[0].assets).toHaveLength(1);
  });

  it('keeps an upload that landed when its answer was lost, without uploading it twice', async () => {
    server.faults.add({ base: 'uploads', method: 'POST', path: UPLOAD, status: 502, afterHandling: true });
    const result = await attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], options);
    expect(uploads()).toHaveLength(1);
    expect(repo.releases[0].assets).toHaveLength(1);
    expect(result.assets[0]).toMatchObject({ id: repo.releases[0].assets[0].id, sha256: sha256('a') });
  });

  it('retries an upload that timed out after landing: the stored asset is found, not duplicated', async () => {
    server.faults.add({ base: 'uploads', method: 'POST', path: UPLOAD, hang: true, afterHandling: true });
    await attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], {
      ...options,
      uploadTimeoutMs: 200,
    });
    expect(repo.releases[0].assets.map((x) => x.data.toString())).toEqual(['a']);
  });

  it('deletes a broken upload whose answer was lost before uploading again', async () => {
    server.faults.add({
      base: 'uploads',
      method: 'POST',
      path: UPLOAD,
      corruptBody: true,
      status: 502,
      afterHandling: true,
    });
    const result = await attachReleaseAssets(client(), where, [{ path: file('a.txt', 'abc') }], options);
    expect(uploads()).toHaveLength(2);
    expect(repo.releases[0].assets.map((x) => x.data.toString())).toEqual(['abc']);
    expect(result.assets[0].digestChecked).toBe(true);
  });

  it('gives up after the retries with a clear error and no duplicate', async () => {
    server.faults.add({ base: 'uploads', method: 'POST', path: UPLOAD, status: 503, times: Infinity });
    const error = await refusal(
      attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], { ...options, retries: 2 }),
    );
    expect(error).toMatchObject({ reason: 'github_failed', code: 'unreadable_input' });
    expect(error.message).toMatch(/uploading a\.txt .*503/);
    expect(uploads()).toHaveLength(3);
    expect(repo.releases[0].assets).toHaveLength(0);
  });
});

describe('attachReleaseAssets: digests', () => {
  it('detects a digest GitHub answers for other bytes than those sent, and removes that asset', async () => {
    server.faults.add({ base: 'uploads', method: 'POST', path: UPLOAD, corruptBody: true });
    const error = await refusal(
      attachReleaseAssets(client(), where, [{ path: file('a.txt', 'abcdef') }], options),
    );
    expect(error).toMatchObject({ reason: 'digest_mismatch', code: 'digest_mismatch' });
    expect(error.details).toMatchObject({ expected: sha256Digest(Buffer.from('abcdef')) });
    expect(repo.releases[0].assets).toHaveLength(0);
  });

  it('refuses a file whose bytes are not the ones signed', async () => {
    const path = file('a.txt', 'tampered');
    const error = await refusal(
      attachReleaseAssets(client(), where, [{ path, sha256: sha256('original') }], options),
    );
    expect(error.reason).toBe('digest_mismatch');
    expect(repo.releases[0].assets).toHaveLength(0);
  });
});

describe('publishRelease', () => {
  it('publishes a draft, retrying a lost answer; with immutable releases on, its assets are then locked', async () => {
    repo.immutableReleases = true;
    const { release } = await attachReleaseAssets(client(), where, [{ path: file('a.txt', 'a') }], options);
    server.faults.add({ method: 'PATCH', path: /\/releases\/\d+$/, status: 502, afterHandling: true });
    const published = await publishRelease(client(), { ...where, releaseId: release.id }, options);
    expect(published).toMatchObject({ id: release.id, draft: false, immutable: true });
    expect(repo.releases[0].published_at).not.toBeNull();

    const error = await refusal(
      attachReleaseAssets(client(), where, [{ path: file('b.txt', 'b') }], options),
    );
    expect(error.reason).toBe('immutable');
  });

  it('names contents: write when the token may not publish', async () => {
    const draft = repo.addRelease({ tag_name: 'v1.0.0', draft: true });
    server.faults.add({ method: 'PATCH', path: /\/releases\/\d+$/, ...missingPermission('contents=write') });
    const error = await refusal(publishRelease(client(), { ...where, releaseId: draft.id }, options));
    expect(error.message).toContain('contents: write');
  });
});
