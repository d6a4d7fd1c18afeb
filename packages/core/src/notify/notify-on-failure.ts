import { randomBytes } from 'node:crypto';
import { reportPathOf } from '../action/context';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { openActionManifestStore } from '../manifest/action-store';
import {
  failureDetectedAt,
  turnClaimNote,
  turnDoneNote,
  type Notified,
  type Turn,
} from '../manifest/history';
import { ManifestRecorder } from '../manifest/recorder';
import type { ManifestStore } from '../manifest/store';
import type { ManifestEntry, ManifestEntryChanges } from '../manifest/types';
import { redactSecrets, redactSecretsDeep } from '../text/redact-secrets';
import { writeFileAtomic } from '../report/write-file-atomic';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from './slack/delivery-policy';
import { failureChanges } from './failure-changes';
import { fileFallbackIssue, FallbackIssueError, type FallbackIssue } from './issue/fallback-issue';
import { checkNotifyInputs, notifySecrets, type NotifyInputs } from './inputs';
import { fallbackIssueBody, fallbackIssueLabels, fallbackIssueTitle } from './issue/issue-content';
import { ensureIssueLabels, type EnsuredLabels } from './issue/issue-labels';
import { describeFailureReason, manifestSnippet, runUrlOf, type FailureNotice } from './notification';
import { nextStep } from './next-step';
import { notifyMetrics, type NotifyMetrics } from './notify-metrics';
import { postKpi, type KpiResult } from '../kpi/post-kpi';
import { renderNotifySummary } from './notify-summary';
import type { SlackRoute } from './slack/delivery-attempt';
import {
  hasOpsSummaryRoute,
  opsSummaryText,
  postOpsSummary,
  type OpsSummaryResult,
} from './slack/ops-summary';
import { deliverToSlack, routeName, type SlackDeliveryResult } from './slack/slack-delivery';
import { waitForTurn } from './turn';

export interface NotifyOnFailureDeps {
  /** A GitHub client (tests point it at the loopback server); built from the inputs otherwise. */
  client?: GitHubClient;
  now?: () => Date;
  /** Waits of the Slack retries; attempts and time limit come from the inputs. */
  slackBackoffBaseMs?: number;
  slackMaxTotalWaitMs?: number;
  /** Wait before re-listing the issues after a failed create call (default 1 s). */
  issueRetryDelayMs?: number;
  /** How often a waiting notifier re-reads the manifest (default 500 ms; 2 s on a branch). */
  claimPollMs?: number;
}

export interface NotifyManifestResult {
  location: string;
  entry: ManifestEntry | null;
  /** Why the entry was not written as asked, or null. */
  problem: string | null;
}

/** Who was alerted, as the `notified` output says it: the turn protocol's words, or the ops summary. */
export type NotifiedOutput = Notified | 'ops-summary';

/** The escalation to the ops summary: when it was posted, or why not; `skipped` names an earlier one. */
export type Escalation = OpsSummaryResult & { at: string | null; skipped: string | null };

/** What one notifier did: the facts that the report, the job summary and the action outputs show. */
export interface NotifyFacts {
  notified: NotifiedOutput;
  slack: SlackDeliveryResult;
  /** The escalation when Slack and the issue both failed; null when there was none to make. */
  escalation: Escalation | null;
  issue: FallbackIssue | null;
  /** Why no issue could be filed when one was due. */
  issueError: string | null;
  /** The token lacks a permission to file the issue (the error names it). */
  permissionMissing: boolean;
  /** `notify_failed` with what to do, when nobody was alerted. */
  failure: { code: 'notify_failed'; message: string } | null;
  /** The claim of another notifier whose result this run took instead of alerting twice. */
  adoptedFrom: string | null;
  labels: EnsuredLabels | null;
  manifest: NotifyManifestResult;
  metrics: NotifyMetrics;
  /** The KPI post of the notify metrics, when `kpi-url` is given; null otherwise. */
  kpi: KpiResult | null;
  warnings: string[];
  reportPath: string;
}

export interface NotifyOnFailureResult extends NotifyFacts {
  summary: string;
}

/** What the steps share: the inputs, their secrets, the clients and the manifest writer. */
interface NotifyRun {
  inputs: NotifyInputs;
  deps: NotifyOnFailureDeps;
  now: () => Date;
  started: Date;
  redact: (text: string) => string;
  secrets: string[];
  warnings: string[];
  github: () => GitHubClient;
  policy: DeliveryPolicy;
  store: ManifestStore;
  recorder: ManifestRecorder;
  claimId: string;
  reasonText: string;
  /** The failure as the manifest records it, and the artifact's address (redacted). */
  failureSet: ManifestEntryChanges;
  artifactUrl: string | null;
}

/** What the alert step found or sent. */
interface Alert {
  slack: SlackDeliveryResult;
  issue: FallbackIssue | null;
  issueError: string | null;
  permissionMissing: boolean;
  labels: EnsuredLabels | null;
  adoptedFrom: string | null;
  escalation: Escalation | null;
  /** The entry as the alert saw it. */
  entry: ManifestEntry | null;
}

/**
 * How long one notifier may take with these inputs, calls and waits included: a claim older than
 * this without a `done` record belongs to a notifier that died.
 */
function notifierBudgetMs(inputs: NotifyInputs, policy: DeliveryPolicy): number {
  return inputs.timeoutMs * (inputs.slackAttempts * 2 + 12) + 2 * policy.maxTotalWaitMs;
}

function notifiedOf(alert: Alert): NotifiedOutput {
  if (alert.slack.delivered) return alert.issue ? 'both' : 'slack';
  if (alert.issue) return 'issue';
  return alert.escalation?.posted ? 'ops-summary' : 'none';
}

function knownIssue(run: NotifyRun, number: number): FallbackIssue {
  const url = `${run.inputs.serverUrl}/${run.inputs.repository}/issues/${number}`;
  return { number, url, source: 'manifest', createdAt: null, createAttempts: 0 };
}

function prepare(inputs: NotifyInputs, deps: NotifyOnFailureDeps): NotifyRun {
  const now = deps.now ?? (() => new Date());
  const secrets = notifySecrets(inputs);
  const redact = (text: string) => redactSecrets(text, secrets);
  const warnings: string[] = [];
  let client = deps.client;
  const github = () =>
    (client ??= createGitHubClient({
      token: inputs.githubToken,
      timeoutMs: inputs.timeoutMs,
      retries: 2,
      log: { warn: (message) => warnings.push(message) },
    }));
  // Built before anything is sent, so that an unusable GITHUB_API_URL stops the run here (exit 2).
  github();
  const store = openActionManifestStore(inputs, github);
  // The runner masks logs only: what goes into the manifest is redacted here.
  const artifactUrl = inputs.artifactUrl === undefined ? null : redact(inputs.artifactUrl);
  if (inputs.unknownFailureReason !== undefined) {
    warnings.push(
      `failure-reason ${JSON.stringify(inputs.unknownFailureReason)} is not a release-guard failure code; reported as unknown`,
    );
  }
  return {
    inputs,
    deps,
    now,
    started: now(),
    redact,
    secrets,
    warnings,
    github,
    policy: {
      ...DEFAULT_DELIVERY_POLICY,
      attempts: inputs.slackAttempts,
      timeoutMs: inputs.timeoutMs,
      ...(deps.slackBackoffBaseMs !== undefined ? { backoffBaseMs: deps.slackBackoffBaseMs } : {}),
      ...(deps.slackMaxTotalWaitMs !== undefined ? { maxTotalWaitMs: deps.slackMaxTotalWaitMs } : {}),
    },
    store,
    // The state machine wins over the notifier: an entry further along keeps its status.
    recorder: new ManifestRecorder(store, { tag: inputs.tag, runId: inputs.runId, actor: inputs.actor }, now),
    claimId: randomBytes(6).toString('hex'),
    reasonText: describeFailureReason(inputs.failureReason),
    failureSet: failureChanges(inputs.failureReason, artifactUrl),
    artifactUrl,
  };
}

/** Records the failure with this notifier's claim, then waits for its turn by the manifest's protocol. */
async function claimTurn(run: NotifyRun): Promise<Exclude<Turn, { kind: 'wait' }>> {
  const { inputs } = run;
  const claim = await run.recorder.record(
    run.failureSet,
    turnClaimNote(run.claimId, `alerting on-call to ${run.reasonText}`),
    { keepStatus: true },
  );
  if (claim.problem) run.warnings.push(`manifest: ${claim.problem}`);
  if (!claim.entry) return { kind: 'mine', entry: null };
  try {
    const turn = await waitForTurn(run.store, {
      tag: inputs.tag,
      runId: inputs.runId,
      now: run.now,
      claimId: run.claimId,
      staleAfterMs: notifierBudgetMs(inputs, run.policy),
      pollMs: run.deps.claimPollMs ?? (inputs.manifestBranch === undefined ? 500 : 2000),
    });
    return turn.kind === 'mine' && turn.entry === null ? { kind: 'mine', entry: claim.entry } : turn;
  } catch (error) {
    run.warnings.push(`manifest: could not check for another notifier: ${(error as Error).message}`);
    return { kind: 'mine', entry: claim.entry };
  }
}

/** Another notifier finished first and reached someone: take its result, send nothing. */
function adoptAlert(run: NotifyRun, turn: Extract<Turn, { kind: 'adopt' }>): Alert {
  const delivered = turn.notified !== 'issue';
  const number = turn.entry.issue_number;
  return {
    slack: {
      delivered,
      route: null,
      attempts: [],
      reason: delivered ? null : `another notifier (claim ${turn.by}) did not reach Slack`,
    },
    issue: number === null ? null : knownIssue(run, number),
    issueError: null,
    permissionMissing: false,
    labels: null,
    adoptedFrom: turn.by,
    escalation: null,
    entry: turn.entry,
  };
}

/** Slack first; when Slack is not reached, one issue per run (recorded, marked, or new). */
async function sendAlert(run: NotifyRun, entry: ManifestEntry | null): Promise<Alert> {
  const { inputs } = run;
  const [owner, repo] = inputs.repository.split('/');
  const runUrl = runUrlOf(inputs.serverUrl, inputs.repository, inputs.runId);
  const notice: FailureNotice = redactSecretsDeep(
    {
      tag: inputs.tag,
      runId: inputs.runId,
      repository: inputs.repository,
      failureReason: inputs.failureReason,
      runUrl,
      artifactUrl: run.artifactUrl ?? entry?.artifact_url ?? null,
      runbookUrl: inputs.runbookUrl ?? null,
      manifest: entry ? manifestSnippet(entry) : null,
      nextStep: nextStep({ ...inputs, runUrl }),
    },
    run.secrets,
  );
  const slack = await deliverToSlack(notice, inputs, run.policy);
  const known = entry?.issue_number ?? null;
  const alert: Alert = {
    slack,
    issue: null,
    issueError: null,
    permissionMissing: false,
    labels: null,
    adoptedFrom: null,
    escalation: null,
    entry,
  };
  if (slack.delivered) return { ...alert, issue: known === null ? null : knownIssue(run, known) };
  const issueLabels = fallbackIssueLabels(inputs.issueLabels, notice);
  if (known === null) {
    alert.labels = await ensureIssueLabels(run.github(), owner, repo, issueLabels);
    run.warnings.push(...alert.labels.problems);
  }
  try {
    alert.issue = await fileFallbackIssue(
      run.github(),
      {
        owner,
        repo,
        runId: inputs.runId,
        tag: inputs.tag,
        title: run.redact(fallbackIssueTitle(notice)),
        body: run.redact(fallbackIssueBody(notice, slack.reason)),
        labels: issueLabels,
        knownIssueNumber: known,
        issuesWebUrl: `${inputs.serverUrl}/${inputs.repository}/issues`,
      },
      { retryDelayMs: run.deps.issueRetryDelayMs },
    );
  } catch (error) {
    alert.issueError = run.redact((error as Error).message);
    alert.permissionMissing = error instanceof FallbackIssueError && error.permission;
    alert.escalation = await escalate(run, notice, alert.issueError, entry);
  }
  return alert;
}

/**
 * Slack was not reached and the issue could not be filed: one summary to the ops channel, unless an
 * earlier notifier of this run already posted one (`escalated_at`). Null when no route is configured.
 */
async function escalate(
  run: NotifyRun,
  notice: FailureNotice,
  issueError: string,
  entry: ManifestEntry | null,
): Promise<Escalation | null> {
  const routes = run.inputs;
  if (!hasOpsSummaryRoute(routes)) return null;
  const earlier = entry?.escalated_at ?? null;
  if (earlier !== null)
    return {
      posted: false,
      route: null,
      attempts: [],
      reason: null,
      at: null,
      skipped: `the ops summary was already posted for this run at ${earlier}; not posted again`,
    };
  const text = run.redact(opsSummaryText(notice, issueError, routes.opsTeamMention));
  const result = await postOpsSummary(text, notice, routes, run.policy);
  return { ...result, at: result.posted ? run.now().toISOString() : null, skipped: null };
}

function doneText(alert: Alert): string {
  if (alert.adoptedFrom !== null)
    return `another notifier (claim ${alert.adoptedFrom}) already alerted on-call for this run; nothing sent again`;
  const { slack, issue, issueError } = alert;
  const parts = [
    slack.delivered ? `Slack delivered via ${slack.route}` : `Slack not delivered (${slack.reason})`,
  ];
  if (issue) parts.push(`issue #${issue.number} (${issue.source})`);
  if (issueError) parts.push(`notify_failed: ${issueError}`);
  const escalation = alert.escalation;
  if (escalation?.posted)
    parts.push(
      `escalated to ops summary: issue creation failed: ${issueError} (posted via ${routeName(escalation.route as SlackRoute)})`,
    );
  else if (escalation?.skipped) parts.push(escalation.skipped);
  else if (escalation) parts.push(`ops summary not posted either (${escalation.reason})`);
  return parts.join('; ');
}

/** Records who was alerted (`done` of the protocol): Slack delivered or retried, the issue number. */
async function recordAlert(
  run: NotifyRun,
  alert: Alert,
  notified: NotifiedOutput,
): Promise<NotifyManifestResult> {
  const set: ManifestEntryChanges = { ...run.failureSet };
  if (alert.adoptedFrom === null) {
    if (alert.slack.delivered) set.notify_slack = true;
    else set.slack_retry = (alert.entry?.slack_retry ?? 0) + 1;
    if (alert.issue && (alert.entry?.issue_number ?? null) === null) set.issue_number = alert.issue.number;
    if (alert.escalation?.at) set.escalated_at = alert.escalation.at;
  }
  // The turn protocol knows slack, issue, both and none: an ops summary reached no on-call directly,
  // so a later notifier goes itself (and sees escalated_at).
  const protocol: Notified = notified === 'ops-summary' ? 'none' : notified;
  const note = run.redact(turnDoneNote(run.claimId, protocol, doneText(alert)));
  const record = await run.recorder.record(set, note, { keepStatus: true });
  if (record.problem && !record.entry) run.warnings.push(`manifest: ${record.problem}`);
  return {
    location: run.store.location,
    entry: record.entry,
    problem: record.problem ? run.redact(record.problem) : null,
  };
}

/** The facts of the run, redacted once; the report and the summary are both projected from them. */
function failureOf(run: NotifyRun, alert: Alert, notified: NotifiedOutput): NotifyFacts['failure'] {
  const { runId } = run.inputs;
  const slack = `Slack: ${alert.slack.reason}; issue: ${alert.issueError ?? 'not filed'}`;
  if (notified === 'ops-summary')
    return {
      code: 'notify_failed',
      message: `no GitHub issue was filed for run ${runId} and Slack was not reached (${slack}); the ops team was told in the ops summary. Fix the fallback's permission (issues: write) so the issue can be filed.`,
    };
  if (notified !== 'none') return null;
  const escalation = alert.escalation;
  const summary = escalation
    ? `; ops summary: ${escalation.skipped ?? escalation.reason ?? 'not posted'}`
    : '';
  return {
    code: 'notify_failed',
    message: `neither Slack nor a GitHub issue reached on-call for run ${runId}: ${slack}${summary}`,
  };
}

function factsOf(
  run: NotifyRun,
  alert: Alert,
  notified: NotifiedOutput,
  manifest: NotifyManifestResult,
): NotifyFacts {
  const { inputs } = run;
  const failure = failureOf(run, alert, notified);
  const metrics = notifyMetrics({
    slackDelivered: alert.slack.delivered,
    issueCreated: alert.issue?.source === 'created',
    issueFollowedUp: alert.issue !== null,
    issueCreatedAt: alert.issue?.createdAt ?? null,
    detectedAt: failureDetectedAt(manifest.entry ?? alert.entry, run.started),
    escalated: alert.escalation?.posted ?? false,
  });
  return redactSecretsDeep(
    {
      notified,
      slack: alert.slack,
      escalation: alert.escalation,
      issue: alert.issue,
      issueError: alert.issueError,
      permissionMissing: alert.permissionMissing,
      failure,
      adoptedFrom: alert.adoptedFrom,
      labels: alert.labels,
      manifest,
      metrics,
      kpi: null,
      warnings: run.warnings.map(run.redact),
      reportPath: reportPathOf(inputs, 'notify-on-failure'),
    },
    run.secrets,
  );
}

/**
 * Posts the notify metrics (`notify.failures`, `notify.escalations`, …) to the KPI endpoint, as
 * provenance-validate posts its own. An outage is a warning, never the job's failure.
 */
async function withKpi(run: NotifyRun, facts: NotifyFacts): Promise<NotifyFacts> {
  const { inputs } = run;
  if (!inputs.kpiUrl || !inputs.kpiToken) return facts;
  const kpi = await postKpi(
    {
      tag: inputs.tag,
      run_id: inputs.runId,
      status: 'failure',
      ...(inputs.failureReason === null ? {} : { failure_reason: inputs.failureReason }),
      // A metric with no value (no issue, so no issue latency) is left out rather than sent as null.
      metrics: Object.fromEntries(
        Object.entries(facts.metrics).filter((entry): entry is [string, number] => entry[1] !== null),
      ),
    },
    { url: inputs.kpiUrl, token: inputs.kpiToken, timeoutMs: inputs.timeoutMs },
  );
  const warnings = kpi.delivered
    ? facts.warnings
    : [...facts.warnings, `KPI not recorded: ${run.redact(kpi.error ?? '')}`];
  return { ...facts, kpi, warnings };
}

function notifyReport(inputs: NotifyInputs, facts: NotifyFacts) {
  const entry = facts.manifest.entry;
  return {
    tag: inputs.tag,
    run_id: inputs.runId,
    failure_reason: inputs.failureReason,
    notified: facts.notified,
    failure: facts.failure,
    adopted_from: facts.adoptedFrom,
    slack: facts.slack,
    issue: facts.issue,
    issue_error: facts.issueError,
    escalation: facts.escalation,
    labels: facts.labels,
    manifest: {
      location: facts.manifest.location,
      problem: facts.manifest.problem,
      status: entry?.status ?? null,
      issue_number: entry?.issue_number ?? null,
      notify_slack: entry?.notify_slack ?? null,
      slack_retry: entry?.slack_retry ?? null,
      escalated_at: entry?.escalated_at ?? null,
    },
    metrics: facts.metrics,
    kpi: facts.kpi,
    warnings: facts.warnings,
  };
}

/**
 * notify-on-failure: alert on-call to a failed release run. Slack first (incoming webhook, then the
 * ops notify function); when Slack is not reached, one GitHub issue per run (the manifest's
 * issue_number, then the hidden marker, then a new issue). Records the outcome in the manifest,
 * writes the JSON report and the job summary. Throws ReleaseGuardError('usage_error') for unusable
 * inputs; every other problem is in the result, and `failure` is set when nobody was alerted (or
 * only the ops summary was: when Slack and the issue both failed, one escalation goes there).
 * Steps: claim a turn → alert (or adopt another notifier's alert), escalate → record → facts.
 */
export async function notifyOnFailure(
  inputs: NotifyInputs,
  deps: NotifyOnFailureDeps = {},
): Promise<NotifyOnFailureResult> {
  checkNotifyInputs(inputs);
  const run = prepare(inputs, deps);
  const turn = await claimTurn(run);
  const alert = turn.kind === 'adopt' ? adoptAlert(run, turn) : await sendAlert(run, turn.entry);
  const notified = notifiedOf(alert);
  const manifest = await recordAlert(run, alert, notified);
  const facts = await withKpi(run, factsOf(run, alert, notified, manifest));
  await writeFileAtomic(facts.reportPath, `${JSON.stringify(notifyReport(inputs, facts), null, 2)}\n`);
  return { ...facts, summary: run.redact(renderNotifySummary(inputs, run.reasonText, facts)) };
}
