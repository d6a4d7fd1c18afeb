import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import type { RestEndpointMethodTypes } from '@octokit/rest';
import type { GitHubClient } from './client';
import type { ReleaseInfo } from './release-lookup';

/** A release asset as GitHub answers it; `digest` (`sha256:…`) is newer than Octokit's types and absent on older GHES. */
export type ApiAsset = RestEndpointMethodTypes['repos']['listReleaseAssets']['response']['data'][number] & {
  digest?: string | null;
};

/** One file to upload, its size taken before the upload (GitHub's uploads host needs `content-length`). */
export interface UploadSource {
  path: string;
  name: string;
  size: number;
  contentType: string;
  label?: string;
}

/** What one attempt sent: the sha256 (hex) is set once the whole file went out. */
export interface SentBytes {
  bytes: number;
  sha256?: string;
}

/**
 * One upload attempt to the release's own `upload_url` (its RFC 6570 `{?name,label}` expanded by
 * Octokit), the body streamed from disk and hashed on the way: the file is read once and never held
 * in memory. Not retried here: a stream cannot be replayed, and the caller checks first whether a
 * lost attempt left an asset.
 */
export async function uploadOnce(
  client: GitHubClient,
  release: ReleaseInfo,
  source: UploadSource,
  sent: SentBytes,
  timeoutMs: number,
): Promise<ApiAsset> {
  const hash = createHash('sha256');
  sent.bytes = 0;
  delete sent.sha256;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sent.bytes += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      sent.sha256 = hash.digest('hex');
      done();
    },
  });
  // A read error destroys the body, which fails the request.
  const body = pipeline(createReadStream(source.path), meter, () => undefined);
  const { data } = await client.request(`POST ${release.uploadUrl}`, {
    name: source.name,
    ...(source.label !== undefined ? { label: source.label } : {}),
    data: body as unknown as string,
    headers: { 'content-type': source.contentType, 'content-length': source.size },
    request: { retries: 0, timeout: timeoutMs },
  });
  return data as ApiAsset;
}

/** Every asset of the release (paginated). */
export async function listAssets(
  client: GitHubClient,
  where: { owner: string; repo: string },
  releaseId: number,
): Promise<ApiAsset[]> {
  return client.paginate(client.rest.repos.listReleaseAssets, {
    owner: where.owner,
    repo: where.repo,
    release_id: releaseId,
    per_page: 100,
  });
}

/** Deletes an asset; one already gone (a retried delete whose first answer was lost) is fine. */
export async function deleteAsset(
  client: GitHubClient,
  where: { owner: string; repo: string },
  assetId: number,
): Promise<void> {
  try {
    await client.rest.repos.deleteReleaseAsset({
      owner: where.owner,
      repo: where.repo,
      asset_id: assetId,
      request: { retries: 0 },
    });
  } catch (error) {
    if ((error as { status?: unknown }).status !== 404) throw error;
  }
}
