import { safeText } from '../../text/safe-text';
import { describeFailureReason, type FailureNotice } from '../notification';
import { linkableUrl } from '../../text/markdown';
import { INVESTIGATE_TEXT, type NextStep } from '../next-step';

/**
 * Escapes a value for Slack mrkdwn: `&`, `<` and `>` are the only characters Slack asks to escape,
 * and escaping `<` is what stops a tag like `<!channel>` from paging everyone. Control characters and
 * bidirectional overrides are shown escaped (safeText).
 */
export function slackText(value: string): string {
  return safeText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<url|label>`, or the escaped label alone when the URL is not an http(s) URL. */
function slackLink(url: string | null, label: string): string {
  const href = linkableUrl(url);
  if (href === null) return slackText(label);
  return `<${href.replace(/\|/g, '%7C').replace(/>/g, '%3E')}|${slackText(label).replace(/\|/g, '¦')}>`;
}

/**
 * A code block: Slack still decodes `&amp;`, `&lt;` and `&gt;` inside one, so those are escaped, and
 * nothing else is, so that the text copied from the message is `text`. A ``` would end the block.
 */
export function slackCodeBlock(text: string): string {
  if (text.includes('```')) throw new Error('slackCodeBlock: the text holds ```, which would end the block');
  return `\`\`\`\n${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}\n\`\`\``;
}

/** The next step: the re-run line in a code block, or "investigate" with the report. */
export function nextStepSlack(step: NextStep): string[] {
  if (step.kind === 'recover')
    return [
      `*Next step:* re-run it with the recover workflow (${slackLink(step.workflowUrl, step.workflow)}, "Run workflow"), or run:`,
      slackCodeBlock(step.command),
    ];
  return [
    `*Next step:* ${INVESTIGATE_TEXT} A re-run of this run does not cure it. ${slackLink(step.reportUrl, 'The validation report')}`,
  ];
}

/** The message text (Slack mrkdwn): run link, tag, failure reason, artifact, runbook, manifest snippet. */
export function slackMessageText(notice: FailureNotice): string {
  const lines = [
    `:rotating_light: *Release validation failed* for ${notice.repository}`,
    `*Tag:* ${slackText(notice.tag)}`,
    `*Failure reason:* \`${slackText(describeFailureReason(notice.failureReason))}\``,
    `*Run:* ${slackLink(notice.runUrl, `run ${notice.runId}`)}`,
  ];
  if (notice.artifactUrl) lines.push(`*Artifact:* ${slackLink(notice.artifactUrl, notice.artifactUrl)}`);
  lines.push(...nextStepSlack(notice.nextStep));
  if (notice.runbookUrl) lines.push(`*Runbook:* ${slackLink(notice.runbookUrl, 'what to do next')}`);
  if (notice.manifest) {
    // Escaped line by line (safeText would turn the line breaks into \x0a); a tag holding ``` must
    // not end the code block early.
    const snippet = JSON.stringify(notice.manifest, null, 2)
      .split('\n')
      .map((line) => slackText(line).replace(/```/g, '`\u200b``'))
      .join('\n');
    lines.push('*Manifest entry:*', `\`\`\`\n${snippet}\n\`\`\``);
  }
  return lines.join('\n');
}

/** What the incoming webhook receives. */
export function slackWebhookPayload(notice: FailureNotice): { text: string } {
  return { text: slackMessageText(notice) };
}

/** What the ops notify function receives: the same message, and the facts as fields. */
export function opsNotifyPayload(notice: FailureNotice): Record<string, unknown> {
  return {
    source: 'provenance-validate',
    text: slackMessageText(notice),
    repository: notice.repository,
    tag: notice.tag,
    run_id: notice.runId,
    failure_reason: notice.failureReason,
    run_url: notice.runUrl,
    artifact_url: notice.artifactUrl,
    runbook_url: notice.runbookUrl,
    manifest: notice.manifest,
  };
}
