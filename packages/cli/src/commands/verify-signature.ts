import { Command, Option } from 'commander';
import { verifyBundleSignature } from '@release-guard/core';
import type { CliContext } from '../context';
import { collect, emitVerifyReport, parseFormat, withTrustOptions, type OutputFormat } from './output';

interface VerifySignatureFlags {
  bundle: string;
  artifact: string[];
  certIdentity?: string;
  certIdentityRegexp?: string;
  certOidcIssuer?: string;
  trustedRoot?: string;
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
      .option('--artifact <path>', 'file the bundle must cover (repeatable)', collect, []),
  )
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat))
    .action(async (flags: VerifySignatureFlags) => {
      const report = await verifyBundleSignature({
        bundle: flags.bundle,
        artifacts: flags.artifact,
        identity: {
          certIdentity: flags.certIdentity,
          certIdentityRegexp: flags.certIdentityRegexp,
          certOidcIssuer: flags.certOidcIssuer,
        },
        trustedRoot: flags.trustedRoot,
      });
      emitVerifyReport(ctx, report, flags.format);
    });
}
