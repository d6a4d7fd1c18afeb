import { Command, Option } from 'commander';
import { verifyProvenance } from '@release-guard/core/verify/verify-provenance';
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

interface VerifyFlags extends TrustFlags {
  provenance: string;
  artifact: string[];
  artifactsDir?: string;
  recursive?: boolean;
  sourceRepo: string;
  tag?: string;
  commit?: string;
  builderId: string[];
  /** commander names it after the flag: `--allow-slsa-v0.2` → `allowSlsaV0.2`. */
  'allowSlsaV0.2'?: boolean;
  offline?: boolean;
  skipSignature?: boolean;
  format: OutputFormat;
}

export function registerVerify(program: Command, ctx: CliContext): void {
  withTrustOptions(
    program
      .command('verify')
      .description('Verify SLSA provenance (and its Sigstore signature) for one or many artifacts, offline.')
      .requiredOption('--provenance <file>', 'Sigstore bundle (.json/.jsonl), DSSE envelope or .intoto.jsonl')
      .argument('[artifacts...]', 'artifacts to verify (as many --artifact)')
      .option('--artifact <path>', 'artifact to verify, a path or sha256:HEX (repeatable)', collect, [])
      .option(
        '--artifacts-dir <dir>',
        'verify the files directly in this folder, leaving out the provenance and signature/attestation files',
      )
      .option('--recursive', 'with --artifacts-dir: the files of its subfolders too')
      .requiredOption('--source-repo <repo>', 'expected source repository: OWNER/REPO or its URL')
      .option('--tag <tag>', 'expected release tag (refs/tags/ prefix optional); a branch build fails')
      .option('--commit <sha>', 'expected source commit (full hex)')
      .option(
        '--builder-id <id>',
        'trusted builder id, exact; name@ref pins a version (repeatable)',
        collect,
        [],
      )
      .option(
        '--allow-slsa-v0.2',
        'governance override: accept SLSA v0.2 provenance (flagged security-backcompat)',
      )
      .option('--offline', 'never use the network (always the case: verification is offline by default)')
      .option('--skip-signature', 'check the claims only; the report marks them unauthenticated'),
  )
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat))
    .action(async (positional: string[], flags: VerifyFlags) => {
      const artifacts = [...flags.artifact, ...positional];
      checkCommandLinePaths(
        ctx,
        [
          { role: 'provenance', path: flags.provenance },
          ...artifactPaths(artifacts),
          ...(flags.artifactsDir !== undefined
            ? [{ role: 'artifacts folder', path: flags.artifactsDir, folder: true }]
            : []),
          ...trustPaths(flags),
        ],
        flags.format,
      );
      const report = await verifyProvenance({
        provenance: flags.provenance,
        artifacts,
        artifactsDir: flags.artifactsDir,
        recursive: flags.recursive === true,
        sourceRepo: flags.sourceRepo,
        tag: flags.tag,
        commit: flags.commit,
        builderIds: flags.builderId,
        allowSlsaV02: flags['allowSlsaV0.2'] === true,
        ...signerOptions(flags),
        skipSignature: flags.skipSignature === true,
      });
      emitVerifyReport(ctx, report, flags.format, 'verify', flags.verbose === true);
    });
}
