import path from 'node:path';
import { ReleaseGuardError } from '../errors';
import type { GitHubClient } from '../github/client';
import { downloadRunArtifact } from '../artifacts/download-run-artifact';
import type { ValidateReleaseInputs } from './inputs';
import { resolvePathInput } from './resolve-paths';

export interface GatheredFiles {
  artifacts: string[];
  provenance: string;
  /** Download tries per artifact name, for the report. */
  downloads: Array<{ name: string; tries: number; zipSha256: string }>;
}

const PROVENANCE_NAMES = /\.(intoto\.jsonl|sigstore\.json|sigstore|jsonl|json|build\.slsa)$/;

function singleProvenance(files: string[], where: string): string {
  if (files.length === 0) throw new ReleaseGuardError('provenance_missing', `no provenance file in ${where}`);
  if (files.length === 1) return files[0];
  const candidates = files.filter((file) => PROVENANCE_NAMES.test(file));
  if (candidates.length === 1) return candidates[0];
  throw new ReleaseGuardError(
    'provenance_missing',
    `${where} holds ${files.length} files and no single provenance among them (${files.map((f) => path.basename(f)).join(', ')}); name one file`,
  );
}

/** The artifacts and the provenance to verify: workspace files, or the run's artifacts downloaded. */
export async function gatherFiles(
  inputs: ValidateReleaseInputs,
  client: () => GitHubClient,
): Promise<GatheredFiles> {
  if (inputs.artifactPath !== undefined && inputs.provenancePath !== undefined) {
    const provenance = singleProvenance(
      await resolvePathInput(inputs.provenancePath, inputs.workspace),
      '`provenance-path`',
    );
    const artifacts = (await resolvePathInput(inputs.artifactPath, inputs.workspace)).filter(
      (file) => file !== provenance,
    );
    if (artifacts.length === 0)
      throw new ReleaseGuardError(
        'artifact_missing',
        `\`artifact-path\` matched no file in ${inputs.workspace}`,
      );
    return { artifacts, provenance, downloads: [] };
  }
  const [owner, repo] = inputs.repository.split('/');
  const base = path.join(inputs.tempDir, `release-guard-run-${inputs.runId}-${process.pid}-${Date.now()}`);
  const runId = Number(inputs.runId);
  const artifact = await downloadRunArtifact(client(), {
    owner,
    repo,
    runId,
    name: inputs.artifactName as string,
    destination: path.join(base, 'artifact'),
  });
  let provenanceDownload;
  try {
    provenanceDownload = await downloadRunArtifact(client(), {
      owner,
      repo,
      runId,
      name: inputs.provenanceName as string,
      destination: path.join(base, 'provenance'),
    });
  } catch (error) {
    if (error instanceof ReleaseGuardError && error.code === 'artifact_missing') {
      throw new ReleaseGuardError(
        'provenance_missing',
        error.message.replace(/^artifact /, 'provenance artifact '),
        error.details,
      );
    }
    throw error;
  }
  const provenance = singleProvenance(
    provenanceDownload.files,
    `artifact ${JSON.stringify(inputs.provenanceName)}`,
  );
  if (artifact.files.length === 0)
    throw new ReleaseGuardError(
      'artifact_missing',
      `artifact ${JSON.stringify(inputs.artifactName)} is empty`,
    );
  return {
    artifacts: artifact.files.filter((file) => file !== provenance),
    provenance,
    downloads: [artifact, provenanceDownload].map(({ name, tries, zipSha256 }) => ({
      name,
      tries,
      zipSha256,
    })),
  };
}
