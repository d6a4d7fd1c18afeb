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

/**
 * Codes for input we cannot use at all, and for a library that failed in a way we did not foresee
 * (exit 2): no verdict comes from either, as opposed to a check that ran and failed (exit 1).
 */
export const USAGE_CODES = ['usage_error', 'unreadable_input', 'internal_error'] as const;
export type UsageCode = (typeof USAGE_CODES)[number];

/**
 * Codes for refusals of the product's own stores, which are about the manifest or the freeze file,
 * not about a release: a rule of the state machine, or compare-and-swap races lost every time.
 */
export const STORE_CODES = ['manifest_rule', 'store_conflict'] as const;
export type StoreCode = (typeof STORE_CODES)[number];

export type ErrorCode = FailureCode | UsageCode | StoreCode;

export function isFailureCode(value: unknown): value is FailureCode {
  return typeof value === 'string' && (FAILURE_CODES as readonly string[]).includes(value);
}

export interface ReleaseGuardErrorOptions {
  /** The error this one explains (a library's, the file system's); kept for debugging, never printed raw. */
  cause?: unknown;
}

/**
 * Every error raised on purpose by core. `code` is stable; `message` says what went wrong and what to
 * do next; `details` holds expected/actual values for reports; `cause` the underlying error.
 */
export class ReleaseGuardError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options: ReleaseGuardErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReleaseGuardError';
    this.code = code;
    this.details = details;
  }

  /** Exit status of the CLI and the actions for this error: 2 for unusable input, 1 for a refusal. */
  get exitCode(): 1 | 2 {
    return (USAGE_CODES as readonly string[]).includes(this.code) ? 2 : 1;
  }
}

export function usageError(
  message: string,
  details: Record<string, unknown> = {},
  options: ReleaseGuardErrorOptions = {},
): ReleaseGuardError {
  return new ReleaseGuardError('usage_error', message, details, options);
}

/**
 * A value that cannot be used, named by its field in kebab case (`run-id`, `manifest-path`) rather
 * than as a surface spells it: an action says input `run-id`, the CLI says `--run-id`.
 */
export class InputError extends ReleaseGuardError {
  readonly field: string;
  readonly problem: string;

  constructor(field: string, problem: string, options: ReleaseGuardErrorOptions = {}) {
    super('usage_error', `\`${field}\` ${problem}`, { field }, options);
    this.name = 'InputError';
    this.field = field;
    this.problem = problem;
  }
}
