import fs from 'node:fs';
import path from 'node:path';
import { createGitHubClient, type GitHubClient } from '@release-guard/core/github/client';
import { type ValidateReleaseInputs } from '@release-guard/core/validate/inputs';
import {
  buildZip,
  githubActionsIdentity,
  signProvenance,
  slsaV1Statement,
  startGitHubServer,
  startSigstoreServer,
  subjectFor,
  type GitHubTestServer,
  type SigstoreServer,
} from '@release-guard/testkit';

export const DEMO_REPOSITORY = 'acme/widgets';
export const DEMO_BUILDER = 'https://github.com/acme/widgets/.github/workflows/release.yml';
export const DEMO_TOKEN = 'ghs_demoTokenNeverPrinted000000000000000';
const RUN = {
  repository: DEMO_REPOSITORY,
  ref: 'refs/tags/v2.0.0',
  commit: '4d329c75e7ec1725f7c9ce917a8799d408d06be3',
};

/**
 * A sample release on this machine: a loopback Sigstore (Fulcio, Rekor, TSA from @sigstore/mock) signs
 * its provenance, and a loopback GitHub REST API serves two release runs as workflow-run artifacts —
 * one genuine, one whose artifact was swapped after the build.
 */
export interface SampleRelease {
  sigstore: SigstoreServer;
  github: GitHubTestServer;
  tag: string;
  goodRunId: number;
  tamperedRunId: number;
  close: () => Promise<void>;
}

export async function startSampleRelease(): Promise<SampleRelease> {
  const sigstore = await startSigstoreServer();
  const github = await startGitHubServer({ token: DEMO_TOKEN });
  const artifact = Buffer.from('widgets 2.0.0 release archive\n');
  const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor('widgets-2.0.0.tgz', artifact)] });
  const bundle = await signProvenance({
    statement,
    identity: githubActionsIdentity(RUN),
    server: sigstore,
    tsa: true,
  });
  const provenanceZip = await buildZip({ 'widgets-2.0.0.tgz.intoto.jsonl': `${JSON.stringify(bundle)}\n` });
  const repo = github.repo(DEMO_REPOSITORY);
  const good = repo.addRun({ head_branch: 'v2.0.0', status: 'completed', conclusion: 'success' });
  repo.addArtifact({
    run_id: good.id,
    name: 'release',
    zip: await buildZip({ 'widgets-2.0.0.tgz': artifact }),
  });
  repo.addArtifact({ run_id: good.id, name: 'provenance', zip: provenanceZip });
  const tampered = repo.addRun({ head_branch: 'v2.0.0', status: 'completed', conclusion: 'success' });
  repo.addArtifact({
    run_id: tampered.id,
    name: 'release',
    zip: await buildZip({ 'widgets-2.0.0.tgz': 'swapped after the build\n' }),
  });
  repo.addArtifact({ run_id: tampered.id, name: 'provenance', zip: provenanceZip });
  return {
    sigstore,
    github,
    tag: 'v2.0.0',
    goodRunId: good.id,
    tamperedRunId: tampered.id,
    close: async () => {
      await sigstore.close();
      await github.stop();
    },
  };
}

/** A GitHub client for the sample release's loopback API, without the pacing meant for github.com. */
export function demoClient(release: SampleRelease): GitHubClient {
  return createGitHubClient({
    token: DEMO_TOKEN,
    baseUrl: release.github.url,
    retries: 0,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
  });
}

/** provenance-validate's inputs for one run of the sample release, with its trusted root written to `workspace`. */
export function demoValidateInputs(
  release: SampleRelease,
  runId: number,
  workspace: string,
): ValidateReleaseInputs {
  const trustedRoot = path.join(workspace, 'trusted_root.json');
  fs.writeFileSync(trustedRoot, JSON.stringify(release.sigstore.trustedRoot));
  return {
    tag: release.tag,
    runId: String(runId),
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
}
