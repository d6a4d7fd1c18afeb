import { safeText } from '../text/safe-text';
import type { SignReport } from './types';

/** The text report of `release-guard sign`. */
export function renderSignText(report: SignReport): string {
  if (report.failure_reason !== null) {
    const lines = [
      `signing FAILED (${report.failure_reason}): ${safeText(report.error ?? '')}`,
      'nothing was written',
    ];
    for (const entry of report.tlog_entries) {
      lines.push(`already logged (public): ${safeText(entry.path)} at log index ${entry.log_index}`);
    }
    return `${lines.join('\n')}\n`;
  }
  const lines = report.signed.map(
    (file) =>
      `signed ${safeText(file.path)} sha256:${file.sha256} -> ${safeText(file.bundle)} (${file.signature}, ${file.tlog ? 'logged' : 'not logged'})`,
  );
  if (report.identity)
    lines.push(
      `identity: ${safeText(report.identity.san ?? '?')} (issuer ${safeText(report.identity.issuer ?? '?')})`,
    );
  if (report.key) lines.push(`key: ${report.key}`);
  if (report.checksums) lines.push(`checksums: ${safeText(report.checksums)}`);
  for (const file of report.legacy) lines.push(`legacy signature: ${safeText(file)}`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}
