import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileManifestStore, updateManifest, type ManifestEntryChanges } from '@release-guard/core';
import {
  runAction,
  startGitHubServer,
  type ActionRunResult,
  type FakeRepo,
  type GitHubTestServer,
  type RunSeed,
} from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const TOKEN = 'ghs_plantedRecoverTokenNeverShown0123456789';
const TAG = 'v1.2.3';
const DAY_MS = 24 * 3600 * 1000;

(built ? describe : describe.skip)('provenance-recover action (built dist, run as the runner would)', () => {
  let github: GitHubTestServer;
  let repo: FakeRepo;
  let workspace: string;

  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN });
    repo = github.repo('acme/widgets');
    repo.addWorkflow({ path: '.github/workflows/release.yml' });
  });
  afterAll(() => github.stop());
  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-pr-'));
  });
  afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

  const manifestFile = () => path.join(workspace, 'docs/reports/manifest.json');
  const manifestText = () => fs.readFileSync(manifestFile(), 'utf8');
  const entryOf = (runId: number) =>
    (JSON.parse(manifestText()) as { entries: Array<Record<string, unknown>> }).entries.find(
      (entry) => entry.run_id === String(runId),
    ) as Record<string, unknown> & { history: Array<{ note: string | null }> };
  const rerunsOf = (runId: number) =>
    github.requestsTo('POST', `/repos/acme/widgets/actions/runs/${runId}/rerun-failed-jobs`);

  /** A failed security-ci run of the release and the manifest entry its provenance-validate job wrote. */
  async function failedRun(seed: RunSeed = {}, recorded: ManifestEntryChanges = {}) {
    const run = repo.addRun({
      path: '.github/workflows/security-ci.yml',
      head_branch: TAG,
      conclusion: 'failure',
      ...seed,
    });
    await updateManifest(new FileManifestStore(manifestFile()), {
      tag: TAG,
      runId: String(run.id),
      set: { status: 'failure', failure_reason: 'digest_mismatch', requeue: true, ...recorded },
      actor: 'provenance-validate',
    });
    return run;
  }

  function recover(runId: number, inputs: Record<string, string> = {}) {
    return runAction(actionDir, {
      inputs: {
        'run-id': String(runId),
        tag: TAG,
        reason: 'flaky runner, see INC-42',
        'github-token': TOKEN,
        'poll-interval-seconds': '0.02',
        'timeout-minutes': '1',
        'report-path': path.join(workspace, 'report.json'),
        ...inputs,
      },
      env: {
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTOR: 'on-call-alice',
      },
    });
  }

  function expectNoSecret(result: ActionRunResult) {
    const logs = `${result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')}${result.stderr}`;
    expect(logs).not.toContain(TOKEN);
    expect(result.summary).not.toContain(TOKEN);
    expect(manifestText()).not.toContain(TOKEN);
    expect(fs.readFileSync(path.join(workspace, 'report.json'), 'utf8')).not.toContain(TOKEN);
  }

  it('re-runs a recent failed run; the new attempt succeeds and the entry becomes success', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'success', afterReads: 3 } });
    const result = await recover(run.id);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.outputs).toMatchObject({
      status: 'rerun-succeeded',
      'new-run-attempt': '2',
      'failure-reason': '',
      'new-run-id': '',
      'retry-tag': '',
    });
    expect(rerunsOf(run.id)).toHaveLength(1);
    expect(entryOf(run.id)).toMatchObject({
      status: 'success',
      run_attempt: 2,
      rerun_in_progress: false,
      requeue: false,
    });
    expect(result.summary).toContain('✅ re-run succeeded');
    expect(result.stdout).toMatch(/attempt 2 is in_progress; next check in/);
    const report = JSON.parse(fs.readFileSync(path.join(workspace, 'report.json'), 'utf8'));
    expect(report.metrics).toMatchObject({
      'rerun.success_rate': 1,
      'rerun.time_to_resolution': expect.any(Number),
      'rerun.automated_vs_manual': 'automated',
      'security_ci.re_run_count': 1,
    });
    expect(result.stdout).toContain(`::add-mask::${TOKEN}`);
    expectNoSecret(result);
  });

  it('marks the entry blocked with rerun_failed when the re-run fails again, and tells the on-call', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'failure' } });
    const result = await recover(run.id);
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({
      status: 'rerun-failed',
      'failure-reason': 'rerun_failed',
      'new-run-attempt': '2',
    });
    expect(result.stdout).toContain('::error::rerun_failed: re-run attempt 2');
    expect(entryOf(run.id)).toMatchObject({
      status: 'blocked',
      failure_reason: 'rerun_failed',
      rerun_in_progress: false,
    });
    expect(result.summary).toContain('Do not release from this run');
  });

  describe('a 31-day-old run is denied (rerun_denied) and takes the chosen fallback', () => {
    const old = { created_at: new Date(Date.now() - 31 * DAY_MS) };

    it('none: reports the refusal only', async () => {
      const run = await failedRun(old);
      const dispatches = repo.dispatches.length;
      const result = await recover(run.id);
      expect(result.code).toBe(1);
      expect(result.outputs).toMatchObject({ status: 'denied', 'failure-reason': 'rerun_denied' });
      expect(result.stdout).toMatch(/::error::rerun_denied: run \d+ was created 31 days ago/);
      expect(entryOf(run.id)).toMatchObject({ status: 'blocked', failure_reason: 'rerun_denied' });
      expect(repo.dispatches.length).toBe(dispatches);
    });

    it('dispatch: starts the release workflow on the tag and reports the new run id', async () => {
      const run = await failedRun(old);
      const result = await recover(run.id, { fallback: 'dispatch', 'release-workflow': 'release.yml' });
      expect(result.outputs.status).toBe('denied');
      const dispatch = repo.dispatches.at(-1);
      expect(dispatch).toMatchObject({ ref: `refs/tags/${TAG}`, inputs: {} });
      expect(result.outputs['new-run-id']).toBe(String(dispatch?.run_id));
      expect(repo.run(dispatch?.run_id as number)).toMatchObject({
        head_branch: TAG,
        event: 'workflow_dispatch',
      });
    });

    it('retry-tag: names <tag>-retry for a steward and creates nothing', async () => {
      const run = await failedRun(old);
      const before = github.requests.length;
      const result = await recover(run.id, { fallback: 'retry-tag' });
      expect(result.outputs).toMatchObject({ status: 'denied', 'retry-tag': `${TAG}-retry` });
      expect(result.summary).toContain(`\`${TAG}-retry\``);
      expect(result.summary).toContain(run.head_sha);
      const writes = github.requests.slice(before).filter((request) => request.method !== 'GET');
      expect(writes.map((request) => request.path)).toEqual([
        `/repos/acme/widgets/actions/runs/${run.id}/rerun-failed-jobs`,
      ]);
    });
  });

  it('skips an entry that already succeeded (exit 0, a clear notice, nothing asked of GitHub)', async () => {
    const run = await failedRun({}, { status: 'success', failure_reason: null, requeue: false });
    const before = github.requests.length;
    const result = await recover(run.id);
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'skipped', 'failure-reason': '', 'new-run-attempt': '' });
    expect(result.stdout).toMatch(/::notice::skipped: .* already succeeded/);
    expect(github.requests.length).toBe(before);
  });

  it('skips an entry whose re-run is in progress (the manifest flag)', async () => {
    const run = await failedRun({}, { rerun_in_progress: true });
    const result = await recover(run.id);
    expect(result.code).toBe(0);
    expect(result.outputs.status).toBe('skipped');
    expect(result.stdout).toMatch(/already in progress/);
    expect(rerunsOf(run.id)).toHaveLength(0);
  });

  it('denies a run still in progress on GitHub and frees nothing twice', async () => {
    const run = await failedRun({ status: 'in_progress', conclusion: null });
    const result = await recover(run.id);
    expect(result.outputs).toMatchObject({ status: 'denied', 'failure-reason': 'rerun_denied' });
    expect(result.stdout).toMatch(/still in_progress/);
    expect(entryOf(run.id)).toMatchObject({ status: 'blocked', rerun_in_progress: false });
  });

  it('gives exactly one re-run to two dispatches at once on one manifest', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'success', afterReads: 2 } });
    const results = await Promise.all([recover(run.id), recover(run.id)]);
    expect(results.map((result) => result.outputs.status).sort()).toEqual(['rerun-succeeded', 'skipped']);
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    expect(rerunsOf(run.id)).toHaveLength(1);
    expect(entryOf(run.id)).toMatchObject({ status: 'success', run_attempt: 2 });
  });

  describe('a run no validation recorded (no manifest entry): GitHub is asked about it', () => {
    const releaseRun = (seed: RunSeed) =>
      repo.addRun({ path: '.github/workflows/release.yml', head_branch: TAG, ...seed });
    const withWorkflow = { 'release-workflow': 'release.yml' };

    it('records a cancelled release run as failure (provenance_missing) with the claim, re-runs it once, ends success', async () => {
      const run = releaseRun({
        conclusion: 'cancelled',
        nextAttempt: { conclusion: 'success', afterReads: 2 },
      });
      const result = await recover(run.id, withWorkflow);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      expect(result.outputs).toMatchObject({ status: 'rerun-succeeded', 'new-run-attempt': '2' });
      expect(rerunsOf(run.id)).toHaveLength(1);
      const entry = entryOf(run.id);
      expect(entry).toMatchObject({
        tag: TAG,
        status: 'success',
        failure_reason: null,
        artifact_url: expect.stringMatching(new RegExp(`/acme/widgets/actions/runs/${run.id}$`)),
        rerun_in_progress: false,
      });
      const steps = (entry.history as Array<{ from: string | null; to: string; note: string | null }>).map(
        ({ from, to, note }) => ({ from, to, note }),
      );
      expect(steps.slice(0, 2)).toEqual([
        {
          from: null,
          to: 'failure',
          note: 'recorded by provenance-recover: no validation had recorded this run; run concluded cancelled',
        },
        {
          from: 'failure',
          to: 'requeued',
          note: 're-run requested by on-call-alice: flaky runner, see INC-42',
        },
      ]);
      expect(steps.at(-1)).toMatchObject({ to: 'success' });
      expect(result.stdout).not.toMatch(/::warning::/);
      expectNoSecret(result);
    });

    it('skips a run that succeeded on GitHub: no entry, no re-run, exit 0', async () => {
      const run = releaseRun({ conclusion: 'success' });
      const result = await recover(run.id, withWorkflow);
      expect(result.code).toBe(0);
      expect(result.outputs).toMatchObject({ status: 'skipped', 'failure-reason': '' });
      expect(result.stdout).toMatch(/::notice::skipped: no validation recorded .* concluded success/);
      expect(rerunsOf(run.id)).toHaveLength(0);
      expect(fs.existsSync(manifestFile()) ? entryOf(run.id) : undefined).toBeUndefined();
    });

    it('denies a run still running (rerun_denied, exit 1): wait for it; no entry, no fallback', async () => {
      const run = releaseRun({ status: 'in_progress', conclusion: null });
      const dispatches = repo.dispatches.length;
      const result = await recover(run.id, { ...withWorkflow, fallback: 'dispatch' });
      expect(result.code).toBe(1);
      expect(result.outputs).toMatchObject({
        status: 'denied',
        'failure-reason': 'rerun_denied',
        'new-run-id': '',
      });
      expect(result.stdout).toMatch(/::error::rerun_denied: .* still in_progress on GitHub: wait for it/);
      expect(result.summary).toContain('Wait for it to finish');
      expect(rerunsOf(run.id)).toHaveLength(0);
      expect(repo.dispatches.length).toBe(dispatches);
      expect(fs.existsSync(manifestFile())).toBe(false);
      const report = JSON.parse(fs.readFileSync(path.join(workspace, 'report.json'), 'utf8'));
      expect(report.metrics['rerun.success_rate']).toBeUndefined();
    });

    it('refuses a run GitHub does not know (404) with exit 2, naming the repository and the run', async () => {
      const result = await recover(987654321, withWorkflow);
      expect(result.code).toBe(2);
      expect(result.stdout).toContain(
        '::error::usage_error: workflow run 987654321 was not found in acme/widgets',
      );
      expect(fs.existsSync(manifestFile())).toBe(false);
    });

    it('needs release-workflow to take a run with no entry (exit 2)', async () => {
      const run = releaseRun({ conclusion: 'failure' });
      const result = await recover(run.id);
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(
        /::error::usage_error: input `release-workflow` is required when the manifest/,
      );
      expect(rerunsOf(run.id)).toHaveLength(0);
    });

    it('warns in the summary when the tag matches neither the head branch nor the title, and keys the entry as given', async () => {
      const run = releaseRun({
        head_branch: 'main',
        display_title: 'nightly build',
        conclusion: 'timed_out',
        nextAttempt: { conclusion: 'success' },
      });
      const result = await recover(run.id, withWorkflow);
      expect(result.outputs.status).toBe('rerun-succeeded');
      expect(result.stdout).toMatch(/::warning::tag "v1.2.3" matches neither the head branch/);
      expect(result.summary).toContain('⚠️ tag');
      expect(entryOf(run.id)).toMatchObject({ tag: TAG, status: 'success' });
    });

    it('gives exactly one re-run to two dispatches at once for a missing entry', async () => {
      const run = releaseRun({
        conclusion: 'failure',
        nextAttempt: { conclusion: 'success', afterReads: 2 },
      });
      const results = await Promise.all([recover(run.id, withWorkflow), recover(run.id, withWorkflow)]);
      expect(results.map((result) => result.outputs.status).sort()).toEqual(['rerun-succeeded', 'skipped']);
      expect(results.map((result) => result.code)).toEqual([0, 0]);
      expect(rerunsOf(run.id)).toHaveLength(1);
      const entry = entryOf(run.id);
      expect(entry).toMatchObject({ status: 'success', run_attempt: 2 });
      expect(
        entry.history.filter((record) => record.note?.startsWith('recorded by provenance-recover')),
      ).toHaveLength(1);
    });
  });

  it('keeps a token out of every output, and a hostile reason escaped and inert', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'success' } });
    const reason = `oops ${TOKEN}\n::set-output name=status::rerun-failed\n$(touch pwned) \`id\``;
    const result = await recover(run.id, { reason });
    expect(result.outputs.status).toBe('rerun-succeeded');
    expectNoSecret(result);
    const commands = result.stdout.split('\n').filter((line) => /^::(set-output|error|warning)/.test(line));
    expect(commands).toEqual([]);
    const note = entryOf(run.id).history[1].note;
    expect(note).toBe(
      're-run requested by on-call-alice: oops ***\\x0a::set-output name=status::rerun-failed\\x0a$(touch pwned) `id`',
    );
    expect(result.summary).toContain('oops \\*\\*\\*\\\\x0a::set-output name=status::rerun-failed');
    expect(result.summary).not.toMatch(/\n::set-output/);
    expect(fs.existsSync(path.join(workspace, 'pwned'))).toBe(false);
  });

  it('keeps the manifest on a branch through the contents API', async () => {
    const run = repo.addRun({
      head_branch: TAG,
      conclusion: 'failure',
      nextAttempt: { conclusion: 'success' },
    });
    const entry = {
      tag: TAG,
      run_id: String(run.id),
      run_attempt: 1,
      artifact_url: null,
      status: 'failure',
      failure_reason: 'signature_invalid',
      requeue: true,
      rerun_in_progress: false,
      notify_slack: false,
      slack_retry: 0,
      issue_number: null,
      governance_flag: null,
      verified_at: null,
      updated_at: '2026-05-01T00:00:00.000Z',
      history: [{ at: '2026-05-01T00:00:00.000Z', actor: 'ci', from: null, to: 'failure', note: null }],
    };
    repo.putFile('docs/reports/manifest.json', JSON.stringify({ schema_version: 1, entries: [entry] }), {
      branch: 'release-manifest',
    });
    const result = await recover(run.id, { 'manifest-branch': 'release-manifest' });
    expect(result.outputs.status).toBe('rerun-succeeded');
    const stored = JSON.parse(
      repo.file('docs/reports/manifest.json', 'release-manifest')?.content.toString('utf8') ?? '{}',
    );
    expect(stored.entries[0]).toMatchObject({ status: 'success', run_attempt: 2, rerun_in_progress: false });
    expect(fs.existsSync(manifestFile())).toBe(false);
  });

  it('refuses unusable inputs with exit 2 and a clear message', async () => {
    const result = await recover(1, { fallback: 'dispatch' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('::error::usage_error: `fallback: dispatch` needs `release-workflow`');
    expect(result.outputs.status).toBeUndefined();
  });
  describe('honours the release freeze before it claims anything', () => {
    const frozenFile = (frozen: boolean) =>
      JSON.stringify({
        schema_version: 1,
        frozen,
        reason: 'INC-7: signing key suspected leaked',
        incident: 'https://status.example/INC-7',
        set_by: 'on-call-bob',
        set_at: '2026-12-01T08:00:00Z',
        scope: 'all',
        expires_at: null,
        history: [
          {
            action: 'on',
            at: '2026-12-01T08:00:00Z',
            by: 'on-call-bob',
            reason: 'INC-7: signing key suspected leaked',
            incident: 'https://status.example/INC-7',
            scope: 'all',
            expires_at: null,
          },
        ],
      });

    async function expectRefused(result: ActionRunResult, runId: number, why: RegExp) {
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/::error::release_frozen: re-running run \d+ of v1\.2\.3 refused/);
      expect(result.stdout).toMatch(why);
      expect(result.outputs).toMatchObject({ status: 'frozen', 'failure-reason': 'release_frozen' });
      expect(rerunsOf(runId)).toHaveLength(0);
      const entry = entryOf(runId);
      expect(entry).toMatchObject({ status: 'failure', rerun_in_progress: false });
      expect(entry.history.at(-1)?.note).toMatch(/^release_frozen: /);
      expect(result.summary).toContain('release freeze is on');
      expectNoSecret(result);
    }

    it('refuses while the repository variable forces the freeze', async () => {
      const run = await failedRun();
      await expectRefused(await recover(run.id, { freeze: 'true' }), run.id, /RELEASE_FREEZE/);
    });

    it('refuses while the freeze file on the default branch says frozen (committed after the tag)', async () => {
      repo.putFile('.github/freeze-recover-test.json', frozenFile(true));
      const run = await failedRun();
      const result = await recover(run.id, { 'freeze-file': '.github/freeze-recover-test.json' });
      await expectRefused(result, run.id, /INC-7: signing key suspected leaked/);
    });

    it('fails closed on a freeze file it cannot parse', async () => {
      repo.putFile('.github/freeze-recover-broken.json', '{ not json');
      const run = await failedRun();
      const result = await recover(run.id, { 'freeze-file': '.github/freeze-recover-broken.json' });
      await expectRefused(result, run.id, /freeze state unreadable/);
    });

    it('re-runs as usual when the freeze file says not frozen', async () => {
      repo.putFile('.github/freeze-recover-lifted.json', frozenFile(false));
      const run = await failedRun({ nextAttempt: { conclusion: 'success', afterReads: 1 } });
      const result = await recover(run.id, { 'freeze-file': '.github/freeze-recover-lifted.json' });
      expect(result.outputs.status).toBe('rerun-succeeded');
      expect(rerunsOf(run.id)).toHaveLength(1);
    });
  });
});
