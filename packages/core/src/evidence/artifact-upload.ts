import { relative } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { ReleaseGuardError } from '../errors';
import { safeText } from '../text/safe-text';

export interface UploadedArtifact {
  name: string;
  id: number;
  size: number;
  /** sha256 (hex) of the zip as uploaded. */
  digest: string;
  /** The files in it, relative to the root folder. */
  files: string[];
}

/**
 * Uploads `files` as the workflow artifact `name` with @actions/artifact (the runner's results
 * service, ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN), paths inside it relative to `root`.
 * A refusal (409 for a name the run already has) or a service that keeps failing (5xx, retried by
 * the client) is `evidence_fail`: the evidence is not archived.
 */
export async function uploadEvidenceArtifact(
  name: string,
  files: readonly string[],
  root: string,
): Promise<UploadedArtifact> {
  try {
    const result = await new DefaultArtifactClient().uploadArtifact(name, [...files], root);
    return {
      name,
      id: result.id ?? 0,
      size: result.size ?? 0,
      digest: result.digest ?? '',
      files: files.map((file) => relative(root, file).split('\\').join('/')),
    };
  } catch (error) {
    const message = safeText(error instanceof Error ? error.message : String(error));
    const hint = /\(409\)/.test(message)
      ? ' An artifact of this name already exists in this run: the name carries the run attempt, so another step of this attempt uploaded it.'
      : ' Re-run the job once the artifact service answers; the bundle and manifest are still in the workspace.';
    throw new ReleaseGuardError(
      'evidence_fail',
      `the evidence could not be uploaded as the workflow artifact ${name}: ${message}.${hint}`,
      { artifact: name },
      { cause: error },
    );
  }
}
