import { echoValue } from '../text/echo-value';
import { isDeepStrictEqual } from 'node:util';
import { InputError, usageError } from '../errors';
import { ManifestRuleError } from './errors';
import {
  manifestFieldProblem,
  formatManifestProblems,
  manifestProblems,
  writtenSchemaVersion,
} from './schema';
import {
  derivedEntryChanges,
  explainIllegalStatusTransition,
  isLegalStatusTransition,
  manifestStatusViolations,
} from './state-machine';
import {
  MANIFEST_DATA_FIELDS,
  MANIFEST_ENTRY_FIELDS,
  manifestEntryKey,
  MANIFEST_SETTABLE_FIELDS,
  type ManifestEntryChanges,
  type Manifest,
  type ManifestEntry,
} from './types';

/** One change to the (tag, run_id) entry, as `manifest update` asks for it. */
export interface ManifestEntryUpdate {
  tag: string;
  runId: string;
  set: ManifestEntryChanges;
  actor: string;
  /** Why, in words; kept in the history record. */
  note?: string | null;
}

export type ManifestDataField = (typeof MANIFEST_DATA_FIELDS)[number];

export interface AppliedManifestUpdate {
  /** The document to write (the input is left untouched). */
  manifest: Manifest;
  entry: ManifestEntry;
  /** The entry before the update; null when the update creates it. */
  previous: ManifestEntry | null;
  /** Data fields whose value changed (every field of a new entry); updated_at and history not counted. */
  changedFields: ManifestDataField[];
  /** False when the update changes nothing and has no note: there is nothing to write. */
  changed: boolean;
}

/** Checks an update's own input; a problem here is a usage error (exit 2), whatever the manifest holds. */
export function checkManifestEntryUpdate(update: ManifestEntryUpdate): void {
  for (const [field, value] of [
    ['tag', update.tag],
    ['run_id', update.runId],
  ] as const) {
    const problem = manifestFieldProblem(field, value);
    if (problem !== null)
      throw new InputError(
        field === 'tag' ? 'tag' : 'run-id',
        `${echoValue(value)} is not usable: ${problem}`,
      );
  }
  for (const [field, value] of Object.entries(update.set)) {
    if (!(MANIFEST_SETTABLE_FIELDS as readonly string[]).includes(field)) {
      throw usageError(
        `cannot set ${echoValue(field)}; settable fields: ${MANIFEST_SETTABLE_FIELDS.join(', ')}`,
      );
    }
    const problem = manifestFieldProblem(field as (typeof MANIFEST_SETTABLE_FIELDS)[number], value);
    if (problem !== null) throw usageError(`${field}=${echoValue(value)} is not valid. Expected: ${problem}`);
  }
  if (update.actor.trim() === '' || update.actor.length > 256) {
    throw new InputError('actor', 'must name who makes the change (1 to 256 characters)');
  }
  if (update.note !== undefined && update.note !== null && update.note.length > 4096) {
    throw new InputError('note', 'is longer than 4096 characters; link to the details instead');
  }
}

/**
 * Creates or updates the (tag, run_id) entry of `manifest` at time `at`, enforcing the state machine
 * and the entry rules. A refused update throws ManifestRuleError; nothing is changed.
 */
export function applyManifestEntryUpdate(
  manifest: Manifest,
  update: ManifestEntryUpdate,
  at: string,
): AppliedManifestUpdate {
  checkManifestEntryUpdate(update);
  const index = manifest.entries.findIndex(
    (entry) => entry.tag === update.tag && entry.run_id === update.runId,
  );
  const previous = index === -1 ? null : manifest.entries[index];
  const key = manifestEntryKey({ tag: update.tag, run_id: update.runId });
  const from = previous?.status ?? null;
  const to = update.set.status ?? from ?? 'pending';

  if (!isLegalStatusTransition(from, to)) {
    throw new ManifestRuleError(
      'illegal_transition',
      key,
      `${key}: ${explainIllegalStatusTransition(from, to)} Nothing was written.`,
      {
        from,
        to,
      },
    );
  }
  if (
    previous !== null &&
    previous.issue_number !== null &&
    update.set.issue_number !== undefined &&
    update.set.issue_number !== previous.issue_number
  ) {
    throw new ManifestRuleError(
      'issue_number_locked',
      key,
      `${key}: issue_number is already ${previous.issue_number} and never changes once set (one issue per run; notify-on-failure relies on it to avoid duplicates). Comment on issue #${previous.issue_number} instead. Nothing was written.`,
      { expected: previous.issue_number, actual: update.set.issue_number },
    );
  }

  const base = previous ?? newEntry(update.tag, update.runId, at);
  const merged = { ...base, ...derivedEntryChanges(from, to, update.set, at), ...update.set, status: to };
  // Controls merge per control: a write records its own controls and keeps every other one.
  if (update.set.controls !== undefined) merged.controls = { ...base.controls, ...update.set.controls };
  const violations = manifestStatusViolations(merged);
  if (violations.length > 0) {
    throw new ManifestRuleError(
      'status_requirement',
      key,
      `${key}: ${violations.join('; ')}. Nothing was written.`,
      {
        violations,
      },
    );
  }

  const changedFields = MANIFEST_DATA_FIELDS.filter((field) =>
    previous === null ? merged[field] !== undefined : !isDeepStrictEqual(previous[field], merged[field]),
  );
  const note = update.note ?? null;
  if (previous !== null && changedFields.length === 0 && note === null) {
    return { manifest, entry: previous, previous, changedFields, changed: false };
  }

  const history = [...(previous?.history ?? []), { at, actor: update.actor, from, to, note }];
  const entry = canonicalEntry({ ...merged, updated_at: at, history });
  const entries = [...manifest.entries];
  if (index === -1) entries.push(entry);
  else entries[index] = entry;
  const next: Manifest = { schema_version: writtenSchemaVersion(manifest.schema_version), entries };

  const problems = manifestProblems(next);
  if (problems.length > 0) {
    throw usageError(
      `${key}: the update would make the manifest invalid: ${formatManifestProblems(problems)}. Nothing was written.`,
    );
  }
  return { manifest: next, entry, previous, changedFields, changed: true };
}

function newEntry(tag: string, runId: string, at: string): ManifestEntry {
  return {
    tag,
    run_id: runId,
    run_attempt: 1,
    artifact_url: null,
    status: 'pending',
    failure_reason: null,
    requeue: false,
    rerun_in_progress: false,
    notify_slack: false,
    slack_retry: 0,
    issue_number: null,
    governance_flag: null,
    verified_at: null,
    updated_at: at,
    history: [],
  };
}

/**
 * The entry with its fields in schema order, so that every writer produces the same bytes; an
 * optional field not set is left out. Fields this version does not know (a newer minor version's,
 * the reader accepted them) are kept after the known ones: a writer never drops what it cannot read.
 */
function canonicalEntry(entry: ManifestEntry): ManifestEntry {
  const known = MANIFEST_ENTRY_FIELDS.filter((field) => entry[field] !== undefined).map(
    (field) => [field, entry[field]] as const,
  );
  const unknown = Object.entries(entry).filter(
    ([field]) => !(MANIFEST_ENTRY_FIELDS as readonly string[]).includes(field),
  );
  return Object.fromEntries([...known, ...unknown]) as unknown as ManifestEntry;
}
