import { ReleaseGuardError } from '../errors';
import type { FulcioIdentity } from '../sigstore/certificate';
import { failed, passed, skipped, type Check } from './check';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

export interface IdentityPolicy {
  /** Exact certificate SAN. */
  certIdentity?: string;
  /** Regular expression for the SAN, matched from its first character. */
  certIdentityRegexp?: string;
  /** Exact OIDC issuer; GitHub Actions' when not given. */
  certOidcIssuer?: string;
}

/**
 * Compiles `--cert-identity-regexp`. It is anchored at the start (`^(?:…)`) so that a pattern can
 * never match in the middle of another repository's URL; add `$` to anchor the end too.
 */
export function compileIdentityRegexp(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})`, 'u');
  } catch (error) {
    throw new ReleaseGuardError(
      'usage_error',
      `--cert-identity-regexp is not a valid regular expression: ${(error as Error).message}`,
    );
  }
}

/**
 * Compares the certificate identity ourselves: sigstore-js treats the SAN policy as an unanchored
 * regular expression (PITFALLS 4), so `…@refs/tags/v1` would also accept `…@refs/tags/v10`.
 */
export function checkIdentity(
  identity: FulcioIdentity | null,
  policy: IdentityPolicy,
  signatureSkipped: boolean,
): Check {
  if (signatureSkipped)
    return skipped('identity', 'identity_mismatch', 'skipped with the signature (--skip-signature)');
  const issuer = policy.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER;
  const wantSan =
    policy.certIdentity ??
    (policy.certIdentityRegexp !== undefined ? `/${policy.certIdentityRegexp}/` : null);
  const expected = `${wantSan ?? '(any SAN)'} issued by ${issuer}`;
  if (!identity) return failed('identity', 'identity_mismatch', expected, null, 'no signing certificate');
  const actual = `${identity.san ?? '(no SAN)'} issued by ${identity.issuer ?? '(no issuer)'}`;
  if (identity.issuer !== issuer) {
    return failed(
      'identity',
      'identity_mismatch',
      expected,
      actual,
      'OIDC issuer differs (exact match required)',
    );
  }
  if (policy.certIdentity !== undefined) {
    return identity.san === policy.certIdentity
      ? passed('identity', 'identity_mismatch', expected, actual, 'certificate identity matches exactly')
      : failed(
          'identity',
          'identity_mismatch',
          expected,
          actual,
          'certificate SAN differs (exact match required)',
        );
  }
  if (policy.certIdentityRegexp !== undefined) {
    return identity.san !== null && compileIdentityRegexp(policy.certIdentityRegexp).test(identity.san)
      ? passed('identity', 'identity_mismatch', expected, actual, 'certificate SAN matches the pattern')
      : failed(
          'identity',
          'identity_mismatch',
          expected,
          actual,
          'certificate SAN does not match the pattern',
        );
  }
  return passed(
    'identity',
    'identity_mismatch',
    expected,
    actual,
    'issuer matches; no --cert-identity given, the certificate is bound to the provenance by the *_certificate checks',
  );
}
