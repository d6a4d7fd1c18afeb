import type { FailureCode } from '../errors';

/** What the KPI endpoint (a Supabase edge function, `/functions/v1/provenance-validate`) receives. */
export interface KpiPayload {
  tag: string;
  run_id: string;
  status: 'success' | 'failure';
  verified_at?: string;
  failure_reason?: FailureCode;
  metrics?: Record<string, number | boolean>;
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

/**
 * Posts the KPI record with `Authorization: Bearer` and `apikey` (what Supabase edge functions
 * expect). A KPI outage must never fail a release job: every problem is returned, not thrown.
 */
export async function postKpi(payload: KpiPayload, options: KpiOptions): Promise<KpiResult> {
  const attempts = options.attempts ?? 2;
  let last: KpiResult = { delivered: false, status: null, error: 'not sent', attempts: 0 };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${options.token}`,
          apikey: options.token,
        },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { delivered: true, status: response.status, error: null, attempts: attempt };
      last = {
        delivered: false,
        status: response.status,
        error: `KPI endpoint answered HTTP ${response.status}`,
        attempts: attempt,
      };
      if (response.status < 500) return last;
    } catch (error) {
      const name = (error as Error).name;
      const reason = name === 'TimeoutError' ? 'timed out' : 'could not be reached';
      last = { delivered: false, status: null, error: `KPI endpoint ${reason}`, attempts: attempt };
    }
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 1000));
  }
  return last;
}
