import { postToEdgeFunction } from '../../edge/edge-function-client';
import { safeText } from '../../text/safe-text';
import { parseRetryAfter } from './delivery-policy';
import type { CallResult } from './delivery-attempt';

/** The query the ops notify function expects. */
export const OPS_NOTIFY_QUERY = { range: 'latest', source: 'provenance-validate' } as const;

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
  query: Readonly<Record<string, string>> = OPS_NOTIFY_QUERY,
): Promise<CallResult> {
  const answer = await postToEdgeFunction({ url, query, token, payload, timeoutMs });
  if (answer.failure) {
    const { kind, detail } = answer.failure;
    return { outcome: kind === 'timeout' ? 'timeout' : 'network_error', status: answer.status, detail };
  }
  const { status, body } = answer;
  if (status < 200 || status >= 300) {
    return {
      outcome: 'http_error',
      status,
      detail: `the ops notify function answered HTTP ${status}`,
      retryAfterMs: parseRetryAfter(answer.retryAfter, Date.now()),
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {
      outcome: 'invalid_answer',
      status,
      detail: `the ops notify function answered HTTP ${status} with a body that is not JSON (${safeText(body.slice(0, 40))}…), not {"delivered": bool}`,
    };
  }
  const delivered = (parsed as { delivered?: unknown } | null)?.delivered;
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
}
