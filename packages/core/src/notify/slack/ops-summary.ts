import type { DeliveryPolicy } from './delivery-policy';
import type { CallResult, DeliveryAttempt, SlackRoute } from './delivery-attempt';
import { OPS_NOTIFY_QUERY, postOpsNotify } from './ops-notify';
import { deliverOnRoute, failureReason } from './slack-delivery';
import { nextStepSlack, slackText } from './slack-message';
import { postSlackWebhook } from './slack-webhook';
import { describeFailureReason, type FailureNotice } from '../notification';

/** The query of the ops function when it is asked for the ops summary channel. */
export const OPS_SUMMARY_QUERY = { ...OPS_NOTIFY_QUERY, summary: '1' } as const;

/** The team told by default; its name is in the text whatever the mention. */
export const DEFAULT_OPS_TEAM_MENTION = 'ops-team';

/** A Slack user-group id (`S0123ABCD`): the only mention that pings a group from an incoming webhook. */
const USER_GROUP_ID = /^S[A-Z0-9]{6,20}$/;

export interface OpsSummaryRoutes {
  /** The ops function, called with `summary=1`, authenticated with `opsNotifyToken`. */
  opsSummaryUrl?: string;
  opsNotifyToken?: string;
  /** A second Slack incoming webhook, for the ops summary channel. */
  opsSummaryWebhook?: string;
  /** A user-group id (`S…`, rendered `<!subteam^S…>`) or a name shown as text (default `ops-team`). */
  opsTeamMention: string;
}

export interface OpsSummaryResult {
  posted: boolean;
  route: SlackRoute | null;
  attempts: DeliveryAttempt[];
  /** Why it was not posted, in words without URL or token; null when posted. */
  reason: string | null;
}

/** True when some ops summary route is configured. */
export function hasOpsSummaryRoute(routes: OpsSummaryRoutes): boolean {
  return Boolean((routes.opsSummaryUrl && routes.opsNotifyToken) || routes.opsSummaryWebhook);
}

/** The mention in Slack mrkdwn: a user-group id pings (`<!subteam^S…>`); anything else is escaped text. */
export function opsTeamMentionText(mention: string): string {
  if (USER_GROUP_ID.test(mention)) return `<!subteam^${mention}> (ops-team)`;
  const name = slackText(mention);
  return name === 'ops-team' ? '@ops-team' : `@${name} (ops-team)`;
}

/**
 * The escalation message: run, tag, failure reason, why the issue could not be filed (the missing
 * permission named), the manual steps, the release's next step, and the mention. `issueError` is
 * redacted by the caller.
 */
export function opsSummaryText(notice: FailureNotice, issueError: string, mention: string): string {
  return [
    `:rotating_light: *Release alert escalated* for ${slackText(notice.repository)}: Slack was not reached and no GitHub issue could be filed`,
    `*Run:* ${slackText(notice.runUrl)} (run ${slackText(notice.runId)})`,
    `*Tag:* ${slackText(notice.tag)}`,
    `*Failure reason:* \`${slackText(describeFailureReason(notice.failureReason))}\``,
    `*Why the issue failed:* ${slackText(issueError)}`,
    `*Manual steps:* ${opsTeamMentionText(mention)}, please (1) tell the release's on-call, (2) open the run's issue by hand, ` +
      '(3) give the notify job `permissions: issues: write` (or a token that has it) so the fallback works next time.',
    ...nextStepSlack(notice.nextStep),
    notice.runbookUrl ? `*Runbook:* ${slackText(notice.runbookUrl)}` : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

/**
 * Posts one escalation to the ops summary: the ops function (`summary=1`) first, then the summary
 * webhook; the same time limit and 429/5xx retries as the primary Slack routes. Never throws.
 */
export async function postOpsSummary(
  text: string,
  notice: FailureNotice,
  routes: OpsSummaryRoutes,
  policy: DeliveryPolicy,
): Promise<OpsSummaryResult> {
  const planned: Array<[SlackRoute, () => Promise<CallResult>]> = [];
  const { opsSummaryUrl, opsNotifyToken, opsSummaryWebhook } = routes;
  if (opsSummaryUrl && opsNotifyToken) {
    const payload = {
      source: 'provenance-validate',
      summary: true,
      text,
      tag: notice.tag,
      run_id: notice.runId,
    };
    planned.push([
      'ops-summary',
      () => postOpsNotify(opsSummaryUrl, opsNotifyToken, payload, policy.timeoutMs, OPS_SUMMARY_QUERY),
    ]);
  }
  if (opsSummaryWebhook)
    planned.push([
      'ops-summary-webhook',
      () => postSlackWebhook(opsSummaryWebhook, { text }, policy.timeoutMs),
    ]);
  const attempts: DeliveryAttempt[] = [];
  for (const [route, call] of planned) {
    const routeAttempts = await deliverOnRoute(route, call, policy);
    attempts.push(...routeAttempts);
    if (routeAttempts[routeAttempts.length - 1].outcome === 'delivered')
      return { posted: true, route, attempts, reason: null };
  }
  const notes = planned.length === 0 ? ['no ops summary route is configured'] : [];
  return { posted: false, route: null, attempts, reason: failureReason(attempts, notes) };
}
