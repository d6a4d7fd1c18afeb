import type { FailureCode } from '../errors';
import { ManifestRuleError } from '../manifest/errors';
import { manifestFieldProblem } from '../manifest/schema';
import type { ManifestStore } from '../manifest/store';
import type { ManifestEntry, ManifestEntryChanges } from '../manifest/types';
import { updateManifest } from '../manifest/update';

/** The manifest's history note is at most 4096 characters. */
const MAX_NOTE = 4000;

export interface NotifyManifestWrite {
  tag: string;
  runId: string;
  actor: string;
  note: string;
  set: ManifestEntryChanges;
  now: () => Date;
}

export interface NotifyManifestOutcome {
  entry: ManifestEntry | null;
  /** Why the write was refused or changed (status left as is, issue already recorded), or null. */
  problem: string | null;
}

/** What a failure makes of the entry: status failure with its reason, and the artifact's address. */
export function failureChanges(
  failureReason: FailureCode | null,
  artifactUrl: string | null,
): ManifestEntryChanges {
  const set: ManifestEntryChanges = {};
  // status failure needs a failure_reason: with none given, the status is left to the validation.
  if (failureReason !== null) {
    set.status = 'failure';
    set.failure_reason = failureReason;
  }
  if (artifactUrl !== null && manifestFieldProblem('artifact_url', artifactUrl) === null)
    set.artifact_url = artifactUrl;
  return set;
}

/**
 * Writes one notify-on-failure change to the (tag, run) entry under the manifest's rules. The state
 * machine wins over the notifier: an entry further along (requeued, rerunning, blocked, success,
 * rollback) keeps its status, and a success or rollback keeps its empty failure_reason; an
 * issue_number recorded meanwhile is kept. Never throws: a problem is returned.
 */
export async function writeNotifyRecord(
  store: ManifestStore,
  write: NotifyManifestWrite,
): Promise<NotifyManifestOutcome> {
  const set: ManifestEntryChanges = { ...write.set };
  const adjustments: string[] = [];
  for (let round = 0; round < 3; round++) {
    const note = [write.note, ...adjustments].join(' ').slice(0, MAX_NOTE);
    try {
      const result = await updateManifest(store, {
        tag: write.tag,
        runId: write.runId,
        actor: write.actor,
        note,
        set,
        now: write.now,
      });
      return { entry: result.entry, problem: adjustments.length > 0 ? adjustments.join(' ') : null };
    } catch (error) {
      if (!(error instanceof ManifestRuleError)) return { entry: null, problem: (error as Error).message };
      if (error.rule === 'illegal_transition' && set.status !== undefined) {
        const from = String(error.details.from);
        delete set.status;
        if (from === 'success' || from === 'rollback') delete set.failure_reason;
        adjustments.push(`(status left as ${from}: the state machine does not allow ${from} → failure)`);
      } else if (error.rule === 'issue_number_locked' && set.issue_number !== undefined) {
        adjustments.push(
          `(issue #${set.issue_number} not recorded: the entry already has issue #${String(error.details.expected)})`,
        );
        delete set.issue_number;
      } else {
        return { entry: null, problem: error.message };
      }
    }
  }
  return { entry: null, problem: adjustments.join(' ') };
}
