import path from 'node:path';
import { Command, Option } from 'commander';
import { usageError } from '@release-guard/core/errors';
import { freezeFilePath, openFreezeStore } from '@release-guard/core/freeze/store';
import { renderSignText } from '@release-guard/core/sign/render';
import { signRelease } from '@release-guard/core/sign/sign-release';
import { type SignReport } from '@release-guard/core/sign/types';
import type { CliContext } from '../context';
import { collect, parseFormat, type OutputFormat } from './output';

interface SignFlags {
  artifact: string[];
  artifactsDir?: string;
  keyless?: boolean;
  identityTokenEnv?: string;
  key?: string;
  keyPasswordEnv?: string;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  tlog: boolean;
  checksums?: string;
  legacySignatures?: boolean;
  outputDir?: string;
  freezeFile?: string;
  tag?: string;
  format: OutputFormat;
}

export function registerSign(program: Command, ctx: CliContext): void {
  program
    .command('sign')
    .description(
      'Sign release files: one Sigstore bundle v0.3 per file (<file>.sigstore.json), keyless (Fulcio + Rekor) or ' +
        'with a key; all or nothing. Refused with release_frozen while the release freeze is on.',
    )
    .option('--artifact <path>', 'a file to sign (repeatable)', collect, [])
    .option(
      '--artifacts-dir <dir>',
      'sign every file under DIR (signatures, attestations and SHA256SUMS* left out)',
    )
    .option('--keyless', 'sign with a Fulcio certificate for the OIDC identity of this run')
    .option(
      '--identity-token-env <var>',
      'with --keyless: the variable holding the OIDC token (default: GitHub Actions)',
    )
    .option(
      '--key <file>',
      'sign with this private key: PKCS#8 PEM (ECDSA P-256/P-384, RSA >= 2048) or a cosign key',
    )
    .option('--key-password-env <var>', "the variable holding the key's password")
    .option('--fulcio-url <url>', 'Fulcio (default: https://fulcio.sigstore.dev)')
    .option('--rekor-url <url>', 'Rekor (default: https://rekor.sigstore.dev)')
    .option('--tsa-url <url>', 'also get an RFC 3161 timestamp from this TSA')
    .option('--no-tlog', 'no transparency-log entry (a key signature made fully offline)')
    .option('--checksums <file>', 'also write a sha256sum file of every signed file, and sign it')
    .option(
      '--legacy-signatures',
      'also write <file>.sig and, keyless, <file>.pem (cosign --signature/--certificate)',
    )
    .option('--output-dir <dir>', 'write the bundles here instead of next to each file')
    .option(
      '--freeze-file <file>',
      'the release freeze file (default: $RELEASE_GUARD_FREEZE_FILE, else .github/release-freeze.json)',
    )
    .option('--tag <tag>', 'the release being signed, for the freeze scope')
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat))
    .action((flags: SignFlags) => runSign(ctx, flags));
}

function mode(flags: SignFlags, resolve: (p: string) => string) {
  if (flags.keyless === true && flags.key !== undefined)
    throw usageError('give --keyless or --key FILE, not both');
  if (flags.keyless === true) {
    if (flags.keyPasswordEnv !== undefined) throw usageError('--key-password-env is for --key');
    return { kind: 'keyless' as const, identityTokenEnv: flags.identityTokenEnv };
  }
  if (flags.key !== undefined) {
    if (flags.identityTokenEnv !== undefined) throw usageError('--identity-token-env is for --keyless');
    return { kind: 'key' as const, file: resolve(flags.key), passwordEnv: flags.keyPasswordEnv };
  }
  throw usageError('sign needs --keyless or --key FILE');
}

async function runSign(ctx: CliContext, flags: SignFlags): Promise<void> {
  const resolve = (p: string) => path.resolve(ctx.cwd, p);
  const optional = (p: string | undefined) => (p === undefined ? undefined : resolve(p));
  const signing = mode(flags, resolve);
  const { store, close } = openFreezeStore({
    file: resolve(freezeFilePath(flags.freezeFile, ctx.env)),
    cwd: ctx.cwd,
    env: ctx.env,
    pathFlag: '--freeze-file',
  });
  let report: SignReport;
  try {
    report = await signRelease({
      artifacts: flags.artifact.map(resolve),
      artifactsDir: optional(flags.artifactsDir),
      mode: signing,
      fulcioURL: flags.fulcioUrl,
      rekorURL: flags.rekorUrl,
      tsaURL: flags.tsaUrl,
      tlog: flags.tlog,
      checksums: optional(flags.checksums),
      legacySignatures: flags.legacySignatures === true,
      outputDir: optional(flags.outputDir),
      freeze: { store, variable: ctx.env.RELEASE_FREEZE },
      tag: flags.tag,
      env: ctx.env,
    });
  } finally {
    await close();
  }
  if (flags.format === 'json') ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else ctx.stdout(renderSignText(report));
  if (report.failure_reason !== null)
    ctx.stderr(`release-guard: ${report.failure_reason}: ${report.error ?? ''}\n`);
  ctx.exitCode = report.failure_reason === null ? 0 : 1;
}
