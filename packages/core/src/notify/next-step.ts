import type { FailureCode } from '../errors';
import { shellQuote } from '../text/shell-quote';

/** The workflow file on-call dispatches unless `recover-workflow` names another. */
export const DEFAULT_RECOVER_WORKFLOW = 'provenance-recover.yml';

/**
 * Failures a second attempt of the same run can cure: the files or the provenance were not there to
 * check. A null code means the failing job stopped before it gave one (cancelled, timed out).
 */
const RERUNNABLE: ReadonlySet<FailureCode | null> = new Set<FailureCode | null>([
  'artifact_missing',
  'provenance_missing',
  null,
]);

/** What on-call does next, as the issue and the Slack message show it. */
export type NextStep =
  | {
      kind: 'recover';
      /** The `gh workflow run …` line, every value single-quoted for a POSIX shell. */
      command: string;
      /** The `reason` the line passes; on-call may edit it before running the line. */
      reason: string;
      /** The recover workflow's file and its page on GitHub (where "Run workflow" is). */
      workflow: string;
      workflowUrl: string;
    }
  | {
      kind: 'investigate';
      /** Where the validation report is: the failed run's page and job summary. */
      reportUrl: string;
    };

export interface NextStepFacts {
  serverUrl: string;
  repository: string;
  runId: string;
  tag: string;
  failureReason: FailureCode | null;
  /** A failure reason that is not a failure code: nothing says a re-run would cure it. */
  unknownFailureReason?: string;
  runUrl: string;
  recoverWorkflow: string;
}

/** `--repo` as gh takes it: `OWNER/REPO` on github.com, `HOST/OWNER/REPO` on GitHub Enterprise Server. */
function ghRepository(serverUrl: string, repository: string): string {
  const host = new URL(serverUrl).host;
  return host === 'github.com' ? repository : `${host}/${repository}`;
}

/** The re-run line for a failure a re-run can cure, or "investigate" with the report for any other. */
export function nextStep(facts: NextStepFacts): NextStep {
  if (!RERUNNABLE.has(facts.failureReason) || facts.unknownFailureReason !== undefined)
    return { kind: 'investigate', reportUrl: facts.runUrl };
  const reason = `re-run after ${facts.failureReason ?? 'a run that gave no failure code'} (release-guard alert for run ${facts.runId})`;
  const command = [
    'gh workflow run',
    shellQuote(facts.recoverWorkflow),
    `--repo ${shellQuote(ghRepository(facts.serverUrl, facts.repository))}`,
    `-f run_id=${shellQuote(facts.runId)}`,
    `-f tag=${shellQuote(facts.tag)}`,
    `-f reason=${shellQuote(reason)}`,
  ].join(' ');
  return {
    kind: 'recover',
    command,
    reason,
    workflow: facts.recoverWorkflow,
    workflowUrl: `${facts.serverUrl.replace(/\/+$/, '')}/${facts.repository}/actions/workflows/${encodeURIComponent(facts.recoverWorkflow)}`,
  };
}

/** Why a re-run is not the answer, in the runbook's words. */
export const INVESTIGATE_TEXT = 'Investigate; do not re-run or publish this release.';
