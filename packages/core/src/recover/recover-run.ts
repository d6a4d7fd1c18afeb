import path from 'node:path';
import { ReleaseGuardError } from '../errors';
import { assertActionNotFrozen } from '../freeze/gate';
import { loadManifest } from '../manifest/open-store';
import type { ManifestStore } from '../manifest/store';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { openActionManifestStore } from '../manifest/action-store';
import { failureRecordedAt } from '../manifest/history';
import { ManifestRecorder } from '../manifest/recorder';
import { manifestEntryKey, type ManifestEntry } from '../manifest/types';
import { safeText } from '../text/safe-text';
import { writeFileAtomic } from '../report/write-file-atomic';
import { claimRerun, previewClaim, type ClaimOptions } from './claim';
import { takeFallback, type FallbackOutcome } from './fallback';
import { checkRecoverInputs, type RecoverInputs } from './inputs';
import { recordableReason, redactCredentials } from './reason';
import {
  readRun,
  requestFailedJobsRerun,
  type RerunRequest,
  type RunFacts,
  type RunLocation,
} from './rerun-request';
import type { RecoverMetrics, RecoverResult, RecoverStatus } from './result';
import { renderRecoverMarkdown } from './summary';
import { lookUpUnrecordedRun, tagMismatch } from './unrecorded-run';
import { waitForAttempt, type AttemptOutcome } from './wait-for-attempt';

export interface RecoverRunDeps {
  /** A GitHub client (tests and the demo point it at the loopback server); built from the inputs otherwise. */
  client?: GitHubClient;
  now?: () => Date;
  /** Progress lines; every untrusted value in them is already escaped. */
  log?: (line: string) => void;
}

interface FinishContext {
  inputs: RecoverInputs;
  reason: string;
  record: ManifestRecorder;
  /** When the failure being recovered was recorded, for `rerun.time_to_resolution`. */
  failedAt: string | null;
  warnings: string[];
}

interface Ending {
  status: RecoverStatus;
  message: string;
  failed: boolean;
  newRunAttempt?: number | null;
  run?: RunFacts | null;
  fallback?: FallbackOutcome | null;
  /** The entry as read, when nothing was written (a refused claim). */
  entryRead?: ManifestEntry;
}

function describeFallback(fallback: FallbackOutcome): string {
  if (fallback.kind === 'none') return 'no fallback chosen';
  if (fallback.kind === 'retry-tag')
    return `a release steward must create tag ${safeText(JSON.stringify(fallback.tag))} on commit ${fallback.commit}`;
  if (!fallback.started) return `dispatching ${fallback.workflow} failed: ${safeText(fallback.error)}`;
  return `dispatched ${fallback.workflow} on ${safeText(fallback.ref)}${fallback.runId ? ` as run ${fallback.runId}` : ''}`;
}

/**
 * provenance-recover: claim the manifest entry of a failed run (compare-and-swap on
 * `rerun_in_progress`), ask GitHub to re-run its failed jobs, take the chosen fallback when GitHub
 * refuses, follow the new attempt, and record the outcome in the manifest and a JSON report.
 * Throws ReleaseGuardError('usage_error') for unusable inputs; every other outcome is in the result.
 */
/** What the steps share: the inputs, the GitHub client, the manifest writer, the run's address. */
interface RecoverContext {
  inputs: RecoverInputs;
  github: () => GitHubClient;
  log: (line: string) => void;
  now: () => Date;
  secrets: (string | undefined)[];
  reason: string;
  record: ManifestRecorder;
  store: ManifestStore;
  where: RunLocation;
  subject: string;
  /** Summary warnings that refuse nothing (a tag that does not match the run). */
  warnings: string[];
}

/** A GitHub or store error in one line, redacted and escaped. */
function whyOf(context: RecoverContext, error: unknown): string {
  return safeText(redactCredentials(error instanceof Error ? error.message : String(error), context.secrets));
}

/** Reads the run and asks GitHub to re-run its failed jobs; a failed request releases the claim. */
async function requestRerun(
  context: RecoverContext,
): Promise<{ run: RunFacts; request: RerunRequest } | Ending> {
  try {
    const run = await readRun(context.github(), context.where);
    return {
      run,
      request: await requestFailedJobsRerun(context.github(), context.where, run, context.now()),
    };
  } catch (error) {
    const why = whyOf(context, error);
    await context.record.record({ rerun_in_progress: false }, `re-run not started: ${why}`);
    if (error instanceof ReleaseGuardError && error.code === 'rerun_failed') {
      return {
        status: 'rerun-failed',
        message: `rerun_failed: ${why} The claim was released; dispatch provenance-recover again.`,
        failed: true,
      };
    }
    throw error;
  }
}

/** GitHub refused the re-run: take the caller's fallback and block the entry. */
async function fallBack(context: RecoverContext, run: RunFacts, denial: string): Promise<Ending> {
  const { inputs } = context;
  context.log(`GitHub refused the re-run: ${denial}`);
  const fallback = await takeFallback(context.github(), {
    fallback: inputs.fallback,
    tag: inputs.tag,
    releaseWorkflow: inputs.releaseWorkflow,
    where: context.where,
    run,
  });
  const taken = describeFallback(fallback);
  await context.record.record(
    { status: 'blocked', failure_reason: 'rerun_denied', requeue: false },
    `re-run denied: ${denial}; fallback: ${taken}`,
  );
  return {
    status: 'denied',
    message: `rerun_denied: ${denial}. Fallback: ${taken}.`,
    failed: true,
    run,
    fallback,
  };
}

/** Follows the new attempt to its end (or the time limit) and records success or blocked. */
async function follow(context: RecoverContext, run: RunFacts, attempt: number): Promise<Ending> {
  const { inputs, record, subject } = context;
  const started = { newRunAttempt: attempt, run };
  let outcome: AttemptOutcome;
  try {
    outcome = await waitForAttempt(context.github(), context.where, attempt, {
      intervalMs: inputs.pollIntervalSeconds * 1000,
      timeoutMs: inputs.timeoutMinutes * 60_000,
      onPoll: ({ status, waitMs }) =>
        context.log(
          `attempt ${attempt} is ${safeText(status)}; next check in ${Math.round(waitMs / 100) / 10} s`,
        ),
    });
  } catch (error) {
    return {
      status: 'rerun-started',
      message: `re-run attempt ${attempt} of run ${run.id} started, but it could not be followed: ${whyOf(context, error)}`,
      failed: true,
      ...started,
    };
  }
  if (!outcome.completed) {
    return {
      status: 'rerun-started',
      message: `re-run attempt ${attempt} of run ${run.id} is still ${safeText(outcome.status)} after ${inputs.timeoutMinutes} minutes (timeout-minutes); the manifest entry stays rerunning.`,
      failed: true,
      ...started,
    };
  }
  const conclusion = outcome.conclusion ?? 'none';
  if (conclusion === 'success') {
    await record.record(
      { status: 'success', failure_reason: null, requeue: false, run_attempt: attempt },
      `re-run attempt ${attempt} succeeded`,
    );
    return {
      status: 'rerun-succeeded',
      message: `re-run attempt ${attempt} of run ${run.id} succeeded; ${subject} is recorded as success.`,
      failed: false,
      ...started,
    };
  }
  await record.record(
    { status: 'blocked', failure_reason: 'rerun_failed', requeue: false, run_attempt: attempt },
    `re-run attempt ${attempt} failed again (conclusion ${safeText(conclusion)})`,
  );
  return {
    status: 'rerun-failed',
    message: `rerun_failed: re-run attempt ${attempt} of run ${run.id} ended ${safeText(conclusion)}; ${subject} is blocked.`,
    failed: true,
    ...started,
  };
}

/**
 * The release freeze refuses every way a recovery could ship (re-run, dispatch, a retry tag): the
 * refusal, noted in the entry's history when there is an entry; null when not frozen.
 */
async function freezeRefusal(context: RecoverContext): Promise<Ending | null> {
  const { inputs } = context;
  try {
    await assertActionNotFrozen(inputs, context.github(), {
      action: `re-running run ${inputs.runId} of ${safeText(inputs.tag)}`,
      tag: inputs.tag,
    });
    return null;
  } catch (error) {
    if (!(error instanceof ReleaseGuardError && error.code === 'release_frozen')) throw error;
    const message = `release_frozen: ${whyOf(context, error)}`;
    if (await entryExists(context)) await context.record.record({}, message);
    return { status: 'frozen', message, failed: true };
  }
}

async function entryExists(context: RecoverContext): Promise<boolean> {
  try {
    const manifest = await loadManifest(context.store);
    return manifest.entries.some((e) => e.tag === context.inputs.tag && e.run_id === context.inputs.runId);
  } catch {
    return false;
  }
}

/** The re-run runs: record it, then follow it unless told not to wait. */
async function rerunStarted(context: RecoverContext, run: RunFacts, attempt: number): Promise<Ending> {
  context.log(`GitHub accepted the re-run of the failed jobs of run ${run.id}: attempt ${attempt}`);
  await context.record.record(
    { status: 'rerunning', run_attempt: attempt },
    `re-run attempt ${attempt} started`,
  );
  if (context.inputs.wait) return follow(context, run, attempt);
  return {
    status: 'rerun-started',
    message: `re-run attempt ${attempt} of run ${run.id} started; not waiting for it (wait: false).`,
    failed: false,
    newRunAttempt: attempt,
    run,
  };
}

function contextOf(inputs: RecoverInputs, deps: RecoverRunDeps): RecoverContext {
  const now = deps.now ?? (() => new Date());
  let client = deps.client;
  const github = () => (client ??= createGitHubClient({ token: inputs.githubToken }));
  const store = openActionManifestStore(inputs, github);
  const secrets = [inputs.githubToken];
  const [owner, repo] = inputs.repository.split('/');
  return {
    inputs,
    github,
    log: deps.log ?? (() => undefined),
    now,
    secrets,
    reason: recordableReason(inputs.reason, secrets),
    record: new ManifestRecorder(store, { tag: inputs.tag, runId: inputs.runId, actor: inputs.actor }, now),
    store,
    where: { owner, repo, runId: Number(inputs.runId) },
    subject: manifestEntryKey({ tag: inputs.tag, run_id: inputs.runId }),
    warnings: [],
  };
}

/**
 * No entry for the run: ask GitHub about it. A failed release run gets its entry created with the
 * claim; a run that succeeded or is still running ends here with nothing written.
 */
async function unrecordedRun(
  context: RecoverContext,
): Promise<NonNullable<ClaimOptions['createMissing']> | Ending> {
  const { inputs } = context;
  const found = await lookUpUnrecordedRun(context.github(), context.where, {
    tag: inputs.tag,
    runId: inputs.runId,
    releaseWorkflow: inputs.releaseWorkflow,
    manifestLocation: context.record.location,
  });
  const mismatch = tagMismatch(found.run, inputs.tag);
  if (mismatch) context.warnings.push(mismatch);
  const { run } = found;
  const none = `no validation recorded ${context.subject}`;
  if (found.kind === 'succeeded')
    return {
      status: 'skipped',
      message: `skipped: ${none}, and run ${run.id} concluded success on GitHub: there is nothing to re-run.`,
      failed: false,
      run,
    };
  if (found.kind === 'running')
    return {
      status: 'denied',
      message: `rerun_denied: ${none}, and run ${run.id} is still ${safeText(run.status ?? 'running')} on GitHub: wait for it to finish, then dispatch provenance-recover again if it failed. Nothing was recorded or re-run.`,
      failed: true,
      run,
    };
  context.log(
    `${none}; run ${run.id} concluded ${safeText(run.conclusion ?? 'none')}: recording it with the claim`,
  );
  return found.createMissing;
}

/**
 * provenance-recover: claim the manifest entry of a failed run (compare-and-swap on
 * `rerun_in_progress`), ask GitHub to re-run its failed jobs, take the chosen fallback when GitHub
 * refuses, follow the new attempt, and record the outcome in the manifest and a JSON report.
 * A run the manifest has no entry for is read from GitHub first (see `unrecordedRun`).
 * Throws ReleaseGuardError('usage_error') for unusable inputs; every other outcome is in the result.
 * Steps: preview → (unrecorded run) → freeze → claim → request the re-run → fall back, or follow → finish.
 */
export async function recoverRun(inputs: RecoverInputs, deps: RecoverRunDeps = {}): Promise<RecoverResult> {
  checkRecoverInputs(inputs);
  const context = contextOf(inputs, deps);
  const { store, record, reason, now, secrets } = context;
  const claimOptions: ClaimOptions = {
    tag: inputs.tag,
    runId: inputs.runId,
    actor: inputs.actor,
    note: `re-run requested by ${inputs.actor}: ${reason}`,
    manifestHint: inputs.manifestPath,
    now,
  };
  const unclaimed = { inputs, reason, record, failedAt: null, warnings: context.warnings };
  const skip = (refused: { entry: ManifestEntry; message: string }) =>
    finish(unclaimed, {
      status: 'skipped',
      message: `skipped: ${refused.message}`,
      failed: false,
      entryRead: refused.entry,
    });

  // A skip needs no freeze check (it changes nothing); anything else checks it before the claim, so
  // a frozen release leaves no entry requeued.
  const preview = await previewClaim(store, claimOptions);
  if (preview.kind === 'refused') return skip(preview.refused);
  if (preview.kind === 'missing') {
    const missing = await unrecordedRun(context);
    if ('status' in missing) return finish(unclaimed, missing);
    claimOptions.createMissing = missing;
  }
  const frozen = await freezeRefusal(context);
  if (frozen) return finish(unclaimed, frozen);
  const claim = await claimRerun(store, claimOptions);
  if (!claim.claimed) return skip(claim);
  record.add(claim.update);
  context.log(`claimed ${context.subject} for a re-run (rerun_in_progress set in ${record.location})`);
  const finishing = { ...unclaimed, failedAt: failureRecordedAt(claim.update.entry) };

  const requested = await requestRerun(context);
  if ('status' in requested) return finish(finishing, requested);
  const { run, request } = requested;
  const ending = request.accepted
    ? await rerunStarted(context, run, request.attempt)
    : await fallBack(context, run, safeText(redactCredentials(request.denial, secrets)));
  return finish(finishing, ending);
}

function metricsOf(ending: Ending, context: FinishContext, entry: ManifestEntry | null): RecoverMetrics {
  const { record, failedAt } = context;
  const attempts = ending.newRunAttempt ?? ending.run?.runAttempt ?? entry?.run_attempt ?? 1;
  const metrics: RecoverMetrics = {
    'security_ci.re_run_count': attempts - 1,
    ...record.metrics,
  };
  if (ending.status === 'rerun-succeeded') metrics['rerun.success_rate'] = 1;
  // A failed re-run request ran nothing: it counts for neither rate.
  if (
    (ending.status === 'denied' && ending.fallback) ||
    (ending.status === 'rerun-failed' && ending.newRunAttempt)
  )
    metrics['rerun.success_rate'] = 0;
  const final = record.entry;
  if (failedAt !== null && final !== null && (final.status === 'success' || final.status === 'blocked')) {
    metrics['rerun.time_to_resolution'] = Math.max(
      0,
      Math.round((Date.parse(final.updated_at) - Date.parse(failedAt)) / 1000),
    );
  }
  if (ending.status !== 'skipped') {
    const fallback = ending.fallback;
    const automated = ending.status !== 'denied' || (fallback?.kind === 'dispatch' && fallback.started);
    metrics['rerun.automated_vs_manual'] = automated ? 'automated' : 'manual';
  }
  return metrics;
}

async function finish(context: FinishContext, ending: Ending): Promise<RecoverResult> {
  const { inputs, reason, record } = context;
  const entry = record.entry ?? ending.entryRead ?? null;
  const partial: Omit<RecoverResult, 'summary'> = {
    status: ending.status,
    failureReason:
      ending.status === 'denied'
        ? 'rerun_denied'
        : ending.status === 'rerun-failed'
          ? 'rerun_failed'
          : ending.status === 'frozen'
            ? 'release_frozen'
            : null,
    message: record.problem
      ? `${ending.message} The manifest does not show it: ${safeText(record.problem)}`
      : ending.message,
    failed: ending.failed || record.problem !== null,
    newRunAttempt: ending.newRunAttempt ?? null,
    run: ending.run ?? null,
    fallback: ending.fallback ?? null,
    reason,
    warnings: context.warnings,
    manifest: { location: record.location, entry, problem: record.problem },
    metrics: metricsOf(ending, context, entry),
    reportPath: path.resolve(
      inputs.workspace,
      inputs.reportPath ?? path.join(inputs.tempDir, `provenance-recover-${inputs.runId}.json`),
    ),
  };
  const report = {
    tag: inputs.tag,
    run_id: inputs.runId,
    status: partial.status,
    failure_reason: partial.failureReason,
    message: partial.message,
    reason,
    requested_by: inputs.actor,
    new_run_attempt: partial.newRunAttempt,
    run: partial.run,
    fallback: partial.fallback,
    warnings: partial.warnings,
    manifest: {
      location: record.location,
      status: entry?.status ?? null,
      rerun_in_progress: entry?.rerun_in_progress ?? null,
      problem: record.problem,
    },
    metrics: partial.metrics,
  };
  await writeFileAtomic(partial.reportPath, `${JSON.stringify(report, null, 2)}\n`);
  return {
    ...partial,
    summary: renderRecoverMarkdown(partial, { tag: inputs.tag, runId: inputs.runId, actor: inputs.actor }),
  };
}
