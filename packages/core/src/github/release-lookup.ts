import type { RestEndpointMethodTypes } from '@octokit/rest';
import { safeText } from '../text/safe-text';
import type { GitHubClient } from './client';
import { ReleaseAssetError, releaseRequestError } from './release-asset-error';
import { githubMessage, statusOf } from './request-errors';
import { retryTransient, type TransientRetryOptions } from './transient-retry';

/** `immutable` is newer than Octokit's types. */
type ApiRelease = RestEndpointMethodTypes['repos']['listReleases']['response']['data'][number] & {
  immutable?: boolean;
};

/** The release of a tag in a repository. */
export interface ReleaseLocation {
  owner: string;
  repo: string;
  tag: string;
}

/** A release as this module reports it. */
export interface ReleaseInfo {
  id: number;
  tag: string;
  draft: boolean;
  /** Published with immutable releases on: its assets are locked. */
  immutable: boolean;
  /** The release's own upload URL template (`…/assets{?name,label}`), never a guessed host. */
  uploadUrl: string;
  htmlUrl: string;
  /** Whether this call created the release (a new draft). */
  created: boolean;
}

export interface ReleaseLookupOptions extends TransientRetryOptions {
  /** Create a draft when the tag has no release (default true); otherwise that is a `release_missing` error. */
  createDraft?: boolean;
  /** Title of a created draft (default: the tag). */
  name?: string;
  /** What the tag points at once a created draft is published (default: GitHub's, the default branch). */
  targetCommitish?: string;
}

function toInfo(release: ApiRelease, created: boolean): ReleaseInfo {
  return {
    id: release.id,
    tag: release.tag_name,
    draft: release.draft,
    immutable: release.immutable === true,
    uploadUrl: release.upload_url,
    htmlUrl: release.html_url,
    created,
  };
}

function repository(where: { owner: string; repo: string }): string {
  return `${where.owner}/${where.repo}`;
}

/**
 * The release of `where.tag`, preferring a draft: drafts are found only through the list of releases
 * (GET /releases/tags/{tag} does not see them, and lists them only to a token with push access).
 * Several drafts for one tag: the newest. Undefined when the tag has none.
 */
export async function findRelease(
  client: GitHubClient,
  where: ReleaseLocation,
  log?: (message: string) => void,
): Promise<ReleaseInfo | undefined> {
  let published: ApiRelease | undefined;
  const drafts: ApiRelease[] = [];
  try {
    const pages = client.paginate.iterator(client.rest.repos.listReleases, {
      owner: where.owner,
      repo: where.repo,
      per_page: 100,
    });
    for await (const { data } of pages) {
      for (const release of data) {
        if (release.tag_name !== where.tag) continue;
        if (release.draft) drafts.push(release);
        else published ??= release;
      }
    }
  } catch (error) {
    throw releaseRequestError(`listing the releases of ${safeText(where.tag)}`, repository(where), error);
  }
  if (drafts.length > 1) {
    log?.(
      `${drafts.length} draft releases for ${safeText(where.tag)} (ids ${drafts.map((d) => d.id).join(', ')}); using the newest, ${drafts[0].id}`,
    );
  }
  const chosen = drafts[0] ?? published;
  return chosen ? toInfo(chosen, false) : undefined;
}

async function createDraft(
  client: GitHubClient,
  where: ReleaseLocation,
  options: ReleaseLookupOptions,
): Promise<ReleaseInfo> {
  const what = `creating a draft release for ${safeText(where.tag)}`;
  try {
    return await retryTransient(
      what,
      async () => {
        const { data } = await client.rest.repos.createRelease({
          owner: where.owner,
          repo: where.repo,
          tag_name: where.tag,
          name: options.name ?? where.tag,
          draft: true,
          ...(options.targetCommitish ? { target_commitish: options.targetCommitish } : {}),
          request: { retries: 0 },
        });
        return toInfo(data, true);
      },
      // A lost answer may have created the draft: a retry would make a second one.
      { ...options, beforeRetry: () => findRelease(client, where, options.log) },
    );
  } catch (error) {
    if (statusOf(error) === 422) {
      throw new ReleaseAssetError(
        'release_missing',
        `${what} in ${repository(where)} was refused (GitHub answered 422: ${githubMessage(error)}); ` +
          'check that the tag name is valid and that no other release owns it.',
        { status: 422 },
        error,
      );
    }
    throw releaseRequestError(what, repository(where), error);
  }
}

/** The release of the tag (a draft first, see findRelease), or a new draft when it has none. */
export async function findOrCreateRelease(
  client: GitHubClient,
  where: ReleaseLocation,
  options: ReleaseLookupOptions = {},
): Promise<ReleaseInfo> {
  const found = await findRelease(client, where, options.log);
  if (found) return found;
  if (options.createDraft === false) {
    throw new ReleaseAssetError(
      'release_missing',
      `${repository(where)} has no release for the tag ${safeText(where.tag)} (a draft is visible only to a token ` +
        'with `contents: write`); create the release first, or let this step create a draft.',
    );
  }
  return createDraft(client, where, options);
}

/**
 * Publishes (un-drafts) a release: the last step of a chain that attached everything to a draft,
 * since an immutable release locks its assets at publish. Publishing an already published release
 * changes nothing. A lost answer is retried (the change is idempotent).
 */
export async function publishRelease(
  client: GitHubClient,
  where: { owner: string; repo: string; releaseId: number },
  options: TransientRetryOptions = {},
): Promise<ReleaseInfo> {
  const what = `publishing release ${where.releaseId}`;
  try {
    const { data } = await retryTransient(
      what,
      () =>
        client.rest.repos.updateRelease({
          owner: where.owner,
          repo: where.repo,
          release_id: where.releaseId,
          draft: false,
          request: { retries: 0 },
        }),
      options,
    );
    return toInfo(data, false);
  } catch (error) {
    if (statusOf(error) === 422) {
      throw new ReleaseAssetError(
        'release_missing',
        `${what} in ${repository(where)} was refused (GitHub answered 422: ${githubMessage(error)}); ` +
          'another published release may already own its tag.',
        { status: 422 },
        error,
      );
    }
    throw releaseRequestError(what, repository(where), error);
  }
}
