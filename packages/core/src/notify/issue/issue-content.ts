import { NEXT_STEPS } from '../../report/verify-markdown';
import { safeText } from '../../text/safe-text';
import { issueMarker } from './issue-marker';
import { BACKCOMPAT_LABEL } from '../inputs';
import { describeFailureReason, type FailureNotice } from '../notification';
import { markdownCell, markdownCodeBlock, markdownLink } from '../../text/markdown';
import { INVESTIGATE_TEXT, type NextStep } from '../next-step';

/** GitHub refuses titles over 256 characters. */
const MAX_TITLE = 256;

export function fallbackIssueTitle(notice: FailureNotice): string {
  const title = `Release validation failed: ${safeText(notice.tag)} (run ${notice.runId}): ${describeFailureReason(notice.failureReason)}`;
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}

/** The issue's labels: the configured ones, plus `security-backcompat` for a SLSA v0.2 provenance. */
export function fallbackIssueLabels(configured: readonly string[], notice: FailureNotice): string[] {
  const labels = [...configured];
  const has = (name: string) => labels.some((label) => label.toLowerCase() === name.toLowerCase());
  if (notice.failureReason === 'predicate_mismatch' && !has(BACKCOMPAT_LABEL)) labels.push(BACKCOMPAT_LABEL);
  return labels;
}

/** The next step: the re-run line in a fenced block (copied exactly), or "investigate" with the report. */
export function nextStepMarkdown(step: NextStep, reason: string): string[] {
  if (step.kind === 'recover')
    return [
      '### Next step: re-run it',
      '',
      `\`${reason}\` can be cured by a second attempt of the run. Dispatch the recover workflow (${markdownLink(step.workflowUrl, step.workflow)}, "Run workflow") or run:`,
      '',
      markdownCodeBlock(step.command, 'sh'),
      '',
    ];
  return [
    '### Next step: investigate',
    '',
    `**${INVESTIGATE_TEXT}** A re-run of this run does not cure \`${reason}\`. Read the validation report: ${markdownLink(step.reportUrl, step.reportUrl)}.`,
    '',
  ];
}

/**
 * The issue body: the hidden marker first, then run id, tag, failure reason, artifact and the links
 * on-call needs. Untrusted values are escaped (no markup, no HTML, no mention can break out).
 */
export function fallbackIssueBody(notice: FailureNotice, slackProblem: string | null): string {
  const reason = describeFailureReason(notice.failureReason);
  const lines = [
    issueMarker(notice.runId, notice.tag),
    `### Release validation failed: \`${reason}\``,
    '',
    '| | |',
    '| --- | --- |',
    `| Tag | ${markdownCell(notice.tag)} |`,
    `| Run id | ${markdownLink(notice.runUrl, notice.runId)} |`,
    `| Failure reason | \`${reason}\` |`,
    `| Artifact | ${notice.artifactUrl ? markdownLink(notice.artifactUrl, notice.artifactUrl) : '–'} |`,
    `| Repository | ${markdownCell(notice.repository)} |`,
    '',
  ];
  const next = notice.failureReason ? NEXT_STEPS[notice.failureReason] : undefined;
  if (next) lines.push(`**What to do next:** ${next}`, '');
  lines.push(...nextStepMarkdown(notice.nextStep, reason));
  lines.push(
    `- Run: ${markdownLink(notice.runUrl, notice.runUrl)}`,
    notice.runbookUrl
      ? `- Runbook: ${markdownLink(notice.runbookUrl, 'Runbook: a release failed validation')}`
      : '- Runbook: the section "Runbook: a release failed validation" of the release-guard README',
    '',
  );
  if (slackProblem)
    lines.push(`Filed because the Slack notification did not go through: ${markdownCell(slackProblem)}`, '');
  if (notice.manifest) {
    lines.push(
      '<details><summary>Manifest entry</summary>',
      '',
      '```json',
      // Inside a fenced block nothing is markup; a ``` inside a value must not close the fence.
      JSON.stringify(notice.manifest, null, 2).replace(/```/g, '`\u200b``'),
      '```',
      '',
      '</details>',
      '',
    );
  }
  lines.push(
    '_Filed by release-guard notify-on-failure; it files one issue per run and finds this one again by the hidden marker above._',
  );
  return `${lines.join('\n')}\n`;
}
