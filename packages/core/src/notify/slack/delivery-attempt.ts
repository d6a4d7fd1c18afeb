/** The two ways a notification reaches Slack, and the two ways the escalation reaches the ops summary. */
export type SlackRoute = 'slack-webhook' | 'ops-notify' | 'ops-summary' | 'ops-summary-webhook';

export type DeliveryOutcome =
  /** Slack took it (webhook 2xx, or the ops function answered `delivered: true`). */
  | 'delivered'
  /** The ops function answered `delivered: false`. */
  | 'declined'
  | 'http_error'
  /** No answer within the time limit. */
  | 'timeout'
  /** Refused or cut connection, DNS failure, redirect. */
  | 'network_error'
  /** A 2xx whose body is not `{"delivered": bool}` (ops function only). */
  | 'invalid_answer';

/** One call to a Slack route. `detail` is in our words and never holds the URL or a token. */
export interface DeliveryAttempt {
  route: SlackRoute;
  attempt: number;
  outcome: DeliveryOutcome;
  status: number | null;
  detail: string;
  durationMs: number;
  /** Retry-After of the answer, in milliseconds. */
  retryAfterMs?: number;
}

/** What one call returns before it is numbered. */
export type CallResult = Omit<DeliveryAttempt, 'route' | 'attempt' | 'durationMs'>;

/** Classifies an error thrown by fetch (or wrapped by @slack/webhook) without quoting it: it may hold the URL. */
export function describeCallError(error: unknown, timeoutMs: number): CallResult {
  const original = (error as { original?: unknown }).original ?? error;
  const name = (original as Error | undefined)?.name;
  // @slack/webhook re-wraps an error from another realm (a DOMException) as `new Error(String(error))`.
  const message = String((original as Error | undefined)?.message ?? '');
  if (name === 'TimeoutError' || name === 'AbortError' || /^(TimeoutError|AbortError)\b/.test(message)) {
    return { outcome: 'timeout', status: null, detail: `no answer within ${timeoutMs} ms` };
  }
  const cause = (original as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' && /^[A-Z_]+$/.test(cause.code) ? ` (${cause.code})` : '';
  return { outcome: 'network_error', status: null, detail: `could not be reached${code}` };
}
