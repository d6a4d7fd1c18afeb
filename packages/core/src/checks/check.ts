import type { FailureCode } from '../errors';

/** One named check of a verification, reported with expected vs actual whether it passed or not. */
export interface Check {
  name: string;
  ok: boolean;
  /** True when the check did not run (not requested, or its input was skipped); a skipped check passes. */
  skipped: boolean;
  /** The failure code this check reports when it fails. */
  code: FailureCode;
  expected: string | null;
  actual: string | null;
  detail: string;
}

export function passed(
  name: string,
  code: FailureCode,
  expected: string | null,
  actual: string | null,
  detail: string,
): Check {
  return { name, ok: true, skipped: false, code, expected, actual, detail };
}

export function failed(
  name: string,
  code: FailureCode,
  expected: string | null,
  actual: string | null,
  detail: string,
): Check {
  return { name, ok: false, skipped: false, code, expected, actual, detail };
}

export function skipped(name: string, code: FailureCode, detail: string): Check {
  return { name, ok: true, skipped: true, code, expected: null, actual: null, detail };
}

/** The failure code of a verification: that of the first failing check, in report order. */
export function firstFailure(checks: Check[]): FailureCode | null {
  return checks.find((check) => !check.ok)?.code ?? null;
}
