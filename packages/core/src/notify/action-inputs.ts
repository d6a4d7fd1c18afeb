import { actionReader } from '../action/context';
import { DEFAULT_ISSUE_LABELS, parseFailureReason, type NotifyInputs } from './inputs';
import { DEFAULT_RECOVER_WORKFLOW } from './next-step';
import { DEFAULT_OPS_TEAM_MENTION } from './slack/ops-summary';

/**
 * The runbook section of release-guard's README at the version of the action in use, when the runner
 * says which (`github.action_repository` / `github.action_ref`, passed by action.yml).
 */
function defaultRunbookUrl(env: NodeJS.ProcessEnv, serverUrl: string): string | undefined {
  const repository = env.RELEASE_GUARD_ACTION_REPOSITORY;
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined;
  const ref = env.RELEASE_GUARD_ACTION_REF || 'HEAD';
  return `${serverUrl}/${repository}/blob/${encodeURIComponent(ref)}/README.md#runbook-a-release-failed-validation`;
}

/** Inputs whose values are secrets, besides `github-token`: masked, and redacted from all we write. */
const NOTIFY_SECRET_INPUTS = [
  'slack-webhook-url',
  'ops-notify-url',
  'ops-notify-token',
  'ops-summary-url',
  'ops-summary-webhook',
  'kpi-url',
  'kpi-token',
];

/** notify-on-failure's inputs (named as in its action.yml) on the action context. Checks nothing. */
export const readNotifyInputs = actionReader<NotifyInputs>(
  {
    action: 'notify-on-failure',
    tag: 'required',
    runId: 'input-or-current',
    secretInputs: NOTIFY_SECRET_INPUTS,
  },
  (input, context, env) => {
    const labels = input.list('issue-labels');
    return {
      ...context,
      tag: context.tag ?? '',
      ...parseFailureReason(input.optional('failure-reason')),
      artifactUrl: input.optional('artifact-url'),
      slackWebhookUrl: input.optional('slack-webhook-url'),
      opsNotifyUrl: input.optional('ops-notify-url'),
      opsNotifyToken: input.optional('ops-notify-token'),
      opsSummaryUrl: input.optional('ops-summary-url'),
      opsSummaryWebhook: input.optional('ops-summary-webhook'),
      opsTeamMention: input.optional('ops-team-mention') ?? DEFAULT_OPS_TEAM_MENTION,
      kpiUrl: input.optional('kpi-url'),
      kpiToken: input.optional('kpi-token'),
      issueLabels: labels.length > 0 ? labels : [...DEFAULT_ISSUE_LABELS],
      runbookUrl: input.optional('runbook-url') ?? defaultRunbookUrl(env, context.serverUrl),
      recoverWorkflow: input.optional('recover-workflow') ?? DEFAULT_RECOVER_WORKFLOW,
      timeoutMs: Math.round(
        input.number('timeout-seconds', 10, { above: 0, max: 600, unit: 'seconds' }) * 1000,
      ),
      slackAttempts: input.number('slack-attempts', 3, { min: 1, max: 10, integer: true }),
    };
  },
);
