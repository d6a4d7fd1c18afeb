import { posix } from 'node:path';
import { InputError, usageError } from '../errors';
import type { GitHubClient } from '../github/client';
import { manifestEntryKey } from '../manifest/types';
import { safeText } from '../text/safe-text';
import type { ClaimOptions } from './claim';
import { readRun, type RunFacts, type RunLocation } from './rerun-request';

/** Conclusions of a run that ended before a validation recorded it, and that a re-run may fix. */
export const UNRECORDED_FAILURES = ['failure', 'cancelled', 'timed_out', 'startup_failure'] as const;

/** What GitHub says about a run the manifest has no entry for. */
export type UnrecordedRun =
  | { kind: 'failed'; run: RunFacts; createMissing: NonNullable<ClaimOptions['createMissing']> }
  | { kind: 'succeeded'; run: RunFacts }
  | { kind: 'running'; run: RunFacts };

export interface UnrecordedRunOptions {
  tag: string;
  runId: string;
  releaseWorkflow?: string;
  /** Where the manifest is, for the message that says the entry is missing. */
  manifestLocation: string;
}

/** True when the run belongs to the release workflow, named by file (`release.yml`) or by id. */
export function isReleaseWorkflowRun(run: RunFacts, releaseWorkflow: string): boolean {
  if (/^[0-9]+$/.test(releaseWorkflow)) return run.workflowId === Number(releaseWorkflow);
  // A run's path may carry the ref it was read at (`.github/workflows/release.yml@refs/heads/main`).
  const file = (run.workflowPath ?? '').split('@')[0];
  return posix.dirname(file) === '.github/workflows' && posix.basename(file) === releaseWorkflow;
}

/**
 * A warning when `tag` is neither the run's head branch (a tag push runs on the tag) nor in its
 * title; null when it matches. Never a refusal: the on-call names the entry, GitHub names the run.
 */
export function tagMismatch(run: RunFacts, tag: string): string | null {
  if (run.headBranch === tag || run.displayTitle.includes(tag)) return null;
  return (
    `tag ${safeText(JSON.stringify(tag))} matches neither the head branch of run ${run.id} ` +
    `(${safeText(JSON.stringify(run.headBranch))}) nor its title (${safeText(JSON.stringify(run.displayTitle))}); ` +
    'the manifest entry is recorded under the tag and run id given. Check `tag` if that is not the release.'
  );
}

/**
 * Asks GitHub about a run the manifest has no entry for (the validation never ran, the manifest is
 * new, or a validation was cancelled before it wrote). Only a run of the release workflow is taken:
 * no other workflow's run is re-run under a release tag. Throws a usage error (exit 2) without
 * `release-workflow`, for an unknown run (404), another workflow's run, or a conclusion that is no
 * failure to recover.
 */
export async function lookUpUnrecordedRun(
  client: GitHubClient,
  where: RunLocation,
  options: UnrecordedRunOptions,
): Promise<UnrecordedRun> {
  const key = manifestEntryKey({ tag: options.tag, run_id: options.runId });
  const releaseWorkflow = options.releaseWorkflow;
  if (releaseWorkflow === undefined)
    throw new InputError(
      'release-workflow',
      `is required when the manifest ${options.manifestLocation} has no entry for ${key}: ` +
        'the run is then read from GitHub and re-run only if it is a run of the release workflow (e.g. release.yml)',
    );
  const run = await readRun(client, where);
  if (!isReleaseWorkflowRun(run, releaseWorkflow))
    throw usageError(
      `run ${run.id} of ${where.owner}/${where.repo} is a run of ${safeText(run.workflowPath ?? `workflow ${run.workflowId}`)}, ` +
        `not of the release workflow ${safeText(releaseWorkflow)}, and the manifest has no entry for ${key}: ` +
        'only a release run is re-run under a release tag. Check `run-id` and `release-workflow`.',
    );
  if (run.status !== 'completed') return { kind: 'running', run };
  if (run.conclusion === 'success') return { kind: 'succeeded', run };
  const conclusion = run.conclusion ?? 'none';
  if (!(UNRECORDED_FAILURES as readonly string[]).includes(conclusion))
    throw usageError(
      `run ${run.id} concluded ${safeText(conclusion)} and the manifest has no entry for ${key}: ` +
        `there is no failure to recover (re-runnable: ${UNRECORDED_FAILURES.join(', ')}).`,
    );
  return {
    kind: 'failed',
    run,
    createMissing: {
      set: { status: 'failure', failure_reason: 'provenance_missing', artifact_url: run.htmlUrl },
      note: `recorded by provenance-recover: no validation had recorded this run; run concluded ${safeText(conclusion)}`,
    },
  };
}
