import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileManifestStore } from '@release-guard/core/manifest/file-store';
import { loadManifest } from '@release-guard/core/manifest/open-store';
import { showManifest } from '@release-guard/core/manifest/show';
import { validateRelease } from '@release-guard/core/validate/validate-release';
import { demoClient, demoValidateInputs, startSampleRelease } from './sample-release';
import type { DemoStage } from './stage';

/**
 * provenance-validate end to end, as the action runs it: fetch a release run's artifacts by run id
 * from the (loopback) GitHub API, verify them against the (loopback) Sigstore, record the verdict in
 * the release manifest and show the entries.
 */
export function validateRunStage(): DemoStage {
  return {
    title: 'provenance-validate: fetch two release runs by run id, verify, record them in the manifest',
    shows: 'genuine run passes; tampered run fails digest_mismatch, recorded',
    run: async (log) => {
      const release = await startSampleRelease();
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-'));
      try {
        const client = demoClient(release);
        const verdicts = [];
        for (const runId of [release.goodRunId, release.tamperedRunId]) {
          const result = await validateRelease(demoValidateInputs(release, runId, workspace), { client });
          log(
            `run ${runId}: ${result.report.verified ? 'verified' : `FAILED (${result.report.failure_reason})`}`,
          );
          for (const check of result.report.checks.filter((c) => !c.ok))
            log(`  ${check.name}: ${check.detail}`);
          verdicts.push(result.report);
        }
        const store = new FileManifestStore(path.join(workspace, 'docs/reports/manifest.json'));
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
