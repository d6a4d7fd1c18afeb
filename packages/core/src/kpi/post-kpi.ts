import { postToEdgeFunction, type EdgeFunctionFailure } from '../edge/edge-function-client';
import { InputError, type FailureCode } from '../errors';

/** What the KPI endpoint (a Supabase edge function, `/functions/v1/provenance-validate`) receives. */
export interface KpiPayload {
  tag: string;
  run_id: string;
  status: 'success' | 'failure';
  verified_at?: string;
  failure_reason?: FailureCode;
  metrics?: Record<string, number | boolean>;
}

/** The `kpi-url` / `kpi-token` inputs of an action that posts to the KPI endpoint. */
export interface KpiInputs {
  kpiUrl?: string;
  kpiToken?: string;
}

/** Both or neither: a URL without its token (or the reverse) could only fail later. */
export function checkKpiInputs(inputs: KpiInputs): void {
  if ((inputs.kpiUrl === undefined) !== (inputs.kpiToken === undefined))
    throw new InputError('kpi-url', 'and `kpi-token` go together');
}

export interface KpiResult {
  /** `security_ci.kpi_ingest_success`. */
  delivered: boolean;
  status: number | null;
  /** Why it was not delivered, without the token or the URL's secrets. */
  error: string | null;
  attempts: number;
}

export interface KpiOptions {
  url: string;
  token: string;
  timeoutMs?: number;
  /** Tries for a 5xx or a network error; 4xx are not retried. */
  attempts?: number;
  retryDelayMs?: number;
}

const FAILURE_WORDS: Record<EdgeFunctionFailure['kind'], string> = {
  timeout: 'timed out',
  unreachable: 'could not be reached',
  redirect: 'answered with a redirect, which is not followed',
};

/**
 * Posts the KPI record through the edge-function client. A KPI outage must never fail a release job:
 * every problem is returned, not thrown. A 2xx counts as delivered even if its body is cut off.
 */
export async function postKpi(payload: KpiPayload, options: KpiOptions): Promise<KpiResult> {
  const attempts = options.attempts ?? 2;
  let last: KpiResult = { delivered: false, status: null, error: 'not sent', attempts: 0 };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const answer = await postToEdgeFunction({
      url: options.url,
      token: options.token,
      payload,
      timeoutMs: options.timeoutMs ?? 10_000,
    });
    const { status } = answer;
    if (status === null) {
      const { kind } = answer.failure;
      last = { delivered: false, status, error: `KPI endpoint ${FAILURE_WORDS[kind]}`, attempts: attempt };
      // A redirect is the endpoint's settled answer, not an outage: asking again changes nothing.
      if (kind === 'redirect') return last;
    } else if (status >= 200 && status < 300) {
      return { delivered: true, status, error: null, attempts: attempt };
    } else {
      last = { delivered: false, status, error: `KPI endpoint answered HTTP ${status}`, attempts: attempt };
      if (status < 500) return last;
    }
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 1000));
  }
  return last;
}
