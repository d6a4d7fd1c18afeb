import type { CheckStatus } from '../checks/check';
import type { VerifyReport } from '../verify/report';
import { safeText } from '../text/safe-text';

/** The label of each check status in text output. */
export const CHECK_LABEL: Record<CheckStatus, string> = { pass: 'pass', fail: 'fail', skipped: 'skip' };

function show(value: string | null): string {
  return value === null ? '-' : safeText(value);
}

export interface VerifyTextOptions {
  /** The command whose report it is, in the title line (default `verify`). */
  command?: 'verify' | 'verify-signature';
}

/** The human report of `verify` / `verify-signature`: every check with expected vs actual. */
export function renderVerifyText(report: VerifyReport, options: VerifyTextOptions = {}): string {
  const lines: string[] = [];
  const verdict = report.verified ? 'PASS' : `FAIL (${report.failure_reason})`;
  lines.push(`release-guard ${options.command ?? 'verify'}: ${verdict}`);
  if (report.verified && !report.authenticated)
    lines.push('  NOT AUTHENTICATED: no signature was verified; the claims are what the payload says');
  if (report.error) lines.push(`  ${safeText(report.error)}`);
  if (report.attestation) {
    const count = report.attestation.count > 1 ? ` (1 of ${report.attestation.count} attestations)` : '';
    lines.push(`  attestation: ${show(report.attestation.where)} [${report.attestation.mediaType}]${count}`);
  }
  if (report.provenance) {
    const p = report.provenance;
    lines.push(`  provenance:  ${show(p.predicateType)}`);
    lines.push(`    builder ${show(p.builderId)}`);
    lines.push(`    source  ${show(p.sourceRepo)} @ ${show(p.ref)} (${show(p.commit)})`);
    if (p.workflow || p.runId) lines.push(`    workflow ${show(p.workflow)} run ${show(p.runId)}`);
  }
  if (report.signer?.key) lines.push(`  signer:      public key ${report.signer.key}`);
  else if (report.signer)
    lines.push(`  signer:      ${show(report.signer.san)} (issuer ${show(report.signer.issuer)})`);
  for (const check of report.checks) {
    const mark = CHECK_LABEL[check.status];
    const unauthenticated = check.authenticated === false ? ' (unauthenticated)' : '';
    lines.push(`  [${mark}] ${check.name}${unauthenticated}: ${safeText(check.detail)}`);
    if (check.status !== 'skipped') {
      lines.push(`         expected: ${show(check.expected)}`);
      lines.push(`         actual:   ${show(check.actual)}`);
    }
  }
  for (const artifact of report.artifacts) {
    lines.push(
      `  artifact ${show(artifact.path)} sha256:${artifact.sha256} -> ${artifact.subject === null ? 'NO SUBJECT' : show(artifact.subject)}`,
    );
  }
  for (const file of report.excluded ?? []) lines.push(`  left out ${show(file.path)}: ${file.reason}`);
  if (report.governance_flags.length > 0)
    lines.push(`  governance flags: ${report.governance_flags.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
