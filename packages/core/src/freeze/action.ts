import { describeFailure, emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { safeText } from '../text/safe-text';
import { readReleaseFreezeInputs } from './action-inputs';
import type { ReleaseFreezeInputs } from './inputs';
import type { ReleaseFreezeResult } from './release-freeze';

/** release-freeze's outcome: outputs frozen/source/reason, the banner, and the gate's failure. */
export function releaseFreezeOutcome(result: ReleaseFreezeResult): ActionOutcome {
  const { decision, record } = result;
  const change =
    record === null
      ? []
      : [`release freeze ${record.action} written to ${result.location} in ${result.attempts} attempt(s)`];
  return {
    ...emptyOutcome(),
    outputs: {
      frozen: String(decision.frozen),
      source: decision.source,
      reason: decision.reason ?? '',
    },
    summary: result.summary,
    log: [
      ...change,
      `release freeze: ${decision.frozen ? 'FROZEN' : 'not frozen'} (source ${decision.source})${decision.reason === null ? '' : `: ${safeText(decision.reason)}`}`,
    ],
    warnings: result.warnings,
    failure: result.failure === null ? null : describeFailure(result.failure),
  };
}

export const releaseFreezeAction: ActionDefinition<ReleaseFreezeInputs> = {
  read: readReleaseFreezeInputs,
  // The work is loaded only once the inputs are read: an entry that fails on its inputs starts fast.
  run: async (inputs) => releaseFreezeOutcome(await (await import('./release-freeze')).releaseFreeze(inputs)),
};
