import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFreezeState, serializeFreezeState, type FreezeState } from '@release-guard/core';
import {
  runAction,
  startGitHubServer,
  type ActionRunResult,
  type FakeRepo,
  type GitHubTestServer,
} from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const TOKEN = 'ghs_plantedFreezeTokenNeverShown0123456789';
const FILE = '.github/release-freeze.json';
const BRANCH = 'release-ops';

const frozenOnMain: FreezeState = {
  schema_version: 1,
  frozen: true,
  reason: 'repro mismatch on v2.3.0',
  incident: 'https://github.com/acme/widgets/issues/7',
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
      incident: 'https://github.com/acme/widgets/issues/7',
      scope: 'all',
      expires_at: null,
    },
  ],
};

(built ? describe : describe.skip)('release-freeze action (built dist, run as the runner would)', () => {
  let github: GitHubTestServer;
  let repo: FakeRepo;
  let workspace: string;

  beforeEach(async () => {
    github = await startGitHubServer({ token: TOKEN });
    repo = github.repo('acme/widgets');
    repo.putFile('README.md', 'widgets\n');
    repo.putFile('README.md', 'widgets\n', { branch: BRANCH });
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-rf-'));
  });
  afterEach(async () => {
    await github.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction(actionDir, {
      inputs: { 'github-token': TOKEN, ...inputs },
      env: {
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_API_URL: github.url,
        GITHUB_WORKSPACE: workspace,
        GITHUB_RUN_ID: '4242',
        GITHUB_ACTOR: 'on-call-alice',
        ...env,
      },
    });
  const fileOn = (branch: string) => {
    const file = repo.file(FILE, branch);
    return file === undefined ? undefined : parseFreezeState(file.content.toString(), branch);
  };
  const errorLines = (result: ActionRunResult) =>
    result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  function expectNoToken(result: ActionRunResult) {
    const logs = result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(`${logs}${result.stderr}${result.summary}`).not.toContain(TOKEN);
  }

  it('status: no freeze file (404) is not frozen, and the summary says releases may proceed', async () => {
    const result = await run({ mode: 'status', 'freeze-branch': BRANCH });
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ frozen: 'false', source: 'file', reason: '' });
    expect(result.summary).toMatch(
      /^## Release freeze\n\n> \[!NOTE\]\n> \*\*not frozen: releases may proceed\.\*\*/,
    );
    expect(github.requestsTo('GET', /contents/)[0]).toMatchObject({ status: 404, query: { ref: BRANCH } });
    expectNoToken(result);
  });

  it('on writes the freeze on the freeze branch; status then gates the tags of its scope', async () => {
    const on = await run({
      mode: 'on',
      reason: 'repro mismatch on v2.3.0',
      incident: 'INC-7',
      scope: 'v2.*',
      'freeze-branch': BRANCH,
    });
    expect(on.code).toBe(0);
    expect(on.outputs).toEqual({ frozen: 'true', source: 'file', reason: 'repro mismatch on v2.3.0' });
    expect(fileOn(BRANCH)).toMatchObject({
      frozen: true,
      set_by: 'on-call-alice',
      scope: ['v2.*'],
      history: [expect.objectContaining({ action: 'on', by: 'on-call-alice', incident: 'INC-7' })],
    });
    expect(fileOn('main')).toBeUndefined();
    expect(on.summary).toContain('> [!CAUTION]');
    expect(on.summary).toMatch(
      /FROZEN: releases are frozen\.\*\* repro mismatch on v2\.3\.0; incident INC-7; set by on-call-alice; since /,
    );

    const gated = await run({ mode: 'status', 'freeze-branch': BRANCH }, { GITHUB_REF: 'refs/tags/v2.3.0' });
    expect(gated.code).toBe(1);
    expect(gated.outputs).toMatchObject({ frozen: 'true', source: 'file' });
    expect(errorLines(gated)).toEqual([
      expect.stringMatching(
        /^::error::release_frozen: The release gate for v2\.3\.0 refused: the release freeze is on \(repro mismatch on v2\.3\.0/,
      ),
    ]);
    expect(gated.summary).toContain('| tag v2.3.0 | frozen |');

    const other = await run({ mode: 'status', 'freeze-branch': BRANCH }, { GITHUB_REF: 'refs/tags/v3.0.0' });
    expect(other.code).toBe(0);
    expect(other.outputs.frozen).toBe('false');
    expectNoToken(gated);
  });

  it('status with fail-if-frozen false reports the freeze without failing', async () => {
    repo.putFile(FILE, serializeFreezeState(frozenOnMain), { branch: BRANCH });
    const result = await run({ mode: 'status', 'freeze-branch': BRANCH, 'fail-if-frozen': 'false' });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ frozen: 'true', source: 'file' });
    expect(errorLines(result)).toEqual([]);
  });

  it('reads the freeze from the default branch, not the tag checkout: a freeze committed after the tag stops it', async () => {
    // The workspace is the tag's checkout: its copy of the freeze file predates the freeze.
    fs.mkdirSync(path.join(workspace, '.github'), { recursive: true });
    fs.writeFileSync(path.join(workspace, FILE), serializeFreezeState({ ...frozenOnMain, frozen: false }));
    repo.putFile(FILE, serializeFreezeState(frozenOnMain));
    const result = await run({ mode: 'status' }, { GITHUB_REF: 'refs/tags/v2.3.0' });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({
      frozen: 'true',
      source: 'file',
      reason: 'repro mismatch on v2.3.0',
    });
    expect(github.requestsTo('GET', /contents/)[0].query).toEqual({});
  });

  it('fails closed on a contents-API 500: unreadable, frozen, exit 1', async () => {
    github.faults.add({ method: 'GET', path: /contents/, status: 500, times: Infinity });
    const result = await run({ mode: 'status', 'freeze-branch': BRANCH });
    expect(result.code).toBe(1);
    expect(result.outputs.frozen).toBe('true');
    expect(result.outputs.source).toBe('unreadable');
    expect(result.outputs.reason).toMatch(
      /^freeze state unreadable: cannot read the freeze file acme\/widgets#release-ops:\.github\/release-freeze\.json through the contents API: GitHub answered 500/,
    );
    expect(errorLines(result)[0]).toMatch(/^::error::release_frozen: /);
    expect(result.summary).toContain(
      'FROZEN: the freeze state cannot be read, so releases are refused \\(fail closed\\)',
    );
  }, 30_000);

  it.each([
    [409, `${FILE} does not match 0000000000000000000000000000000000000000`],
    [422, `${FILE} does not match 0000000000000000000000000000000000000000`],
  ])('re-reads and re-applies after a %i sha race on the write', async (status, message) => {
    repo.putFile(FILE, serializeFreezeState(frozenOnMain), { branch: BRANCH });
    github.faults.add({
      method: 'PUT',
      path: /contents/,
      status,
      body: { message, documentation_url: 'https://docs.github.com/rest' },
    });
    const result = await run({ mode: 'off', reason: 'rebuilt, reproducible again', 'freeze-branch': BRANCH });
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({
      frozen: 'false',
      source: 'file',
      reason: 'rebuilt, reproducible again',
    });
    expect(github.requestsTo('PUT', /contents/).map((put) => put.status)).toEqual([status, 200]);
    expect(result.stdout).toContain(
      'release freeze off written to acme/widgets#release-ops:.github/release-freeze.json in 2 attempt(s)',
    );
    expect(fileOn(BRANCH)?.history.map((record) => record.action)).toEqual(['on', 'off']);
  });

  it('the freeze input (vars.RELEASE_FREEZE) forces the freeze on; off warns while it does', async () => {
    const forced = await run({ mode: 'status', freeze: ' TRUE ' });
    expect(forced.code).toBe(1);
    expect(forced.outputs).toMatchObject({ frozen: 'true', source: 'variable' });
    expect(errorLines(forced)[0]).toMatch(
      /Lift it by setting the repository variable RELEASE_FREEZE to false/,
    );
    expect((await run({ mode: 'status', freeze: 'false' })).code).toBe(0);

    repo.putFile(FILE, serializeFreezeState(frozenOnMain));
    const off = await run({ mode: 'off', reason: 'incident closed', freeze: 'yes' });
    expect(off.code).toBe(0);
    expect(off.outputs.source).toBe('variable');
    expect(off.stdout).toMatch(
      /::warning::The freeze file is lifted, but the repository variable RELEASE_FREEZE still forces the freeze on/,
    );
    expect(fileOn('main')?.frozen).toBe(false);
  });

  it.each([
    [{ mode: 'on' }, 'usage_error: input `reason` is required with mode on'],
    [{ mode: 'freeze' }, 'usage_error: input `mode` must be one of on, off, status, got "freeze"'],
    [{ mode: 'off', reason: 'r', scope: 'v2.*' }, 'usage_error: input `scope` only applies with mode on'],
    [
      { mode: 'on', reason: 'r', expires: 'next week' },
      'usage_error: input `expires` "next week" is not an ISO 8601 date',
    ],
    [
      { mode: 'status', 'fail-if-frozen': 'maybe' },
      'usage_error: input `fail-if-frozen` must be true or false',
    ],
  ])('refuses unusable input %j with exit 2 and writes nothing', async (inputs, message) => {
    const result = await run(inputs as Record<string, string>);
    expect(result.code).toBe(2);
    expect(errorLines(result)[0]).toContain(`::error::${message}`);
    expect(github.requestsTo('PUT', /contents/)).toEqual([]);
  });
});
