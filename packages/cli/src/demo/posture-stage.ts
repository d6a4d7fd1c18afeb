import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkReleaseFreeze } from '@release-guard/core/freeze/check';
import { openFreezeStore } from '@release-guard/core/freeze/store';
import { buildPosture } from '@release-guard/core/posture/model';
import { renderPostureMarkdown } from '@release-guard/core/posture/render';
import {
  readPostureManifest,
  readRepositorySecrets,
  writePostureFiles,
} from '@release-guard/core/posture/sources';
import { validateRelease } from '@release-guard/core/validate/validate-release';
import { demoClient, demoValidateInputs, startSampleRelease } from './sample-release';
import type { DemoStage } from './stage';

/**
 * `release-guard posture` over the sample release's runs: provenance-validate records each run's
 * controls.provenance in the manifest, and the posture reads them back. The pages stay on disk.
 */
export function postureStage(): DemoStage {
  return {
    title: 'posture: the verdict over the sample releases, as posture.md and posture.html',
    shows: 'newest run failed provenance: exit 1, named in the first line',
    run: async (log) => {
      const release = await startSampleRelease();
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-posture-'));
      try {
        const client = demoClient(release);
        for (const runId of [release.goodRunId, release.tamperedRunId])
          await validateRelease(demoValidateInputs(release, runId, workspace), { client });
        const manifest = await readPostureManifest(path.join(workspace, 'docs/reports/manifest.json'));
        const { store, close } = openFreezeStore({
          file: path.join(workspace, '.github/release-freeze.json'),
          cwd: workspace,
        });
        const decision = await checkReleaseFreeze({ store }).finally(close);
        const model = buildPosture({
          manifest,
          freeze: { decision, location: store.location },
          secrets: await readRepositorySecrets(null, undefined),
          now: new Date(),
        });
        const files = await writePostureFiles(model, path.join(workspace, 'posture'));
        log(renderPostureMarkdown(model));
        const ok = model.verdict.exit_code === 1 && / provenance digest_mismatch$/.test(model.verdict.line);
        log(
          ok
            ? `expected: ${model.verdict.line} (exit 1); see ${files.md} and ${files.html}`
            : `UNEXPECTED posture: ${model.verdict.line}`,
        );
        return ok;
      } finally {
        await release.close();
      }
    },
  };
}
