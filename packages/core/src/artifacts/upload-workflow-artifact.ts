import { relative } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
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

export type ArtifactUpload =
  | { uploaded: true; artifact: UploadedArtifact }
  /** `problem`: what the service said and what to do, one line, safe to print; `cause` the client's error. */
  | { uploaded: false; problem: string; cause: unknown };

/**
 * Uploads `files` as the workflow artifact `name` with @actions/artifact (the runner's results
 * service, ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN), paths inside it relative to `root`.
 * A refusal (409 for a name the run already has) or a service that keeps failing (5xx, retried by
 * the client) is returned, not thrown: whether it fails the step is the caller's to say.
 */
export async function uploadWorkflowArtifact(
  name: string,
  files: readonly string[],
  root: string,
): Promise<ArtifactUpload> {
  try {
    const result = await new DefaultArtifactClient().uploadArtifact(name, [...files], root);
    return {
      uploaded: true,
      artifact: {
        name,
        id: result.id ?? 0,
        size: result.size ?? 0,
        digest: result.digest ?? '',
        files: files.map((file) => relative(root, file).split('\\').join('/')),
      },
    };
  } catch (error) {
    const message = safeText(error instanceof Error ? error.message : String(error));
    const hint = /\(409\)/.test(message)
      ? 'an artifact of this name already exists in this run: the name carries the run attempt, so another step of this attempt uploaded it'
      : 're-run the job once the artifact service answers';
    return { uploaded: false, problem: `${message}; ${hint}`, cause: error };
  }
}
