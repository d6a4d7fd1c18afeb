/** A JSON POST to a Supabase edge function (the KPI ingest, the ops notify relay). */
export interface EdgeFunctionRequest {
  url: string;
  /** Query parameters set on the URL; the URL's other parameters are kept. */
  query?: Readonly<Record<string, string>>;
  /** Sent as `Authorization: Bearer` and as `apikey`, which Supabase's gateway wants too. */
  token: string;
  payload: unknown;
  /** Time limit of the whole call, answer body included. */
  timeoutMs: number;
}

export interface EdgeFunctionFailure {
  kind: 'timeout' | 'redirect' | 'unreachable';
  /** In our words: never the URL (its query or credentials may be secret) or the token. */
  detail: string;
}

/** What came back: the whole answer, an answer cut off after its status, or no answer. */
export type EdgeFunctionAnswer =
  | { status: number; body: string; retryAfter: string | null; failure: null }
  | { status: number; body: null; retryAfter: string | null; failure: EdgeFunctionFailure }
  | { status: null; body: null; retryAfter: null; failure: EdgeFunctionFailure };

/** Classifies an error from fetch without quoting it: its message or cause may hold the URL. */
function describeFailure(error: unknown, timeoutMs: number): EdgeFunctionFailure {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { kind: 'timeout', detail: `no answer within ${timeoutMs} ms` };
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  // fetch's refusal of a redirect is a bare "fetch failed" TypeError; only its cause says why. Should
  // that wording change, a redirect reads as unreachable: still not delivered, and still not followed.
  if (cause?.message === 'unexpected redirect') {
    return { kind: 'redirect', detail: 'answered with a redirect, which is not followed' };
  }
  const code = typeof cause?.code === 'string' && /^[A-Z_]+$/.test(cause.code) ? ` (${cause.code})` : '';
  return { kind: 'unreachable', detail: `could not be reached${code}` };
}

/**
 * Posts JSON to an edge function. Never throws: every problem comes back as `failure`. Redirects are
 * refused, not followed: a followed redirect would carry the `apikey` header to whatever host the
 * Location names (fetch drops only `Authorization` across origins).
 */
export async function postToEdgeFunction(request: EdgeFunctionRequest): Promise<EdgeFunctionAnswer> {
  let answered: { status: number; retryAfter: string | null } | undefined;
  try {
    const target = new URL(request.url);
    for (const [name, value] of Object.entries(request.query ?? {})) target.searchParams.set(name, value);
    const response = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${request.token}`,
        apikey: request.token,
      },
      body: JSON.stringify(request.payload),
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    answered = { status: response.status, retryAfter: response.headers.get('retry-after') };
    return { ...answered, body: await response.text(), failure: null };
  } catch (error) {
    const failure = describeFailure(error, request.timeoutMs);
    return answered
      ? { ...answered, body: null, failure }
      : { status: null, body: null, retryAfter: null, failure };
  }
}
