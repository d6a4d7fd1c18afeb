import { Command, Option } from 'commander';
import { usageError, verifyBundleSignature } from '@release-guard/core';
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
      .option('--certificate-github-workflow-repository <repo>', "cosign's name for --source-repo"),
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
      checkCommandLinePaths(
        ctx,
        [{ role: 'bundle', path: flags.bundle }, ...artifactPaths(artifacts), ...trustPaths(flags)],
        flags.format,
      );
      const report = await verifyBundleSignature({
        bundle: flags.bundle,
        artifacts,
        sourceRepo: repos[0],
        ...signerOptions(flags),
      });
      emitVerifyReport(ctx, report, flags.format, 'verify-signature', flags.verbose === true);
    });
}
