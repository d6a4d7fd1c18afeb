import type { GitHubClient } from '../github/client';
import { fileFallbackIssue } from '../notify/issue/fallback-issue';
import { fallbackIssueBody, fallbackIssueLabels, fallbackIssueTitle } from '../notify/issue/issue-content';
import { ensureIssueLabels } from '../notify/issue/issue-labels';
import type { FailureNotice } from '../notify/notification';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from '../notify/slack/delivery-policy';
import { deliverToSlack, type SlackDeliveryResult } from '../notify/slack/slack-delivery';
import { redactSecrets, redactSecretsDeep } from '../text/redact-secrets';
import type { DeliveredText } from './delivered-check';
import type { DrillOutcome } from './steps';

/** The label of the drill's fallback issue, so nobody takes it for an incident. */
export const DRILL_ISSUE_LABEL = 'drill';

export interface AlertRoutes {
  slackWebhookUrl?: string;
  /** The fallback issue's repository and a client whose token may write issues. */
  github?: { client: GitHubClient; repository: string; serverUrl: string };
  policy?: DeliveryPolicy;
  /** Wait before re-listing issues after a failed create (the notify default otherwise). */
  issueRetryDelayMs?: number;
}

export interface DrillIssue {
  number: number;
  url: string;
  /** Closed right after it was read back; false when closing failed (close it by hand). */
  closed: boolean;
}

export interface AlertStepResult {
  outcome: DrillOutcome;
  detail: string;
  remedy: string | null;
  /** Which channel carried the alert. */
  deliveredBy: 'slack' | 'issue' | null;
  slack: SlackDeliveryResult | null;
  issue: DrillIssue | null;
  /** Everything that left the drill: each Slack request body as sent, the issue as GitHub stored it. */
  delivered: DeliveredText[];
}

interface IssueAttempt {
  issue: DrillIssue | null;
  problem: string | null;
  stored: DeliveredText | null;
}

/** Files the fallback issue as notify-on-failure files it, labelled `drill`, reads it back and closes it. */
async function fileDrillIssue(
  github: NonNullable<AlertRoutes['github']>,
  notice: FailureNotice,
  slackProblem: string | null,
  redact: (text: string) => string,
  retryDelayMs: number | undefined,
): Promise<IssueAttempt> {
  const [owner, repo] = github.repository.split('/');
  const labels = fallbackIssueLabels([DRILL_ISSUE_LABEL], notice);
  const { client } = github;
  let filed;
  try {
    await ensureIssueLabels(client, owner, repo, labels);
    filed = await fileFallbackIssue(
      client,
      {
        owner,
        repo,
        runId: notice.runId,
        tag: notice.tag,
        title: redact(`[drill] ${fallbackIssueTitle(notice)}`),
        body: redact(fallbackIssueBody(notice, slackProblem)),
        labels,
        knownIssueNumber: null,
        issuesWebUrl: `${github.serverUrl}/${github.repository}/issues`,
      },
      { retryDelayMs },
    );
  } catch (error) {
    return { issue: null, problem: redact((error as Error).message), stored: null };
  }
  let stored: DeliveredText | null = null;
  let closed = false;
  let problem: string | null = null;
  try {
    const { data } = await client.rest.issues.get({ owner, repo, issue_number: filed.number });
    stored = { where: `issue #${filed.number} as stored`, text: `${data.title}\n${data.body ?? ''}` };
    await client.rest.issues.update({
      owner,
      repo,
      issue_number: filed.number,
      state: 'closed',
      state_reason: 'completed',
    });
    closed = true;
  } catch (error) {
    problem = redact((error as Error).message);
  }
  return { issue: { number: filed.number, url: filed.url, closed }, problem, stored };
}

/** Slack first, through the notify code's webhook delivery and retry policy; each request body kept as sent. */
async function sendToSlack(
  notice: FailureNotice,
  routes: AlertRoutes,
  delivered: DeliveredText[],
): Promise<SlackDeliveryResult | null> {
  if (!routes.slackWebhookUrl) return null;
  return deliverToSlack(
    notice,
    { slackWebhookUrl: routes.slackWebhookUrl },
    routes.policy ?? DEFAULT_DELIVERY_POLICY,
    (_route, body) => delivered.push({ where: `Slack webhook request ${delivered.length + 1}`, text: body }),
  );
}

/**
 * The alert of the drill through the notify code: the notice redacted as notify-on-failure redacts
 * it, Slack first (the incoming webhook, with the notify retry policy), and when Slack is not reached
 * the fallback issue, labelled `drill` and closed right after. Slack down with the issue filed is a
 * warning: the first channel did not work. Never throws.
 */
export async function alertStep(
  rawNotice: FailureNotice,
  routes: AlertRoutes,
  secrets: string[],
): Promise<AlertStepResult> {
  const redact = (text: string) => redactSecrets(text, secrets);
  const notice = redactSecretsDeep(rawNotice, secrets);
  const delivered: DeliveredText[] = [];
  const slack = await sendToSlack(notice, routes, delivered);
  const done = (
    outcome: DrillOutcome,
    detail: string,
    remedy: string | null,
    deliveredBy: AlertStepResult['deliveredBy'],
    issue: DrillIssue | null = null,
  ): AlertStepResult => ({ outcome, detail, remedy, deliveredBy, slack, issue, delivered });
  if (slack?.delivered) {
    const tries = `${slack.attempts.length} ${slack.attempts.length === 1 ? 'try' : 'tries'}`;
    return done('pass', `delivered to Slack (webhook, ${tries})`, null, 'slack');
  }
  const slackProblem = slack ? redact(slack.reason ?? 'not delivered') : null;
  const why = slack ? `Slack not reached (${slackProblem})` : 'no Slack webhook given';
  if (!routes.github) {
    return done(
      'fail',
      `no alert delivered: ${why}, and no repository for the fallback issue`,
      slack
        ? 'fix the Slack webhook (its secret, the channel), and give --github-repo with a token that may write issues for the fallback'
        : 'give --slack-webhook-env VAR, or --github-repo OWNER/REPO with --github-token-env VAR (issues: write)',
      null,
    );
  }
  const attempt = await fileDrillIssue(routes.github, notice, slackProblem, redact, routes.issueRetryDelayMs);
  if (attempt.stored) delivered.push(attempt.stored);
  const { issue } = attempt;
  if (!issue) {
    return done(
      'fail',
      `no alert delivered: ${why}; the fallback issue failed: ${attempt.problem}`,
      'on-call would not have heard of a failed release: fix the Slack webhook and the token of the fallback issue (issues: write)',
      null,
    );
  }
  if (!issue.closed) {
    return done(
      'warn',
      `${why}; fallback issue #${issue.number} filed, labelled drill, but not closed: ${attempt.problem}`,
      `close issue #${issue.number} by hand (it is a drill, not an incident), and check that the token may update issues`,
      'issue',
      issue,
    );
  }
  return done(
    slack ? 'warn' : 'pass',
    `${why}; fallback issue #${issue.number} filed, labelled drill, and closed`,
    slack
      ? 'Slack is the first channel and did not take the alert: check the webhook (its secret, the channel)'
      : null,
    'issue',
    issue,
  );
}
