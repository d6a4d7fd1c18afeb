import type { EvidenceOutcome } from './run-evidence';

const MARK = { pass: 'pass', warn: 'WARN', fail: 'FAIL', off: 'off ' } as const;

/** The text report of `release-guard evidence`: each rule's expected vs actual, each redaction, the files. */
export function renderEvidenceText(outcome: EvidenceOutcome): string {
  const { manifest } = outcome;
  const code = manifest.result === 'pass' ? '' : ` (evidence_${manifest.result})`;
  const lines = [`evidence for ${manifest.tag}: ${manifest.result}${code}`];
  for (const evaluation of manifest.evaluations) {
    lines.push(
      `  ${MARK[evaluation.result]}  ${evaluation.rule.padEnd(15)} expected ${evaluation.expected}; actual ${evaluation.actual}`,
    );
  }
  if (manifest.redactions.length > 0) {
    lines.push('left out of the bundle (they hold secrets; remove them, rotate the secret):');
    for (const redaction of manifest.redactions) {
      lines.push(`  ${redaction.path} line ${redaction.line}: ${redaction.rule}`);
    }
  }
  lines.push(`items: ${manifest.items.length} archived`);
  lines.push(`bundle: ${outcome.bundlePath} (sha256 ${manifest.bundle_sha256})`);
  lines.push(`manifest: ${outcome.manifestPath}`);
  return `${lines.join('\n')}\n`;
}
