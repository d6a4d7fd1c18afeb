import type { RequestError } from '@octokit/request-error';

/**
 * How the client waits out GitHub's rate limits: `retry-after` is honoured; a
 * secondary limit without it waits `minWaitMs`, doubling on each further refusal; a spent primary
 * limit waits for `x-ratelimit-reset`. Waiting stops after `maxRetries` or when the next wait would
 * pass `maxTotalWaitMs`.
 */
export interface RateLimitPolicy {
  /** First wait for a secondary limit that gives no `retry-after`; GitHub asks for at least one minute. */
  minWaitMs: number;
  maxRetries: number;
  maxTotalWaitMs: number;
}

export const DEFAULT_RATE_LIMIT_POLICY: RateLimitPolicy = {
  minWaitMs: 60_000,
  maxRetries: 3,
  maxTotalWaitMs: 10 * 60_000,
};

export interface RateLimitWait {
  kind: 'primary' | 'secondary';
  waitMs: number;
}

/**
 * The wait this error asks for, or undefined when it is not a rate limit. `retry` counts the
 * rate-limit retries already made for this request.
 */
export function rateLimitWait(
  error: RequestError,
  retry: number,
  policy: RateLimitPolicy,
  nowMs: number,
): RateLimitWait | undefined {
  if (error.status !== 403 && error.status !== 429) return undefined;
  const headers = error.response?.headers ?? {};
  const remaining = headers['x-ratelimit-remaining'];
  const retryAfterHeader = headers['retry-after'];
  const primary = String(remaining) === '0';
  const secondary =
    !primary &&
    (/secondary rate limit/i.test(error.message) || error.status === 429 || retryAfterHeader !== undefined);
  if (!primary && !secondary) return undefined;
  const kind = primary ? 'primary' : 'secondary';

  const retryAfter = Number(retryAfterHeader);
  if (retryAfterHeader !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) {
    return { kind, waitMs: retryAfter * 1000 };
  }
  if (primary) {
    const reset = Number(headers['x-ratelimit-reset']);
    // One second past the reset, so the retry lands after it.
    const waitMs = Number.isFinite(reset) ? Math.max(reset * 1000 - nowMs, 0) + 1000 : policy.minWaitMs;
    return { kind, waitMs };
  }
  return { kind, waitMs: policy.minWaitMs * 2 ** retry };
}
