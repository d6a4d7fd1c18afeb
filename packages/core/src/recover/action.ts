import { emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { readRecoverInputs } from './action-inputs';
import type { RecoverInputs } from './inputs';
import { recoverOutputs, type RecoverResult } from './result';

/** provenance-recover's outcome: a run not recovered (or not recorded) fails the job; a skip is a notice. */
export function recoverOutcome(result: RecoverResult): ActionOutcome {
  return {
    ...emptyOutcome(),
    outputs: recoverOutputs(result),
    summary: result.summary,
    report: result.reportPath,
    log: result.failed || result.status === 'skipped' ? [] : [result.message],
    notices: !result.failed && result.status === 'skipped' ? [result.message] : [],
    warnings: result.warnings,
    failure: result.failed ? { code: result.failureReason, message: result.message, exitCode: 1 } : null,
  };
}

export const provenanceRecoverAction: ActionDefinition<RecoverInputs> = {
  read: readRecoverInputs,
  // The work is loaded only once the inputs are read: an entry that fails on its inputs starts fast.
  run: async (inputs, log) =>
    recoverOutcome(await (await import('./recover-run')).recoverRun(inputs, { log })),
};
