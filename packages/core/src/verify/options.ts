import { echoValue } from '../text/echo-value';
import { ReleaseGuardError } from '../errors';
import { compileIdentityRegexp, type IdentityPolicy } from '../checks/identity';
import { validateArtifactArguments } from './artifacts';

export interface VerifyOptions {
  provenance: string;
  artifacts: string[];
  artifactsDir?: string;
  /** With `artifactsDir`: its subfolders' files too. */
  recursive?: boolean;
  sourceRepo: string;
  tag?: string;
  commit?: string;
  builderIds: string[];
  allowSlsaV02: boolean;
  identity: IdentityPolicy;
  trustedRoot?: string;
  skipSignature: boolean;
  /** PEM public key the provenance must be signed with, instead of a keyless certificate. */
  key?: string;
  /** Accept a `--key` signature that has no transparency-log entry (its signing time is then unproven). */
  noTlog?: boolean;
}

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function usage(message: string): ReleaseGuardError {
  return new ReleaseGuardError('usage_error', message);
}

/** `--source-repo`: required by `verify`, where it anchors the whole verification. */
export function validateSourceRepo(sourceRepo: string | undefined): void {
  if (!sourceRepo) throw usage('--source-repo is required (OWNER/REPO or https://github.com/OWNER/REPO)');
  if (CONTROL.test(sourceRepo) || !/^(https?:\/\/|git\+https:\/\/)?[^\s]+\/[^\s]+$/.test(sourceRepo)) {
    throw usage(
      `--source-repo must be OWNER/REPO, github.com/OWNER/REPO or a repository URL, got ${echoValue(sourceRepo)}`,
    );
  }
}

/**
 * The signer flags shared by `verify` and `verify-signature`: one SAN form at most, and a key
 * excludes every certificate flag (a key signature has no certificate to compare them with).
 */
export function validateSignerOptions(identity: IdentityPolicy, key?: string, noTlog?: boolean): void {
  const { certIdentity, certIdentityRegexp, certOidcIssuer } = identity;
  if (certIdentity !== undefined && certIdentityRegexp !== undefined) {
    throw usage('give --cert-identity or --cert-identity-regexp, not both');
  }
  if (key !== undefined) {
    const given = [
      certIdentity !== undefined && '--cert-identity',
      certIdentityRegexp !== undefined && '--cert-identity-regexp',
      certOidcIssuer !== undefined && '--cert-oidc-issuer',
    ].filter(Boolean);
    if (given.length > 0) {
      throw usage(`--key verifies a key signature: it cannot be combined with ${given.join(', ')}`);
    }
    if (key === '') throw usage('--key needs the path of a PEM public key');
  } else if (noTlog) {
    throw usage('--no-tlog applies to key signatures only: give --key FILE');
  }
  if (certIdentityRegexp !== undefined) compileIdentityRegexp(certIdentityRegexp);
}

/**
 * Refuses options no verification could use (exit 2). Tags, repos and ids stay data: anything git
 * accepts as a tag name is compared as a plain string; only control characters, which
 * no ref or URL holds, are refused.
 */
export function validateVerifyOptions(options: VerifyOptions): void {
  validateSourceRepo(options.sourceRepo);
  if (options.tag !== undefined && (options.tag === '' || CONTROL.test(options.tag))) {
    throw usage('--tag must be a non-empty tag name without control characters');
  }
  if (options.commit !== undefined && !/^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(options.commit)) {
    throw usage(
      `--commit must be a full 40- or 64-character hex commit id, got ${echoValue(options.commit)}`,
    );
  }
  for (const id of options.builderIds) {
    if (id === '' || CONTROL.test(id)) throw usage('--builder-id must be a non-empty builder id');
  }
  validateSignerOptions(options.identity, options.key, options.noTlog);
  validateArtifactArguments(options.artifacts);
  if (options.recursive && options.artifactsDir === undefined) {
    throw usage('--recursive applies to --artifacts-dir: give --artifacts-dir DIR');
  }
  if (options.artifacts.length === 0 && options.artifactsDir === undefined) {
    throw usage('nothing to verify: give --artifact PATH (repeatable) or --artifacts-dir DIR');
  }
}
