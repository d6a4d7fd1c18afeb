import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ReleaseGuardError, usageError } from '../errors';
import { safeText } from '../text/safe-text';
import { checkDigest, removeAsset, uploadWithRetries, type CheckedSource } from './asset-replace';
import { listAssets, type ApiAsset } from './asset-upload';
import type { GitHubClient } from './client';
import { ReleaseAssetError, releaseRequestError } from './release-asset-error';
import {
  findOrCreateRelease,
  type ReleaseInfo,
  type ReleaseLocation,
  type ReleaseLookupOptions,
} from './release-lookup';

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
/** Names GitHub stores as given; it renames others (special characters, leading or trailing dots). */
const ASSET_NAME = /^[A-Za-z0-9_+-](?:[A-Za-z0-9._+-]*[A-Za-z0-9_+-])?$/;

async function sourcesOf(files: readonly AssetFile[]): Promise<CheckedSource[]> {
  const sources: CheckedSource[] = [];
  const names = new Set<string>();
  for (const file of files) {
    const name = file.name ?? basename(file.path);
    if (names.has(name)) throw usageError(`two files would be attached as ${safeText(name)}; rename one.`);
    names.add(name);
    if (!ASSET_NAME.test(name)) {
      throw usageError(
        `the asset name ${safeText(name)} has characters GitHub rewrites (it keeps letters, digits, "." "_" "-" "+", ` +
          'and no leading or trailing "."): the stored name would differ, and a re-run could not replace it. Rename the file.',
      );
    }
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
    const { asset, sha256 } = await uploadWithRetries(client, where, release, source, {
      ...options,
      uploadTimeoutMs: options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS,
    });
    const digestChecked = await checkDigest(client, where, source, asset, sha256);
    if (!digestChecked)
      options.log?.(
        `GitHub answered no digest for ${safeText(asset.name)}: its stored bytes were not checked`,
      );
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
