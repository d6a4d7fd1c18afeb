import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ReleaseGuardError, usageError } from '../errors';
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
import {
  findOrCreateRelease,
  type ReleaseInfo,
  type ReleaseLocation,
  type ReleaseLookupOptions,
} from './release-lookup';
import { githubMessage, statusOf } from './request-errors';
import { retryTransient } from './transient-retry';

export { findOrCreateRelease, findRelease, publishRelease } from './release-lookup';
export type { ReleaseInfo, ReleaseLocation, ReleaseLookupOptions } from './release-lookup';
export { ReleaseAssetError, type ReleaseAssetFailure } from './release-asset-error';

/** A file to attach to a release. */
export interface AssetFile {
  path: string;
  /** Asset name (default: the file's base name). */
  name?: string;
  /** Default `application/octet-stream`. */
  contentType?: string;
  label?: string;
  /** The sha256 (hex) the file must have, e.g. as signed: bytes that stream to another are refused. */
  sha256?: string;
}

export interface AttachOptions extends ReleaseLookupOptions {
  /** Time limit of one upload attempt (default 15 minutes). */
  uploadTimeoutMs?: number;
}

/** One attached asset. */
export interface AttachedAsset {
  path: string;
  name: string;
  size: number;
  /** sha256 (hex) of the bytes sent, computed while streaming. */
  sha256: string;
  id: number;
  /** `browser_download_url`. */
  url: string;
  /** Whether an asset of that name was there before and was replaced. */
  replaced: boolean;
  /** Whether GitHub answered a `digest` and it matched; false when it gave none (older GHES). */
  digestChecked: boolean;
}

export interface AttachResult {
  release: ReleaseInfo;
  assets: AttachedAsset[];
}

const DEFAULT_UPLOAD_TIMEOUT_MS = 15 * 60_000;

async function sourcesOf(files: readonly AssetFile[]): Promise<(UploadSource & { sha256?: string })[]> {
  const sources: (UploadSource & { sha256?: string })[] = [];
  const names = new Set<string>();
  for (const file of files) {
    const name = file.name ?? basename(file.path);
    if (names.has(name)) throw usageError(`two files would be attached as ${safeText(name)}; rename one.`);
    names.add(name);
    const info = await stat(file.path).catch(() => undefined);
    if (!info?.isFile()) {
      throw new ReleaseGuardError(
        'artifact_missing',
        `${safeText(file.path)} is not a readable file; nothing was attached.`,
        {
          path: file.path,
        },
      );
    }
    sources.push({
      path: file.path,
      name,
      size: info.size,
      contentType: file.contentType ?? 'application/octet-stream',
      label: file.label,
      sha256: file.sha256?.toLowerCase(),
    });
  }
  return sources;
}

/** Refuses, before any upload, a release that cannot take assets: published and immutable. */
export function assertAcceptsAssets(release: ReleaseInfo, where: ReleaseLocation): void {
  if (!release.immutable || release.draft) return;
  throw new ReleaseAssetError(
    'immutable',
    `the release ${safeText(release.tag)} (id ${release.id}) of ${where.owner}/${where.repo} is published and immutable: ` +
      'GitHub locked its assets at publish, so nothing can be attached or replaced. Attach assets to a draft ' +
      'release and publish it last, or cut a new release.',
    { releaseId: release.id },
  );
}

/**
 * Attaches files to the release of `where.tag` (see findOrCreateRelease), idempotently: an asset of
 * the same name is deleted and uploaded again, never duplicated. Each upload is streamed from disk to
 * the release's own upload URL, its digest checked against the bytes sent; 5xx and timeouts are
 * retried with backoff, and a lost answer whose upload landed is recognised by its digest.
 */
export async function attachReleaseAssets(
  client: GitHubClient,
  where: ReleaseLocation,
  files: readonly AssetFile[],
  options: AttachOptions = {},
): Promise<AttachResult> {
  const sources = await sourcesOf(files);
  const release = await findOrCreateRelease(client, where, options);
  assertAcceptsAssets(release, where);
  const repository = `${where.owner}/${where.repo}`;
  let existing: ApiAsset[];
  try {
    existing = await listAssets(client, where, release.id);
  } catch (error) {
    throw releaseRequestError(`listing the assets of release ${release.id}`, repository, error);
  }
  const assets: AttachedAsset[] = [];
  for (const source of sources) {
    const previous = existing.find((asset) => asset.name === source.name);
    if (previous) await removeAsset(client, where, previous, options);
    const { asset, sha256 } = await uploadWithRetries(client, where, release, source, options);
    const digestChecked = await checkDigest(client, where, source, asset, sha256);
    assets.push({
      path: source.path,
      name: asset.name,
      size: source.size,
      sha256,
      id: asset.id,
      url: asset.browser_download_url,
      replaced: previous !== undefined,
      digestChecked,
    });
  }
  return { release, assets };
}

async function removeAsset(
  client: GitHubClient,
  where: ReleaseLocation,
  asset: ApiAsset,
  options: AttachOptions,
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

async function uploadWithRetries(
  client: GitHubClient,
  where: ReleaseLocation,
  release: ReleaseInfo,
  source: UploadSource,
  options: AttachOptions,
): Promise<{ asset: ApiAsset; sha256: string }> {
  const what = `uploading ${safeText(source.name)} to release ${release.id}`;
  const sent: SentBytes = { bytes: 0 };
  const timeoutMs = options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS;
  const attempt = async () => {
    const asset = await uploadOnce(client, release, source, sent, timeoutMs);
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
    throw releaseRequestError(what, `${where.owner}/${where.repo}`, error);
  }
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
async function checkDigest(
  client: GitHubClient,
  where: ReleaseLocation,
  source: UploadSource & { sha256?: string },
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
