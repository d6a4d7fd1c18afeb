import type { FailureCode } from '../errors';
import type { ManifestRecorder, RecordOptions, RecordResult } from './recorder';
import {
  CONTROL_DETAIL_MAX,
  type ControlName,
  type ControlRecord,
  type ControlStatus,
  type ManifestEntry,
  type ManifestEntryChanges,
  type ProvenanceSummary,
} from './types';

/** What a control found, as an action hands it to recordControl. */
export interface ControlOutcome {
  status: ControlStatus;
  failureReason?: FailureCode | null;
  /** The run that checked it; anything but an http(s) URL is recorded as null. */
  runUrl?: string | null;
  /** In words; cut to CONTROL_DETAIL_MAX characters. */
  detail?: string | null;
  /** RFC 3339; the recorder's clock by default. */
  at?: string;
}

export interface RecordControlOptions extends RecordOptions {
  /** The history note; `<control>: <status> (<reason>)` by default. */
  note?: string;
  /** Other fields written in the same write (e.g. provenance_summary). */
  set?: ManifestEntryChanges;
}

/** The stored record for an outcome: a run URL only when it is http(s), a detail cut to its limit. */
export function controlRecord(outcome: ControlOutcome, at: string): ControlRecord {
  const runUrl = outcome.runUrl ?? null;
  const detail = outcome.detail ?? null;
  return {
    status: outcome.status,
    failure_reason: outcome.failureReason ?? null,
    at: outcome.at ?? at,
    run_url: runUrl !== null && isHttpUrl(runUrl) ? runUrl : null,
    detail:
      detail === null || detail.length <= CONTROL_DETAIL_MAX
        ? detail
        : `${detail.slice(0, CONTROL_DETAIL_MAX - 1)}…`,
  };
}

/** True for an absolute http: or https: URL (the only ones a report turns into links). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//i.test(value);
  } catch {
    return false;
  }
}

/**
 * Records one control's outcome in the recorder's (tag, run) entry, compare-and-swap: the record is
 * merged into the entry's `controls` as read at the moment of the write, so a record of any other
 * control (written by another action, even concurrently) is never dropped. A refusal is returned in
 * the result (and kept in the recorder's problems), not thrown.
 */
export function recordControl(
  recorder: ManifestRecorder,
  control: ControlName,
  outcome: ControlOutcome,
  options: RecordControlOptions = {},
): Promise<RecordResult> {
  const record = controlRecord(outcome, recorder.now().toISOString());
  const reason = record.failure_reason === null ? '' : ` (${record.failure_reason})`;
  const { note, set, ...recordOptions } = options;
  return recorder.record(
    { ...set, controls: { [control]: record } },
    note ?? `${control}: ${record.status}${reason}`,
    recordOptions,
  );
}

/** The provenance summary of a validated provenance, for `provenance_summary`. */
export function provenanceSummary(fields: Partial<ProvenanceSummary>): ProvenanceSummary {
  const text = (value: string | null | undefined) =>
    value === undefined || value === null || value === '' ? null : value.slice(0, CONTROL_DETAIL_MAX);
  return {
    builder_id: text(fields.builder_id),
    source_repo: text(fields.source_repo),
    workflow_path: text(fields.workflow_path),
    commit: text(fields.commit),
    signer_san: text(fields.signer_san),
  };
}

/** A security drill's entry is tagged `drill-<UTC date>` and flagged `governance_flag: drill`. */
export function drillTag(at: Date): string {
  return `drill-${at.toISOString().slice(0, 10)}`;
}

const DRILL_TAG = /^drill-\d{4}-\d{2}-\d{2}$/;

/** Drill entries never count as releases, incidents or drift. */
export function isDrillEntry(entry: Pick<ManifestEntry, 'tag' | 'governance_flag'>): boolean {
  return entry.governance_flag === 'drill' || DRILL_TAG.test(entry.tag);
}
