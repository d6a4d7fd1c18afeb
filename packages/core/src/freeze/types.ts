/** The TypeScript view of freeze.schema.json; schema.test.ts keeps the two in step. */

export const FREEZE_SCHEMA_VERSION = 1;

/** Where the product keeps the freeze unless told otherwise. */
export const DEFAULT_FREEZE_PATH = '.github/release-freeze.json';

/** `all`, or tag patterns (`v2.*`) where `*` stands for any characters and `?` for one. */
export type FreezeScope = 'all' | string[];

export type FreezeAction = 'on' | 'off';

export interface FreezeRecord {
  action: FreezeAction;
  /** RFC 3339 date-time of the change. */
  at: string;
  by: string;
  reason: string;
  incident: string | null;
  scope: FreezeScope;
  expires_at: string | null;
}

/** The freeze file: the last change's values at the top, every change in `history`. */
export interface FreezeState {
  schema_version: typeof FREEZE_SCHEMA_VERSION;
  frozen: boolean;
  reason: string;
  incident: string | null;
  set_by: string;
  set_at: string;
  scope: FreezeScope;
  expires_at: string | null;
  history: FreezeRecord[];
}

/**
 * Where a decision came from: the file, the variable that forces the freeze on, or a freeze state
 * that could not be read (which freezes: fail closed).
 */
export type FreezeSource = 'file' | 'variable' | 'unreadable';

/** The answer of checkReleaseFreeze; also the JSON of `release-guard freeze status --format json`. */
export interface FreezeDecision {
  /** Side effects are refused: for the tag asked about, or without a tag, for any release. */
  frozen: boolean;
  reason: string | null;
  incident: string | null;
  set_by: string | null;
  set_at: string | null;
  scope: FreezeScope | null;
  expires_at: string | null;
  /** The file says frozen but its expires_at has passed, so it no longer applies. */
  expired: boolean;
  source: FreezeSource;
  /** Whether the freeze stops a release of the tag asked about; null when no tag was given. */
  applies_to_tag: boolean | null;
}
