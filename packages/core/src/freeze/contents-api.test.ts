import { startGitHubServer, type GitHubTestServer } from '@release-guard/testkit';
import { ReleaseGuardError } from '../errors';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { assertNotFrozen, checkReleaseFreeze } from './check';
import { parseFreezeState, serializeFreezeState } from './schema';
import { openActionFreezeStore } from './store';
import { DEFAULT_FREEZE_PATH, type FreezeState } from './types';
import { changeReleaseFreeze } from './write';

/** The freeze as actions see it: a file on one named branch, read and written through the contents API. */
const REPO = 'acme/widgets';
const BRANCH = 'release-ops';
let server: GitHubTestServer;
let octokit: GitHubClient;

/** The store on the freeze branch; `null` for the repository's default branch (no freeze-branch input). */
const store = (branch: string | null = BRANCH) =>
  openActionFreezeStore(
    { repository: REPO, freezeFile: DEFAULT_FREEZE_PATH, freezeBranch: branch ?? undefined },
    octokit,
  );
const fileOn = (branch = BRANCH) => {
  const file = server.repo(REPO).file(DEFAULT_FREEZE_PATH, branch);
  return file === undefined ? undefined : parseFreezeState(file.content.toString(), 'server');
};

const frozenState: FreezeState = {
  schema_version: 1,
  frozen: true,
  reason: 'repro mismatch on v2.3.0',
  incident: 'INC-7',
  set_by: 'repro-verify',
  set_at: '2026-12-02T08:00:00.000Z',
  scope: 'all',
  expires_at: null,
  history: [
    {
      action: 'on',
      at: '2026-12-02T08:00:00.000Z',
      by: 'repro-verify',
      reason: 'repro mismatch on v2.3.0',
      incident: 'INC-7',
      scope: 'all',
      expires_at: null,
    },
  ],
};

beforeEach(async () => {
  server = await startGitHubServer();
  server.repo(REPO).putFile('README.md', 'widgets\n');
  server.repo(REPO).putFile('README.md', 'widgets\n', { branch: BRANCH });
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

describe('the freeze through the contents API', () => {
  it('is not frozen when the file is absent (404)', async () => {
    expect(await checkReleaseFreeze({ store: store(), tag: 'v2.3.0' })).toMatchObject({
      frozen: false,
      source: 'file',
    });
    const get = server.requestsTo('GET', /contents/)[0];
    expect(get).toMatchObject({ status: 404, query: { ref: BRANCH } });
  });

  it('is frozen when the file on the freeze branch says so (200)', async () => {
    server.repo(REPO).putFile(DEFAULT_FREEZE_PATH, serializeFreezeState(frozenState), { branch: BRANCH });
    expect(await checkReleaseFreeze({ store: store(), tag: 'v2.3.0' })).toMatchObject({
      frozen: true,
      source: 'file',
      reason: 'repro mismatch on v2.3.0',
    });
    // The default branch has no freeze: only the named branch decides.
    expect((await checkReleaseFreeze({ store: store(null) })).frozen).toBe(false);
  });

  it('refuses a side effect when a freeze is committed on the default branch after the tag', async () => {
    const repo = server.repo(REPO);
    repo.putFile('src/app.ts', 'v2.3.0\n');
    // The tag's checkout has no freeze file; the freeze lands on main afterwards.
    repo.putFile(DEFAULT_FREEZE_PATH, serializeFreezeState(frozenState));
    const error = (await assertNotFrozen({
      store: store(null),
      tag: 'v2.3.0',
      action: 'signing v2.3.0',
    }).catch((e: unknown) => e)) as ReleaseGuardError;
    expect(error).toBeInstanceOf(ReleaseGuardError);
    expect(error.code).toBe('release_frozen');
    expect(error.message).toMatch(
      /^signing v2\.3\.0 refused: the release freeze is on \(repro mismatch on v2\.3\.0; incident INC-7/,
    );
  });

  it('fails closed on a 500: unreadable, frozen', async () => {
    server.faults.add({ method: 'GET', path: /contents/, status: 500, times: Infinity });
    const decision = await checkReleaseFreeze({ store: store(), tag: 'v3.0.0' });
    expect(decision).toMatchObject({ frozen: true, source: 'unreadable', applies_to_tag: true });
    expect(decision.reason).toBe(
      `freeze state unreadable: cannot read the freeze file ${REPO}#${BRANCH}:${DEFAULT_FREEZE_PATH} through the contents API: GitHub answered 500: Server Error.`,
    );
  });

  it('fails closed when the token may not read the file (403) or the freeze branch does not exist', async () => {
    server.faults.add({
      method: 'GET',
      path: /contents/,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    expect(await checkReleaseFreeze({ store: store() })).toMatchObject({
      frozen: true,
      source: 'unreadable',
    });
    const missingBranch = await checkReleaseFreeze({ store: store('no-such-branch') });
    expect(missingBranch).toMatchObject({ frozen: true, source: 'unreadable' });
    expect(missingBranch.reason).toMatch(/the branch no-such-branch does not exist/);
  });

  it('fails closed on a file that is not valid freeze state', async () => {
    server.repo(REPO).putFile(DEFAULT_FREEZE_PATH, '{"frozen": false, "frozen": true}', { branch: BRANCH });
    expect(await checkReleaseFreeze({ store: store() })).toMatchObject({
      frozen: true,
      source: 'unreadable',
    });
  });

  it('writes on and off on the freeze branch, with the sha it read', async () => {
    await changeReleaseFreeze(store(), { action: 'on', reason: 'incident', actor: 'oncall' });
    await changeReleaseFreeze(store(), { action: 'off', reason: 'resolved', actor: 'oncall' });
    const puts = server.requestsTo('PUT', /contents/);
    expect(puts.map((put) => put.status)).toEqual([201, 200]);
    expect(puts[0].body).toMatchObject({
      branch: BRANCH,
      message: 'release freeze: on (all releases)\n\nReason: incident\nActor: oncall\n',
    });
    expect(puts[0].body).not.toHaveProperty('sha');
    expect(puts[1].body).toHaveProperty('sha');
    expect(fileOn()?.history.map((record) => record.action)).toEqual(['on', 'off']);
    expect(fileOn('main')).toBeUndefined();
  });

  it.each([
    ['409, stale sha', 409, `${DEFAULT_FREEZE_PATH} does not match`],
    ['422, "sha" does not match', 422, `${DEFAULT_FREEZE_PATH} does not match 0123`],
  ])(
    're-reads and re-applies after a lost race (%s), keeping the history it read',
    async (_name, status, message) => {
      server.repo(REPO).putFile(DEFAULT_FREEZE_PATH, serializeFreezeState(frozenState), { branch: BRANCH });
      // GitHub refuses the write as another writer's race would: the writer must read again and re-apply.
      server.faults.add({
        method: 'PUT',
        path: /contents/,
        status,
        body: { message, documentation_url: 'https://docs.github.com/rest' },
      });
      const result = await changeReleaseFreeze(store(), {
        action: 'on',
        reason: 'mine',
        actor: 'oncall',
        backoffBaseMs: 1,
      });
      expect(result.attempts).toBe(2);
      expect(server.requestsTo('PUT', /contents/).map((put) => put.status)).toEqual([status, 200]);
      expect(server.requestsTo('GET', /contents/)).toHaveLength(2);
      expect(fileOn()?.history.map((record) => record.reason)).toEqual(['repro mismatch on v2.3.0', 'mine']);
    },
  );

  it('keeps every record when writers race over the contents API', async () => {
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        changeReleaseFreeze(store(), {
          action: i % 2 === 0 ? 'on' : 'off',
          reason: `writer ${i}`,
          actor: `w${i}`,
          backoffBaseMs: 5,
        }),
      ),
    );
    expect(
      fileOn()
        ?.history.map((record) => record.reason)
        .sort(),
    ).toEqual(Array.from({ length: 6 }, (_, i) => `writer ${i}`).sort());
    const lost = server
      .requestsTo('PUT', /contents/)
      .filter((put) => put.status === 409 || put.status === 422);
    expect(lost.length).toBeGreaterThan(0);
  });
});
