import path from 'node:path';
import type { ActionOutcome } from '../action/outcome';
import { checkActionContext } from '../action/context';
import { checkReleaseFreeze } from '../freeze/check';
import { openActionFreezeStore } from '../freeze/store';
import { uploadWorkflowArtifact } from '../artifacts/upload-workflow-artifact';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { openActionManifestStore } from '../manifest/action-store';
import {
  checkPostureReportInputs,
  postureReportOutcome,
  type PostureReportInputs,
  type PostureUpload,
} from './action';
import { buildPosture } from './model';
import { renderPostureMarkdown } from './render';
import { readManifestStore, readRepositorySecrets, writePostureFiles } from './sources';

/** posture-report: the manifest and the freeze from their branches (or the workspace), the secrets with their own token. */
export async function runPostureReport(inputs: PostureReportInputs): Promise<ActionOutcome> {
  checkActionContext(inputs);
  checkPostureReportInputs(inputs);
  let github: GitHubClient | undefined;
  const client = () =>
    (github ??= createGitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl, retries: 2 }));
  const manifest = await readManifestStore(openActionManifestStore(inputs, client));
  const freezeStore = openActionFreezeStore(inputs, client());
  const decision = await checkReleaseFreeze({ store: freezeStore });
  const secretsClient = inputs.secretsToken
    ? createGitHubClient({ token: inputs.secretsToken, baseUrl: inputs.apiUrl, retries: 1 })
    : null;
  const secrets = await readRepositorySecrets(secretsClient, secretsClient ? inputs.repository : undefined);
  const model = buildPosture({
    manifest,
    freeze: { decision, location: freezeStore.location },
    secrets,
    now: new Date(),
    maxReleases: inputs.maxReleases,
  });
  const outDir = path.join(inputs.tempDir, `posture-report-${inputs.runId}`);
  const files = await writePostureFiles(model, outDir);
  let upload: PostureUpload = { kind: 'off' };
  if (inputs.upload) {
    const name = inputs.artifactName;
    const result = await uploadWorkflowArtifact(name, [files.html, files.md, files.json], outDir);
    upload = result.uploaded ? { kind: 'uploaded', name } : { kind: 'failed', name, problem: result.problem };
  }
  return postureReportOutcome(model, files, renderPostureMarkdown(model), upload);
}
