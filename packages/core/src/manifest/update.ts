import {
  applyManifestEntryUpdate,
  checkManifestEntryUpdate,
  type ManifestDataField,
  type ManifestEntryUpdate,
} from './apply';
import { compareAndSwap, type CompareAndSwapOptions } from '../store/compare-and-swap';
import { ManifestConflictError } from './errors';
import { emptyManifest, parseManifest, serializeManifest } from './schema';
import type { ManifestStore } from './store';
import {
  MANIFEST_DATA_FIELDS,
  manifestEntryKey,
  type ManifestEntry,
  type ManifestEntryChanges,
} from './types';

export interface ManifestUpdateOptions extends ManifestEntryUpdate, CompareAndSwapOptions {
  /** The clock; one reading per attempt stamps updated_at, the history record and derived fields. */
  now?: () => Date;
  /**
   * Called with the entry as read (null when absent) on every attempt, before the change is applied:
   * throw to refuse the update. Re-checked after each lost race, so a condition ("only if nobody
   * claimed it yet") holds at the moment of the write, not only at the first read.
   */
  precondition?: (current: ManifestEntry | null) => void;
  /**
   * When the entry is absent: create it with these values and note first (a history record of its
   * own), then apply the update, in the same write. Without it an absent entry is created by the update.
   */
  createWith?: { set: ManifestEntryChanges; note: string | null };
}

export interface ManifestUpdateMetrics {
  /** Data fields the update changed (every field of a new entry). */
  'governance.manifest_diff_count': number;
  /** Seconds spent losing compare-and-swap races: from the first attempt to the start of the last one. */
  'metrics.lock_wait_seconds': number;
}

export interface ManifestUpdateResult {
  entry: ManifestEntry;
  created: boolean;
  /** False when the entry already held these values and no note was given: nothing was written. */
  written: boolean;
  changedFields: ManifestDataField[];
  /** Read-apply-write rounds, 1 when nobody else wrote in between. */
  attempts: number;
  /** The store's version after the update (or the version read, when nothing was written). */
  version: string | null;
  metrics: ManifestUpdateMetrics;
}

/**
 * Creates or updates one entry without losing anyone else's update: read → parse and validate →
 * apply (state machine, entry rules) → write with compare-and-swap; when another writer got there
 * first, re-read and re-apply the same change after a jittered exponential backoff.
 *
 * Throws ManifestRuleError when the change breaks a rule (also when another writer's update made it
 * illegal), whatever `precondition` throws, ManifestConflictError after `maxAttempts` lost races,
 * ReleaseGuardError for unusable input or an unreadable manifest. Nothing is written in any of these
 * cases.
 */
export async function updateManifest(
  store: ManifestStore,
  options: ManifestUpdateOptions,
): Promise<ManifestUpdateResult> {
  checkManifestEntryUpdate(options);
  const now = options.now ?? (() => new Date());

  const outcome = await compareAndSwap(
    store,
    (stored, round) => {
      const manifest =
        stored.content === null ? emptyManifest() : parseManifest(stored.content, store.location);
      const current =
        manifest.entries.find((entry) => entry.tag === options.tag && entry.run_id === options.runId) ?? null;
      options.precondition?.(current);
      const at = now().toISOString();
      const created = current === null && options.createWith !== undefined;
      const base = created
        ? applyManifestEntryUpdate(manifest, { ...options, ...options.createWith }, at).manifest
        : manifest;
      const applied = applyManifestEntryUpdate(base, options, at);
      const changedFields = created
        ? MANIFEST_DATA_FIELDS.filter((field) => applied.entry[field] !== undefined)
        : applied.changedFields;
      const result = {
        entry: applied.entry,
        created: created || applied.previous === null,
        changedFields,
        metrics: {
          'governance.manifest_diff_count': changedFields.length,
          'metrics.lock_wait_seconds': round.waitedSeconds,
        },
      };
      return {
        result,
        write:
          applied.changed || created
            ? {
                content: serializeManifest(applied.manifest),
                message: commitMessage(applied, options, created),
              }
            : null,
      };
    },
    {
      maxAttempts: options.maxAttempts,
      backoffBaseMs: options.backoffBaseMs,
      backoffMaxMs: options.backoffMaxMs,
      giveUp: (last, attempts, elapsedSeconds) =>
        new ManifestConflictError(
          store.location,
          attempts,
          `${manifestEntryKey(last.entry)}: gave up after ${attempts} attempts in ${elapsedSeconds.toFixed(1)} s: other writers changed ${store.location} every time. ` +
            'Check that the writers share the concurrency group provenance-manifest-<ref>, then run the update again; nothing was written.',
        ),
    },
  );
  return {
    ...outcome.result,
    written: outcome.written,
    attempts: outcome.attempts,
    version: outcome.version,
  };
}

function commitMessage(
  applied: ReturnType<typeof applyManifestEntryUpdate>,
  update: ManifestEntryUpdate,
  created: boolean,
): string {
  const from = created ? `new → ${applied.previous?.status}` : (applied.previous?.status ?? 'new');
  const lines = [`manifest: ${manifestEntryKey(applied.entry)}: ${from} → ${applied.entry.status}`, ''];
  lines.push(`Changed: ${applied.changedFields.join(', ') || 'nothing (note only)'}`);
  lines.push(`Actor: ${update.actor}`);
  if (update.note) lines.push('', update.note);
  return `${lines.join('\n')}\n`;
}
