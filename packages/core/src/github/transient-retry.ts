import { setTimeout as sleep } from 'node:timers/promises';
import { describeAnswer, isTransient } from './release-asset-error';

export interface TransientRetryOptions {
  /** Retries after a 5xx, a timeout or a lost connection (default 3). */
  retries?: number;
  /** Backoff unit: retry n waits n² × this (default 1 s), as the GitHub client does. */
  retryDelayMs?: number;
  /** Told of each retry, with GitHub's answer (never a header). */
  log?: (message: string) => void;
}

/**
 * Runs `attempt` again after a transient failure, with backoff, for a request the GitHub client does
 * not retry by itself (a POST, or a body that is a stream and cannot be replayed). `beforeRetry` is
 * where a caller finds out whether a lost answer's request took effect; it may return a result,
 * which ends the retries.
 */
export async function retryTransient<T>(
  what: string,
  attempt: () => Promise<T>,
  options: TransientRetryOptions & { beforeRetry?: () => Promise<T | undefined> } = {},
): Promise<T> {
  const retries = options.retries ?? 3;
  const unit = options.retryDelayMs ?? 1000;
  for (let retry = 0; ; retry++) {
    try {
      if (retry > 0 && options.beforeRetry) {
        const settled = await options.beforeRetry();
        if (settled !== undefined) return settled;
      }
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || retry >= retries) throw error;
      options.log?.(`${what}: ${describeAnswer(error)}; retry ${retry + 1} of ${retries}`);
      await sleep((retry + 1) ** 2 * unit);
    }
  }
}
