import { usageError } from '../errors';
import { lastRecordTo } from '../manifest/history';
import { parseManifest } from '../manifest/schema';
import type { ManifestStore } from '../manifest/store';
import { manifestEntryKey, type ManifestEntry, type ManifestEntryChanges } from '../manifest/types';
import { updateManifest, type ManifestUpdateResult } from '../manifest/update';
import { safeText } from '../text/safe-text';

/** Why an entry cannot be claimed for a re-run. */
export type ClaimRefusal = 'succeeded' | 'rerun_in_progress' | 'not_recoverable';

export type ClaimOutcome =
  | { claimed: true; update: ManifestUpdateResult }
  | { claimed: false; refusal: ClaimRefusal; entry: ManifestEntry; message: string };

export interface ClaimOptions {
  tag: string;
  runId: string;
  actor: string;
  /** The history note of the claim (already redacted and escaped). */
  note: string;
  /** The manifest as the action was told where to find it, for the message that says how to clear a flag. */
  manifestHint: string;
  now?: () => Date;
  /**
   * For a run no validation recorded: the entry to create when it is still absent at the write, in
   * the same compare-and-swap as the claim (a history record of its own). Without it an absent entry
   * is unusable input.
   */
  createMissing?: { set: ManifestEntryChanges; note: string };
}

class ClaimRefused extends Error {
  constructor(
    readonly refusal: ClaimRefusal,
    readonly entry: ManifestEntry,
    message: string,
  ) {
    super(message);
  }
}

/** The refusal for this entry as read, or null when a re-run may be claimed (failure, requeued, a stopped rerunning). */
function refusalOf(entry: ManifestEntry, options: ClaimOptions): ClaimRefused | null {
  const key = manifestEntryKey(entry);
  if (entry.status === 'success') {
    return new ClaimRefused(
      'succeeded',
      entry,
      `${key} already succeeded (verified ${entry.verified_at ?? 'earlier'}); there is nothing to re-run.`,
    );
  }
  if (entry.rerun_in_progress) {
    const claim = lastRecordTo(entry, (to) => to === 'requeued' || to === 'rerunning');
    const by = claim ? ` (claimed by ${safeText(claim.actor)} at ${claim.at})` : '';
    return new ClaimRefused(
      'rerun_in_progress',
      entry,
      `a re-run of ${key} is already in progress${by}; not starting another. ` +
        'If no provenance-recover run for it is still running, clear the flag with ' +
        `\`release-guard manifest update --manifest ${options.manifestHint} --tag <tag> --run-id ${entry.run_id} --set rerun_in_progress=false\` and dispatch again.`,
    );
  }
  if (entry.status === 'failure' || entry.status === 'requeued' || entry.status === 'rerunning') return null;
  const why: Record<string, string> = {
    pending: 'its validation has not finished yet (status pending); wait for it',
    blocked:
      'it is blocked: a re-run already failed or was denied, and a finished run is never re-opened. ' +
      'Release again with a new run: dispatch the release workflow for the tag, or have a release steward create the `<tag>-retry` tag',
    rollback: 'it was rolled back (final)',
  };
  return new ClaimRefused('not_recoverable', entry, `${key} cannot be re-run: ${why[entry.status]}.`);
}

/** What the claim would do with the entry as it is now: refuse it, claim it, or find none. */
export type ClaimPreview =
  | { kind: 'refused'; refused: Extract<ClaimOutcome, { claimed: false }> }
  | { kind: 'claimable' }
  | { kind: 'missing' };

/**
 * The claim's answer for the entry as it is now, without writing: a skip (already succeeded, a
 * re-run in progress, not recoverable) is decided before anything else is asked, and a missing
 * entry is known before GitHub is asked about the run.
 */
export async function previewClaim(store: ManifestStore, options: ClaimOptions): Promise<ClaimPreview> {
  const { content } = await store.read();
  if (content === null) return { kind: 'missing' };
  const entry = parseManifest(content, store.location).entries.find(
    (e) => e.tag === options.tag && e.run_id === options.runId,
  );
  if (!entry) return { kind: 'missing' };
  const refusal = refusalOf(entry, options);
  return refusal
    ? {
        kind: 'refused',
        refused: { claimed: false, refusal: refusal.refusal, entry: refusal.entry, message: refusal.message },
      }
    : { kind: 'claimable' };
}

/**
 * Claims the (tag, run) entry for one re-run: sets `rerun_in_progress` (and status requeued) by
 * compare-and-swap, re-checking after every lost race that nobody claimed it meanwhile. Of two
 * provenance-recover runs started together, exactly one gets `claimed: true`; the other reads the
 * winner's flag and is refused, before either calls GitHub.
 *
 * An entry that does not exist is unusable input (exit 2): there is no recorded failure to recover,
 * unless `createMissing` says what to record for it.
 */
export async function claimRerun(store: ManifestStore, options: ClaimOptions): Promise<ClaimOutcome> {
  const key = manifestEntryKey({ tag: options.tag, run_id: options.runId });
  try {
    const update = await updateManifest(store, {
      tag: options.tag,
      runId: options.runId,
      set: { status: 'requeued', rerun_in_progress: true, requeue: true },
      actor: options.actor,
      note: options.note,
      now: options.now,
      createWith: options.createMissing,
      precondition: (entry) => {
        if (entry === null && options.createMissing) return;
        if (entry === null) {
          throw usageError(
            `the manifest ${store.location} has no entry for ${key}: no failure of this run is recorded. ` +
              'Check `run-id` and `tag` (provenance-validate records the run it validated, e.g. a security-ci run).',
          );
        }
        const refusal = refusalOf(entry, options);
        if (refusal) throw refusal;
      },
    });
    return { claimed: true, update };
  } catch (error) {
    if (error instanceof ClaimRefused)
      return { claimed: false, refusal: error.refusal, entry: error.entry, message: error.message };
    throw error;
  }
}
