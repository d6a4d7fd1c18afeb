import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { openActionManifestStore } from '../manifest/action-store';
import { ManifestRecorder } from '../manifest/recorder';
import type { ManifestEntry, ManifestEntryChanges } from '../manifest/types';
import { redactSecrets, redactSecretsDeep } from '../report/redact-secrets';
import { writeFileAtomic } from '../report/write-file-atomic';
import { claimNote, doneNote, waitForTurn, type Notified, type Turn } from './claim';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from './delivery-policy';
import { fileFallbackIssue, FallbackIssueError, type FallbackIssue } from './fallback-issue';
import { checkNotifyInputs, notifySecrets, type NotifyInputs } from './inputs';
import { fallbackIssueBody, fallbackIssueLabels, fallbackIssueTitle } from './issue-content';
import { ensureIssueLabels, type EnsuredLabels } from './issue-labels';
import { failureChanges } from './failure-changes';
import { describeFailureReason, manifestSnippet, runUrlOf, type FailureNotice } from './notification';
import { failureDetectedAt, notifyMetrics, type NotifyMetrics } from './notify-metrics';
import { renderNotifySummary } from './notify-summary';
import { deliverToSlack, type SlackDeliveryResult } from './slack-delivery';

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

export interface NotifyOnFailureResult {
  notified: Notified;
  slack: SlackDeliveryResult;
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
  warnings: string[];
  reportPath: string;
  summary: string;
}

/**
 * How long one notifier may take with these inputs, calls and waits included: a claim older than
 * this without a `done` record belongs to a notifier that died.
 */
function notifierBudgetMs(inputs: NotifyInputs, policy: DeliveryPolicy): number {
  return inputs.timeoutMs * (inputs.slackAttempts * 2 + 12) + 2 * policy.maxTotalWaitMs;
}

function notifiedOf(slackDelivered: boolean, issue: FallbackIssue | null): Notified {
  if (slackDelivered) return issue ? 'both' : 'slack';
  return issue ? 'issue' : 'none';
}

function doneText(
  slack: SlackDeliveryResult,
  issue: FallbackIssue | null,
  issueError: string | null,
): string {
  const parts = [
    slack.delivered ? `Slack delivered via ${slack.route}` : `Slack not delivered (${slack.reason})`,
  ];
  if (issue) parts.push(`issue #${issue.number} (${issue.source})`);
  if (issueError) parts.push(`notify_failed: ${issueError}`);
  return parts.join('; ');
}

/**
 * notify-on-failure: alert on-call to a failed release run. Slack first (incoming webhook, then the
 * ops notify function); when Slack is not reached, one GitHub issue per run (the manifest's
 * issue_number, then the hidden marker, then a new issue). Records the outcome in the manifest,
 * writes the JSON report and the job summary. Throws ReleaseGuardError('usage_error') for unusable
 * inputs; every other problem is in the result, and `failure` is set when nobody was alerted.
 */
export async function notifyOnFailure(
  inputs: NotifyInputs,
  deps: NotifyOnFailureDeps = {},
): Promise<NotifyOnFailureResult> {
  checkNotifyInputs(inputs);
  const now = deps.now ?? (() => new Date());
  const started = now();
  const secrets = notifySecrets(inputs);
  const redact = (text: string) => redactSecrets(text, secrets);
  const warnings: string[] = [];
  const [owner, repo] = inputs.repository.split('/');
  let client = deps.client;
  const github = () =>
    (client ??= createGitHubClient({
      token: inputs.githubToken,
      timeoutMs: inputs.timeoutMs,
      retries: 2,
      log: { warn: (message) => warnings.push(message) },
    }));
  const policy: DeliveryPolicy = {
    ...DEFAULT_DELIVERY_POLICY,
    attempts: inputs.slackAttempts,
    timeoutMs: inputs.timeoutMs,
    ...(deps.slackBackoffBaseMs !== undefined ? { backoffBaseMs: deps.slackBackoffBaseMs } : {}),
    ...(deps.slackMaxTotalWaitMs !== undefined ? { maxTotalWaitMs: deps.slackMaxTotalWaitMs } : {}),
  };
  // Built before anything is sent, so that an unusable GITHUB_API_URL stops the run here (exit 2).
  github();
  const store = openActionManifestStore(inputs, github);
  const claimId = randomBytes(6).toString('hex');
  const reason = describeFailureReason(inputs.failureReason);
  const base = { tag: inputs.tag, runId: inputs.runId, actor: inputs.actor, now };
  // The runner masks logs only: what goes into the manifest is redacted here (PITFALLS 17).
  const artifactUrl = inputs.artifactUrl === undefined ? null : redact(inputs.artifactUrl);
  const failureSet = failureChanges(inputs.failureReason, artifactUrl);
  if (inputs.unknownFailureReason !== undefined) {
    warnings.push(
      `failure-reason ${JSON.stringify(inputs.unknownFailureReason)} is not a release-guard failure code; reported as unknown`,
    );
  }

  // The state machine wins over the notifier: an entry further along keeps its status.
  const recorder = new ManifestRecorder(
    store,
    { tag: inputs.tag, runId: inputs.runId, actor: inputs.actor },
    now,
  );
  const claim = await recorder.record(failureSet, claimNote(claimId, `alerting on-call to ${reason}`), {
    keepStatus: true,
  });
  if (claim.problem) warnings.push(`manifest: ${claim.problem}`);
  let turn: Turn = { kind: 'mine', entry: claim.entry };
  if (claim.entry) {
    try {
      turn = await waitForTurn(store, {
        ...base,
        claimId,
        staleAfterMs: notifierBudgetMs(inputs, policy),
        pollMs: deps.claimPollMs ?? (inputs.manifestBranch === undefined ? 500 : 2000),
      });
    } catch (error) {
      warnings.push(`manifest: could not check for another notifier: ${(error as Error).message}`);
    }
  }
  const entry = turn.entry ?? claim.entry;
  const issuesWebUrl = `${inputs.serverUrl}/${inputs.repository}/issues`;

  let slack: SlackDeliveryResult;
  let issue: FallbackIssue | null = null;
  let issueError: string | null = null;
  let permissionMissing = false;
  let labels: EnsuredLabels | null = null;
  let adoptedFrom: string | null = null;

  if (turn.kind === 'adopt') {
    adoptedFrom = turn.by;
    const delivered = turn.notified !== 'issue';
    slack = {
      delivered,
      route: null,
      attempts: [],
      reason: delivered ? null : `another notifier (claim ${turn.by}) did not reach Slack`,
    };
    const number = turn.entry.issue_number;
    if (number !== null) {
      issue = {
        number,
        url: `${issuesWebUrl}/${number}`,
        source: 'manifest',
        createdAt: null,
        createAttempts: 0,
      };
    }
  } else {
    const notice: FailureNotice = redactSecretsDeep(
      {
        tag: inputs.tag,
        runId: inputs.runId,
        repository: inputs.repository,
        failureReason: inputs.failureReason,
        runUrl: runUrlOf(inputs.serverUrl, inputs.repository, inputs.runId),
        artifactUrl: artifactUrl ?? entry?.artifact_url ?? null,
        runbookUrl: inputs.runbookUrl ?? null,
        manifest: entry ? manifestSnippet(entry) : null,
      },
      secrets,
    );
    slack = await deliverToSlack(notice, inputs, policy);
    const knownIssueNumber = entry?.issue_number ?? null;
    if (!slack.delivered) {
      const issueLabels = fallbackIssueLabels(inputs.issueLabels, notice);
      if (knownIssueNumber === null) {
        labels = await ensureIssueLabels(github(), owner, repo, issueLabels);
        warnings.push(...labels.problems);
      }
      try {
        issue = await fileFallbackIssue(
          github(),
          {
            owner,
            repo,
            runId: inputs.runId,
            tag: inputs.tag,
            title: redact(fallbackIssueTitle(notice)),
            body: redact(fallbackIssueBody(notice, slack.reason)),
            labels: issueLabels,
            knownIssueNumber,
            issuesWebUrl,
          },
          { retryDelayMs: deps.issueRetryDelayMs },
        );
      } catch (error) {
        issueError = redact((error as Error).message);
        permissionMissing = error instanceof FallbackIssueError && error.permission;
      }
    } else if (knownIssueNumber !== null) {
      issue = {
        number: knownIssueNumber,
        url: `${issuesWebUrl}/${knownIssueNumber}`,
        source: 'manifest',
        createdAt: null,
        createAttempts: 0,
      };
    }
  }

  const notified = notifiedOf(slack.delivered, issue);
  const failure =
    notified === 'none'
      ? {
          code: 'notify_failed' as const,
          message: `neither Slack nor a GitHub issue reached on-call for run ${inputs.runId}: Slack: ${slack.reason}; issue: ${issueError ?? 'not filed'}`,
        }
      : null;

  const set: ManifestEntryChanges = { ...failureSet };
  if (adoptedFrom === null) {
    if (slack.delivered) set.notify_slack = true;
    else set.slack_retry = (entry?.slack_retry ?? 0) + 1;
    if (issue && (entry?.issue_number ?? null) === null) set.issue_number = issue.number;
  }
  const what =
    adoptedFrom === null
      ? doneText(slack, issue, issueError)
      : `another notifier (claim ${adoptedFrom}) already alerted on-call for this run; nothing sent again`;
  const record = await recorder.record(set, redact(doneNote(claimId, notified, what)), { keepStatus: true });
  if (record.problem && !record.entry) warnings.push(`manifest: ${record.problem}`);
  const manifest: NotifyManifestResult = {
    location: store.location,
    entry: record.entry,
    problem: record.problem ? redact(record.problem) : null,
  };

  const metrics = notifyMetrics({
    slackDelivered: slack.delivered,
    issueCreated: issue?.source === 'created',
    issueFollowedUp: issue !== null,
    issueCreatedAt: issue?.createdAt ?? null,
    detectedAt: failureDetectedAt(record.entry ?? entry, started),
  });
  const reportPath = path.resolve(
    inputs.workspace,
    inputs.reportPath ?? path.join(inputs.tempDir, `notify-on-failure-${inputs.runId}.json`),
  );
  const redactedWarnings = warnings.map(redact);
  const report = redactSecretsDeep(
    {
      tag: inputs.tag,
      run_id: inputs.runId,
      failure_reason: inputs.failureReason,
      notified,
      failure,
      adopted_from: adoptedFrom,
      slack,
      issue,
      issue_error: issueError,
      labels,
      manifest: {
        location: manifest.location,
        problem: manifest.problem,
        status: manifest.entry?.status ?? null,
        issue_number: manifest.entry?.issue_number ?? null,
        notify_slack: manifest.entry?.notify_slack ?? null,
        slack_retry: manifest.entry?.slack_retry ?? null,
      },
      metrics,
      warnings: redactedWarnings,
    },
    secrets,
  );
  await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const summary = redact(
    renderNotifySummary({
      tag: inputs.tag,
      runId: inputs.runId,
      failureReason: reason,
      notified,
      slack,
      issue,
      issueError,
      permissionMissing,
      adoptedFrom,
      manifestLocation: manifest.location,
      manifestStatus: manifest.entry?.status ?? null,
      manifestProblem: manifest.problem,
      warnings: redactedWarnings,
      reportPath,
    }),
  );
  return {
    notified,
    slack: redactSecretsDeep(slack, secrets),
    issue,
    issueError,
    permissionMissing,
    failure: failure && { ...failure, message: redact(failure.message) },
    adoptedFrom,
    labels,
    manifest,
    metrics,
    warnings: redactedWarnings,
    reportPath,
    summary,
  };
}
