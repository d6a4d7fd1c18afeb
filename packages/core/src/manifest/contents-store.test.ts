import {
  gitBlobSha,
  missingPermission,
  startGitHubServer,
  type GitHubTestServer,
} from '@release-guard/testkit';
import { ReleaseGuardError } from '../errors';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { ContentsApiManifestStore } from './contents-store';

const PATH = 'docs/reports/manifest.json';
let server: GitHubTestServer;
let octokit: GitHubClient;

function store(options: { branch?: string; path?: string } = {}) {
  return new ContentsApiManifestStore({
    octokit,
    owner: 'acme',
    repo: 'widgets',
    path: options.path ?? PATH,
    branch: options.branch,
  });
}

beforeEach(async () => {
  server = await startGitHubServer();
  server.repo('acme/widgets');
  octokit = createGitHubClient({
    baseUrl: server.url,
    token: 'ghs_test',
    retryDelayMs: 1,
    writeIntervalMs: 0,
    timeoutMs: 2000,
  });
});

afterEach(async () => {
  await server.stop();
});

describe('ContentsApiManifestStore', () => {
  it('reads a manifest that does not exist yet as no content and no version', async () => {
    expect(await store().read()).toEqual({ content: null, version: null });
    expect(store().location).toBe('acme/widgets:docs/reports/manifest.json');
    expect(store({ branch: 'reports' }).location).toBe('acme/widgets#reports:docs/reports/manifest.json');
  });

  it('creates the file without a sha and reports its blob sha as the version', async () => {
    const result = await store().write('{"entries":[]}\n', null, 'manifest: create');
    expect(result).toEqual({ ok: true, version: gitBlobSha(Buffer.from('{"entries":[]}\n')) });
    const put = server.requestsTo('PUT', /contents/)[0];
    expect(put.body).not.toHaveProperty('sha');
    expect(put.body).toMatchObject({ message: 'manifest: create' });
    expect(await store().read()).toEqual({
      content: '{"entries":[]}\n',
      version: gitBlobSha(Buffer.from('{"entries":[]}\n')),
    });
  });

  it('updates the file with the sha it read', async () => {
    const first = server.repo('acme/widgets').putFile(PATH, '{"v":1}');
    const read = await store().read();
    expect(read.version).toBe(first.sha);
    const result = await store().write('{"v":2}', read.version, 'manifest: update');
    expect(result).toEqual({ ok: true, version: gitBlobSha(Buffer.from('{"v":2}')) });
    expect(server.requestsTo('PUT', /contents/)[0].body).toMatchObject({ sha: first.sha });
    expect(server.repo('acme/widgets').file(PATH)?.content.toString()).toBe('{"v":2}');
  });

  it('reports a conflict when another writer moved the file (409, stale sha)', async () => {
    const seen = server.repo('acme/widgets').putFile(PATH, '{"v":1}');
    server.repo('acme/widgets').putFile(PATH, '{"v":"theirs"}');
    expect(await store().write('{"v":"mine"}', seen.sha, 'manifest: update')).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect(server.requestsTo('PUT', /contents/)).toHaveLength(1);
    expect(server.repo('acme/widgets').file(PATH)?.content.toString()).toBe('{"v":"theirs"}');
  });

  it('reports a conflict when the file appeared since it was read as absent (422 "sha" wasn\'t supplied)', async () => {
    expect(await store().read()).toEqual({ content: null, version: null });
    server.repo('acme/widgets').putFile(PATH, '{"v":"theirs"}');
    expect(await store().write('{"v":"mine"}', null, 'manifest: create')).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect(server.requestsTo('PUT', /contents/)[0].status).toBe(422);
  });

  it('reports a conflict for the 422 "does not match" form of the race', async () => {
    const seen = server.repo('acme/widgets').putFile(PATH, '{"v":1}');
    server.faults.add({
      method: 'PUT',
      path: /contents/,
      status: 422,
      body: {
        message: `${PATH} does not match ${seen.sha}`,
        documentation_url: 'https://docs.github.com/rest',
      },
    });
    expect(await store().write('{"v":2}', seen.sha, 'manifest: update')).toEqual({
      ok: false,
      reason: 'conflict',
    });
  });

  it('keeps every update when writers race: compare-and-swap over the contents API', async () => {
    const writers = Array.from({ length: 8 }, (_, i) => i);
    await Promise.all(
      writers.map(async (id) => {
        for (let attempt = 0; attempt < 50; attempt++) {
          const current = await store().read();
          const entries: number[] = current.content === null ? [] : JSON.parse(current.content);
          const result = await store().write(
            JSON.stringify([...entries, id]),
            current.version,
            `writer ${id}`,
          );
          if (result.ok) return;
        }
        throw new Error(`writer ${id} never won`);
      }),
    );
    const final = JSON.parse(server.repo('acme/widgets').file(PATH)?.content.toString() ?? '[]') as number[];
    expect(final.sort()).toEqual(writers);
  });

  it('recognises its own write when GitHub applied it but the answer was lost', async () => {
    const seen = server.repo('acme/widgets').putFile(PATH, '{"v":1}');
    server.faults.add({ method: 'PUT', path: /contents/, status: 502, afterHandling: true });
    expect(await store().write('{"v":2}', seen.sha, 'manifest: update')).toEqual({
      ok: true,
      version: gitBlobSha(Buffer.from('{"v":2}')),
    });
    expect(server.requestsTo('PUT', /contents/)).toHaveLength(1);
  });

  it('throws a clear error on a 5xx that changed nothing, without repeating the write', async () => {
    const seen = server.repo('acme/widgets').putFile(PATH, '{"v":1}');
    server.faults.add({ method: 'PUT', path: /contents/, status: 502 });
    const error = await store()
      .write('{"v":2}', seen.sha, 'manifest: update')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReleaseGuardError);
    expect((error as ReleaseGuardError).message).toMatch(
      /^cannot write the manifest acme\/widgets:docs\/reports\/manifest.json through the contents API: GitHub answered 502: Server Error; the manifest may or may not have changed/,
    );
    expect(server.requestsTo('PUT', /contents/)).toHaveLength(1);
  });

  it('names the missing permission when the token cannot write', async () => {
    server.faults.add({ method: 'PUT', path: /contents/, ...missingPermission('contents=write') });
    await expect(store().write('{}', null, 'manifest: create')).rejects.toThrow(
      /cannot write the manifest .* the token lacks the permission contents=write; grant it in the job's permissions: block \(contents: write\)/,
    );
  });

  it('reads a manifest above 1 MB through its git blob', async () => {
    const big = JSON.stringify({ entries: 'x'.repeat(1024 * 1024 + 10) });
    const file = server.repo('acme/widgets').putFile(PATH, big);
    expect(await store().read()).toEqual({ content: big, version: file.sha });
    expect(server.requestsTo('GET', /git\/blobs/)).toHaveLength(1);
  });

  it('reads and writes on the configured branch, and says so when the branch is missing', async () => {
    server.repo('acme/widgets').putFile(PATH, '{"on":"reports"}', { branch: 'reports' });
    const onBranch = store({ branch: 'reports' });
    const read = await onBranch.read();
    expect(read.content).toBe('{"on":"reports"}');
    expect(await onBranch.write('{"on":"reports","v":2}', read.version, 'm')).toMatchObject({ ok: true });
    expect(server.repo('acme/widgets').file(PATH, 'reports')?.content.toString()).toBe(
      '{"on":"reports","v":2}',
    );
    expect(server.repo('acme/widgets').file(PATH)).toBeUndefined();

    await expect(store({ branch: 'gone' }).read()).rejects.toThrow(/the branch gone does not exist/);
    await expect(store({ branch: 'gone' }).write('{}', null, 'm')).rejects.toThrow(
      /cannot write the manifest acme\/widgets#gone:.*404.*nothing was written/,
    );
  });

  it('refuses a path that is a directory', async () => {
    server.repo('acme/widgets').putFile('docs/reports/manifest.json', '{}');
    await expect(store({ path: 'docs/reports' }).read()).rejects.toThrow(/is a directory, not a file/);
  });
});
