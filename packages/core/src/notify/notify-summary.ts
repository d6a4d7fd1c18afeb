import type { NotifyInputs } from './inputs';
import type { NotifiedOutput, NotifyFacts } from './notify-on-failure';
import type { DeliveryAttempt } from './slack/delivery-attempt';
import { routeName, type SlackDeliveryResult } from './slack/slack-delivery';
import { markdownCell } from '../text/markdown';

const VERDICT: Record<NotifiedOutput, string> = {
  slack: '✅ on-call alerted in Slack',
  issue: '🟠 Slack not reached; on-call alerted by a GitHub issue',
  both: '✅ on-call alerted in Slack; the run already has an issue',
  'ops-summary': '🟠 `notify_failed`: Slack and the issue failed; the ops team was told in the ops summary',
  none: '❌ `notify_failed`: nobody was alerted',
};

function slackLine(slack: SlackDeliveryResult, adoptedFrom: string | null): string {
  if (adoptedFrom) return 'not sent again (another notifier handled this run)';
  if (slack.delivered) {
    const tries = slack.attempts.filter((a) => a.route === slack.route).length;
    return `delivered via the ${slack.route === 'slack-webhook' ? 'incoming webhook' : 'ops notify function'} (${tries} ${tries === 1 ? 'try' : 'tries'})`;
  }
  return `**not delivered**: ${markdownCell(slack.reason)}`;
}

function issueLine(facts: NotifyFacts): string {
  if (facts.issue) {
    const how = {
      manifest: 'recorded for this run in the manifest',
      marker: 'already open for this run (found by its marker)',
      created: 'filed now',
    }[facts.issue.source];
    return `[#${facts.issue.number}](${facts.issue.url}) ${how}`;
  }
  if (facts.issueError) return `**could not be filed**: ${markdownCell(facts.issueError)}`;
  return facts.slack.delivered || facts.adoptedFrom ? 'not needed (Slack was reached)' : '–';
}

function escalationLine(facts: NotifyFacts): string {
  const escalation = facts.escalation;
  if (escalation === null)
    return facts.issueError && !facts.slack.delivered
      ? 'no ops summary route is configured (`ops-summary-url` or `ops-summary-webhook`)'
      : 'not needed';
  if (escalation.posted)
    return `**posted** via the ${routeName(escalation.route ?? 'ops-summary')}: the ops team was told`;
  if (escalation.skipped) return markdownCell(escalation.skipped);
  return `**not posted**: ${markdownCell(escalation.reason)}`;
}

/** Every call to every channel and what it answered, for the case where nobody was reached directly. */
function channelsTried(facts: NotifyFacts): string[] {
  const attempt = (a: DeliveryAttempt) =>
    `- ${routeName(a.route)}, try ${a.attempt}: ${markdownCell(a.detail)}`;
  const lines = ['Channels tried:', ...facts.slack.attempts.map(attempt)];
  if (facts.slack.attempts.length === 0) lines.push(`- Slack: ${markdownCell(facts.slack.reason)}`);
  lines.push(`- GitHub issue: ${markdownCell(facts.issueError ?? 'not filed')}`);
  if (facts.escalation) lines.push(...facts.escalation.attempts.map(attempt));
  lines.push('');
  return lines;
}

/** The job summary: the verdict first, loud when nobody was alerted, then each channel and the manifest. */
export function renderNotifySummary(
  inputs: Pick<NotifyInputs, 'tag' | 'runId'>,
  /** A failure code, or the fixed text for an unknown one (describeFailureReason): not escaped. */
  failureReason: string,
  facts: NotifyFacts,
): string {
  const entry = facts.manifest.entry;
  const lines = [
    `### notify-on-failure ${markdownCell(inputs.tag)} (run ${inputs.runId}): ${VERDICT[facts.notified]}`,
    '',
  ];
  if (facts.notified === 'ops-summary') {
    lines.push(
      `> **notify_failed**: the failure \`${failureReason}\` of run ${inputs.runId} reached neither Slack nor a GitHub issue; the ops team was told in the ops summary. The fallback path needs its permission fixed (\`issues: write\`).`,
      '',
    );
  }
  if (facts.notified === 'none') {
    lines.push(
      `> **notify_failed**: the failure \`${failureReason}\` of run ${inputs.runId} reached neither Slack nor a GitHub issue. Tell on-call directly.`,
    );
    if (facts.permissionMissing) {
      lines.push(
        '>',
        '> The token was refused (the message above names what it lacks): give the job `permissions: issues: write`, or pass a valid `github-token` that has it.',
      );
    }
    lines.push('');
  }
  lines.push(
    '| | |',
    '| --- | --- |',
    `| Failure reason | \`${failureReason}\` |`,
    `| Slack | ${slackLine(facts.slack, facts.adoptedFrom)} |`,
    `| Issue | ${issueLine(facts)} |`,
    `| Ops summary | ${escalationLine(facts)} |`,
    `| Manifest | ${entry ? `entry is \`${entry.status}\` in ${markdownCell(facts.manifest.location)}` : `**not written** (${markdownCell(facts.manifest.problem)})`} |`,
    '',
  );
  if (facts.notified === 'none' || facts.notified === 'ops-summary') lines.push(...channelsTried(facts));
  if (entry && facts.manifest.problem)
    lines.push(`Manifest note: ${markdownCell(facts.manifest.problem)}`, '');
  for (const warning of facts.warnings) lines.push(`- ⚠️ ${markdownCell(warning)}`);
  if (facts.warnings.length > 0) lines.push('');
  lines.push(`Report: ${markdownCell(facts.reportPath)}`, '');
  return lines.join('\n');
}
