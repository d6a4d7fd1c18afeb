/** How a difference between the two builds shows: `missing` = only in FIRST, `extra` = only in SECOND. */
export type DifferenceKind = 'content' | 'missing' | 'extra' | 'metadata';

/** One difference, as the report and the attestation list it. */
export interface ReproDifference {
  /** The file's path relative to FIRST / SECOND (its name when they are files). */
  path: string;
  /** The member inside the archive, nested archives joined with `!/`; null for the file itself. */
  member: string | null;
  kind: DifferenceKind;
  first: string | null;
  second: string | null;
  detail: string;
}

/** One file compared: its sha256 on each side (null where it is absent). */
export interface ComparedArtifact {
  path: string;
  first: string | null;
  second: string | null;
  size: { first: number | null; second: number | null };
}

export const DIFFOSCOPE_MODES = ['auto', 'never', 'always'] as const;
export type DiffoscopeMode = (typeof DIFFOSCOPE_MODES)[number];

/** What opening hostile archives is bounded by. */
export interface ArchiveLimits {
  /** Most entries one archive may hold. */
  maxEntries: number;
  /** Most bytes decompressed per archive relative to its size (checked once past `ratioFloorBytes`). */
  maxRatio: number;
  /** Below this many decompressed bytes the ratio is not checked (an empty tar.gz is 45 bytes for 10 KiB). */
  ratioFloorBytes: number;
  /** Most bytes decompressed in all archives of one side together. */
  maxTotalBytes: number;
  /** Archives inside archives opened, counting the outer one as 1. */
  maxDepth: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 100_000,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxTotalBytes: 8 * 1024 ** 3,
  maxDepth: 3,
};
