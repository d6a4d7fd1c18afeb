import { safeText } from '../report/safe-text';
import { parseRetryAfter } from './delivery-policy';
import { describeCallError, type CallResult } from './delivery-attempt';

/** The query the ops notify function expects (seed 003 §2). */
export const OPS_NOTIFY_QUERY = { range: 'latest', source: 'provenance-validate' } as const;

/** The function URL with `range=latest&source=provenance-validate` set, other parameters kept. */
export function opsNotifyRequestUrl(url: string): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(OPS_NOTIFY_QUERY)) target.searchParams.set(name, value);
  return target.toString();
}

/**
 * One post to the ops notify function (a Supabase edge function that relays to Slack): Bearer token
 * (and `apikey`, as Supabase's gateway wants), a time limit that covers the answer body, and an answer
 * that must be `{"delivered": bool}`. Never throws; errors are described without the URL or token.
 */
export async function postOpsNotify(
  url: string,
  token: string,
  payload: Record<string, unknown>,
  timeoutMs: number,
): Promise<CallResult> {
  let status: number | null = null;
  try {
    const response = await fetch(opsNotifyRequestUrl(url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        apikey: token,
      },
      body: JSON.stringify(payload),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    const body = await response.text();
    if (!response.ok) {
      return {
        outcome: 'http_error',
        status,
        detail: `the ops notify function answered HTTP ${status}`,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
      };
    }
    let answer: unknown;
    try {
      answer = JSON.parse(body);
    } catch {
      return {
        outcome: 'invalid_answer',
        status,
        detail: `the ops notify function answered HTTP ${status} with a body that is not JSON (${safeText(body.slice(0, 40))}…), not {"delivered": bool}`,
      };
    }
    const delivered = (answer as { delivered?: unknown } | null)?.delivered;
    if (typeof delivered !== 'boolean') {
      return {
        outcome: 'invalid_answer',
        status,
        detail: `the ops notify function answered HTTP ${status} without a boolean "delivered"`,
      };
    }
    return delivered
      ? { outcome: 'delivered', status, detail: 'the ops notify function answered delivered: true' }
      : { outcome: 'declined', status, detail: 'the ops notify function answered delivered: false' };
  } catch (error) {
    const described = describeCallError(error, timeoutMs);
    return status === null ? described : { ...described, status };
  }
}
