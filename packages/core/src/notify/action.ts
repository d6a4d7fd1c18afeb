import { emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { readNotifyInputs } from './action-inputs';
import type { NotifyInputs } from './inputs';
import type { NotifyOnFailureResult } from './notify-on-failure';

/** notify-on-failure's outcome: the job fails only when nobody was alerted. Every message is redacted by core. */
export function notifyOutcome(result: NotifyOnFailureResult): ActionOutcome {
  const warnings = [...result.warnings];
  if (!result.slack.delivered && result.slack.reason)
    warnings.push(`Slack not reached: ${result.slack.reason}`);
  const issue = result.issue ? ` (issue #${result.issue.number}, ${result.issue.source})` : '';
  return {
    ...emptyOutcome(),
    outputs: {
      'slack-delivered': String(result.slack.delivered),
      'issue-number': result.issue ? String(result.issue.number) : '',
      'issue-url': result.issue?.url ?? '',
      notified: result.notified,
      'report-path': result.reportPath,
    },
    summary: result.summary,
    report: result.reportPath,
    log: [`notified: ${result.notified}${issue}`],
    warnings,
    failure: result.failure
      ? {
          code: result.failure.code,
          message: `${result.failure.code}: ${result.failure.message}`,
          exitCode: 1,
        }
      : null,
  };
}

export const notifyOnFailureAction: ActionDefinition<NotifyInputs> = {
  read: readNotifyInputs,
  // The work is loaded only once the inputs are read: an entry that fails on its inputs starts fast.
  run: async (inputs) => notifyOutcome(await (await import('./notify-on-failure')).notifyOnFailure(inputs)),
};
