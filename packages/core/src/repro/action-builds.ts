import fs from 'node:fs';
import path from 'node:path';
import { downloadRunArtifact } from '../artifacts/download-run-artifact';
import { InputError } from '../errors';
import type { GitHubClient } from '../github/client';
import type { ReproVerifyInputs } from './inputs';

/** The two builds on disk, and the folder to remove afterwards (null when both are workspace paths). */
export interface ActionBuilds {
  first: string;
  second: string;
  downloads: string | null;
}

function insideWorkspace(inputs: ReproVerifyInputs, field: 'first' | 'second', given: string): string {
  const resolved = path.resolve(inputs.workspace, given);
  const relative = path.relative(path.resolve(inputs.workspace), resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative))
    throw new InputError(
      field,
      `must be a path inside the workspace, got ${JSON.stringify(given.slice(0, 200))}`,
    );
  return resolved;
}

/**
 * Where repro-verify finds each build: the workspace path, or the artifact of this run downloaded
 * and extracted (safely: zip-slip, links and bombs refused) into a new temp folder.
 */
export async function actionBuilds(
  inputs: ReproVerifyInputs,
  client: () => GitHubClient,
): Promise<ActionBuilds> {
  const downloads =
    inputs.firstArtifact !== undefined || inputs.secondArtifact !== undefined
      ? fs.mkdtempSync(path.join(inputs.tempDir, 'release-guard-repro-'))
      : null;
  const [owner, repo] = inputs.repository.split('/');
  const resolve = async (field: 'first' | 'second', artifact: string | undefined) => {
    if (artifact === undefined || downloads === null)
      return insideWorkspace(inputs, field, inputs[field] as string);
    const destination = path.join(downloads, field);
    await downloadRunArtifact(client(), {
      owner,
      repo,
      runId: Number(inputs.runId),
      name: artifact,
      destination,
    });
    return destination;
  };
  try {
    return {
      first: await resolve('first', inputs.firstArtifact),
      second: await resolve('second', inputs.secondArtifact),
      downloads,
    };
  } catch (error) {
    if (downloads !== null) fs.rmSync(downloads, { recursive: true, force: true });
    throw error;
  }
}
