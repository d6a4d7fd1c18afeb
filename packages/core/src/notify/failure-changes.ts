import type { FailureCode } from '../errors';
import { manifestFieldProblem } from '../manifest/schema';
import type { ManifestEntryChanges } from '../manifest/types';

/** What a failure makes of the entry: status failure with its reason, and the artifact's address. */
export function failureChanges(
  failureReason: FailureCode | null,
  artifactUrl: string | null,
): ManifestEntryChanges {
  const set: ManifestEntryChanges = {};
  // status failure needs a failure_reason: with none given, the status is left to the validation.
  if (failureReason !== null) {
    set.status = 'failure';
    set.failure_reason = failureReason;
  }
  if (artifactUrl !== null && manifestFieldProblem('artifact_url', artifactUrl) === null)
    set.artifact_url = artifactUrl;
  return set;
}
