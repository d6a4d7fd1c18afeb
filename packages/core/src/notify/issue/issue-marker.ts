/**
 * The hidden line that makes the fallback issue findable: one issue per (run, tag). The tag is
 * URL-encoded, so no tag can end the comment (`-->`) or forge the marker of another run.
 */
export function issueMarker(runId: string, tag: string): string {
  return `<!-- release-guard:notify run_id=${runId} tag=${encodeURIComponent(tag)} -->`;
}

/** True when one line of `body` is exactly this run's marker. */
export function hasIssueMarker(body: string | null | undefined, runId: string, tag: string): boolean {
  if (!body) return false;
  const marker = issueMarker(runId, tag);
  return body.split(/\r?\n/).some((line) => line.trim() === marker);
}
