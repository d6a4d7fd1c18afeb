import { ReleaseGuardError } from '../errors';
import { ManifestRuleError } from './errors';
import type { ManifestStore } from './store';
import type { ManifestEntry, ManifestEntryChanges } from './types';
import { updateManifest, type ManifestUpdateMetrics, type ManifestUpdateResult } from './update';

/** The manifest's history note is at most 4096 characters; adjustments are appended to the note. */
const MAX_NOTE = 4000;

export interface RecordOptions {
  /**
   * When the state machine refuses the status change (the entry is further along: a re-run in
   * progress, a success, a rollback), record the other fields and leave the status as it is. Without
   * it such a refusal is a problem and nothing is written.
   */
  keepStatus?: boolean;
}

export interface RecordResult {
  written: boolean;
  entry: ManifestEntry | null;
  /** Why the write was refused or changed (status left as is, issue already recorded), or null. */
  problem: string | null;
}

/**
 * The manifest writes of one action run on one (tag, run) entry: each compare-and-swap, each problem
 * kept instead of thrown (a rule another writer's update made apply, lost races, an unreadable store),
 * so that an action still reports what it did. Sums the manifest metrics over every write. Errors
 * that are not release-guard's (a bug) are not caught.
 */
export class ManifestRecorder {
  entry: ManifestEntry | null = null;
  readonly problems: string[] = [];
  readonly metrics: ManifestUpdateMetrics = {
    'governance.manifest_diff_count': 0,
    'metrics.lock_wait_seconds': 0,
  };

  constructor(
    private readonly store: ManifestStore,
    private readonly key: { tag: string; runId: string; actor: string },
    /** The clock of every write (and of the records written through it, e.g. recordControl). */
    readonly now: () => Date,
  ) {}

  get location(): string {
    return this.store.location;
  }

  /** Every problem so far in one line, or null. */
  get problem(): string | null {
    return this.problems.length === 0 ? null : this.problems.join(' ');
  }

  /** Counts a write made elsewhere (a claim made with its own precondition). */
  add(update: ManifestUpdateResult): void {
    this.entry = update.entry;
    this.metrics['governance.manifest_diff_count'] += update.metrics['governance.manifest_diff_count'];
    this.metrics['metrics.lock_wait_seconds'] =
      Math.round(
        (this.metrics['metrics.lock_wait_seconds'] + update.metrics['metrics.lock_wait_seconds']) * 1000,
      ) / 1000;
  }

  /** Writes `set` with a history note; a refusal or an unreadable store is returned, not thrown. */
  async record(set: ManifestEntryChanges, note: string, options: RecordOptions = {}): Promise<RecordResult> {
    const changes: ManifestEntryChanges = { ...set };
    const adjustments: string[] = [];
    for (let round = 0; round < 3; round++) {
      try {
        const update = await updateManifest(this.store, {
          ...this.key,
          set: changes,
          note: [note, ...adjustments].join(' ').slice(0, MAX_NOTE),
          now: this.now,
        });
        this.add(update);
        const problem = adjustments.length > 0 ? adjustments.join(' ') : null;
        if (problem) this.problems.push(problem);
        return { written: update.written, entry: update.entry, problem };
      } catch (error) {
        if (!(error instanceof ReleaseGuardError)) throw error;
        const adjustment = options.keepStatus ? adjust(error, changes) : null;
        if (adjustment === null) {
          const what = set.status ? `could not record status ${set.status}` : 'could not update the entry';
          const problem = [...adjustments, `${what}: ${error.message}`].join(' ');
          this.problems.push(problem);
          return { written: false, entry: null, problem };
        }
        adjustments.push(adjustment);
      }
    }
    const problem = adjustments.join(' ');
    this.problems.push(problem);
    return { written: false, entry: null, problem };
  }
}

/**
 * Takes out of `changes` what a rule refused, and says what was left out; null when nothing can be
 * left out. A refused status takes its companions with it: `requeue`, and the failure reason where the
 * entry ended well (a success or a rollback keeps its empty reason).
 */
function adjust(error: ReleaseGuardError, changes: ManifestEntryChanges): string | null {
  if (!(error instanceof ManifestRuleError)) return null;
  if (error.rule === 'illegal_transition' && changes.status !== undefined) {
    const from = String(error.details.from);
    const to = changes.status;
    delete changes.status;
    delete changes.requeue;
    if (from === 'success' || from === 'rollback' || changes.failure_reason === null)
      delete changes.failure_reason;
    return `(status left as ${from}: the state machine does not allow ${from} → ${to})`;
  }
  if (error.rule === 'issue_number_locked' && changes.issue_number !== undefined) {
    const refused = changes.issue_number;
    delete changes.issue_number;
    return `(issue #${refused} not recorded: the entry already has issue #${String(error.details.expected)})`;
  }
  return null;
}
