import { markdownCell, markdownCode } from '../text/markdown';
import { redactSecrets } from '../text/redact-secrets';
import { safeText } from '../text/safe-text';
import type { BuildComparison } from './compare-builds';
import type { ReproRun } from './repro';

/** Lines of each diff shown in the text report and the job summary (the whole goes to --diff-out). */
export const DIFF_EXCERPT_LINES = 20;

function excerpt(text: string): string {
  const lines = text.split('\n');
  return lines.length <= DIFF_EXCERPT_LINES ? text : `${lines.slice(0, DIFF_EXCERPT_LINES).join('\n')}\n…\n`;
}

/** Everything the explainers said, for --diff-out: the text diffs and diffoscope's reports, whole. */
export function renderDiffs(comparison: BuildComparison, secrets: readonly string[] = []): string {
  const parts: string[] = [];
  for (const explanation of comparison.explanations) {
    if (explanation.textDiff !== null)
      parts.push(`# ${explanation.path}: first differing lines\n${explanation.textDiff}`);
    if (explanation.diffoscope !== null)
      parts.push(
        `# ${explanation.path}: diffoscope (${explanation.diffoscope.status}${explanation.diffoscope.truncated ? ', cut at 1 MiB' : ''})\n${explanation.diffoscope.output}`,
      );
  }
  return redactSecrets(parts.join('\n'), secrets);
}

function where(member: string | null): string {
  return member === null ? '' : ` → ${member}`;
}

/** The CLI's text report. */
export function renderReproText(
  run: ReproRun,
  diffOut: string | null,
  secrets: readonly string[] = [],
): string {
  const { report, comparison } = run;
  const differing = comparison.artifacts.filter((artifact) => artifact.first !== artifact.second).length;
  const lines = [
    report.reproducible
      ? `reproducible: all ${report.compared} files are bit-for-bit identical`
      : `NOT reproducible (repro_mismatch): ${differing} of ${report.compared} files differ`,
  ];
  for (const difference of report.differences)
    lines.push(
      `  ${difference.kind.padEnd(8)} ${safeText(difference.path)}${safeText(where(difference.member))}: ${safeText(difference.detail)}`,
    );
  for (const reason of comparison.unexplained) lines.push(`  refused: ${safeText(reason)}`);
  for (const explanation of comparison.explanations) {
    const diff =
      explanation.textDiff ??
      (explanation.diffoscope?.status === 'differ' ? explanation.diffoscope.output : null);
    // Line by line: a diff of hostile files must not forge output lines or workflow commands.
    if (diff !== null && diffOut === null)
      lines.push(...redactSecrets(excerpt(diff), secrets).trimEnd().split('\n').map(safeText));
  }
  if (diffOut !== null && comparison.explanations.length > 0) lines.push(`diffs written to ${diffOut}`);
  if (comparison.diffoscope.path === null && !report.reproducible) lines.push('diffoscope: not used');
  lines.push(`attestation: ${report.attestation}`, run.freezeNote);
  return `${lines.join('\n')}\n`;
}

/** The job summary: a table of what differs, metadata-only rows marked, a diff excerpt, next steps. */
export function renderReproMarkdown(run: ReproRun, secrets: readonly string[] = []): string {
  const { report, comparison } = run;
  const lines = [
    `## Reproducibility: ${report.reproducible ? '✅ identical' : '❌ repro_mismatch'}`,
    '',
    `${report.compared} files compared; attestation ${markdownCode(report.attestation)}. ${markdownCell(run.freezeNote)}.`,
  ];
  if (report.differences.length > 0) {
    lines.push('', '| File | Member | Kind | FIRST | SECOND | Detail |', '|---|---|---|---|---|---|');
    for (const d of report.differences.slice(0, 200))
      lines.push(
        `| ${markdownCode(d.path)} | ${d.member === null ? '' : markdownCode(d.member)} | ${d.kind === 'metadata' ? 'metadata only' : d.kind} | ${d.first === null ? '' : markdownCode(d.first.slice(0, 12))} | ${d.second === null ? '' : markdownCode(d.second.slice(0, 12))} | ${markdownCell(d.detail)} |`,
      );
  }
  for (const reason of comparison.unexplained)
    lines.push('', `Refused while explaining: ${markdownCell(reason)}`);
  const diff = comparison.explanations
    .map((e) => (e.diffoscope?.status === 'differ' ? e.diffoscope.output : e.textDiff))
    .find((d) => d);
  if (diff)
    lines.push(
      '',
      '<details><summary>Diff excerpt</summary>',
      '',
      '```',
      redactSecrets(excerpt(diff), secrets).replace(/```/g, "'''"),
      '```',
      '</details>',
    );
  if (!report.reproducible)
    lines.push(
      '',
      'Next: take the differing digests from the attestation, fix what varies (metadata only: mtime → set SOURCE_DATE_EPOCH; order → sort inputs), keep new releases frozen, and coordinate with engineering.',
    );
  return `${lines.join('\n')}\n`;
}
