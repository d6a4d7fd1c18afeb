import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_FREEZE_PATH } from '@release-guard/core/freeze/types';
import { createGitHubClient } from '@release-guard/core/github/client';
import { controlRecord } from '@release-guard/core/manifest/controls';
import { FileManifestStore } from '@release-guard/core/manifest/file-store';
import { updateManifest } from '@release-guard/core/manifest/update';
import type { ReleasePublishInputs } from '@release-guard/core/publish/inputs';
import { releasePublish } from '@release-guard/core/publish/release-publish';
import { startGitHubServer } from '@release-guard/testkit';
import { DEMO_REPOSITORY, DEMO_TOKEN } from './sample-release';
import type { DemoStage } from './stage';

const MANIFEST_PATH = 'docs/reports/manifest.json';
const RUN_ID = '27182';

/** release-publish's core wired to the loopback API, and a writer of this run's control records. */
function publishScene(apiUrl: string, workspace: string) {
  const client = createGitHubClient({
    token: DEMO_TOKEN,
    baseUrl: apiUrl,
    retries: 0,
    writeIntervalMs: 0,
  });
  const inputs: ReleasePublishInputs = {
    repository: DEMO_REPOSITORY,
    serverUrl: 'https://github.com',
    githubToken: DEMO_TOKEN,
    manifestPath: MANIFEST_PATH,
    workspace,
    tempDir: workspace,
    actor: 'release-guard',
    runId: RUN_ID,
    tag: 'v2.2.0',
    mode: 'draft',
    files: ['widgets-2.2.0.tgz'],
    requiredControls: [],
    freezeFile: DEFAULT_FREEZE_PATH,
  };
  const record = (controls: string[]) =>
    updateManifest(new FileManifestStore(path.join(workspace, MANIFEST_PATH)), {
      tag: 'v2.2.0',
      runId: RUN_ID,
      actor: 'release-guard',
      set: {
        controls: Object.fromEntries(
          controls.map((name) => [name, controlRecord({ status: 'pass' }, new Date().toISOString())]),
        ),
      },
    });
  const publish = () =>
    releasePublish(
      {
        ...inputs,
        mode: 'publish',
        files: [],
        requiredControls: ['provenance', 'signature', 'evidence'],
      },
      { client },
    );
  return { draft: () => releasePublish(inputs, { client }), record, publish };
}

/**
 * The two ends of release-guard.yml: release-publish drafts v2.2.0 with its file attached, refuses to
 * publish while the run's manifest entry has no evidence record, and publishes once it records pass.
 */
export function publishStage(): DemoStage {
  return {
    title: 'release-publish: a draft first, published only once every control passed',
    run: async (log) => {
      const github = await startGitHubServer({ token: DEMO_TOKEN });
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-publish-'));
      try {
        const repo = github.repo(DEMO_REPOSITORY);
        fs.writeFileSync(path.join(workspace, 'widgets-2.2.0.tgz'), 'widgets 2.2.0\n');
        const { draft, record, publish } = publishScene(github.url, workspace);

        const drafted = await draft();
        log(
          `draft v2.2.0: release ${drafted.release?.id} (draft: ${drafted.release?.draft}), attached ${drafted.attached.join(', ')}`,
        );
        await record(['provenance', 'signature']);
        const refused = await publish();
        log(`publish with evidence not recorded => ${refused.failure?.code ?? 'published'}`);
        await record(['evidence']);
        const published = await publish();
        log(
          `publish after evidence recorded pass => ${published.release?.draft === false ? 'published' : 'still a draft'}`,
        );

        const ok =
          drafted.release?.draft === true &&
          refused.failure !== null &&
          refused.release === null &&
          published.failure === null &&
          repo.releases.length === 1 &&
          repo.releases[0].draft === false &&
          repo.releases[0].assets.map((asset) => asset.name).join() === 'widgets-2.2.0.tgz';
        log(
          ok
            ? 'expected: the release stays a draft until every required control records pass in this run, then is published once'
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
