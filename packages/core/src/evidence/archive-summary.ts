import { markdownCell, markdownCode, markdownTable } from '../text/markdown';
import { redactSecrets } from '../text/redact-secrets';
import type { EvidenceArchiveResult } from './archive';
import type { EvidenceArchiveInputs } from './inputs';

const MARK = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', off: 'off' } as const;

/** What the on-call engineer does next, by result. */
function nextSteps(result: Omit<EvidenceArchiveResult, 'summary'>): string[] {
  const { manifest } = result.evidence;
  const steps: string[] = [];
  if (manifest.redactions.length > 0) {
    steps.push(
      'Remove each file above from the evidence (or the secret from it), **rotate the secret** — it was in the workspace — and run again.',
    );
  }
  if (manifest.result === 'fail') {
    steps.push(
      `Halt the promotion of ${markdownCode(manifest.tag)} and open a security review referencing ${markdownCode(result.manifestPath)} and the SBOM/vulnerability reports in the bundle; fix each failing rule and run again.`,
    );
  } else if (manifest.result === 'warn') {
    steps.push('Review each warning; promote only once they are accepted (`allow-warn: true`) or fixed.');
  }
  if (result.failure !== null)
    steps.push('The evidence was not archived: see the error below and run the job again.');
  if (steps.length === 0) steps.push('Nothing: the evidence passed the policy and is archived.');
  return steps;
}

/** The job summary: the result, each rule (expected vs actual), each redaction, where it went, what to do next. */
export function renderArchiveSummary(
  result: Omit<EvidenceArchiveResult, 'summary'>,
  inputs: Pick<EvidenceArchiveInputs, 'secrets'>,
): string {
  const { manifest } = result.evidence;
  const code = manifest.result === 'pass' ? '' : ` (\`evidence_${manifest.result}\`)`;
  const lines = [
    `## Evidence for ${markdownCode(manifest.tag)}: ${MARK[manifest.result]}${code}`,
    '',
    markdownTable(
      ['rule', 'result', 'expected', 'actual'],
      manifest.evaluations.map((e) => [
        markdownCode(e.rule),
        MARK[e.result],
        markdownCell(e.expected),
        markdownCell(e.actual),
      ]),
    ),
    '',
  ];
  if (manifest.redactions.length > 0) {
    lines.push('### Left out: these files hold a secret (the value is never shown)', '');
    lines.push(
      markdownTable(
        ['file', 'line', 'rule'],
        manifest.redactions.map((r) => [markdownCode(r.path), String(r.line), markdownCode(r.rule)]),
      ),
      '',
    );
  }
  lines.push('### Archived', '');
  lines.push(
    `- ${manifest.items.length} files in ${markdownCode(result.bundlePath)} (sha256 \`${manifest.bundle_sha256}\`)`,
  );
  lines.push(`- manifest ${markdownCode(result.manifestPath)}`);
  if (result.artifact !== null) {
    lines.push(
      `- workflow artifact ${markdownCode(result.artifact.name)} (${result.artifact.size} bytes, zip sha256 \`${result.artifact.digest}\`)`,
    );
  }
  if (result.attached !== null) {
    lines.push(
      `- attached to the release of ${markdownCode(manifest.tag)}: ${result.attached.map(markdownCode).join(', ')}`,
    );
  } else if (result.notAttached !== null) {
    lines.push(`- not attached to the release: ${markdownCell(result.notAttached)}`);
  }
  if (result.failure !== null)
    lines.push('', `**${result.failure.code}**: ${markdownCell(result.failure.message)}`);
  lines.push('', '### What to do next', '', ...nextSteps(result).map((step) => `- ${step}`), '');
  return redactSecrets(lines.join('\n'), inputs.secrets ?? []);
}
