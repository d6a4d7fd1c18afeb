import { ReleaseGuardError } from '../errors';
import { ManifestConflictError, ManifestRuleError } from '../manifest/errors';
import type { ManifestStore } from '../manifest/store';
import type { ManifestEntry, ManifestEntryChanges } from '../manifest/types';
import { updateManifest, type ManifestUpdateResult } from '../manifest/update';

/**
 * The manifest writes of one recovery, after the claim: each one compare-and-swap, each problem kept
 * (a rule another writer's update made apply, lost races, an unreadable store) instead of thrown, so
 * that GitHub's outcome is still reported. Sums the manifest metrics over every write.
 */
export class RecoveryRecord {
  entry: ManifestEntry | null = null;
  problem: string | null = null;
  diffCount = 0;
  lockWaitSeconds = 0;

  constructor(
    private readonly store: ManifestStore,
    private readonly key: { tag: string; runId: string; actor: string },
    private readonly now: () => Date,
  ) {}

  get location(): string {
    return this.store.location;
  }

  /** Counts a write made elsewhere (the claim). */
  add(update: ManifestUpdateResult): void {
    this.entry = update.entry;
    this.diffCount += update.metrics['governance.manifest_diff_count'];
    this.lockWaitSeconds += update.metrics['metrics.lock_wait_seconds'];
  }

  /** Writes `set` with a history note; false (and `problem` set) when the manifest could not take it. */
  async write(set: ManifestEntryChanges, note: string): Promise<boolean> {
    try {
      this.add(await updateManifest(this.store, { ...this.key, set, note, now: this.now }));
      return true;
    } catch (error) {
      const known =
        error instanceof ManifestRuleError ||
        error instanceof ManifestConflictError ||
        error instanceof ReleaseGuardError;
      if (!known) throw error;
      this.problem = `${set.status ? `could not record status ${set.status}` : 'could not update the entry'}: ${error.message}`;
      return false;
    }
  }
}
