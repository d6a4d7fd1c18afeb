import type { FailureCode } from '../errors';
import type { ManifestEntry } from '../manifest/types';
import type { NextStep } from './next-step';

/** The facts every notification carries, whatever the channel. */
export interface FailureNotice {
  tag: string;
  runId: string;
  repository: string;
  failureReason: FailureCode | null;
  /** The run's page on GitHub. */
  runUrl: string;
  artifactUrl: string | null;
  runbookUrl: string | null;
  /** The manifest entry as this notifier found it, trimmed to what on-call needs. */
  manifest: ManifestSnippet | null;
  /** The re-run line for a failure a re-run can cure, else "investigate" with the report. */
  nextStep: NextStep;
}

export type ManifestSnippet = Pick<
  ManifestEntry,
  'tag' | 'run_id' | 'status' | 'failure_reason' | 'requeue' | 'notify_slack' | 'slack_retry' | 'issue_number'
> & { artifact_url: string | null };

export function manifestSnippet(entry: ManifestEntry): ManifestSnippet {
  return {
    tag: entry.tag,
    run_id: entry.run_id,
    status: entry.status,
    failure_reason: entry.failure_reason,
    requeue: entry.requeue,
    notify_slack: entry.notify_slack,
    slack_retry: entry.slack_retry,
    issue_number: entry.issue_number,
    artifact_url: entry.artifact_url,
  };
}

/** The run's page, as GitHub links it. */
export function runUrlOf(serverUrl: string, repository: string, runId: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
}

/** How a failure reason reads in messages: the code, or `unknown` when the failing job gave none. */
export function describeFailureReason(reason: FailureCode | null): string {
  return reason ?? 'unknown (the failing job gave no failure code)';
}
