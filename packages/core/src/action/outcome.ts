import { InputError, ReleaseGuardError, type ErrorCode } from '../errors';
import { ManifestRuleError } from '../manifest/errors';

/** Why an action failed: the code (null for an unexpected error), one line for the log, the exit status. */
export interface ActionFailure {
  code: ErrorCode | null;
  /** The whole line `setFailed` prints; untrusted values in it are escaped when it is applied. */
  message: string;
  exitCode: 1 | 2;
}

/**
 * What an action's core returns, and all the entry does with it: set `outputs` (names as in
 * action.yml), write `summary` (Markdown) to the job summary, print `log` lines, `notices` and
 * `warnings`, mask `secrets` (values derived while it ran; the secret inputs are masked before), and
 * fail with `failure` when it is set.
 */
export interface ActionOutcome {
  outputs: Record<string, string>;
  summary: string;
  /** The JSON report written, when the action writes one. */
  report: string | null;
  log: string[];
  notices: string[];
  warnings: string[];
  failure: ActionFailure | null;
  secrets: string[];
}

export function emptyOutcome(): ActionOutcome {
  return {
    outputs: {},
    summary: '',
    report: null,
    log: [],
    notices: [],
    warnings: [],
    failure: null,
    secrets: [],
  };
}

/**
 * The failure an error stands for, as an action reports it: a field named as an action input, a
 * manifest rule by its rule, any other core error by its code, anything else as an internal error.
 */
export function describeFailure(error: unknown): ActionFailure {
  if (error instanceof InputError)
    return {
      code: error.code,
      message: `usage_error: input \`${error.field}\` ${error.problem}`,
      exitCode: 2,
    };
  if (error instanceof ManifestRuleError)
    return { code: error.code, message: `${error.rule}: ${error.message}`, exitCode: 1 };
  if (error instanceof ReleaseGuardError)
    return { code: error.code, message: `${error.code}: ${error.message}`, exitCode: error.exitCode };
  const message = error instanceof Error ? error.message : String(error);
  return { code: null, message: `internal error: ${message}`, exitCode: 1 };
}

/** The outcome of an action that stopped on an error before it had one of its own. */
export function failureOutcome(error: unknown): ActionOutcome {
  return { ...emptyOutcome(), failure: describeFailure(error) };
}
