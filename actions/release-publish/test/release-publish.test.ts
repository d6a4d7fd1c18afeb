import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  applyManifestEntryUpdate,
  emptyManifest,
  serializeFreezeState,
  serializeManifest,
  type ControlName,
  type ControlRecord,
  type FreezeState,
} from '@release-guard/core';
import {
  runAction,
  startGitHubServer,
  type ActionRunResult,
  type FakeRepo,
  type GitHubTestServer,
} from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const TOKEN = 'ghs_plantedPublishTokenNeverShown012345678';
const MANIFEST = 'docs/reports/manifest.json';
const MANIFEST_BRANCH = 'release-manifest';
const RUN_ID = '9100';
const AT = '2026-12-03T07:00:00.000Z';

const frozen: FreezeState = {
  schema_version: 1,
  frozen: true,
  reason: 'repro mismatch on v2.3.0',
  incident: null,
  set_by: 'repro-verify',
  set_at: AT,
  scope: 'all',
  expires_at: null,
  history: [
    {
      action: 'on',
      at: AT,
      by: 'repro-verify',
      reason: 'repro mismatch on v2.3.0',
      incident: null,
      scope: 'all',
      expires_at: null,
    },
  ],
};

const record = (
  status: ControlRecord['status'],
  reason: ControlRecord['failure_reason'] = null,
): ControlRecord => ({
  status,
  failure_reason: reason,
  at: AT,
  run_url: null,
  detail: null,
});

/** The manifest with one entry of (v2.3.0, runId) whose controls are `controls`. */
function manifestWith(controls: Partial<Record<ControlName, ControlRecord>>, runId = RUN_ID): string {
  return serializeManifest(
    applyManifestEntryUpdate(
      emptyManifest(),
      { tag: 'v2.3.0', runId, actor: 'ci', set: { status: 'success', controls } },
      AT,
    ).manifest,
  );
}

const allPass = {
  provenance: record('pass'),
  signature: record('pass'),
  evidence: record('pass'),
};

(built ? describe : describe.skip)('release-publish action (built dist, run as the runner would)', () => {
  let github: GitHubTestServer;
  let repo: FakeRepo;
  let workspace: string;

  beforeEach(async () => {
    github = await startGitHubServer({ token: TOKEN });
    repo = github.repo('acme/widgets');
    repo.putFile('README.md', 'widgets\n');
    repo.branches.add(MANIFEST_BRANCH);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-rp-'));
  });
  afterEach(async () => {
    await github.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const run = (inputs: Record<string, string>) =>
    runAction(actionDir, {
      inputs: { 'github-token': TOKEN, tag: 'v2.3.0', 'manifest-branch': MANIFEST_BRANCH, ...inputs },
      env: {
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_API_URL: github.url,
        GITHUB_WORKSPACE: workspace,
        GITHUB_RUN_ID: RUN_ID,
        GITHUB_ACTOR: 'release-bot',
      },
    });
  const publish = (controls = 'provenance,signature,evidence') =>
    run({ mode: 'publish', 'required-controls': controls });
  const errorLines = (result: ActionRunResult) =>
    result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  function expectNoToken(result: ActionRunResult) {
    const logs = result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(`${logs}${result.stderr}${result.summary}`).not.toContain(TOKEN);
  }

  it('draft: creates the draft release of the tag, and a second run reuses it', async () => {
    const first = await run({ mode: 'draft', 'target-commitish': 'abc123' });
    expect(first.code).toBe(0);
    expect(repo.releases).toEqual([
      expect.objectContaining({ tag_name: 'v2.3.0', draft: true, target_commitish: 'abc123' }),
    ]);
    expect(first.outputs).toMatchObject({ 'release-id': String(repo.releases[0].id), draft: 'true' });
    expect(first.stdout).toContain(`release v2.3.0: draft ${repo.releases[0].id} created`);

    const second = await run({ mode: 'draft' });
    expect(second.code).toBe(0);
    expect(repo.releases).toHaveLength(1);
    expect(second.outputs['release-id']).toBe(String(repo.releases[0].id));
    expect(second.stdout).toContain('reused');
    expectNoToken(first);
    expectNoToken(second);
  });

  it('draft: attaches the files of its globs to the draft, replacing an asset of the same name on a re-run', async () => {
    fs.mkdirSync(path.join(workspace, 'release-files'));
    fs.writeFileSync(path.join(workspace, 'release-files/widget.tgz'), 'widget bytes\n');
    const first = await run({ mode: 'draft', files: 'release-files/*.tgz' });
    expect(first.code).toBe(0);
    expect(first.summary).toContain('Attached: widget.tgz');
    fs.writeFileSync(path.join(workspace, 'release-files/widget.tgz'), 'rebuilt widget bytes\n');
    const second = await run({ mode: 'draft', files: 'release-files/*.tgz' });
    expect(second.code).toBe(0);
    expect(repo.releases).toHaveLength(1);
    expect(repo.releases[0].assets.map((asset) => [asset.name, asset.data.toString()])).toEqual([
      ['widget.tgz', 'rebuilt widget bytes\n'],
    ]);
    const none = await run({ mode: 'draft', files: 'release-files/*.zip', tag: 'v2.4.0' });
    expect(none.code).toBe(1);
    expect(none.outputs['failure-reason']).toBe('artifact_missing');
    // No empty draft is left behind for v2.4.0.
    expect(repo.releases.map((release) => release.tag_name)).toEqual(['v2.3.0']);
  });

  it('draft: refuses a tag whose release is already published (its assets would be public too early)', async () => {
    repo.addRelease({ tag_name: 'v2.3.0', draft: false });
    const result = await run({ mode: 'draft' });
    expect(result.code).toBe(2);
    expect(errorLines(result)[0]).toMatch(
      /^::error::usage_error: the release v2\.3\.0 \(id \d+\) of acme\/widgets is already published/,
    );
  });

  it('draft: refuses while releases are frozen, and creates nothing', async () => {
    repo.putFile('.github/release-freeze.json', serializeFreezeState(frozen));
    const result = await run({ mode: 'draft' });
    expect(result.code).toBe(1);
    expect(errorLines(result)[0]).toMatch(/^::error::release_frozen: /);
    expect(result.outputs['failure-reason']).toBe('release_frozen');
    expect(repo.releases).toEqual([]);
    expect(result.outputs['release-id']).toBe('');
  });

  it('publish: un-drafts the draft when every required control recorded pass in this run', async () => {
    const draft = repo.addRelease({ tag_name: 'v2.3.0', draft: true });
    repo.putFile(MANIFEST, manifestWith(allPass), { branch: MANIFEST_BRANCH });
    const result = await publish();
    expect(result.code).toBe(0);
    expect(draft.draft).toBe(false);
    expect(result.outputs).toMatchObject({ 'release-id': String(draft.id), draft: 'false' });
    expect(result.summary).toContain('| provenance | pass |');
    expectNoToken(result);
  });

  it('publish: a required control that did not run never reads as passed; the release stays a draft', async () => {
    const draft = repo.addRelease({ tag_name: 'v2.3.0', draft: true });
    repo.putFile(MANIFEST, manifestWith(allPass), { branch: MANIFEST_BRANCH });
    const result = await publish('provenance,signature,repro,evidence');
    expect(result.code).toBe(1);
    expect(draft.draft).toBe(true);
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        /^::error::repro_mismatch: the release v2\.3\.0 stays a draft: repro was not recorded in the manifest entry of run 9100/,
      ),
    ]);
    expect(result.summary).toContain('| repro | missing |');
    expect(github.requestsTo('PATCH', /releases/)).toEqual([]);
  });

  it('publish: a failed or warned control refuses with its own failure reason', async () => {
    const draft = repo.addRelease({ tag_name: 'v2.3.0', draft: true });
    repo.putFile(
      MANIFEST,
      manifestWith({
        ...allPass,
        evidence: record('warn', 'evidence_warn'),
        signature: record('fail', 'signature_invalid'),
      }),
      { branch: MANIFEST_BRANCH },
    );
    const result = await publish();
    expect(result.code).toBe(1);
    expect(draft.draft).toBe(true);
    expect(errorLines(result)[0]).toMatch(
      /^::error::signature_invalid: .*signature is fail, evidence is warn/,
    );
  });

  it('publish: passes recorded by another run of the tag do not count', async () => {
    const draft = repo.addRelease({ tag_name: 'v2.3.0', draft: true });
    repo.putFile(MANIFEST, manifestWith(allPass, '9099'), { branch: MANIFEST_BRANCH });
    const result = await publish();
    expect(result.code).toBe(1);
    expect(draft.draft).toBe(true);
    expect(errorLines(result)[0]).toMatch(
      /^::error::provenance_missing: .*provenance was not recorded, signature was not recorded/,
    );
  });

  it('publish: refuses while releases are frozen, even with every control passed', async () => {
    const draft = repo.addRelease({ tag_name: 'v2.3.0', draft: true });
    repo.putFile(MANIFEST, manifestWith(allPass), { branch: MANIFEST_BRANCH });
    repo.putFile('.github/release-freeze.json', serializeFreezeState(frozen));
    const result = await publish();
    expect(result.code).toBe(1);
    expect(draft.draft).toBe(true);
    expect(errorLines(result)[0]).toMatch(/^::error::release_frozen: /);
  });

  it.each([
    [{ mode: 'publish' }, /input `required-controls` is required with mode publish/],
    [{ mode: 'publish', 'required-controls': 'provenance,drill' }, /input `required-controls` names "drill"/],
    [{ mode: 'ship' }, /input `mode` must be one of draft, publish/],
    [
      { mode: 'draft', 'required-controls': 'provenance' },
      /input `required-controls` is only for mode publish/,
    ],
  ])('refuses unusable inputs with exit 2: %j', async (inputs, message) => {
    const result = await run(inputs);
    expect(result.code).toBe(2);
    expect(errorLines(result)[0]).toMatch(message);
    expect(github.requestsTo('GET', /./)).toEqual([]);
  });
});
