import { usageError } from '@release-guard/core/errors';

/**
 * The flag names of the neighbouring tools (slsa-verifier, cosign, gh attestation), accepted as
 * aliases of ours so a command line carried over works. They stay out of `--help` (one name per
 * option there); the README's alias table lists them. The only definition of the aliases.
 */
export interface FlagAlias {
  alias: string;
  flag: string;
  /** The tool whose name it is, for the README table. */
  from: string;
}

const TRUST_ALIASES: FlagAlias[] = [
  { alias: '--certificate-identity', flag: '--cert-identity', from: 'cosign, gh' },
  { alias: '--certificate-identity-regexp', flag: '--cert-identity-regexp', from: 'cosign' },
  { alias: '--cert-identity-regex', flag: '--cert-identity-regexp', from: 'gh attestation' },
  { alias: '--certificate-oidc-issuer', flag: '--cert-oidc-issuer', from: 'cosign, gh' },
  { alias: '--custom-trusted-root', flag: '--trusted-root', from: 'gh attestation' },
];

export const ALIASES: Record<string, FlagAlias[]> = {
  verify: [
    { alias: '--provenance-path', flag: '--provenance', from: 'slsa-verifier' },
    { alias: '--bundle', flag: '--provenance', from: 'gh attestation, cosign' },
    { alias: '--source-uri', flag: '--source-repo', from: 'slsa-verifier' },
    { alias: '--source-tag', flag: '--tag', from: 'slsa-verifier' },
    ...TRUST_ALIASES,
  ],
  'verify-signature': TRUST_ALIASES,
};

/** The first argument that is not an option: the subcommand. */
function subcommandIndex(argv: string[]): number {
  return argv.findIndex((arg) => !arg.startsWith('-'));
}

/**
 * Rewrites each alias of the subcommand to our flag name (`--source-uri=x` too), before `--`. An
 * option given both under its name and an alias with different values is a usage error, not a
 * silent choice of one.
 */
export function resolveAliases(argv: string[]): string[] {
  const at = subcommandIndex(argv);
  const aliases = at < 0 ? undefined : ALIASES[argv[at]];
  if (!aliases) return argv;
  const out = [...argv];
  const end = out.indexOf('--') < 0 ? out.length : out.indexOf('--');
  const renamed = new Map<string, string>();
  for (let i = at + 1; i < end; i++) {
    const [name, ...value] = out[i].split('=');
    const match = aliases.find((a) => a.alias === name);
    if (!match) continue;
    out[i] = [match.flag, ...value].join('=');
    renamed.set(match.flag, match.alias);
  }
  for (const [flag, alias] of renamed) refuseConflict(out.slice(at + 1, end), flag, alias);
  return out;
}

/** The values given to `flag` (as `--flag v` or `--flag=v`). */
function valuesOf(args: string[], flag: string): string[] {
  return args.flatMap((arg, i) => {
    if (arg === flag) return args[i + 1] !== undefined ? [args[i + 1]] : [];
    return arg.startsWith(`${flag}=`) ? [arg.slice(flag.length + 1)] : [];
  });
}

function refuseConflict(args: string[], flag: string, alias: string): void {
  const values = new Set(valuesOf(args, flag));
  if (values.size > 1) {
    throw usageError(`${flag} is given twice with different values (${alias} is another name for ${flag})`);
  }
}
