import { actionReader } from '../action/context';
import { readFreezeGate } from '../freeze/gate';
import { RECOVER_DEFAULTS, type RecoverFallback, type RecoverInputs } from './inputs';

/** provenance-recover's inputs (named as in its action.yml) on the action context. Checks nothing. */
export const readRecoverInputs = actionReader<RecoverInputs>(
  { action: 'provenance-recover', tag: 'required', runId: 'required' },
  (input, context) => {
    return {
      ...context,
      ...readFreezeGate(input),
      tag: context.tag ?? '',
      reason: input.required('reason'),
      fallback: (input.optional('fallback') ?? RECOVER_DEFAULTS.fallback) as RecoverFallback,
      releaseWorkflow: input.optional('release-workflow'),
      wait: input.boolean('wait', RECOVER_DEFAULTS.wait),
      timeoutMinutes: input.number('timeout-minutes', RECOVER_DEFAULTS.timeoutMinutes, {
        above: 0,
        max: 360,
        unit: 'minutes',
      }),
      pollIntervalSeconds: input.number('poll-interval-seconds', RECOVER_DEFAULTS.pollIntervalSeconds, {
        above: 0,
        max: 600,
        unit: 'seconds',
      }),
    };
  },
);
