import { ReleaseGuardError, usageError } from '../errors';
import type { GitHubClient } from '../github/client';
import {
  GitHubPermissionError,
  GitHubRateLimitError,
  githubMessage,
  statusOf,
} from '../github/request-errors';

/** GitHub's limits on re-runs. */
export const RERUN_WINDOW_DAYS = 30;
export const MAX_RUN_ATTEMPTS = 50;
const DAY_MS = 24 * 3600 * 1000;

/** The workflow run as GitHub reports it: what a re-run depends on. */
export interface RunFacts {
  id: number;
  runAttempt: number;
  status: string | null;
  conclusion: string | null;
  createdAt: string;
  headSha: string;
  htmlUrl: string;
  /** Workflow file of the run, e.g. `.github/workflows/security-ci.yml`. */
  workflowPath: string | null;
  workflowId: number;
  /** The branch or tag the run ran on (the tag, for a tag push). */
  headBranch: string | null;
  displayTitle: string;
}

export interface RunLocation {
  owner: string;
  repo: string;
  runId: number;
}

export type RerunRequest =
  { accepted: true; attempt: number } | { accepted: false; denial: string; githubStatus: number };

/** A failed request in one line: the status and GitHub's words, or the client's own explanation of a missing permission. */
export function describeGitHubFailure(error: unknown): string {
  if (error instanceof GitHubPermissionError) return error.message;
  const status = statusOf(error);
  return `${status === undefined ? '' : `GitHub answered ${status}: `}${githubMessage(error)}`;
}

export async function readRun(client: GitHubClient, where: RunLocation): Promise<RunFacts> {
  try {
    const { data } = await client.rest.actions.getWorkflowRun({
      owner: where.owner,
      repo: where.repo,
      run_id: where.runId,
    });
    return {
      id: data.id,
      runAttempt: data.run_attempt ?? 1,
      status: data.status,
      conclusion: data.conclusion,
      createdAt: data.created_at,
      headSha: data.head_sha,
      htmlUrl: data.html_url,
      workflowPath: data.path ?? null,
      workflowId: data.workflow_id,
      headBranch: data.head_branch ?? null,
      displayTitle: data.display_title,
    };
  } catch (error) {
    if (statusOf(error) === 404)
      throw usageError(
        `workflow run ${where.runId} was not found in ${where.owner}/${where.repo}: check \`run-id\` (the number in the run's URL).`,
      );
    throw error;
  }
}

/** Which of GitHub's limits the run hits, in words; the caller adds what GitHub said. */
export function explainDenial(run: RunFacts, now: Date): string {
  const ageDays = (now.getTime() - Date.parse(run.createdAt)) / DAY_MS;
  if (ageDays > RERUN_WINDOW_DAYS)
    return `run ${run.id} was created ${Math.floor(ageDays)} days ago (${run.createdAt}); GitHub re-runs a run only within ${RERUN_WINDOW_DAYS} days`;
  if (run.runAttempt >= MAX_RUN_ATTEMPTS)
    return `run ${run.id} is at attempt ${run.runAttempt}; GitHub allows at most ${MAX_RUN_ATTEMPTS} attempts`;
  if (run.status !== 'completed')
    return `run ${run.id} is still ${run.status ?? 'running'}; GitHub re-runs only a completed run`;
  if (run.conclusion === 'success')
    return `run ${run.id} concluded success on GitHub: it has no failed jobs to re-run`;
  return `GitHub refused to re-run run ${run.id}`;
}

/**
 * Asks GitHub to re-run the failed jobs of `run` (one POST, never retried: a repeated re-run request
 * is a second attempt). A 403 is a refusal: the 30-day window, the 50-attempt limit, a run still in
 * progress, or a token without `actions: write`. When the answer is lost (5xx, timeout) the run is
 * read again: a new attempt means GitHub took the request.
 */
export async function requestFailedJobsRerun(
  client: GitHubClient,
  where: RunLocation,
  run: RunFacts,
  now: Date,
): Promise<RerunRequest> {
  try {
    await client.rest.actions.reRunWorkflowFailedJobs({
      owner: where.owner,
      repo: where.repo,
      run_id: where.runId,
    });
  } catch (error) {
    const status = statusOf(error);
    // A rate limit the client waited out in vain is no refusal: nothing was decided about the run.
    if (status === 403 && !(error instanceof GitHubRateLimitError)) {
      // A missing `actions: write` is a refusal too; its message names the permission.
      const denial =
        error instanceof GitHubPermissionError
          ? error.message
          : `${explainDenial(run, now)} (GitHub answered 403: ${githubMessage(error)})`;
      return { accepted: false, denial, githubStatus: 403 };
    }
    const answerLost = status === undefined || status >= 500;
    if (answerLost) {
      const after = await readRun(client, where).catch(() => undefined);
      if (after && after.runAttempt > run.runAttempt) return { accepted: true, attempt: after.runAttempt };
    }
    throw new ReleaseGuardError(
      'rerun_failed',
      `the re-run request for run ${run.id} failed (${describeGitHubFailure(error)})${answerLost ? ' and no new attempt started' : ''}; nothing was re-run.`,
      { status: status ?? null },
    );
  }
  return { accepted: true, attempt: run.runAttempt + 1 };
}
