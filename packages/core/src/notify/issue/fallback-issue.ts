import { setTimeout as sleep } from 'node:timers/promises';
import type { GitHubClient } from '../../github/client';
import { GitHubPermissionError } from '../../github/request-errors';
import { hasIssueMarker } from './issue-marker';

export interface FallbackIssueRequest {
  owner: string;
  repo: string;
  runId: string;
  tag: string;
  title: string;
  body: string;
  labels: string[];
  /** The manifest's `issue_number` for this run: when set, that issue is the one, whatever else exists. */
  knownIssueNumber: number | null;
  /** The issue's web address when GitHub's answer cannot be read: `<server>/<owner>/<repo>/issues/<n>`. */
  issuesWebUrl: string;
}

export interface FallbackIssue {
  number: number;
  url: string;
  /** `manifest`: recorded for this run; `marker`: found open by its hidden marker; `created`: filed now. */
  source: 'manifest' | 'marker' | 'created';
  /** GitHub's creation time; null when it could not be read. */
  createdAt: string | null;
  /** POSTs sent to create it (0 when it already existed). */
  createAttempts: number;
}

/** No issue could be filed. `permission` is set when the token lacks one (the message names it). */
export class FallbackIssueError extends Error {
  readonly permission: boolean;

  constructor(message: string, permission: boolean) {
    super(message);
    this.name = 'FallbackIssueError';
    this.permission = permission;
  }
}

export interface FallbackIssueOptions {
  /** POSTs at most (default 3). */
  createAttempts?: number;
  /** Wait before re-listing after a failed POST: n · this (default 1 s). */
  retryDelayMs?: number;
  /** Pages of 100 open issues read per label (default 10). */
  maxPages?: number;
}

interface IssueData {
  number: number;
  html_url: string;
  created_at: string;
  body?: string | null;
  pull_request?: unknown;
}

function fromIssue(issue: IssueData, source: FallbackIssue['source'], createAttempts: number): FallbackIssue {
  return { number: issue.number, url: issue.html_url, source, createdAt: issue.created_at, createAttempts };
}

function permissionFailure(error: unknown): FallbackIssueError | undefined {
  return error instanceof GitHubPermissionError ? new FallbackIssueError(error.message, true) : undefined;
}

/**
 * This run's open issue by its hidden marker, listing open issues by label (not the search API,
 * which lags). Each label is listed in turn, so an issue someone took one label off is
 * still found. The oldest match wins.
 */
export async function findIssueByMarker(
  client: GitHubClient,
  request: FallbackIssueRequest,
  maxPages = 10,
): Promise<IssueData | undefined> {
  for (const label of request.labels) {
    let pages = 0;
    const found: IssueData[] = [];
    for await (const page of client.paginate.iterator(client.rest.issues.listForRepo, {
      owner: request.owner,
      repo: request.repo,
      state: 'open',
      labels: label,
      sort: 'created',
      direction: 'asc',
      per_page: 100,
    })) {
      for (const issue of page.data as IssueData[]) {
        if (!issue.pull_request && hasIssueMarker(issue.body, request.runId, request.tag)) found.push(issue);
      }
      if (found.length > 0 || ++pages >= maxPages) break;
    }
    if (found.length > 0) return found.sort((a, b) => a.number - b.number)[0];
  }
  return undefined;
}

/**
 * Exactly one issue per run: the manifest's issue_number first, then an open issue carrying this
 * run's marker, and only then a new one. The create call is never blindly repeated: after a failed
 * or unanswered POST the open issues are listed again, since a lost answer may hide a created issue
 *; when that listing fails too, nothing more is sent. Throws FallbackIssueError.
 */
export async function fileFallbackIssue(
  client: GitHubClient,
  request: FallbackIssueRequest,
  options: FallbackIssueOptions = {},
): Promise<FallbackIssue> {
  const { owner, repo } = request;
  if (request.knownIssueNumber !== null) {
    const number = request.knownIssueNumber;
    try {
      const { data } = await client.rest.issues.get({ owner, repo, issue_number: number });
      return fromIssue(data as IssueData, 'manifest', 0);
    } catch {
      // The number is recorded and never changes; without GitHub's answer its address is still known.
      return {
        number,
        url: `${request.issuesWebUrl}/${number}`,
        source: 'manifest',
        createdAt: null,
        createAttempts: 0,
      };
    }
  }

  const maxPages = options.maxPages ?? 10;
  try {
    const existing = await findIssueByMarker(client, request, maxPages);
    if (existing) return fromIssue(existing, 'marker', 0);
  } catch (error) {
    throw (
      permissionFailure(error) ??
      new FallbackIssueError(
        `could not list the open issues to check for this run's issue, so none was created (one issue per run): ${(error as Error).message}`,
        false,
      )
    );
  }

  const attempts = options.createAttempts ?? 3;
  const delayMs = options.retryDelayMs ?? 1000;
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const { data } = await client.rest.issues.create({
        owner,
        repo,
        title: request.title,
        body: request.body,
        labels: request.labels,
      });
      return fromIssue(data as IssueData, 'created', attempt);
    } catch (error) {
      const permission = permissionFailure(error);
      if (permission) throw permission;
      const status = (error as { status?: number }).status;
      lastError = (error as Error).message;
      // A 4xx other than a rate limit (waited out by the client) will not change on a retry.
      if (status !== undefined && status >= 400 && status < 500) {
        throw new FallbackIssueError(`GitHub refused to create the issue: ${lastError}`, false);
      }
    }
    await sleep(delayMs * attempt);
    let found: IssueData | undefined;
    try {
      found = await findIssueByMarker(client, request, maxPages);
    } catch (error) {
      throw (
        permissionFailure(error) ??
        new FallbackIssueError(
          `creating the issue failed (${lastError}) and the open issues could not be listed to see whether it was created anyway; not retried, to avoid a second issue: ${(error as Error).message}`,
          false,
        )
      );
    }
    if (found) return fromIssue(found, 'created', attempt);
  }
  throw new FallbackIssueError(`creating the issue failed ${attempts} times; last: ${lastError}`, false);
}
