import { ReleaseGuardError } from '../errors';
import { compileIdentityRegexp, type IdentityPolicy } from '../checks/identity';

export interface VerifyOptions {
  provenance: string;
  artifacts: string[];
  artifactsDir?: string;
  sourceRepo: string;
  tag?: string;
  commit?: string;
  builderIds: string[];
  allowSlsaV02: boolean;
  identity: IdentityPolicy;
  trustedRoot?: string;
  skipSignature: boolean;
}

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function usage(message: string): ReleaseGuardError {
  return new ReleaseGuardError('usage_error', message);
}

/**
 * Refuses options no verification could use (exit 2). Tags, repos and ids stay data: anything git
 * accepts as a tag name is compared as a plain string (PITFALLS 19); only control characters, which
 * no ref or URL holds, are refused.
 */
export function validateVerifyOptions(options: VerifyOptions): void {
  if (!options.sourceRepo)
    throw usage('--source-repo is required (OWNER/REPO or https://github.com/OWNER/REPO)');
  if (
    CONTROL.test(options.sourceRepo) ||
    !/^(https?:\/\/|git\+https:\/\/)?[^\s]+\/[^\s]+$/.test(options.sourceRepo)
  ) {
    throw usage(
      `--source-repo must be OWNER/REPO or a repository URL, got ${JSON.stringify(options.sourceRepo)}`,
    );
  }
  if (options.tag !== undefined && (options.tag === '' || CONTROL.test(options.tag))) {
    throw usage('--tag must be a non-empty tag name without control characters');
  }
  if (options.commit !== undefined && !/^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(options.commit)) {
    throw usage(
      `--commit must be a full 40- or 64-character hex commit id, got ${JSON.stringify(options.commit)}`,
    );
  }
  for (const id of options.builderIds) {
    if (id === '' || CONTROL.test(id)) throw usage('--builder-id must be a non-empty builder id');
  }
  const { certIdentity, certIdentityRegexp } = options.identity;
  if (certIdentity !== undefined && certIdentityRegexp !== undefined) {
    throw usage('give --cert-identity or --cert-identity-regexp, not both');
  }
  if (certIdentityRegexp !== undefined) compileIdentityRegexp(certIdentityRegexp);
  if (options.artifacts.length === 0 && options.artifactsDir === undefined) {
    throw usage('nothing to verify: give --artifact PATH (repeatable) or --artifacts-dir DIR');
  }
}
