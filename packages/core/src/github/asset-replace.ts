import { ReleaseGuardError } from '../errors';
import { safeText } from '../text/safe-text';
import {
  deleteAsset,
  listAssets,
  uploadOnce,
  type ApiAsset,
  type SentBytes,
  type UploadSource,
} from './asset-upload';
import type { GitHubClient } from './client';
import { ReleaseAssetError, releaseRequestError } from './release-asset-error';
import type { ReleaseInfo, ReleaseLocation } from './release-lookup';
import { githubMessage, statusOf } from './request-errors';
import { retryTransient, type TransientRetryOptions } from './transient-retry';

/**
 * The steps of replacing one asset: delete the old one, upload with retries that never leave a
 * duplicate, and check the digests.
 */

export interface UploadRetryOptions extends TransientRetryOptions {
  uploadTimeoutMs: number;
}

/** A file to upload, with the sha256 (hex) it must have when the caller knows it. */
export type CheckedSource = UploadSource & { sha256?: string };

/** Deletes the asset a re-run replaces; a release made immutable meanwhile is named as such. */
export async function removeAsset(
  client: GitHubClient,
  where: ReleaseLocation,
  asset: ApiAsset,
  options: TransientRetryOptions,
): Promise<void> {
  const what = `deleting the asset ${safeText(asset.name)} (id ${asset.id})`;
  try {
    await retryTransient(what, () => deleteAsset(client, where, asset.id), options);
  } catch (error) {
    if (statusOf(error) === 422 && /immutable/i.test(githubMessage(error))) {
      throw new ReleaseAssetError(
        'immutable',
        `${what} was refused: the release was published as immutable meanwhile (GitHub answered 422: ${githubMessage(error)}).`,
        { status: 422 },
        error,
      );
    }
    throw releaseRequestError(what, `${where.owner}/${where.repo}`, error);
  }
}

export async function uploadWithRetries(
  client: GitHubClient,
  where: ReleaseLocation,
  release: ReleaseInfo,
  source: UploadSource,
  options: UploadRetryOptions,
): Promise<{ asset: ApiAsset; sha256: string }> {
  const what = `uploading ${safeText(source.name)} to release ${release.id}`;
  const sent: SentBytes = { bytes: 0 };
  const attempt = async () => {
    const asset = await uploadOnce(client, release, source, sent, options.uploadTimeoutMs);
    return { asset, sha256: checkedSent(sent, source) };
  };
  // The answer was lost: an asset of that name now is that upload (same digest) or a broken one.
  const beforeRetry = async () => {
    const now = (await listAssets(client, where, release.id)).find((a) => a.name === source.name);
    if (!now) return undefined;
    if (sent.sha256 && now.state === 'uploaded' && now.digest === `sha256:${sent.sha256}`) {
      options.log?.(`${what}: the upload whose answer was lost did land; keeping it`);
      return { asset: now, sha256: checkedSent(sent, source) };
    }
    await deleteAsset(client, where, now.id);
    return undefined;
  };
  try {
    return await retryTransient(what, attempt, { ...options, beforeRetry });
  } catch (error) {
    if (error instanceof ReleaseGuardError) throw error;
    if (statusOf(error) === 422 && /immutable/i.test(githubMessage(error))) {
      throw new ReleaseAssetError(
        'immutable',
        `${what} was refused: the release was published as immutable meanwhile (GitHub answered 422: ${githubMessage(error)}). ` +
          'Attach assets to a draft release and publish it last.',
        { status: 422 },
        error,
      );
    }
    if (statusOf(error) === 422 && /already_exists/.test(JSON.stringify(errorData(error)))) {
      throw new ReleaseAssetError(
        'github_failed',
        `${what} was refused: an asset of that name appeared on the release meanwhile (another run attaching ` +
          'to the same release?); run again once it is done.',
        { status: 422 },
        error,
      );
    }
    throw releaseRequestError(what, `${where.owner}/${where.repo}`, error);
  }
}

function errorData(error: unknown): unknown {
  return (error as { response?: { data?: unknown } }).response?.data;
}

/** The sha256 of what went out, once all of it did. */
function checkedSent(sent: SentBytes, source: UploadSource): string {
  if (sent.sha256 === undefined || sent.bytes !== source.size) {
    throw new ReleaseGuardError(
      'digest_mismatch',
      `${safeText(source.path)} changed while it was uploaded (${sent.bytes} bytes sent, ${source.size} expected).`,
      { path: source.path, expected: source.size, actual: sent.bytes },
    );
  }
  return sent.sha256;
}

/**
 * The bytes sent against the digest the file was to have (as signed), and GitHub's digest of the
 * stored asset against the bytes sent. A mismatching asset is removed: no one should download it.
 */
export async function checkDigest(
  client: GitHubClient,
  where: ReleaseLocation,
  source: CheckedSource,
  asset: ApiAsset,
  sha256: string,
): Promise<boolean> {
  if (source.sha256 !== undefined && source.sha256 !== sha256) {
    await deleteAsset(client, where, asset.id).catch(() => undefined);
    throw new ReleaseAssetError(
      'digest_mismatch',
      `${safeText(source.path)} is not the file that was signed: it streamed to sha256:${sha256}, expected ` +
        `sha256:${source.sha256}; the asset was removed.`,
      { path: source.path, expected: `sha256:${source.sha256}`, actual: `sha256:${sha256}` },
    );
  }
  if (!asset.digest) return false;
  if (asset.digest === `sha256:${sha256}`) return true;
  await deleteAsset(client, where, asset.id).catch(() => undefined);
  throw new ReleaseAssetError(
    'digest_mismatch',
    `GitHub stored ${safeText(source.name)} with digest ${safeText(asset.digest)}, but the bytes sent have sha256:${sha256}; ` +
      'the asset was removed. Run again to upload it anew.',
    { path: source.path, expected: `sha256:${sha256}`, actual: asset.digest },
  );
}
