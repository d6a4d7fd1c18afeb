import { isDeepStrictEqual } from 'node:util';
import { emptyManifest, isValidManifestEntry, manifestProblems, parseManifest } from './schema';
import {
  explainIllegalStatusTransition,
  isLegalStatusTransition,
  manifestStatusViolations,
} from './state-machine';
import {
  MANIFEST_DATA_FIELDS,
  manifestEntryKey,
  type HistoryRecord,
  type Manifest,
  type ManifestEntry,
  type ManifestStatus,
} from './types';

export type ManifestLintFindingKind =
  | 'unparseable'
  | 'schema'
  | 'status_rule'
  | 'illegal_transition'
  | 'history_rewritten'
  | 'history_mismatch'
  | 'issue_number_changed'
  | 'entry_removed';

export interface ManifestLintFinding {
  kind: ManifestLintFindingKind;
  /** The entry, as manifestEntryKey names it; null for findings about the whole document. */
  entry: string | null;
  message: string;
}

/**
 * Checks that `newText` is an acceptable successor of `oldText` (null: NEW creates the manifest):
 * NEW matches the schema; no entry is removed; each entry's history only grows, and what it appends
 * chains legal status transitions up to the entry's status; an issue_number never changes once set;
 * new or changed entries meet the status rules. OLD itself must be a valid manifest: when it is not,
 * this throws ReleaseGuardError 'unreadable_input' (there is nothing sound to compare with).
 */
export function lintManifest(oldText: string | null, newText: string): ManifestLintFinding[] {
  let document: unknown;
  try {
    document = JSON.parse(newText);
  } catch (error) {
    return [{ kind: 'unparseable', entry: null, message: `NEW is not JSON: ${(error as Error).message}` }];
  }
  const old: Manifest = oldText === null ? emptyManifest() : parseManifest(oldText, 'OLD');
  const findings: ManifestLintFinding[] = manifestProblems(document).map((problem) => ({
    kind: 'schema',
    entry: problem.entry,
    message: `${problem.where}: ${problem.message}`,
  }));

  const rawEntries: unknown[] = Array.isArray((document as { entries?: unknown })?.entries)
    ? (document as { entries: unknown[] }).entries
    : [];
  // The first entry of each (tag, run_id); a duplicate is already a schema finding.
  const present = new Map<string, Partial<ManifestEntry>>();
  for (const raw of rawEntries) {
    const candidate = raw as Partial<ManifestEntry> | null;
    if (typeof candidate?.tag !== 'string' || typeof candidate.run_id !== 'string') continue;
    const id = identity(candidate as ManifestEntry);
    if (!present.has(id)) present.set(id, candidate);
  }

  const oldIds = new Set<string>();
  for (const before of old.entries) {
    const id = identity(before);
    oldIds.add(id);
    const after = present.get(id);
    if (after === undefined) {
      const key = manifestEntryKey(before);
      findings.push({
        kind: 'entry_removed',
        entry: key,
        message: `${key}: the entry was removed; the manifest is the audit record and entries are never deleted. Restore it (a bad entry is marked, e.g. status rollback, not deleted).`,
      });
    } else {
      findings.push(...compareEntry(before, after));
    }
  }
  for (const [id, after] of present) {
    if (!oldIds.has(id) && isValidManifestEntry(after)) {
      findings.push(...checkAppended(null, after, 0), ...statusRules(after));
    }
  }
  return findings;
}

function identity(entry: Pick<ManifestEntry, 'tag' | 'run_id'>): string {
  return JSON.stringify([entry.tag, entry.run_id]);
}

/**
 * An entry that is in OLD and NEW. The issue_number and history checks also run when NEW's entry
 * breaks the schema (emptying the history is a schema error and a rewrite); the rest needs a valid entry.
 */
function compareEntry(before: ManifestEntry, after: Partial<ManifestEntry>): ManifestLintFinding[] {
  if (isDeepStrictEqual(before, after)) return [];
  const key = manifestEntryKey(before);
  const findings: ManifestLintFinding[] = [];

  if (before.issue_number !== null && after.issue_number !== before.issue_number) {
    findings.push({
      kind: 'issue_number_changed',
      entry: key,
      message: `${key}: issue_number changed from ${before.issue_number} to ${String(after.issue_number)}; it never changes once set (one issue per run). Restore ${before.issue_number}.`,
    });
  }

  const rewritten = historyRewrite(before.history, Array.isArray(after.history) ? after.history : []);
  if (rewritten !== null) {
    findings.push({ kind: 'history_rewritten', entry: key, message: `${key}: ${rewritten}` });
  } else if (isValidManifestEntry(after)) {
    findings.push(...checkAppended(before, after, before.history.length));
    // A status change without a record is already reported by checkAppended.
    const changed = MANIFEST_DATA_FIELDS.filter(
      (field) => field !== 'status' && !isDeepStrictEqual(before[field], after[field]),
    );
    if (after.history.length === before.history.length && changed.length > 0) {
      findings.push({
        kind: 'history_mismatch',
        entry: key,
        message: `${key}: ${changed.join(', ')} changed without a new history record; write changes with \`release-guard manifest update\`, which records who and why.`,
      });
    }
  }
  if (isValidManifestEntry(after)) findings.push(...statusRules(after));
  return findings;
}

/** Null when `after` keeps every record of `before` unchanged and in place; otherwise what happened. */
function historyRewrite(before: HistoryRecord[], after: HistoryRecord[]): string | null {
  for (let i = 0; i < before.length; i++) {
    if (i >= after.length) {
      return `history was shortened from ${before.length} to ${after.length} records; history is append-only: restore the removed records.`;
    }
    if (!isDeepStrictEqual(before[i], after[i])) {
      return `history record [${i}] (at ${before[i].at}) was rewritten; history is append-only: restore it and append a new record instead.`;
    }
  }
  return null;
}

/**
 * The records from `start` on must chain legal transitions, starting where `before` was (or from
 * nothing, for a new entry) and ending at the entry's status.
 */
function checkAppended(
  before: ManifestEntry | null,
  after: ManifestEntry,
  start: number,
): ManifestLintFinding[] {
  const key = manifestEntryKey(after);
  const findings: ManifestLintFinding[] = [];
  let current: ManifestStatus | null = before?.status ?? null;
  for (let i = start; i < after.history.length; i++) {
    const record = after.history[i];
    if (record.from !== current) {
      findings.push({
        kind: 'history_mismatch',
        entry: key,
        message: `${key}: history record [${i}] starts from ${String(record.from)}, but the entry was ${current === null ? 'new' : current} at that point.`,
      });
    } else if (!isLegalStatusTransition(record.from, record.to)) {
      findings.push({
        kind: 'illegal_transition',
        entry: key,
        message: `${key}: history record [${i}]: ${explainIllegalStatusTransition(record.from, record.to)}`,
      });
    }
    current = record.to;
  }
  if (current !== after.status) {
    const legal = isLegalStatusTransition(current, after.status);
    findings.push({
      kind: legal ? 'history_mismatch' : 'illegal_transition',
      entry: key,
      message: legal
        ? `${key}: status is ${after.status} but the history ends at ${String(current)}; every status change needs a history record.`
        : `${key}: ${explainIllegalStatusTransition(current, after.status)}`,
    });
  }
  return findings;
}

function statusRules(entry: ManifestEntry): ManifestLintFinding[] {
  const key = manifestEntryKey(entry);
  return manifestStatusViolations(entry).map((violation) => ({
    kind: 'status_rule' as const,
    entry: key,
    message: `${key}: ${violation}`,
  }));
}
