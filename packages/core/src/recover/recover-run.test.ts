import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  missingPermission,
  secondaryRateLimit,
  startGitHubServer,
  type FakeRepo,
  type GitHubTestServer,
  type RunSeed,
} from '@release-guard/testkit';
import { ReleaseGuardError } from '../errors';
import { createGitHubClient } from '../github/client';
import { FileManifestStore } from '../manifest/file-store';
import { parseManifest } from '../manifest/schema';
import type { ManifestEntryChanges } from '../manifest/types';
import { updateManifest } from '../manifest/update';
import type { RecoverInputs } from './inputs';
import { recoverRun } from './recover-run';

const TOKEN = 'ghs_recoverUnitTestToken0123456789abcdef';
const DAY_MS = 24 * 3600 * 1000;
const TAG = 'v1.2.3';

let server: GitHubTestServer;
let repo: FakeRepo;
let workspace: string;
let warnings: string[];

beforeEach(async () => {
  server = await startGitHubServer({ token: TOKEN });
  repo = server.repo('acme/widgets');
  repo.addWorkflow({ path: '.github/workflows/release.yml' });
  workspace = mkdtempSync(join(tmpdir(), 'rg-recover-'));
  warnings = [];
});
afterEach(async () => {
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
});

const manifestFile = () => join(workspace, 'docs/reports/manifest.json');
const entry = () => parseManifest(readFileSync(manifestFile(), 'utf8'), 'manifest').entries[0];
const rerunRequests = () => server.requestsTo('POST', /\/rerun-failed-jobs$/);

/** A failed security-ci run and its manifest entry, as provenance-validate left them. */
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

function recover(runId: number, inputs: Partial<RecoverInputs> = {}, log?: (line: string) => void) {
  const client = createGitHubClient({
    baseUrl: server.url,
    token: TOKEN,
    retryDelayMs: 1,
    writeIntervalMs: 0,
    timeoutMs: 2000,
    log: { warn: (message) => warnings.push(message) },
  });
  return recoverRun(
    {
      runId: String(runId),
      tag: TAG,
      reason: 'flaky runner',
      repository: 'acme/widgets',
      serverUrl: 'https://github.com',
      githubToken: TOKEN,
      manifestPath: 'docs/reports/manifest.json',
      fallback: 'none',
      wait: true,
      timeoutMinutes: 1,
      pollIntervalSeconds: 0.01,
      workspace,
      tempDir: workspace,
      actor: 'on-call',
      ...inputs,
    },
    { client, log },
  );
}

describe('recoverRun: re-runs', () => {
  it('re-runs the failed jobs of a recent failed run and records the succeeding attempt', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'success', afterReads: 3 } });
    const result = await recover(run.id);
    expect(result).toMatchObject({
      status: 'rerun-succeeded',
      failureReason: null,
      failed: false,
      newRunAttempt: 2,
    });
    expect(rerunRequests()).toHaveLength(1);
    expect(entry()).toMatchObject({
      status: 'success',
      run_attempt: 2,
      rerun_in_progress: false,
      requeue: false,
      failure_reason: null,
    });
    expect(entry().history.map((record) => record.to)).toEqual([
      'failure',
      'requeued',
      'rerunning',
      'success',
    ]);
    expect(entry().history[1].note).toBe('re-run requested by on-call: flaky runner');
    expect(result.metrics).toMatchObject({
      'rerun.success_rate': 1,
      'rerun.automated_vs_manual': 'automated',
      'security_ci.re_run_count': 1,
      'rerun.time_to_resolution': expect.any(Number),
    });
    const report = JSON.parse(readFileSync(result.reportPath, 'utf8'));
    expect(report).toMatchObject({ status: 'rerun-succeeded', new_run_attempt: 2, metrics: result.metrics });
    expect(result.summary).toContain('✅ re-run succeeded');
  });

  it('marks the entry blocked with rerun_failed when the re-run fails again', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'failure' } });
    const result = await recover(run.id);
    expect(result).toMatchObject({ status: 'rerun-failed', failureReason: 'rerun_failed', failed: true });
    expect(entry()).toMatchObject({
      status: 'blocked',
      failure_reason: 'rerun_failed',
      rerun_in_progress: false,
    });
    expect(result.metrics['rerun.success_rate']).toBe(0);
    expect(result.summary).toContain('Do not release from this run');
  });

  it('starts the re-run without waiting when told so, leaving the entry rerunning', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'success' } });
    const result = await recover(run.id, { wait: false });
    expect(result).toMatchObject({ status: 'rerun-started', failed: false, newRunAttempt: 2 });
    expect(entry()).toMatchObject({ status: 'rerunning', run_attempt: 2, rerun_in_progress: true });
    expect(server.requestsTo('GET', /\/attempts\/2$/)).toHaveLength(0);
  });

  it('stops following an attempt at the timeout and says the entry stays rerunning', async () => {
    const run = await failedRun();
    const started = Date.now();
    const result = await recover(run.id, { timeoutMinutes: 0.005 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toMatchObject({ status: 'rerun-started', failed: true });
    expect(result.message).toMatch(/still queued after 0.005 minutes/);
    expect(entry()).toMatchObject({ status: 'rerunning', rerun_in_progress: true });
    expect(server.requestsTo('GET', /\/attempts\/2$/).length).toBeGreaterThan(1);
  });

  it('fails the job and says so when the manifest cannot take the outcome', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'failure', afterReads: 2 } });
    let validation: Promise<unknown> | undefined;
    // The re-run's own provenance-validate job records success while the run as a whole then fails.
    const result = await recover(run.id, { pollIntervalSeconds: 0.3 }, (line) => {
      if (!/next check/.test(line)) return;
      validation ??= updateManifest(new FileManifestStore(manifestFile()), {
        tag: TAG,
        runId: String(run.id),
        set: { status: 'success' },
        actor: 'provenance-validate',
      });
    });
    await validation;
    expect(result).toMatchObject({ status: 'rerun-failed', failed: true });
    expect(result.manifest.problem).toMatch(/status success → blocked is not allowed/);
    expect(result.message).toMatch(/The manifest does not show it: could not record status blocked/);
    expect(result.summary).toContain('manifest problem');
    expect(entry().status).toBe('success');
  });

  it('does not take a rate limit for a refusal: no fallback, the claim is released', async () => {
    const run = await failedRun();
    server.faults.add({
      method: 'POST',
      path: /\/rerun-failed-jobs$/,
      ...secondaryRateLimit({ retryAfter: 0 }),
      times: Infinity,
    });
    const result = await recover(run.id, { fallback: 'retry-tag' });
    expect(result).toMatchObject({ status: 'rerun-failed', failureReason: 'rerun_failed', fallback: null });
    expect(result.message).toMatch(/secondary rate limit/);
    expect(warnings).toHaveLength(3);
    expect(entry()).toMatchObject({ status: 'requeued', rerun_in_progress: false });
  });

  it('takes a re-run whose answer was lost but which GitHub started', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'success' } });
    server.faults.add({ method: 'POST', path: /\/rerun-failed-jobs$/, status: 502, afterHandling: true });
    const result = await recover(run.id);
    expect(result.status).toBe('rerun-succeeded');
    expect(rerunRequests()).toHaveLength(1);
  });

  it('releases the claim when the re-run request fails and nothing started', async () => {
    const run = await failedRun();
    server.faults.add({ method: 'POST', path: /\/rerun-failed-jobs$/, status: 502 });
    const result = await recover(run.id);
    expect(result).toMatchObject({
      status: 'rerun-failed',
      failureReason: 'rerun_failed',
      newRunAttempt: null,
    });
    expect(result.message).toMatch(/GitHub answered 502/);
    expect(entry()).toMatchObject({ status: 'requeued', rerun_in_progress: false });
    expect(result.metrics['rerun.success_rate']).toBeUndefined();
    expect((await recover(run.id, { wait: false })).status).toBe('rerun-started');
  });
});

describe('recoverRun: refusals (rerun_denied) and fallbacks', () => {
  const old = { created_at: new Date(Date.now() - 31 * DAY_MS) };

  it('denies a 31-day-old run without a fallback', async () => {
    const run = await failedRun(old);
    const result = await recover(run.id);
    expect(result).toMatchObject({ status: 'denied', failureReason: 'rerun_denied', failed: true });
    expect(result.message).toMatch(/created 31 days ago.*within 30 days.*over a month ago/);
    expect(entry()).toMatchObject({
      status: 'blocked',
      failure_reason: 'rerun_denied',
      rerun_in_progress: false,
    });
    expect(result.metrics).toMatchObject({ 'rerun.success_rate': 0, 'rerun.automated_vs_manual': 'manual' });
    expect(repo.dispatches).toEqual([]);
  });

  it('dispatches the release workflow for the tag and reports the new run', async () => {
    const run = await failedRun(old);
    const result = await recover(run.id, { fallback: 'dispatch', releaseWorkflow: 'release.yml' });
    expect(repo.dispatches).toEqual([expect.objectContaining({ ref: `refs/tags/${TAG}`, inputs: {} })]);
    expect(result.fallback).toMatchObject({
      kind: 'dispatch',
      started: true,
      runId: String(repo.dispatches[0].run_id),
    });
    expect(result.metrics['rerun.automated_vs_manual']).toBe('automated');
    expect(entry().history.at(-1)?.note).toContain(`as run ${repo.dispatches[0].run_id}`);
  });

  it('reports a dispatch that failed too, and still ends denied', async () => {
    const run = await failedRun(old);
    const result = await recover(run.id, { fallback: 'dispatch', releaseWorkflow: 'missing.yml' });
    expect(result.status).toBe('denied');
    expect(result.fallback).toMatchObject({
      kind: 'dispatch',
      started: false,
      error: expect.stringMatching(/404/),
    });
    expect(result.summary).toContain('Starting the release workflow failed too');
  });

  it('names the retry tag a steward must create, and creates nothing', async () => {
    const run = await failedRun(old);
    const before = server.requests.filter((r) => r.method !== 'GET').length;
    const result = await recover(run.id, { fallback: 'retry-tag' });
    expect(result.fallback).toEqual({ kind: 'retry-tag', tag: `${TAG}-retry`, commit: run.head_sha });
    expect(result.summary).toContain(`\`${TAG}-retry\``);
    // The only write to GitHub is the refused re-run request.
    expect(server.requests.filter((r) => r.method !== 'GET').length - before).toBe(1);
  });

  it('denies a run still in progress on GitHub', async () => {
    const run = await failedRun({ status: 'in_progress', conclusion: null });
    const result = await recover(run.id);
    expect(result.status).toBe('denied');
    expect(result.message).toMatch(/still in_progress/);
  });

  it('denies a run at the 50-attempt limit', async () => {
    const run = await failedRun({ run_attempt: 50 });
    const result = await recover(run.id);
    expect(result.message).toMatch(/attempt 50; GitHub allows at most 50/);
  });

  it('treats a 403 for a missing permission as a refusal that names the permission', async () => {
    const run = await failedRun();
    server.faults.add({
      method: 'POST',
      path: /\/rerun-failed-jobs$/,
      ...missingPermission('actions=write'),
    });
    const result = await recover(run.id);
    expect(result.status).toBe('denied');
    expect(result.message).toMatch(/actions: write/);
  });
});

describe('recoverRun: guards', () => {
  it('skips an entry that already succeeded, without calling GitHub', async () => {
    const succeeded = await failedRun({}, { status: 'success', failure_reason: null, requeue: false });
    const before = server.requests.length;
    const result = await recover(succeeded.id);
    expect(result).toMatchObject({ status: 'skipped', failed: false, failureReason: null });
    expect(result.message).toMatch(/already succeeded/);
    expect(server.requests.length).toBe(before);
  });

  it('skips an entry whose re-run is in progress and says how to clear a stale flag', async () => {
    const run = await failedRun({}, { status: 'failure', rerun_in_progress: true });
    const result = await recover(run.id);
    expect(result.status).toBe('skipped');
    expect(result.message).toMatch(/already in progress.*--set rerun_in_progress=false/);
    expect(rerunRequests()).toHaveLength(0);
  });

  it('refuses a run with no manifest entry without release-workflow as unusable input, writing nothing', async () => {
    const run = await failedRun();
    const other = repo.addRun({ conclusion: 'failure' });
    const before = readFileSync(manifestFile(), 'utf8');
    await expect(recover(other.id)).rejects.toMatchObject({ field: 'release-workflow' });
    expect(readFileSync(manifestFile(), 'utf8')).toBe(before);
    expect(run.reruns).toEqual([]);
    expect(other.reruns).toEqual([]);
  });

  it("refuses a run with no manifest entry that is not the release workflow's (exit 2), writing nothing", async () => {
    await failedRun();
    const other = repo.addRun({
      path: '.github/workflows/nightly.yml',
      head_branch: TAG,
      conclusion: 'failure',
    });
    const before = readFileSync(manifestFile(), 'utf8');
    const refused = recover(other.id, { releaseWorkflow: 'release.yml' });
    await expect(refused).rejects.toMatchObject({ code: 'usage_error' });
    await expect(refused).rejects.toThrow(/nightly\.yml, not of the release workflow release\.yml/);
    expect(readFileSync(manifestFile(), 'utf8')).toBe(before);
    expect(other.reruns).toEqual([]);
  });

  it('refuses a run with no manifest entry that concluded neither failed nor succeeded (exit 2)', async () => {
    const other = repo.addRun({ head_branch: TAG, conclusion: 'neutral' });
    await expect(recover(other.id, { releaseWorkflow: 'release.yml' })).rejects.toThrow(
      /concluded neutral .* there is no failure to recover/,
    );
    expect(other.reruns).toEqual([]);
  });

  it('gives exactly one re-run to two recoveries started at once', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'success', afterReads: 2 } });
    const results = await Promise.all([recover(run.id), recover(run.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(['rerun-succeeded', 'skipped']);
    expect(rerunRequests()).toHaveLength(1);
  });

  it('keeps the token out of the reason, and the reason on one line', async () => {
    const run = await failedRun({ nextAttempt: { conclusion: 'success' } });
    const result = await recover(run.id, {
      reason: `token ${TOKEN} leaked\n::set-output name=status::rerun-succeeded $(id)`,
    });
    const written =
      readFileSync(manifestFile(), 'utf8') + readFileSync(result.reportPath, 'utf8') + result.summary;
    expect(written).not.toContain(TOKEN);
    expect(result.reason).toBe('token *** leaked\\x0a::set-output name=status::rerun-succeeded $(id)');
    expect(entry().history[1].note).toContain(result.reason);
    expect(result.summary).not.toMatch(/\n::set-output/);
  });
});

describe('recoverRun: inputs', () => {
  it.each([
    [{ fallback: 'dispatch' as const }, /needs `release-workflow`/],
    [{ fallback: 'dispatch' as const, releaseWorkflow: '../../x' }, /workflow file name/],
    [{ runId: '12x' }, /workflow run id/],
    [{ reason: '  ' }, /`reason` is required/],
    [{ githubToken: undefined }, /`github-token`/],
    [{ pollIntervalSeconds: 0 }, /poll-interval-seconds/],
    [{ tag: 'v1\nx' }, /`tag` is not usable/],
  ])('refuses %p', async (inputs, message) => {
    const error = await recover(1, inputs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReleaseGuardError);
    expect(error).toMatchObject({ code: 'usage_error', message: expect.stringMatching(message) });
  });
});
