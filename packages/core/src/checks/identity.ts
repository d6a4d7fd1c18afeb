import { ReleaseGuardError } from '../errors';
import { normaliseRepo } from '../attestation/provenance';
import type { FulcioIdentity } from '../sigstore/certificate';
import { failed, notEvaluated, passed, skippedByRequest, type Check } from './check';
import { SIGNATURE_INVALID, SKIPPED_BY_FLAG, type SignerState } from './signer';

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

function expectedIdentity(policy: IdentityPolicy): string {
  const issuer = policy.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER;
  const wantSan =
    policy.certIdentity ??
    (policy.certIdentityRegexp !== undefined ? `/${policy.certIdentityRegexp}/` : null);
  return `${wantSan ?? '(any SAN)'} issued by ${issuer}`;
}

function describeIdentity(identity: FulcioIdentity | null): string | null {
  if (!identity) return null;
  return `${identity.san ?? '(no SAN)'} issued by ${identity.issuer ?? '(no issuer)'}`;
}

/**
 * Compares the certificate identity ourselves: sigstore-js treats the SAN policy as an unanchored
 * regular expression, so `…@refs/tags/v1` would also accept `…@refs/tags/v10`.
 * `noSanPolicy` is the pass detail when no SAN was asked for: it names what binds the signer instead.
 */
export function checkIdentity(signer: SignerState, policy: IdentityPolicy, noSanPolicy: string): Check {
  const name = 'identity';
  if (signer.kind === 'skipped') return skippedByRequest(name, 'identity_mismatch', SKIPPED_BY_FLAG);
  if (signer.kind === 'key') {
    const key = `public key ${signer.fingerprint}`;
    return passed(name, 'identity_mismatch', key, key, `signed by the key of --key ${signer.file}`);
  }
  const expected = expectedIdentity(policy);
  if (signer.kind === 'invalid') {
    return notEvaluated(
      name,
      'identity_mismatch',
      `${SIGNATURE_INVALID}; the certificate it carries is not evidence of a signer`,
      expected,
      describeIdentity(signer.identity),
    );
  }
  const identity = signer.identity;
  const issuer = policy.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER;
  const actual = describeIdentity(identity);
  if (identity.issuer !== issuer) {
    return failed(name, 'identity_mismatch', expected, actual, 'OIDC issuer differs (exact match required)');
  }
  if (policy.certIdentity !== undefined) {
    return identity.san === policy.certIdentity
      ? passed(name, 'identity_mismatch', expected, actual, 'certificate identity matches exactly')
      : failed(name, 'identity_mismatch', expected, actual, 'certificate SAN differs (exact match required)');
  }
  if (policy.certIdentityRegexp !== undefined) {
    return identity.san !== null && compileIdentityRegexp(policy.certIdentityRegexp).test(identity.san)
      ? passed(name, 'identity_mismatch', expected, actual, 'certificate SAN matches the pattern')
      : failed(name, 'identity_mismatch', expected, actual, 'certificate SAN does not match the pattern');
  }
  return passed(name, 'identity_mismatch', expected, actual, noSanPolicy);
}

/**
 * `--source-repo` of `verify-signature`: a reusable workflow gives every calling repository the same
 * SAN, so the repository that ran it is compared exactly with the certificate's Source Repository URI
 * and, where the certificate has it, the GitHub Workflow Repository.
 */
export function checkIdentitySourceRepo(signer: SignerState, sourceRepo: string): Check {
  const name = 'identity_source_repo';
  const expected = normaliseRepo(sourceRepo);
  if (signer.kind === 'skipped') return skippedByRequest(name, 'identity_mismatch', SKIPPED_BY_FLAG);
  if (signer.kind === 'invalid') {
    return notEvaluated(
      name,
      'identity_mismatch',
      SIGNATURE_INVALID,
      expected,
      signer.identity?.sourceRepositoryURI ?? null,
    );
  }
  if (signer.kind === 'key') {
    return failed(
      name,
      'identity_mismatch',
      expected,
      null,
      'a key signature names no repository: drop --source-repo or sign keyless',
    );
  }
  const identity = signer.identity;
  const uri = identity.sourceRepositoryURI ? normaliseRepo(identity.sourceRepositoryURI) : null;
  const workflowRepo = identity.workflowRepository ? normaliseRepo(identity.workflowRepository) : null;
  const actual =
    workflowRepo && workflowRepo !== uri ? `${uri ?? '(none)'} (workflow repository ${workflowRepo})` : uri;
  if (uri === null)
    return failed(name, 'identity_mismatch', expected, null, 'the certificate names no source repository');
  if (uri !== expected || (workflowRepo !== null && workflowRepo !== expected)) {
    return failed(
      name,
      'identity_mismatch',
      expected,
      actual,
      'signed by a workflow run of another repository',
    );
  }
  return passed(
    name,
    'identity_mismatch',
    expected,
    actual,
    'the certificate was issued to a run of this repository',
  );
}
