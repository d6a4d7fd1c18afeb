import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FailureCode } from '../errors';
import { ManifestRecorder } from '../manifest/recorder';
import type { ManifestStore } from '../manifest/store';
import type { ManifestEntry, ManifestEntryChanges } from '../manifest/types';
import { manifestSnippet, runUrlOf, type FailureNotice } from '../notify/notification';
import { redactSecrets } from '../text/redact-secrets';
import { alertStep, type AlertRoutes, type AlertStepResult } from './alert-step';
import { deliveredLeaks, plantedToken } from './delivered-check';
import { freezeStep } from './freeze-step';
import { KNOWN_BAD_RELEASE, writeKnownBadRelease } from './known-bad-release';
import { drillOutcome, drillStepNote, type DrillOutcome, type DrillStep, type DrillStepName } from './steps';
import { verifyStep } from './verify-step';

export interface DrillOptions {
  /** The release manifest the drill is recorded in. */
  store: ManifestStore;
  runId: string;
  actor: string;
  /** `owner/repo` the run belongs to (the alert's repository and run link); null when unknown. */
  repository: string | null;
  serverUrl: string;
  alert: Omit<AlertRoutes, 'github'> & { github?: Omit<NonNullable<AlertRoutes['github']>, 'serverUrl'> };
  /** Secrets of the routes (webhook URL, token): redacted from everything sent and written. */
  secrets: string[];
  /** Where the scratch folder (known-bad files, scratch freeze file) is made; the OS temp dir by default. */
  tempDir?: string;
  now?: () => Date;
}

/** The drill's record in the manifest entry, as `controls.drill` holds it. */
export interface DrillRecord {
  status: DrillOutcome;
  failure_reason: string | null;
  at: string;
  run_url: string | null;
  detail: string;
}

export interface DrillResult {
  status: DrillOutcome;
  tag: string;
  run_id: string;
  steps: DrillStep[];
  record: DrillRecord;
  alert: Pick<AlertStepResult, 'deliveredBy' | 'issue'> & { slack_attempts: number };
  manifest: { location: string; entry: ManifestEntry | null; problem: string | null };
}

/** `drill-<UTC date>`: one tag per day, one entry per run. */
export function drillTag(now: Date): string {
  return `drill-${now.toISOString().slice(0, 10)}`;
}

/**
 * The failure code a failed drill's entry carries (status failure needs one): the control the
 * failing step exercises. The words are in the drill record and the history.
 */
const STEP_FAILURE_CODES: Record<DrillStepName, FailureCode> = {
  verify: 'digest_mismatch',
  alert: 'notify_failed',
  redaction: 'notify_failed',
  freeze: 'release_frozen',
};

/** The first step that did not pass, as `<step>: <detail>`; null when every step passed. */
function failureReasonOf(steps: DrillStep[]): string | null {
  const worst =
    steps.find((step) => step.outcome === 'fail') ?? steps.find((step) => step.outcome === 'warn');
  return worst ? `${worst.name}: ${worst.detail}` : null;
}

/**
 * `release-guard drill`: the known-bad release through the real path, each step recorded in the
 * manifest entry `drill-<UTC date>` of the run (governance_flag drill) as it ends:
 * 1. verify — its altered artifact must fail `verify --key --no-tlog` with digest_mismatch;
 * 2. alert — delivered by the notify code: Slack, else the fallback issue (labelled drill, closed);
 * 3. redaction — what was delivered holds neither the fake token planted in the alert's data nor any
 *    other secret;
 * 4. freeze — a round trip on a scratch freeze file refuses signing while on.
 * A step that fails makes the drill `fail` and says what to do. Never throws for a failed step.
 */
export async function runDrill(options: DrillOptions): Promise<DrillResult> {
  const now = options.now ?? (() => new Date());
  const tag = drillTag(now());
  const { actor, runId } = options;
  const recorder = new ManifestRecorder(options.store, { tag, runId, actor }, now);
  const steps: DrillStep[] = [];
  // Declared before `record` uses it; set once the planted token exists.
  let redact = (text: string) => text;
  const record = async (
    name: DrillStepName,
    outcome: DrillOutcome,
    detail: string,
    todo: string | null,
    set: ManifestEntryChanges = {},
  ) => {
    const step: DrillStep = { name, at: now().toISOString(), actor, outcome, detail, todo };
    steps.push(step);
    await recorder.record(set, redact(drillStepNote(step)));
  };
  const repository = options.repository ?? KNOWN_BAD_RELEASE.source_repo;
  const runUrl = options.repository ? runUrlOf(options.serverUrl, options.repository, runId) : null;
  const planted = plantedToken();
  const secrets = [...options.secrets, planted];
  redact = (text: string) => redactSecrets(text, secrets);
  const scratch = fs.mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), 'release-guard-drill-'));
  let alert: AlertStepResult | null = null;
  try {
    const started = await recorder.record(
      { governance_flag: 'drill', status: 'pending' },
      `drill started by ${actor}: the known-bad release through verify, alert, redaction and freeze`,
      { keepStatus: true },
    );
    const files = writeKnownBadRelease(scratch);

    const verified = await verifyStep(files);
    await record('verify', verified.ok ? 'pass' : 'fail', verified.detail, verified.todo);

    const notice: FailureNotice = {
      tag,
      runId,
      repository,
      failureReason: (verified.failureReason ?? 'digest_mismatch') as FailureCode,
      runUrl: runUrlOf(options.serverUrl, repository, runId),
      // The planted fake token rides in the alert's data; redaction must keep it from every channel.
      artifactUrl: `https://drill.release-guard.invalid/${KNOWN_BAD_RELEASE.artifact.name}?token=${planted}`,
      runbookUrl: null,
      manifest: started.entry ? manifestSnippet(started.entry) : null,
    };
    const github = options.alert.github
      ? { ...options.alert.github, serverUrl: options.serverUrl }
      : undefined;
    alert = await alertStep(notice, { ...options.alert, github }, secrets);
    // Who was alerted, in the fields notify-on-failure records it in.
    await record('alert', alert.outcome, alert.detail, alert.todo, {
      ...(alert.deliveredBy === 'slack' ? { notify_slack: true } : {}),
      ...(alert.slack && !alert.slack.delivered
        ? { slack_retry: (recorder.entry?.slack_retry ?? 0) + 1 }
        : {}),
      ...(alert.issue && recorder.entry?.issue_number == null ? { issue_number: alert.issue.number } : {}),
    });

    if (alert.delivered.length === 0) {
      await record(
        'redaction',
        'fail',
        'not checked: nothing was delivered',
        'make the alert deliver first (see the alert step), then run the drill again',
      );
    } else {
      const leaks = await deliveredLeaks(alert.delivered, planted);
      await record(
        'redaction',
        leaks.length === 0 ? 'pass' : 'fail',
        leaks.length === 0
          ? `${alert.delivered.length} delivered text(s) checked: no planted token, no secret`
          : `delivered with a secret in it: ${leaks.join('; ')}`,
        leaks.length === 0
          ? null
          : 'treat it as a leak: rotate what was sent, delete the message or issue, and fix the redaction of the field that carried it',
      );
    }

    const frozen = await freezeStep(path.join(scratch, 'freeze'), files, actor, tag);
    await record('freeze', frozen.ok ? 'pass' : 'fail', frozen.detail, frozen.todo);
  } catch (error) {
    const next = (['verify', 'alert', 'redaction', 'freeze'] as const).find(
      (name) => !steps.some((s) => s.name === name),
    );
    await record(
      next ?? 'freeze',
      'fail',
      `the drill broke: ${(error as Error).message}`,
      'fix the error above and run the drill again',
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  let status = drillOutcome(steps);
  if (recorder.problem) status = 'fail';
  const drillRecord: DrillRecord = {
    status,
    failure_reason: recorder.problem ? `manifest: ${recorder.problem}` : failureReasonOf(steps),
    at: now().toISOString(),
    run_url: runUrl,
    detail: steps.map((step) => `${step.name} ${step.outcome}`).join(', '),
  };
  const failed = steps.find((step) => step.outcome === 'fail');
  await recorder.record(
    status === 'fail'
      ? { status: 'failure', failure_reason: failed ? STEP_FAILURE_CODES[failed.name] : 'notify_failed' }
      : { status: 'success', failure_reason: null },
    redact(`drill: ${status}${drillRecord.failure_reason ? ` (${drillRecord.failure_reason})` : ''}`),
    { keepStatus: true },
  );
  if (recorder.problem) {
    status = 'fail';
    drillRecord.status = 'fail';
    drillRecord.failure_reason ??= `manifest: ${recorder.problem}`;
  }
  return {
    status,
    tag,
    run_id: runId,
    steps,
    record: drillRecord,
    alert: {
      deliveredBy: alert?.deliveredBy ?? null,
      issue: alert?.issue ?? null,
      slack_attempts: alert?.slack?.attempts.length ?? 0,
    },
    manifest: { location: recorder.location, entry: recorder.entry, problem: recorder.problem },
  };
}
