/**
 * Which answers of Slack (or the ops notify function) are worth another try, and how long to wait
 *: only 429 and 5xx, honouring Retry-After when the answer has one. Every other answer is permanent and goes
 * straight to the issue fallback: 400 invalid_payload, 403 action_prohibited, 404 no_service,
 * 410 channel_is_archived, and any other 4xx. A timed-out or refused call is not retried either: a
 * post that timed out may have been delivered, and the issue fallback is the safe way on.
 */
export interface DeliveryPolicy {
  /** Tries of one route, the first included. */
  attempts: number;
  /** Time limit of each call. */
  timeoutMs: number;
  /** Wait before retry n after a 5xx: base · 2^(n-1). */
  backoffBaseMs: number;
  /** Total waiting allowed between tries; a Retry-After that would pass it ends the retries. */
  maxTotalWaitMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  attempts: 3,
  timeoutMs: 10_000,
  backoffBaseMs: 1000,
  maxTotalWaitMs: 60_000,
};

export function isRetriedStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Retry-After as seconds (or an HTTP date) → milliseconds; undefined when absent or unusable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^[0-9]+(\.[0-9]+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(date - nowMs, 0);
}

/**
 * How long to wait before try `attempt + 1` after try `attempt` answered `status`, or undefined
 * when there is no next try: not a retried status, no tries left, or the wait would pass the budget.
 */
export function retryWaitMs(
  policy: DeliveryPolicy,
  attempt: number,
  status: number,
  retryAfterMs: number | undefined,
  waitedMs: number,
): number | undefined {
  if (!isRetriedStatus(status) || attempt >= policy.attempts) return undefined;
  const wait = retryAfterMs ?? policy.backoffBaseMs * 2 ** (attempt - 1);
  return waitedMs + wait > policy.maxTotalWaitMs ? undefined : wait;
}
