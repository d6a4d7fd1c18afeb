import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { ReleaseGuardError } from '@release-guard/core/errors';
import { renderVerifyText } from '@release-guard/core/report/verify-text';
import { checkInputPaths, type InputPath } from '@release-guard/core/verify/input-paths';
import { inputFailureReport, type VerifyReport } from '@release-guard/core/verify/report';
import type { CliContext } from '../context';

export type OutputFormat = 'text' | 'json';

export function parseFormat(value: string): OutputFormat {
  if (value !== 'text' && value !== 'json') {
    throw new InvalidArgumentError('must be text or json');
  }
  return value;
}

/** Prints a verification report and sets the exit code: JSON alone on stdout, or the text report. */
export function emitVerifyReport(
  ctx: CliContext,
  report: VerifyReport,
  format: OutputFormat,
  command: 'verify' | 'verify-signature',
  verbose = false,
): void {
  if (format === 'json') ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else ctx.stdout(renderVerifyText(report, { command, verbose }));
  ctx.exitCode = report.verified ? 0 : 1;
}

/** The artifacts that are files (not `sha256:HEX` digests, which core checks), as input paths. */
export function artifactPaths(artifacts: string[]): InputPath[] {
  return artifacts
    .filter((artifact) => !artifact.startsWith('sha256:') || fs.existsSync(artifact))
    .map((artifact) => ({ role: 'artifact', path: artifact, mayBeEmpty: true }));
}

/** The files of the trust flags that were given. */
export function trustPaths(flags: TrustFlags): InputPath[] {
  return [
    ...(flags.trustedRoot !== undefined ? [{ role: 'trusted root', path: flags.trustedRoot }] : []),
    ...(flags.key !== undefined && flags.key !== '' ? [{ role: 'key', path: flags.key }] : []),
  ];
}

/**
 * Refuses the paths of the command line that cannot be read (exit 2, one line on stderr, from main);
 * under `--format json` stdout still gets its one object, with `failure_reason: null`: no check ran.
 */
export function checkCommandLinePaths(ctx: CliContext, inputs: InputPath[], format: OutputFormat): void {
  try {
    checkInputPaths(inputs);
  } catch (error) {
    if (format === 'json' && error instanceof ReleaseGuardError) {
      const report = inputFailureReport(null, error.message);
      ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
    }
    throw error;
  }
}

/** The signer flags of {@link withTrustOptions} as parsed by commander (`--no-tlog` sets `tlog: false`). */
export interface TrustFlags {
  certIdentity?: string;
  certIdentityRegexp?: string;
  certOidcIssuer?: string;
  key?: string;
  tlog?: boolean;
  trustedRoot?: string;
  verbose?: boolean;
}

export function signerOptions(flags: TrustFlags) {
  return {
    identity: {
      certIdentity: flags.certIdentity,
      certIdentityRegexp: flags.certIdentityRegexp,
      certOidcIssuer: flags.certOidcIssuer,
    },
    key: flags.key,
    noTlog: flags.tlog === false,
    trustedRoot: flags.trustedRoot,
  };
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The certificate identity and trust flags shared by `verify` and `verify-signature`. */
export function withTrustOptions(command: Command): Command {
  return command
    .option('--cert-identity <uri>', 'expected certificate SAN, compared exactly')
    .option(
      '--cert-identity-regexp <re>',
      'expected certificate SAN as a regular expression, anchored at the start',
    )
    .option('--cert-oidc-issuer <url>', 'expected OIDC issuer, exact (default: GitHub Actions)')
    .option(
      '--key <file>',
      'PEM public key (ECDSA P-256/P-384, Ed25519, RSA >= 2048) that signed, instead of keyless',
    )
    .option(
      '--no-tlog',
      'with --key: accept a signature that has no transparency-log entry (signing time unproven)',
    )
    .option(
      '--trusted-root <file>',
      'trusted_root.json (or .jsonl of several) instead of the embedded public-good root',
    )
    .option('--verbose', 'text: every detail, and expected/actual of every check (not only failing ones)');
}
