import type { Check, CheckStatus } from '../checks/check';
import type { VerifyReport } from '../verify/report';
import { clipValue } from '../text/echo-value';
import { safeText } from '../text/safe-text';

/** The label of each check status in text output. */
export const CHECK_LABEL: Record<CheckStatus, string> = { pass: 'pass', fail: 'fail', skipped: 'skip' };

/** How much of a check's detail the short report shows on the check's line. */
const SHORT_DETAIL = 100;

export interface VerifyTextOptions {
  /** The command whose report it is, in the title line (default `verify`). */
  command?: 'verify' | 'verify-signature';
  /**
   * Everything: the attestation, provenance and signer, every artifact and file left out, and
   * expected/actual of every check. Without it a passing check is one line, and only failing checks
   * show expected/actual (in full).
   */
  verbose?: boolean;
}

function show(value: string | null): string {
  return value === null ? '-' : safeText(value);
}

function contextLines(report: VerifyReport): string[] {
  const lines: string[] = [];
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
  return lines;
}

function checkLines(check: Check, verbose: boolean): string[] {
  const mark = CHECK_LABEL[check.status];
  const unauthenticated = check.authenticated === false ? ' (unauthenticated)' : '';
  const full = verbose || check.status === 'fail';
  const detail = safeText(full ? check.detail : clipValue(check.detail, SHORT_DETAIL));
  const lines = [`  [${mark}] ${check.name}${unauthenticated}: ${detail}`];
  if (full && check.status !== 'skipped') {
    lines.push(`         expected: ${show(check.expected)}`);
    lines.push(`         actual:   ${show(check.actual)}`);
  }
  return lines;
}

function artifactLines(report: VerifyReport, verbose: boolean): string[] {
  if (!verbose) {
    const excluded = report.excluded ?? [];
    return excluded.length > 0
      ? [`  left out ${excluded.length} file(s) of the folder that are not artifacts (--verbose lists them)`]
      : [];
  }
  return [
    ...report.artifacts.map((artifact) => {
      const digest = artifact.sha512 ? `sha512:${artifact.sha512}` : `sha256:${artifact.sha256}`;
      const subject = artifact.subject === null ? 'NO SUBJECT' : show(artifact.subject);
      return `  artifact ${show(artifact.path)} ${digest} -> ${subject}`;
    }),
    ...(report.excluded ?? []).map((file) => `  left out ${show(file.path)}: ${file.reason}`),
  ];
}

/**
 * The human report of `verify` / `verify-signature`: a verdict line, then one line per check (name,
 * status, short detail); expected and actual in full for a failing check, or for all with `verbose`.
 */
export function renderVerifyText(report: VerifyReport, options: VerifyTextOptions = {}): string {
  const verbose = options.verbose === true;
  const verdict = report.verified ? 'PASS' : `FAIL (${report.failure_reason})`;
  const lines = [`release-guard ${options.command ?? 'verify'}: ${verdict}`];
  if (report.verified && !report.authenticated)
    lines.push('  NOT AUTHENTICATED: no signature was verified; the claims are what the payload says');
  if (report.error) lines.push(`  ${safeText(report.error)}`);
  if (verbose) lines.push(...contextLines(report));
  for (const check of report.checks) lines.push(...checkLines(check, verbose));
  lines.push(...artifactLines(report, verbose));
  if (report.governance_flags.length > 0)
    lines.push(`  governance flags: ${report.governance_flags.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
