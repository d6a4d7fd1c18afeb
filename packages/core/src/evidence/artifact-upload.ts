import { uploadWorkflowArtifact, type UploadedArtifact } from '../artifacts/upload-workflow-artifact';
import { ReleaseGuardError } from '../errors';

export type { UploadedArtifact };

/** The bundle and its manifest as the workflow artifact `name`; a refused upload is `evidence_fail`: the evidence is not archived. */
export async function uploadEvidenceArtifact(
  name: string,
  files: readonly string[],
  root: string,
): Promise<UploadedArtifact> {
  const upload = await uploadWorkflowArtifact(name, files, root);
  if (upload.uploaded) return upload.artifact;
  throw new ReleaseGuardError(
    'evidence_fail',
    `the evidence could not be uploaded as the workflow artifact ${name}: ${upload.problem} (the bundle and manifest are still in the workspace).`,
    { artifact: name },
    { cause: upload.cause },
  );
}
