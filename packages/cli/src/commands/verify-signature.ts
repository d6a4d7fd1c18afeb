import { Command, Option } from 'commander';
import path from 'node:path';
import { usageError } from '@release-guard/core/errors';
import { verifyBundleSignature } from '@release-guard/core/verify/verify-bundle-signature';
import { verifyChecksums } from '@release-guard/core/verify/verify-checksums';
import type { VerifyReport } from '@release-guard/core/verify/report';
import type { CliContext } from '../context';
import {
  artifactPaths,
  checkCommandLinePaths,
  collect,
  trustPaths,
  emitVerifyReport,
  parseFormat,
  signerOptions,
  withTrustOptions,
  type OutputFormat,
  type TrustFlags,
} from './output';

interface VerifySignatureFlags extends TrustFlags {
  bundle: string;
  artifact: string[];
  sourceRepo?: string;
  certificateGithubWorkflowRepository?: string;
  checksums?: string;
  artifactsDir?: string;
  strict?: boolean;
  failFast?: boolean;
  format: OutputFormat;
}

export function registerVerifySignature(program: Command, ctx: CliContext): void {
  withTrustOptions(
    program
      .command('verify-signature')
      .description(
        "Check a Sigstore bundle's signature, certificate identity and issuer, and the files it covers.",
      )
      .requiredOption('--bundle <file>', 'Sigstore bundle (.json, or .jsonl with one per line)')
      .argument('[artifacts...]', 'files the bundle must cover (as many --artifact)')
      .option(
        '--artifact <path>',
        'file the bundle must cover, a path or sha256:HEX (repeatable)',
        collect,
        [],
      )
      .option(
        '--source-repo <repo>',
        "repository whose workflow run signed (OWNER/REPO or URL), exact against the certificate's Source Repository URI",
      )
      .option('--certificate-github-workflow-repository <repo>', "cosign's name for --source-repo")
      .option(
        '--checksums <file>',
        'a signed sha256sum file (--bundle is its signature): verify every file it lists in --artifacts-dir',
      )
      .option('--artifacts-dir <dir>', 'with --checksums: the download directory')
      .option('--strict', 'with --checksums: a file in the directory that is not listed fails')
      .option('--fail-fast', 'with --checksums: stop at the first missing or differing file'),
  )
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat))
    .action(async (positional: string[], flags: VerifySignatureFlags) => {
      const repos = [flags.sourceRepo, flags.certificateGithubWorkflowRepository].filter(
        (repo): repo is string => repo !== undefined,
      );
      if (repos.length === 2 && repos[0] !== repos[1]) {
        throw usageError(
          '--source-repo and --certificate-github-workflow-repository name different repositories',
        );
      }
      const artifacts = [...flags.artifact, ...positional];
      const checksums =
        flags.checksums === undefined ? [] : [{ role: 'checksums file', path: flags.checksums }];
      checkCommandLinePaths(
        ctx,
        [
          { role: 'bundle', path: flags.bundle },
          ...checksums,
          ...artifactPaths(artifacts),
          ...trustPaths(flags),
        ],
        flags.format,
      );
      const common = { bundle: flags.bundle, sourceRepo: repos[0], ...signerOptions(flags) };
      const report: VerifyReport =
        flags.checksums === undefined
          ? await verifyBundleSignature({ ...common, artifacts })
          : await verifyChecksums({
              ...common,
              ...checksumFlags(flags, artifacts, (p) => path.resolve(ctx.cwd, p)),
            });
      emitVerifyReport(ctx, report, flags.format, 'verify-signature', flags.verbose === true);
    });
}

function checksumFlags(flags: VerifySignatureFlags, artifacts: string[], resolve: (p: string) => string) {
  if (flags.artifactsDir === undefined) throw usageError('--checksums needs --artifacts-dir DIR');
  if (artifacts.length > 0) {
    throw usageError('--checksums verifies the files it lists: drop --artifact');
  }
  return {
    checksums: resolve(flags.checksums ?? ''),
    artifactsDir: resolve(flags.artifactsDir),
    strict: flags.strict === true,
    failFast: flags.failFast === true,
  };
}
