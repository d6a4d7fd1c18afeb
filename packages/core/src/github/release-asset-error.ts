import { ReleaseGuardError, type ErrorCode } from '../errors';
import { GitHubPermissionError, GitHubRateLimitError, githubMessage, statusOf } from './request-errors';

/**
 * Why a release could not take its assets:
 * - `permission`: the token may not write releases (403/401); it needs `contents: write`;
 * - `immutable`: the release is published and immutable, so its assets are locked;
 * - `release_missing`: the release of the tag cannot be found or created (404, 422);
 * - `digest_mismatch`: GitHub stored bytes other than those sent;
 * - `github_failed`: GitHub kept failing (5xx, timeouts) after the retries, or answered in a way
 *   nothing can be built on.
 */
export type ReleaseAssetFailure =
  'permission' | 'immutable' | 'release_missing' | 'digest_mismatch' | 'github_failed';

const CODES: Record<ReleaseAssetFailure, ErrorCode> = {
  permission: 'usage_error',
  immutable: 'usage_error',
  release_missing: 'usage_error',
  digest_mismatch: 'digest_mismatch',
  github_failed: 'unreadable_input',
};

/** A release or asset operation that failed; `reason` tells the cases apart for callers that map them. */
export class ReleaseAssetError extends ReleaseGuardError {
  readonly reason: ReleaseAssetFailure;

  constructor(
    reason: ReleaseAssetFailure,
    message: string,
    details: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(CODES[reason], message, { reason, ...details }, { cause });
    this.name = 'ReleaseAssetError';
    this.reason = reason;
  }
}

/** 5xx, a timeout (reported as 500) or no answer at all: the request may be tried again. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ReleaseGuardError || error instanceof GitHubRateLimitError) return false;
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

/** What a GitHub answer said, in one line, for messages (never the request's headers). */
export function describeAnswer(error: unknown): string {
  const status = statusOf(error);
  return status === undefined ? githubMessage(error) : `GitHub answered ${status}: ${githubMessage(error)}`;
}

/** A refusal for lack of permission, naming the permission a workflow grants. */
export function permissionError(what: string, repository: string, error: unknown): ReleaseAssetError {
  const said =
    error instanceof GitHubPermissionError ? error.message.replace(/\.$/, '') : describeAnswer(error);
  return new ReleaseAssetError(
    'permission',
    `${what} in ${repository} was refused (${said}). Releases and their assets need \`contents: write\`: ` +
      "add it to the job's permissions: block, or pass a token that has it.",
    { status: statusOf(error) ?? null },
    error,
  );
}

/**
 * Turns a failed request into the ReleaseAssetError a caller reports: 401/403 (other than a rate
 * limit) is a permission refusal, 404 a missing release, anything else GitHub failing.
 */
export function releaseRequestError(what: string, repository: string, error: unknown): ReleaseAssetError {
  if (error instanceof ReleaseAssetError) return error;
  const status = statusOf(error);
  if (!(error instanceof GitHubRateLimitError) && (status === 401 || status === 403))
    return permissionError(what, repository, error);
  if (status === 404) {
    return new ReleaseAssetError(
      'release_missing',
      `${what} in ${repository} failed: GitHub answered 404 (${githubMessage(error)}): the repository or ` +
        'release does not exist, or the token cannot see it.',
      { status },
      error,
    );
  }
  return new ReleaseAssetError(
    'github_failed',
    `${what} in ${repository} failed (${describeAnswer(error)}); run again later.`,
    { status: status ?? null },
    error,
  );
}
