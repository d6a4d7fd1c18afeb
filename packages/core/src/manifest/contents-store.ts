import { ReleaseGuardError } from '../errors';
import type { GitHubClient } from '../github/client';
import {
  MANIFEST_STORE_LABEL,
  type ManifestStore,
  type StoreLabel,
  type StoredManifest,
  type WriteResult,
} from './store';
import { githubMessage, statusOf } from '../github/request-errors';

export interface ContentsApiManifestStoreOptions {
  /** A client from `createGitHubClient`; its token needs `contents: read` to read and `contents: write` to write. */
  octokit: GitHubClient;
  owner: string;
  repo: string;
  /** Path of the file in the repository, e.g. `docs/reports/manifest.json`. */
  path: string;
  /** Branch that holds the file (default: the repository's default branch). */
  branch?: string;
  /** How messages name the file (default: the manifest). */
  label?: StoreLabel;
}

/** GitHub's answers to a compare-and-swap that lost: 409 `<path> does not match <sha>`, or 422 `"sha" wasn't supplied`. */
function isLostSwap(error: unknown): boolean {
  const status = statusOf(error);
  return status === 409 || (status === 422 && /\bsha\b|does not match/i.test(githubMessage(error)));
}

/**
 * A manifest kept in a repository and changed through the contents API. The version is the file's
 * blob sha; a write sends it as `sha`, so GitHub refuses it (409, or 422 when the file appeared
 * meanwhile) if another writer got there first.
 */
export class ContentsApiManifestStore implements ManifestStore {
  readonly location: string;
  private readonly octokit: GitHubClient;
  private readonly owner: string;
  private readonly repo: string;
  private readonly path: string;
  private readonly branch?: string;
  private readonly label: StoreLabel;

  constructor(options: ContentsApiManifestStoreOptions) {
    this.octokit = options.octokit;
    this.owner = options.owner;
    this.repo = options.repo;
    this.path = options.path.replace(/^\/+/, '');
    this.branch = options.branch;
    this.label = options.label ?? MANIFEST_STORE_LABEL;
    this.location = `${this.owner}/${this.repo}${this.branch ? `#${this.branch}` : ''}:${this.path}`;
  }

  async read(): Promise<StoredManifest> {
    let data;
    try {
      ({ data } = await this.octokit.rest.repos.getContent({
        owner: this.owner,
        repo: this.repo,
        path: this.path,
        ...(this.branch ? { ref: this.branch } : {}),
      }));
    } catch (error) {
      const message = githubMessage(error);
      if (statusOf(error) === 404 && /no commit found for the ref/i.test(message)) {
        throw this.failure('read', error, `the branch ${this.branch} does not exist`);
      }
      if (statusOf(error) === 404) return { content: null, version: null };
      // A repository without any commit has no manifest yet.
      if (statusOf(error) === 409 && /repository is empty/i.test(message))
        return { content: null, version: null };
      throw this.failure('read', error);
    }
    if (Array.isArray(data) || data.type !== 'file') {
      const kind = Array.isArray(data) ? 'directory' : data.type;
      throw new ReleaseGuardError(
        'unreadable_input',
        `the ${this.label.noun} ${this.location} is a ${kind}, not a file; point the ${this.label.noun} path at a JSON file.`,
        {
          location: this.location,
        },
      );
    }
    const bytes =
      data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : await this.readBlob(data.sha);
    return { content: bytes.toString('utf8'), version: data.sha };
  }

  async write(content: string, expectedVersion: string | null, message: string): Promise<WriteResult> {
    try {
      const { data } = await this.octokit.rest.repos.createOrUpdateFileContents({
        owner: this.owner,
        repo: this.repo,
        path: this.path,
        message,
        content: Buffer.from(content, 'utf8').toString('base64'),
        ...(expectedVersion !== null ? { sha: expectedVersion } : {}),
        ...(this.branch ? { branch: this.branch } : {}),
      });
      const version = data.content?.sha;
      if (!version) {
        throw new ReleaseGuardError(
          'unreadable_input',
          `GitHub's answer to the write of ${this.location} carries no file sha; read the ${this.label.noun} again before the next write.`,
          {
            location: this.location,
          },
        );
      }
      return { ok: true, version };
    } catch (error) {
      if (error instanceof ReleaseGuardError) throw error;
      if (isLostSwap(error)) return { ok: false, reason: 'conflict' };
      const status = statusOf(error);
      if (status !== undefined && status >= 500) {
        // The write may have happened and only its answer been lost: if the manifest now holds exactly
        // what we sent, on a version other than the one we replaced, it is ours.
        const now = await this.read().catch(() => undefined);
        if (now && now.content === content && now.version !== null && now.version !== expectedVersion) {
          return { ok: true, version: now.version };
        }
        throw this.failure(
          'write',
          error,
          `the ${this.label.noun} may or may not have changed; run again to re-read it and retry`,
        );
      }
      throw this.failure('write', error, 'nothing was written');
    }
  }

  /** Files above 1 MB come without inline content; their blob has it. */
  private async readBlob(sha: string): Promise<Buffer> {
    try {
      const { data } = await this.octokit.rest.git.getBlob({
        owner: this.owner,
        repo: this.repo,
        file_sha: sha,
      });
      return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
    } catch (error) {
      throw this.failure('read', error);
    }
  }

  private failure(operation: 'read' | 'write', error: unknown, consequence?: string): ReleaseGuardError {
    const status = statusOf(error);
    const cause =
      status === 401 || status === 403
        ? (error as Error).message
        : status === 404
          ? `GitHub answered 404 (${githubMessage(error)}): the repository or branch does not exist, or the token cannot see it`
          : status !== undefined
            ? `GitHub answered ${status}: ${githubMessage(error)}`
            : githubMessage(error);
    return new ReleaseGuardError(
      'unreadable_input',
      `cannot ${operation} the ${this.label.noun} ${this.location} through the contents API: ${cause}${consequence ? `; ${consequence}` : ''}.`,
      { location: this.location, operation, status: status ?? null },
    );
  }
}
