import type { FailureCode } from '../errors';
import { safeText } from '../text/safe-text';

/** The TypeScript view of manifest.schema.json; schema.test.ts keeps the two in step. */

/** The schema version writers write: MAJOR.MINOR, a minor version only adds optional fields. */
export const MANIFEST_SCHEMA_MAJOR = 1;
export const MANIFEST_SCHEMA_MINOR = 2;
export const MANIFEST_SCHEMA_VERSION = `${MANIFEST_SCHEMA_MAJOR}.${MANIFEST_SCHEMA_MINOR}` as const;
/** `1` is the first version (1.0), from before versions had a minor part. */
export type ManifestSchemaVersion = 1 | `${number}.${number}`;

export const MANIFEST_STATUSES = [
  'pending',
  'success',
  'failure',
  'requeued',
  'rerunning',
  'blocked',
  'rollback',
] as const;
export type ManifestStatus = (typeof MANIFEST_STATUSES)[number];

export const GOVERNANCE_FLAGS = ['rollback', 'security-backcompat', 'drill'] as const;
export type GovernanceFlag = (typeof GOVERNANCE_FLAGS)[number];

/** The release controls an entry records (since 1.2), in the order reports show them. */
export const CONTROL_NAMES = ['provenance', 'signature', 'repro', 'evidence', 'drill'] as const;
export type ControlName = (typeof CONTROL_NAMES)[number];

export const CONTROL_STATUSES = ['pass', 'warn', 'fail'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** The longest `detail` a control record keeps. */
export const CONTROL_DETAIL_MAX = 1024;

/** One control's outcome as a run recorded it (since 1.2). */
export interface ControlRecord {
  status: ControlStatus;
  failure_reason: FailureCode | null;
  /** RFC 3339 date-time of the outcome. */
  at: string;
  /** The run that recorded it (http or https), or null. */
  run_url: string | null;
  /** At most CONTROL_DETAIL_MAX characters, or null. */
  detail: string | null;
}

/** One record per control; a control the run did not check is absent. */
export type ManifestControls = Partial<Record<ControlName, ControlRecord>>;

/** What provenance-validate read from the provenance, compared between releases for drift (since 1.2). */
export interface ProvenanceSummary {
  builder_id: string | null;
  source_repo: string | null;
  workflow_path: string | null;
  commit: string | null;
  signer_san: string | null;
}

export interface HistoryRecord {
  /** RFC 3339 date-time of the write. */
  at: string;
  actor: string;
  /** Status before the write; null when the write created the entry. */
  from: ManifestStatus | null;
  to: ManifestStatus;
  note: string | null;
}

export interface ManifestEntry {
  tag: string;
  /** Decimal digits, kept as a string so that no JSON reader rounds it. */
  run_id: string;
  run_attempt: number;
  artifact_url: string | null;
  status: ManifestStatus;
  failure_reason: FailureCode | null;
  requeue: boolean;
  rerun_in_progress: boolean;
  notify_slack: boolean;
  slack_retry: number;
  issue_number: number | null;
  governance_flag: GovernanceFlag | null;
  verified_at: string | null;
  /** Since 1.1, optional: when notify-on-failure escalated to the ops summary. */
  escalated_at?: string | null;
  /** Since 1.2, optional: the last outcome of each control; a write merges per control. */
  controls?: ManifestControls;
  /** Since 1.2, optional: the provenance's builder, source, workflow, commit and signer. */
  provenance_summary?: ProvenanceSummary | null;
  updated_at: string;
  history: HistoryRecord[];
}

export interface Manifest {
  schema_version: ManifestSchemaVersion;
  entries: ManifestEntry[];
}

/** Every entry field in the order the file writes them; `satisfies` makes the list complete. */
const FIELD_ORDER = {
  tag: 0,
  run_id: 1,
  run_attempt: 2,
  artifact_url: 3,
  status: 4,
  failure_reason: 5,
  requeue: 6,
  rerun_in_progress: 7,
  notify_slack: 8,
  slack_retry: 9,
  issue_number: 10,
  governance_flag: 11,
  verified_at: 12,
  escalated_at: 13,
  controls: 14,
  provenance_summary: 15,
  updated_at: 16,
  history: 17,
} satisfies Record<keyof ManifestEntry, number>;

export const MANIFEST_ENTRY_FIELDS = Object.keys(FIELD_ORDER) as (keyof ManifestEntry)[];

/** Fields `manifest update --set KEY=VALUE` may change; identity, updated_at and history are not among them. */
export const MANIFEST_SETTABLE_FIELDS = [
  'run_attempt',
  'artifact_url',
  'status',
  'failure_reason',
  'requeue',
  'rerun_in_progress',
  'notify_slack',
  'slack_retry',
  'issue_number',
  'governance_flag',
  'verified_at',
  'escalated_at',
  'controls',
  'provenance_summary',
] as const satisfies readonly (keyof ManifestEntry)[];
export type ManifestSettableField = (typeof MANIFEST_SETTABLE_FIELDS)[number];

export type ManifestEntryChanges = Partial<Pick<ManifestEntry, ManifestSettableField>>;

/** The fields that count for `governance.manifest_diff_count`: all but updated_at and history. */
export const MANIFEST_DATA_FIELDS = MANIFEST_ENTRY_FIELDS.filter(
  (field) => field !== 'updated_at' && field !== 'history',
) as Exclude<keyof ManifestEntry, 'updated_at' | 'history'>[];

/** How an entry is named in messages: `v1.2.3 run 123`, the tag quoted and escaped when it needs to be. */
export function manifestEntryKey(entry: Pick<ManifestEntry, 'tag' | 'run_id'>): string {
  const tag = /^[\w.@/+-]+$/.test(entry.tag) ? entry.tag : safeText(JSON.stringify(entry.tag));
  return `${tag} run ${safeText(entry.run_id)}`;
}
