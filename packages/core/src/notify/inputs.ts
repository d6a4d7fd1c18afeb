import { checkActionContext, type ActionContext } from '../action/context';
import { InputError, isFailureCode, usageError, type FailureCode } from '../errors';
import { checkKpiInputs, type KpiInputs } from '../kpi/post-kpi';

/** Labels of the fallback issue unless `issue-labels` says otherwise. */
export const DEFAULT_ISSUE_LABELS = ['ops-alert', 'provenance-failure'] as const;

/** Added to the issue's labels for a SLSA v0.2 provenance. */
export const BACKCOMPAT_LABEL = 'security-backcompat';

/** notify-on-failure's options on the action context. */
export interface NotifyInputs extends ActionContext, KpiInputs {
  tag: string;
  /** The failing job's failure code; null when it gave none (the provenance job itself failed, say). */
  failureReason: FailureCode | null;
  /** The value given as failure reason when it is not a failure code, for the summary's warning. */
  unknownFailureReason?: string;
  artifactUrl?: string;
  /** A Slack incoming webhook. */
  slackWebhookUrl?: string;
  /** The ops notify function (answers `{"delivered": bool}`), with its bearer token. */
  opsNotifyUrl?: string;
  opsNotifyToken?: string;
  /** The escalation when Slack and the issue both failed: the ops function's summary (with `opsNotifyToken`) or a second webhook. */
  opsSummaryUrl?: string;
  opsSummaryWebhook?: string;
  /** Who the escalation names: a Slack user-group id (`S0123ABCD`) pings; default `ops-team`. */
  opsTeamMention: string;
  issueLabels: string[];
  /** Where the issue sends on-call; the README's runbook section of the action's version by default. */
  runbookUrl?: string;
  /** The workflow file (in this repository) that the alert's re-run line dispatches. */
  recoverWorkflow: string;
  /** Time limit of every Slack, ops-function and GitHub call. */
  timeoutMs: number;
  /** Tries of one Slack route when it answers 429 or 5xx. */
  slackAttempts: number;
}

/** The secrets among the inputs: masked in logs, redacted from every text we write. */
export function notifySecrets(inputs: NotifyInputs): string[] {
  return [
    inputs.githubToken,
    inputs.slackWebhookUrl,
    inputs.opsNotifyUrl,
    inputs.opsNotifyToken,
    inputs.opsSummaryUrl,
    inputs.opsSummaryWebhook,
    inputs.kpiUrl,
    inputs.kpiToken,
  ].filter((secret): secret is string => secret !== undefined && secret !== '');
}

/** A failure code, or null with the given text kept for a warning: a notifier never refuses to notify over it. */
export function parseFailureReason(value: string | undefined): {
  failureReason: FailureCode | null;
  unknownFailureReason?: string;
} {
  if (value === undefined) return { failureReason: null };
  return isFailureCode(value)
    ? { failureReason: value }
    : { failureReason: null, unknownFailureReason: value.slice(0, 200) };
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Refuses what no run could use (exit 2), before anything is sent. A missing Slack route is not
 * refused: an unset secret must not stop the issue fallback, so it counts as Slack not delivered.
 */
export function checkNotifyInputs(inputs: NotifyInputs): void {
  checkActionContext(inputs);
  for (const [name, value] of [
    ['slack-webhook-url', inputs.slackWebhookUrl],
    ['ops-notify-url', inputs.opsNotifyUrl],
    ['runbook-url', inputs.runbookUrl],
    ['ops-summary-url', inputs.opsSummaryUrl],
    ['ops-summary-webhook', inputs.opsSummaryWebhook],
    ['kpi-url', inputs.kpiUrl],
  ] as const) {
    // The value is a secret (or next to one): the message names the input, never the value.
    if (value !== undefined && !isHttpUrl(value)) throw new InputError(name, 'must be an http(s) URL');
  }
  checkKpiInputs(inputs);
  if (inputs.opsSummaryUrl !== undefined && !inputs.opsNotifyToken)
    throw new InputError('ops-summary-url', 'needs `ops-notify-token`: the ops function is called with it');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(inputs.opsTeamMention))
    throw new InputError(
      'ops-team-mention',
      'must be a Slack user-group id (S0123ABCD) or a team name of letters, digits, `.`, `_` and `-`',
    );
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}\.ya?ml$/.test(inputs.recoverWorkflow))
    throw new InputError(
      'recover-workflow',
      'must be a workflow file name such as `provenance-recover.yml` (letters, digits, `.`, `_`, `-`)',
    );
  if (!(inputs.timeoutMs > 0 && inputs.timeoutMs <= 600_000))
    throw new InputError('timeout-seconds', 'must be a number of seconds above 0 and at most 600');
  if (!(Number.isInteger(inputs.slackAttempts) && inputs.slackAttempts >= 1 && inputs.slackAttempts <= 10))
    throw new InputError('slack-attempts', 'must be a whole number from 1 to 10');
  if (inputs.issueLabels.length === 0) throw new InputError('issue-labels', 'needs at least one label');
  for (const label of inputs.issueLabels) {
    if (label.length > 50)
      throw usageError(`label ${JSON.stringify(label)} is longer than GitHub's 50 characters`);
  }
  if (!inputs.githubToken)
    throw new InputError('github-token', 'is needed to file the fallback issue (issues: write)');
}
