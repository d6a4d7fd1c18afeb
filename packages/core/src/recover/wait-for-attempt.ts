import { setTimeout as sleep } from 'node:timers/promises';
import type { GitHubClient } from '../github/client';
import type { RunLocation } from './rerun-request';

export interface AttemptWaitOptions {
  /** First wait between two polls; each later wait is half as long again, up to 8× this. */
  intervalMs: number;
  /** Stop following the attempt after this long. */
  timeoutMs: number;
  /** Told about every poll that found the attempt still running. */
  onPoll?: (poll: { status: string; waitMs: number; polls: number }) => void;
}

export type AttemptOutcome =
  | { completed: true; conclusion: string | null; polls: number; htmlUrl: string }
  | { completed: false; status: string; polls: number; waitedMs: number };

const GROWTH = 1.5;
const MAX_FACTOR = 8;

/** The wait before poll `n + 1` (n ≥ 1): intervalMs · 1.5^(n-1), capped at 8 · intervalMs. */
export function pollDelayMs(intervalMs: number, polls: number): number {
  return Math.min(intervalMs * GROWTH ** (polls - 1), intervalMs * MAX_FACTOR);
}

/**
 * Polls one attempt of a run until it completes or the time is up. Read errors are not caught: the
 * client already retried them, and a run that cannot be read cannot be followed.
 */
export async function waitForAttempt(
  client: GitHubClient,
  where: RunLocation,
  attempt: number,
  options: AttemptWaitOptions,
): Promise<AttemptOutcome> {
  const started = Date.now();
  for (let polls = 1; ; polls++) {
    const { data } = await client.rest.actions.getWorkflowRunAttempt({
      owner: where.owner,
      repo: where.repo,
      run_id: where.runId,
      attempt_number: attempt,
    });
    if (data.status === 'completed')
      return { completed: true, conclusion: data.conclusion, polls, htmlUrl: data.html_url };
    const status = data.status ?? 'unknown';
    const left = options.timeoutMs - (Date.now() - started);
    if (left <= 0) return { completed: false, status, polls, waitedMs: Date.now() - started };
    const waitMs = Math.min(pollDelayMs(options.intervalMs, polls), left);
    options.onPoll?.({ status, waitMs, polls });
    await sleep(waitMs);
  }
}
