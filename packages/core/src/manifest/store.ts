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

/**
 * How a store names the file it holds in its messages. The stores also keep files other than the
 * manifest (the release freeze), whose messages must name that file and the flag that points at it.
 */
export interface StoreLabel {
  /** What the file is, as said after "the": `manifest`, `freeze file`. */
  noun: string;
  /** The CLI flag that names its path: `--manifest`, `--file`. */
  pathFlag: string;
  /** A path to show as an example for that flag. */
  examplePath: string;
}

export const MANIFEST_STORE_LABEL: StoreLabel = {
  noun: 'manifest',
  pathFlag: '--manifest',
  examplePath: 'docs/reports/manifest.json',
};
