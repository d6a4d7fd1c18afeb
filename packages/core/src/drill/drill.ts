import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FailureCode } from '../errors';
import { ManifestRecorder } from '../manifest/recorder';
import type { ManifestStore } from '../manifest/store';
import { controlRecord, drillTag, recordControl } from '../manifest/controls';
import type { ControlRecord, ManifestEntry, ManifestEntryChanges } from '../manifest/types';
import { DEFAULT_RECOVER_WORKFLOW, nextStep } from '../notify/next-step';
import { manifestSnippet, runUrlOf, type FailureNotice } from '../notify/notification';
import { redactSecrets } from '../text/redact-secrets';
import { alertStep, type AlertRoutes, type AlertStepResult } from './alert-step';
import { deliveredLeaks, plantedToken } from './delivered-check';
import { freezeStep } from './freeze-step';
import { KNOWN_BAD_RELEASE, writeKnownBadRelease } from './known-bad-release';
import {
  DRILL_STEPS,
  drillOutcome,
  drillStepNote,
  type DrillOutcome,
  type DrillStep,
  type DrillStepName,
} from './steps';
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

export interface DrillResult {
  status: DrillOutcome;
  tag: string;
  run_id: string;
  steps: DrillStep[];
  /** The `controls.drill` record as written (or as it would have been, when the write was refused). */
  record: ControlRecord;
  alert: Pick<AlertStepResult, 'deliveredBy' | 'issue'> & { slack_attempts: number };
  manifest: { location: string; entry: ManifestEntry | null; problem: string | null };
}

/**
 * The failure code of a failed drill (the entry's failure_reason, which status failure needs, and its
 * drill record's): the control the failing step exercises. The words are in the record's detail and
 * in the history.
 */
const STEP_FAILURE_CODES: Record<DrillStepName, FailureCode> = {
  verify: 'digest_mismatch',
  alert: 'notify_failed',
  redaction: 'notify_failed',
  freeze: 'release_frozen',
};

/** `verify pass, alert warn, …`, then the first step that did not pass, as `<step>: <detail>`. */
function drillDetail(steps: DrillStep[], problem: string | null): string {
  const worst =
    steps.find((step) => step.outcome === 'fail') ?? steps.find((step) => step.outcome === 'warn');
  return [
    steps.map((step) => `${step.name} ${step.outcome}`).join(', '),
    ...(worst ? [`${worst.name}: ${worst.detail}`] : []),
    ...(problem ? [`manifest: ${problem}`] : []),
  ].join('; ');
}

/** One drill: its entry's recorder, the steps so far, and the secrets kept from every note. */
class DrillRun {
  readonly steps: DrillStep[] = [];
  readonly tag: string;
  readonly recorder: ManifestRecorder;
  /** The fake token planted in the alert's data, new for each drill. */
  readonly planted = plantedToken();
  readonly secrets: string[];
  alert: AlertStepResult | null = null;

  constructor(
    readonly options: DrillOptions,
    readonly now: () => Date,
  ) {
    this.tag = drillTag(now());
    this.recorder = new ManifestRecorder(
      options.store,
      { tag: this.tag, runId: options.runId, actor: options.actor },
      now,
    );
    this.secrets = [...options.secrets, this.planted];
  }

  redact(text: string): string {
    return redactSecrets(text, this.secrets);
  }

  /** Ends a step: its record in the report and, with `set`, a history record of the entry. */
  async record(
    name: DrillStepName,
    outcome: DrillOutcome,
    detail: string,
    remedy: string | null,
    set: ManifestEntryChanges = {},
  ): Promise<void> {
    const step: DrillStep = {
      name,
      at: this.now().toISOString(),
      actor: this.options.actor,
      outcome,
      detail,
      remedy,
    };
    this.steps.push(step);
    await this.recorder.record(set, this.redact(drillStepNote(step)));
  }

  async start(): Promise<ManifestEntry | null> {
    const started = await this.recorder.record(
      { governance_flag: 'drill', status: 'pending' },
      `drill started by ${this.options.actor}: the known-bad release through verify, alert, redaction and freeze`,
      { keepStatus: true },
    );
    return started.entry;
  }

  async sendAlert(failureReason: FailureCode | null, entry: ManifestEntry | null): Promise<AlertStepResult> {
    const { options } = this;
    const repository = options.repository ?? KNOWN_BAD_RELEASE.source_repo;
    const runUrl = runUrlOf(options.serverUrl, repository, options.runId);
    const notice: FailureNotice = {
      tag: this.tag,
      runId: options.runId,
      repository,
      failureReason,
      runUrl,
      // What on-call would be told for this failure (digest_mismatch: investigate, never re-run).
      nextStep: nextStep({
        serverUrl: options.serverUrl,
        repository,
        runId: options.runId,
        tag: this.tag,
        failureReason,
        runUrl,
        recoverWorkflow: DEFAULT_RECOVER_WORKFLOW,
      }),
      // The planted fake token rides in the alert's data; redaction must keep it from every channel.
      artifactUrl: `https://drill.release-guard.invalid/${KNOWN_BAD_RELEASE.artifact.name}?token=${this.planted}`,
      runbookUrl: null,
      manifest: entry ? manifestSnippet(entry) : null,
    };
    const github = options.alert.github && { ...options.alert.github, serverUrl: options.serverUrl };
    const alert = await alertStep(notice, { ...options.alert, github }, this.secrets);
    this.alert = alert;
    const recorded = this.recorder.entry;
    // Who was alerted, in the fields notify-on-failure records it in.
    await this.record('alert', alert.outcome, alert.detail, alert.remedy, {
      ...(alert.deliveredBy === 'slack' ? { notify_slack: true } : {}),
      ...(alert.slack && !alert.slack.delivered ? { slack_retry: (recorded?.slack_retry ?? 0) + 1 } : {}),
      ...(alert.issue && recorded?.issue_number == null ? { issue_number: alert.issue.number } : {}),
    });
    return alert;
  }

  async checkDelivered(alert: AlertStepResult): Promise<void> {
    if (alert.delivered.length === 0) {
      return this.record(
        'redaction',
        'fail',
        'not checked: nothing was delivered',
        'make the alert deliver first (see the alert step), then run the drill again',
      );
    }
    const leaks = await deliveredLeaks(alert.delivered, this.planted);
    if (leaks.length === 0) {
      return this.record(
        'redaction',
        'pass',
        `${alert.delivered.length} delivered text(s) checked: no planted token, no secret`,
        null,
      );
    }
    return this.record(
      'redaction',
      'fail',
      `delivered with a secret in it: ${leaks.join('; ')}`,
      'treat it as a leak: rotate what was sent, delete the message or issue, and fix the redaction of the field that carried it',
    );
  }

  /** The step a thrown error interrupted: the first that did not end. */
  async broke(error: unknown): Promise<void> {
    const next = DRILL_STEPS.find((name) => !this.steps.some((step) => step.name === name)) ?? 'freeze';
    await this.record(
      next,
      'fail',
      `the drill broke: ${(error as Error).message}`,
      'fix the error above and run the drill again',
    );
  }

  /**
   * The verdict, written as the entry's `controls.drill` record with the entry's status in the same
   * write: success, or failure with the failing control's code.
   */
  async finish(): Promise<ControlRecord> {
    const { options, steps, recorder } = this;
    const status = recorder.problem ? 'fail' : drillOutcome(steps);
    const failed = steps.find((step) => step.outcome === 'fail');
    const failureReason =
      status === 'fail' ? (failed ? STEP_FAILURE_CODES[failed.name] : 'notify_failed') : null;
    const outcome = {
      status,
      failureReason,
      runUrl: options.repository ? runUrlOf(options.serverUrl, options.repository, options.runId) : null,
      detail: this.redact(drillDetail(steps, recorder.problem)),
    };
    const written = await recordControl(recorder, 'drill', outcome, {
      set: failureReason
        ? { status: 'failure', failure_reason: failureReason }
        : { status: 'success', failure_reason: null },
      note: this.redact(`drill: ${status}${failureReason ? ` (${failureReason})` : ''}`),
      keepStatus: true,
    });
    const record = written.entry?.controls?.drill ?? controlRecord(outcome, this.now().toISOString());
    if (!recorder.problem) return record;
    // The record could not be written as asked: the drill did not leave its trace, so it failed.
    return controlRecord(
      {
        ...outcome,
        status: 'fail',
        failureReason: failureReason ?? 'notify_failed',
        detail: this.redact(drillDetail(steps, recorder.problem)),
      },
      record.at,
    );
  }
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
  const run = new DrillRun(options, options.now ?? (() => new Date()));
  const scratch = fs.mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), 'release-guard-drill-'));
  try {
    const entry = await run.start();
    const files = writeKnownBadRelease(scratch);
    const verified = await verifyStep(files);
    await run.record('verify', verified.ok ? 'pass' : 'fail', verified.detail, verified.remedy);
    await run.checkDelivered(await run.sendAlert(verified.failureReason, entry));
    const frozen = await freezeStep(path.join(scratch, 'freeze'), files, options.actor, run.tag);
    await run.record('freeze', frozen.ok ? 'pass' : 'fail', frozen.detail, frozen.remedy);
  } catch (error) {
    await run.broke(error);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const record = await run.finish();
  const { alert, recorder } = run;
  return {
    status: record.status,
    tag: run.tag,
    run_id: options.runId,
    steps: run.steps,
    record,
    alert: {
      deliveredBy: alert?.deliveredBy ?? null,
      issue: alert?.issue ?? null,
      slack_attempts: alert?.slack?.attempts.length ?? 0,
    },
    manifest: { location: recorder.location, entry: recorder.entry, problem: recorder.problem },
  };
}
