import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionContext } from '@release-guard/core/action/context';
import { releaseFreeze } from '@release-guard/core/freeze/release-freeze';
import { DEFAULT_FREEZE_PATH } from '@release-guard/core/freeze/types';
import { createGitHubClient } from '@release-guard/core/github/client';
import { FileManifestStore } from '@release-guard/core/manifest/file-store';
import { updateManifest } from '@release-guard/core/manifest/update';
import { recoverRun } from '@release-guard/core/recover/recover-run';
import { startGitHubServer, type GitHubTestServer } from '@release-guard/testkit';
import { DEMO_REPOSITORY, DEMO_TOKEN } from './sample-release';
import type { DemoStage } from './stage';

const MANIFEST_PATH = 'docs/reports/manifest.json';

/** A failed run recorded in the manifest, and the two actions' cores wired to the loopback API. */
async function freezeScene(github: GitHubTestServer, workspace: string) {
  const repo = github.repo(DEMO_REPOSITORY);
  const run = repo.addRun({
    path: '.github/workflows/security-ci.yml',
    head_branch: 'v2.1.0',
    conclusion: 'failure',
    created_at: new Date(Date.now() - 600 * 1000),
    nextAttempt: { conclusion: 'success', afterReads: 1 },
  });
  await updateManifest(new FileManifestStore(path.join(workspace, MANIFEST_PATH)), {
    tag: 'v2.1.0',
    runId: String(run.id),
    set: { status: 'failure', failure_reason: 'artifact_missing', requeue: true },
    actor: 'provenance-validate',
    note: 'provenance validation failed: artifact_missing',
  });
  const client = createGitHubClient({
    token: DEMO_TOKEN,
    baseUrl: github.url,
    retries: 0,
    writeIntervalMs: 0,
  });
  const context: ActionContext & { tag: string } = {
    repository: DEMO_REPOSITORY,
    serverUrl: 'https://github.com',
    githubToken: DEMO_TOKEN,
    manifestPath: MANIFEST_PATH,
    workspace,
    tempDir: workspace,
    actor: 'on-call',
    runId: String(run.id),
    tag: 'v2.1.0',
  };
  const freeze = (mode: 'on' | 'off', reason: string, incident?: string) =>
    releaseFreeze(
      {
        ...context,
        mode,
        reason,
        incident,
        scope: [],
        freezeFile: DEFAULT_FREEZE_PATH,
        failIfFrozen: false,
      },
      { client },
    );
  const recover = () =>
    recoverRun(
      {
        ...context,
        reason: 'artifact storage back after INC-7; re-validate',
        fallback: 'none',
        wait: true,
        timeoutMinutes: 1,
        pollIntervalSeconds: 0.05,
        freezeFile: DEFAULT_FREEZE_PATH,
      },
      { client, log: () => undefined },
    );
  return { run, freeze, recover };
}

/**
 * The release freeze as the on-call uses it at 3 a.m.: release-freeze turns it on (a commit to
 * `.github/release-freeze.json` through the loopback contents API), provenance-recover refuses to
 * re-run while it is on and leaves the failure as it was, the freeze is lifted, and the same
 * recovery goes through.
 */
export function freezeStage(): DemoStage {
  return {
    title: 'release freeze: turn it on, watch a re-run be refused, lift it',
    run: async (log) => {
      const github = await startGitHubServer({ token: DEMO_TOKEN });
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-freeze-'));
      try {
        const { run, freeze, recover } = await freezeScene(github, workspace);
        const on = await freeze('on', 'INC-7: signing key may have leaked', 'INC-7');
        log(`release-freeze mode=on: ${on.decision.frozen ? 'FROZEN' : 'not frozen'} (${on.location})`);
        const refused = await recover();
        log(`provenance-recover run ${run.id} while frozen => ${refused.status}: ${refused.message}`);
        const off = await freeze('off', 'INC-7 closed: key rotated');
        log(`release-freeze mode=off: ${off.decision.frozen ? 'FROZEN' : 'not frozen'}`);
        const allowed = await recover();
        log(`provenance-recover run ${run.id} after the lift => ${allowed.status}`);

        const reruns = github.requestsTo('POST', /\/rerun-failed-jobs$/).length;
        const ok =
          on.decision.frozen &&
          refused.status === 'frozen' &&
          !off.decision.frozen &&
          allowed.status === 'rerun-succeeded' &&
          reruns === 1;
        log(
          ok
            ? 'expected: while frozen the re-run is refused (release_frozen) and nothing is requeued; after the lift it runs once and passes'
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
