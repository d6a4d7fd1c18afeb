/**
 * The stable failure codes of the product spec. Reports, action outputs, the manifest, issues and KPI
 * posts all use these strings; this list is their only definition.
 */
export const FAILURE_CODES = [
  'artifact_missing',
  'provenance_missing',
  'malformed_provenance',
  'predicate_mismatch',
  'digest_mismatch',
  'builder_mismatch',
  'source_mismatch',
  'tag_mismatch',
  'commit_mismatch',
  'signature_invalid',
  'identity_mismatch',
  'release_frozen',
  'repro_mismatch',
  'evidence_fail',
  'evidence_warn',
  'rerun_denied',
  'rerun_failed',
  'notify_failed',
] as const;

export type FailureCode = (typeof FAILURE_CODES)[number];

/** Codes for input we cannot use at all (exit 2), as opposed to a check that ran and failed (exit 1). */
export const USAGE_CODES = ['usage_error', 'unreadable_input'] as const;
export type UsageCode = (typeof USAGE_CODES)[number];

export type ErrorCode = FailureCode | UsageCode;

export function isFailureCode(value: unknown): value is FailureCode {
  return typeof value === 'string' && (FAILURE_CODES as readonly string[]).includes(value);
}

/**
 * Every error raised on purpose by core. `code` is stable; `message` says what went wrong and what to
 * do next; `details` holds expected/actual values for reports.
 */
export class ReleaseGuardError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ReleaseGuardError';
    this.code = code;
    this.details = details;
  }

  /** Exit status of the CLI for this error: 2 for unusable input, 1 for a check that failed. */
  get exitCode(): 1 | 2 {
    return (USAGE_CODES as readonly string[]).includes(this.code) ? 2 : 1;
  }
}

export function usageError(message: string, details: Record<string, unknown> = {}): ReleaseGuardError {
  return new ReleaseGuardError('usage_error', message, details);
}
