import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createGitHubClient,
  loadManifest,
  FileManifestStore,
  showManifest,
  validateRelease,
  type ValidateReleaseInputs,
} from '@release-guard/core';
import { DEMO_BUILDER, DEMO_REPOSITORY, DEMO_TOKEN, startSampleRelease } from './sample-release';
import type { DemoStage } from './stage';

/**
 * provenance-validate end to end, as the action runs it: fetch a release run's artifacts by run id
 * from the (loopback) GitHub API, verify them against the (loopback) Sigstore, record the verdict in
 * the release manifest and show the entries.
 */
export function validateRunStage(): DemoStage {
  return {
    title: 'provenance-validate: fetch two release runs by run id, verify, record them in the manifest',
    run: async (log) => {
      const release = await startSampleRelease();
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-'));
      try {
        const trustedRoot = path.join(workspace, 'trusted_root.json');
        fs.writeFileSync(trustedRoot, JSON.stringify(release.sigstore.trustedRoot));
        const client = createGitHubClient({
          token: DEMO_TOKEN,
          baseUrl: release.github.url,
          retries: 0,
          writeIntervalMs: 0,
        });
        const base: ValidateReleaseInputs = {
          tag: release.tag,
          runId: '',
          repository: DEMO_REPOSITORY,
          artifactName: 'release',
          provenanceName: 'provenance',
          sourceRepo: DEMO_REPOSITORY,
          builderIds: [DEMO_BUILDER],
          allowSlsaV02: false,
          identity: { certIdentity: `${DEMO_BUILDER}@refs/tags/${release.tag}` },
          trustedRoot,
          manifestPath: 'docs/reports/manifest.json',
          githubToken: DEMO_TOKEN,
          workspace,
          tempDir: workspace,
          actor: 'release-guard-demo',
          serverUrl: 'https://github.com',
        };
        const verdicts = [];
        for (const runId of [release.goodRunId, release.tamperedRunId]) {
          const result = await validateRelease({ ...base, runId: String(runId) }, { client });
          log(
            `run ${runId}: ${result.report.verified ? 'verified' : `FAILED (${result.report.failure_reason})`}`,
          );
          for (const check of result.report.checks.filter((c) => !c.ok))
            log(`  ${check.name}: ${check.detail}`);
          verdicts.push(result.report);
        }
        const store = new FileManifestStore(path.join(workspace, base.manifestPath));
        log('\nrelease manifest (release-guard manifest show):');
        log(showManifest(await loadManifest(store), { location: 'docs/reports/manifest.json' }));
        const blobAuth = release.github.blobHost.requests.filter((request) => request.authorization).length;
        log(
          `downloads: ${release.github.blobHost.requests.length} from the blob host, ${blobAuth} of them carrying the token`,
        );
        const ok = verdicts[0].verified && verdicts[1].failure_reason === 'digest_mismatch' && blobAuth === 0;
        log(
          ok
            ? 'expected: the genuine run passes; the tampered run fails with digest_mismatch and is recorded as failure, requeue=true'
            : 'UNEXPECTED verdicts',
        );
        return ok;
      } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
        await release.close();
      }
    },
  };
}
