import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitHubClient } from '@release-guard/core/github/client';
import { FileManifestStore } from '@release-guard/core/manifest/file-store';
import { loadManifest } from '@release-guard/core/manifest/open-store';
import { showManifest } from '@release-guard/core/manifest/show';
import { updateManifest } from '@release-guard/core/manifest/update';
import { type RecoverInputs } from '@release-guard/core/recover/inputs';
import { recoverRun } from '@release-guard/core/recover/recover-run';
import { startGitHubServer, type GitHubTestServer } from '@release-guard/testkit';
import { DEMO_REPOSITORY, DEMO_TOKEN } from './sample-release';
import type { DemoStage } from './stage';

const DAY_MS = 24 * 3600 * 1000;
const MANIFEST_PATH = 'docs/reports/manifest.json';

/** Two failed security-ci runs on the loopback API, recorded as failures in the manifest. */
async function seedFailedRuns(github: GitHubTestServer, workspace: string) {
  const repo = github.repo(DEMO_REPOSITORY);
  const securityCi = '.github/workflows/security-ci.yml';
  const recent = repo.addRun({
    path: securityCi,
    head_branch: 'v2.0.0',
    conclusion: 'failure',
    created_at: new Date(Date.now() - 3600 * 1000),
    nextAttempt: { conclusion: 'success', afterReads: 2 },
  });
  const old = repo.addRun({
    path: securityCi,
    head_branch: 'v1.9.0',
    conclusion: 'failure',
    created_at: new Date(Date.now() - 45 * DAY_MS),
  });
  // The release run whose provenance job was cancelled: no validation recorded it.
  const unrecorded = repo.addRun({
    path: '.github/workflows/release.yml',
    head_branch: 'v2.0.1',
    conclusion: 'cancelled',
    nextAttempt: { conclusion: 'success', afterReads: 1 },
  });
  const store = new FileManifestStore(path.join(workspace, MANIFEST_PATH));
  for (const [tag, run] of [
    ['v2.0.0', recent],
    ['v1.9.0', old],
  ] as const) {
    await updateManifest(store, {
      tag,
      runId: String(run.id),
      set: { status: 'failure', failure_reason: 'digest_mismatch', requeue: true },
      actor: 'provenance-validate',
      note: 'provenance validation failed: digest_mismatch',
    });
  }
  return { recent, old, unrecorded, store };
}

/** A cancelled release run that no validation recorded: its entry is created with the claim, then it is re-run. */
async function recoverUnrecorded(
  log: (line: string) => void,
  inputs: RecoverInputs,
  client: ReturnType<typeof createGitHubClient>,
): Promise<boolean> {
  log(
    `\nrecover v2.0.1 run ${inputs.runId} (cancelled; no validation recorded it), release-workflow release.yml:`,
  );
  const result = await recoverRun({ ...inputs, releaseWorkflow: 'release.yml' }, { client });
  const note = result.manifest.entry?.history[0]?.note;
  log(`  => ${result.status}: ${result.message}`);
  log(`  first history note: ${note}`);
  return result.status === 'rerun-succeeded' && note?.startsWith('recorded by provenance-recover') === true;
}

/**
 * provenance-recover end to end, as the on-call's dispatch runs it, against the (loopback) GitHub API:
 * the security-ci run whose validation failed on the tampered artifact is re-run and its new attempt
 * passes; a 45-day-old failed run is past GitHub's 30-day window, is denied, and names the `-retry`
 * tag a release steward must create; a cancelled release run that no validation recorded gets its
 * entry from GitHub's record of the run and is re-run.
 */
export function recoverRunStage(): DemoStage {
  return {
    title:
      'provenance-recover: re-run a failed release run, fall back for one GitHub will not re-run, recover a run nobody recorded',
    shows: 'failed run re-run and passes; 45-day-old run denied; an unrecorded run recovered',
    run: async (log) => {
      const github = await startGitHubServer({ token: DEMO_TOKEN });
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-recover-'));
      try {
        const { recent, old, unrecorded, store } = await seedFailedRuns(github, workspace);

        const client = createGitHubClient({
          token: DEMO_TOKEN,
          baseUrl: github.url,
          retries: 0,
          writeIntervalMs: 0,
        });
        const base: Omit<RecoverInputs, 'runId' | 'tag'> = {
          reason: 'artifact re-uploaded after a storage incident; re-validate',
          repository: DEMO_REPOSITORY,
          serverUrl: 'https://github.com',
          githubToken: DEMO_TOKEN,
          manifestPath: MANIFEST_PATH,
          fallback: 'none',
          wait: true,
          timeoutMinutes: 1,
          pollIntervalSeconds: 0.05,
          workspace,
          tempDir: workspace,
          actor: 'on-call',
        };
        const indent = (line: string) => log(`  ${line}`);

        log(`recover v2.0.0 run ${recent.id} (failed 1 hour ago):`);
        const rerun = await recoverRun(
          { ...base, runId: String(recent.id), tag: 'v2.0.0' },
          { client, log: indent },
        );
        log(`  => ${rerun.status}: ${rerun.message}`);

        log(`\nrecover v1.9.0 run ${old.id} (failed 45 days ago), fallback retry-tag:`);
        const denied = await recoverRun(
          { ...base, runId: String(old.id), tag: 'v1.9.0', fallback: 'retry-tag' },
          { client, log: indent },
        );
        log(`  => ${denied.status}: ${denied.message}`);

        const missing = await recoverUnrecorded(
          log,
          { ...base, runId: String(unrecorded.id), tag: 'v2.0.1' },
          client,
        );

        log('\nrelease manifest (release-guard manifest show):');
        const manifest = await loadManifest(store);
        log(showManifest(manifest, { location: MANIFEST_PATH }));

        const entry = (runId: number) => manifest.entries.find((e) => e.run_id === String(runId));
        const reruns = github.requestsTo('POST', /\/rerun-failed-jobs$/).length;
        const repo = github.repo(DEMO_REPOSITORY);
        const ok =
          rerun.status === 'rerun-succeeded' &&
          entry(recent.id)?.status === 'success' &&
          entry(recent.id)?.run_attempt === 2 &&
          denied.status === 'denied' &&
          denied.fallback?.kind === 'retry-tag' &&
          denied.fallback.tag === 'v1.9.0-retry' &&
          entry(old.id)?.status === 'blocked' &&
          entry(old.id)?.failure_reason === 'rerun_denied' &&
          missing &&
          entry(unrecorded.id)?.status === 'success' &&
          reruns === 3 &&
          repo.dispatches.length === 0;
        log(
          ok
            ? 'expected: the recent run is re-run once and recorded as success (attempt 2); the old run is denied (rerun_denied), blocked, and a steward is asked to create v1.9.0-retry (no tag created); the cancelled run nobody recorded gets its entry (provenance_missing) and is re-run to success'
            : 'UNEXPECTED verdicts',
        );
        return ok;
      } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
        await github.stop();
      }
    },
  };
}
