/**
 * Where a release manifest lives. Stores move raw text and an opaque version token; the manifest
 * module parses and validates. A write succeeds only when the stored version still equals the one
 * the writer read (compare-and-swap); otherwise the caller re-reads, re-applies and retries.
 */
export interface StoredManifest {
  /** The file's text, or null when the manifest does not exist yet. */
  content: string | null;
  /** Opaque version token (git commit, contents-API blob sha, file hash); null when absent. */
  version: string | null;
}

export type WriteResult = { ok: true; version: string } | { ok: false; reason: 'conflict' };

export interface ManifestStore {
  /** Human-readable location, for messages (`git@…#branch:path`, `owner/repo:path`, a file path). */
  readonly location: string;
  read(): Promise<StoredManifest>;
  write(content: string, expectedVersion: string | null, message: string): Promise<WriteResult>;
}
