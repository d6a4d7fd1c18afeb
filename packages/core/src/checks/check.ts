import type { FailureCode } from '../errors';

/** `pass` and `fail` ran; `skipped` did not run, and its detail says why. */
export type CheckStatus = 'pass' | 'fail' | 'skipped';

/** One named check of a verification, reported with expected vs actual whether it passed or not. */
export interface Check {
  name: string;
  status: CheckStatus;
  /**
   * Kept for existing readers: true for `pass`, false for `fail`; a `skipped` check is true only when
   * the user asked for the skip (`--skip-signature`, no `--tag`), false when it could not run.
   */
  ok: boolean;
  /** The failure code this check reports when it fails. */
  code: FailureCode;
  expected: string | null;
  actual: string | null;
  detail: string;
  /**
   * On claims read from the signed payload: false when no verified signature vouches for them (the
   * signature failed or was skipped), so a pass only says what the payload claims.
   */
  authenticated?: boolean;
}

export function passed(
  name: string,
  code: FailureCode,
  expected: string | null,
  actual: string | null,
  detail: string,
): Check {
  return { name, status: 'pass', ok: true, code, expected, actual, detail };
}

export function failed(
  name: string,
  code: FailureCode,
  expected: string | null,
  actual: string | null,
  detail: string,
): Check {
  return { name, status: 'fail', ok: false, code, expected, actual, detail };
}

/** A check the user chose not to run (a flag not given, `--skip-signature`): it does not fail. */
export function skippedByRequest(name: string, code: FailureCode, detail: string): Check {
  return { name, status: 'skipped', ok: true, code, expected: null, actual: null, detail };
}

/** A check that could not run because what it needs is missing or unproven: it fails the verification. */
export function notEvaluated(
  name: string,
  code: FailureCode,
  detail: string,
  expected: string | null = null,
  actual: string | null = null,
): Check {
  return { name, status: 'skipped', ok: false, code, expected, actual, detail };
}

/** Marks claim checks as read from a payload that no verified signature vouches for (or one that does). */
export function withAuthentication(checks: Check[], authenticated: boolean): Check[] {
  return checks.map((check) => ({ ...check, authenticated }));
}
