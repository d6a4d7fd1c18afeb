import { IncomingWebhook, type FetchFunction } from '@slack/webhook';
import { safeText } from '../../text/safe-text';
import { parseRetryAfter } from './delivery-policy';
import { describeCallError, type CallResult } from './delivery-attempt';

/** Slack's answer text (`ok`, `no_service`, `invalid_payload`…), short and on one line. */
function answerText(body: string): string {
  const text = safeText(body.trim()).slice(0, 100);
  return text === '' ? '' : `: ${text}`;
}

/**
 * One post to a Slack incoming webhook through @slack/webhook, with a time limit (the library has
 * none by default) and without its own retries (the caller's policy decides). The library's errors
 * are never passed on: they may carry the webhook URL. `sent` is given each request body as it goes
 * out, for a caller that checks what was actually delivered (the drill's redaction check).
 */
export async function postSlackWebhook(
  url: string,
  payload: { text: string },
  timeoutMs: number,
  sent?: (body: string) => void,
): Promise<CallResult> {
  let answer: { status: number; retryAfter: string | null } | null = null;
  // The library reports a failed status but not its headers; Retry-After is read here.
  const fetchFn: FetchFunction = async (target, init) => {
    if (sent && typeof init?.body === 'string') sent(init.body);
    const response = await fetch(target, init);
    answer = { status: response.status, retryAfter: response.headers.get('retry-after') };
    return response;
  };
  const webhook = new IncomingWebhook(url, {
    timeout: timeoutMs,
    retryConfig: { retries: 0 },
    fetch: fetchFn,
  });
  try {
    const result = await webhook.send(payload);
    const status = (answer as { status: number } | null)?.status ?? 200;
    return {
      outcome: 'delivered',
      status,
      detail: `Slack answered HTTP ${status}${answerText(result.text)}`,
    };
  } catch (error) {
    const httpError = error as { statusCode?: unknown; body?: unknown };
    if (typeof httpError.statusCode === 'number') {
      const got = answer as { retryAfter: string | null } | null;
      return {
        outcome: 'http_error',
        status: httpError.statusCode,
        detail: `Slack answered HTTP ${httpError.statusCode}${answerText(String(httpError.body ?? ''))}`,
        retryAfterMs: parseRetryAfter(got?.retryAfter, Date.now()),
      };
    }
    return describeCallError(error, timeoutMs);
  }
}
