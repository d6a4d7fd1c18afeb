import type { FailureCode } from '../errors';
import type { VerifyReport } from '../verify/report';
import { markdownCell } from '../text/markdown';

/** What an on-call engineer should do next, per failure code. */
export const NEXT_STEPS: Partial<Record<FailureCode, string>> = {
  artifact_missing:
    'The artifact could not be fetched. If its retention expired, rebuild the release; otherwise check the run id and artifact name, then re-run.',
  provenance_missing:
    'No provenance was found. Check that the provenance job ran and uploaded its file under the expected name.',
  malformed_provenance:
    'The provenance file is not a valid bundle or envelope. Do not release; regenerate the provenance.',
  predicate_mismatch:
    'The provenance is not SLSA v1. A SLSA v0.2 provenance passes only with the `allow-slsa-v0.2` governance override (flagged security-backcompat).',
  digest_mismatch:
    'An artifact does not match the provenance: it changed after the build. Treat it as tampered; do not publish it.',
  builder_mismatch:
    'The provenance was produced (or signed) by a builder that is not trusted. Check `builder-id` and the workflow that built it.',
  source_mismatch:
    'The provenance names a different source repository. Check `source-repo`; a mismatch can mean a forged provenance.',
  tag_mismatch: 'The provenance was built from another ref than this tag. Re-run the release from the tag.',
  commit_mismatch: 'The provenance was built from another commit. Re-run the release from the tagged commit.',
  signature_invalid:
    'The signature, its certificate chain or its transparency-log entry did not verify. Do not release.',
  identity_mismatch:
    'The signing certificate belongs to another workflow or issuer. Check `cert-identity` and `cert-oidc-issuer`.',
};

/** The job summary of a verification: verdict, every check with expected vs actual, what to do next. */
export function renderVerifyMarkdown(report: VerifyReport, title: string): string {
  const lines: string[] = [];
  const verdict = report.verified ? '✅ verified' : `❌ failed: \`${report.failure_reason}\``;
  lines.push(`### ${title}: ${verdict}`, '');
  if (report.error) lines.push(`> ${markdownCell(report.error)}`, '');
  if (report.verified && !report.authenticated)
    lines.push(
      '> **Not authenticated:** no signature was verified; the claims are what the payload says.',
      '',
    );
  if (report.checks.length > 0) {
    lines.push('| check | status | expected | actual | detail |', '| --- | --- | --- | --- | --- |');
    for (const check of report.checks) {
      const status = check.status === 'fail' ? '**fail**' : check.status === 'pass' ? 'pass' : 'skip';
      // A skip that is not the user's choice fails the verification: say so beside it.
      const result = `${status}${check.status === 'skipped' && !check.ok ? ' (not evaluated)' : ''}${check.authenticated === false ? ' (unauthenticated)' : ''}`;
      lines.push(
        `| ${check.name} | ${result} | ${markdownCell(check.expected)} | ${markdownCell(check.actual)} | ${markdownCell(check.detail)} |`,
      );
    }
    lines.push('');
  }
  if (report.artifacts.length > 0) {
    lines.push('| artifact | sha256 | subject |', '| --- | --- | --- |');
    for (const artifact of report.artifacts) {
      lines.push(
        `| ${markdownCell(artifact.path)} | ${artifact.sha256} | ${markdownCell(artifact.subject ?? 'no matching subject')} |`,
      );
    }
    lines.push('');
  }
  if (report.governance_flags.length > 0)
    lines.push(`Governance flags: ${report.governance_flags.join(', ')}`, '');
  const next = report.failure_reason ? NEXT_STEPS[report.failure_reason] : undefined;
  if (next) lines.push(`**What to do next:** ${next}`, '');
  return lines.join('\n');
}
