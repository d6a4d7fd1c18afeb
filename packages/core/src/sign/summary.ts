import path from 'node:path';
import { markdownCell, markdownCode, markdownTable } from '../text/markdown';
import { safeText } from '../text/safe-text';
import type { SignReport } from './types';

const MAX_COSIGN_COMMANDS = 10;

/** A value as one shell word: single-quoted unless plainly safe. */
export function shellWord(value: string): string {
  const text = safeText(value);
  return /^[\w./:@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function fenced(lines: string[]): string {
  const body = lines.join('\n');
  const longest = Math.max(2, ...(body.match(/~+/g) ?? []).map((run) => run.length));
  const fence = '~'.repeat(longest + 1);
  return `${fence}sh\n${body}\n${fence}`;
}

export interface SignSummaryContext {
  workspace: string;
  repository: string;
  tag?: string;
  /** The public key file attached in key mode (workspace-relative). */
  publicKeyFile: string | null;
  tlog: boolean;
}

function signerFlags(report: SignReport, ctx: SignSummaryContext, cosign: boolean): string {
  if (report.identity) {
    const san = shellWord(report.identity.san ?? '');
    const issuer = shellWord(report.identity.issuer ?? '');
    const repo = shellWord(ctx.repository);
    return cosign
      ? `--certificate-identity ${san} --certificate-oidc-issuer ${issuer} --certificate-github-workflow-repository ${repo}`
      : `--cert-identity ${san} --cert-oidc-issuer ${issuer} --source-repo ${repo}`;
  }
  const key = shellWord(path.basename(ctx.publicKeyFile ?? 'release.pub'));
  if (cosign) return `--key ${key}${ctx.tlog ? '' : ' --insecure-ignore-tlog=true'}`;
  return `--key ${key}${ctx.tlog ? '' : ' --no-tlog'}`;
}

function commands(report: SignReport, ctx: SignSummaryContext): string[] {
  const lines: string[] = [];
  const artifacts = report.signed.filter((file) => file.path !== report.checksums);
  if (report.checksums !== null) {
    const sums = shellWord(path.basename(report.checksums));
    lines.push(
      `release-guard verify-signature --checksums ${sums} --bundle ${shellWord(`${path.basename(report.checksums)}.sigstore.json`)} \\`,
      `  --artifacts-dir . ${signerFlags(report, ctx, false)}`,
    );
  } else {
    for (const file of artifacts.slice(0, MAX_COSIGN_COMMANDS)) {
      lines.push(
        `release-guard verify-signature --bundle ${shellWord(path.basename(file.bundle))} --artifact ${shellWord(path.basename(file.path))} ${signerFlags(report, ctx, false)}`,
      );
    }
  }
  for (const file of artifacts.slice(0, MAX_COSIGN_COMMANDS)) {
    lines.push(
      `cosign verify-blob --bundle ${shellWord(path.basename(file.bundle))} --new-bundle-format ${signerFlags(report, ctx, true)} ${shellWord(path.basename(file.path))}`,
    );
  }
  if (artifacts.length > MAX_COSIGN_COMMANDS)
    lines.push(`# … and the same for the other ${artifacts.length - MAX_COSIGN_COMMANDS} files`);
  return lines;
}

/** The job summary of release-sign: each file, its digest, the signer, and verification commands. */
export function renderSignSummary(
  report: SignReport,
  ctx: SignSummaryContext,
  attached: string[] | null,
): string {
  const title = ctx.tag === undefined ? 'release-sign' : `release-sign ${markdownCell(ctx.tag)}`;
  if (report.failure_reason !== null) {
    return `## ${title}: FAILED (${report.failure_reason})\n\n${markdownCell(report.error ?? '')}\n\nNothing was written.\n`;
  }
  const signer = report.identity
    ? `keyless: ${markdownCode(report.identity.san ?? '?')} (issuer ${markdownCode(report.identity.issuer ?? '?')})`
    : `key ${markdownCode(report.key ?? '?')}${ctx.publicKeyFile ? ` (public key ${markdownCode(ctx.publicKeyFile)})` : ''}`;
  const rows = report.signed.map((file) => [
    markdownCode(path.relative(ctx.workspace, file.path)),
    markdownCode(`sha256:${file.sha256}`),
    markdownCode(path.relative(ctx.workspace, file.bundle)),
    file.tlog ? 'logged' : 'not logged',
  ]);
  const parts = [
    `## ${title}: ${report.signed.length} file(s) signed`,
    `Signed with ${signer}.`,
    markdownTable(['file', 'digest', 'bundle', 'transparency log'], rows),
    attached === null
      ? 'Not attached to a release (`upload: false`).'
      : `Attached to the release: ${attached.map(markdownCode).join(', ')}.`,
    'Verify a download (in the directory holding the files and their bundles):',
    fenced(commands(report, ctx)),
  ];
  return `${parts.join('\n\n')}\n`;
}
