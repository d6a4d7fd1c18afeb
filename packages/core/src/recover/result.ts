import type { FailureCode } from '../errors';
import type { ManifestEntry } from '../manifest/types';
import type { FallbackOutcome } from './fallback';
import type { RunFacts } from './rerun-request';

/**
 * The `status` output of provenance-recover:
 * - `rerun-succeeded`: the new attempt succeeded; the entry is success.
 * - `rerun-failed`: the new attempt failed (entry blocked), or the re-run request itself failed.
 * - `rerun-started`: the re-run is running and was not followed to its end (`wait: false`, or the timeout).
 * - `denied`: GitHub refused the re-run (entry blocked); the fallback was taken. Or a run the
 *   manifest has no entry for is still running: nothing recorded, no fallback.
 * - `skipped`: the entry already succeeded, or a re-run of it is in progress, or a run with no entry
 *   succeeded on GitHub; nothing was done.
 * - `frozen`: the release freeze is on; nothing was re-run, dispatched or named (`release_frozen`).
 */
export type RecoverStatus =
  'rerun-succeeded' | 'rerun-failed' | 'rerun-started' | 'denied' | 'skipped' | 'frozen';

/** The metrics of one recovery (names from the security-ci scenario). */
export interface RecoverMetrics {
  /** 1 when the re-run succeeded, 0 when it failed or was denied; absent when it did not end here. */
  'rerun.success_rate'?: number;
  /** Seconds from the recorded failure to the final status (success or blocked). */
  'rerun.time_to_resolution'?: number;
  /** `automated`: a re-run or a dispatched release carries the recovery; `manual`: a person must act. */
  'rerun.automated_vs_manual'?: 'automated' | 'manual';
  /** Re-runs of this run so far: its attempt number less one. */
  'security_ci.re_run_count': number;
  'governance.manifest_diff_count': number;
  'metrics.lock_wait_seconds': number;
}

export interface RecoverResult {
  status: RecoverStatus;
  failureReason: FailureCode | null;
  /** What happened, in one line with every untrusted value escaped: for the log and the annotation. */
  message: string;
  /** True when the job should fail: the run was not recovered, or its outcome could not be recorded. */
  failed: boolean;
  newRunAttempt: number | null;
  run: RunFacts | null;
  fallback: FallbackOutcome | null;
  /** The reason as recorded: secrets redacted, escaped. */
  reason: string;
  /** What refused nothing but deserves a look (a tag that does not match the run); escaped. */
  warnings: string[];
  manifest: { location: string; entry: ManifestEntry | null; problem: string | null };
  metrics: RecoverMetrics;
  reportPath: string;
  summary: string;
}

/** The action's outputs, by the names in its action.yml; empty strings for what does not apply. */
export function recoverOutputs(result: RecoverResult): Record<string, string> {
  const fallback = result.fallback;
  return {
    status: result.status,
    'new-run-attempt': result.newRunAttempt === null ? '' : String(result.newRunAttempt),
    'failure-reason': result.failureReason ?? '',
    'new-run-id': fallback?.kind === 'dispatch' && fallback.started ? (fallback.runId ?? '') : '',
    'retry-tag': fallback?.kind === 'retry-tag' ? fallback.tag : '',
    'report-path': result.reportPath,
  };
}
