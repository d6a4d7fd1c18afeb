import type { ManifestEntryChanges, ManifestEntry, ManifestStatus } from './types';

/*
 * The status of a manifest entry, from the security-ci scenario:
 *
 *   from        may go to
 *   (new)       pending | success | failure | rollback
 *   pending     success | failure
 *   failure     requeued | rollback
 *   requeued    rerunning | blocked            blocked: the re-run was denied
 *   rerunning   success | blocked | requeued   blocked: failed again; requeued: cancelled
 *   success     rollback
 *   blocked     rollback
 *   rollback    (final)
 *
 * - A new entry starts as pending (validation started), success or failure (validation wrote its
 *   result once), or rollback (the entry of the rollback run itself).
 * - requeued: a re-run was asked for; rerunning: the re-run is running. A re-run cancelled by a
 *   concurrency group goes back to requeued; a denied or failed re-run ends blocked.
 * - rollback is the on-call's decision after a failure, a blocked run or a bad release and
 *   is final. A finished run is never re-opened: a new attempt of the release is a new run id.
 * - Writing the same status again is not a transition and is always allowed.
 *
 * Rules on the status an entry ends in:
 * - failure and blocked carry a failure_reason;
 * - rollback carries governance_flag=rollback.
 * What an update does by itself when the status changes (unless it sets the field too):
 * - entering success stamps verified_at with the time of the write;
 * - entering success, blocked or rollback clears rerun_in_progress: no re-run is in progress any more.
 */

export const MANIFEST_INITIAL_STATUSES: readonly ManifestStatus[] = [
  'pending',
  'success',
  'failure',
  'rollback',
];

export const MANIFEST_TRANSITIONS: Readonly<Record<ManifestStatus, readonly ManifestStatus[]>> = {
  pending: ['success', 'failure'],
  success: ['rollback'],
  failure: ['requeued', 'rollback'],
  requeued: ['rerunning', 'blocked'],
  rerunning: ['success', 'blocked', 'requeued'],
  blocked: ['rollback'],
  rollback: [],
};

const FINISHED: readonly ManifestStatus[] = ['success', 'blocked', 'rollback'];

/** `from` null means the entry does not exist yet. */
export function isLegalStatusTransition(from: ManifestStatus | null, to: ManifestStatus): boolean {
  if (from === null) return MANIFEST_INITIAL_STATUSES.includes(to);
  return from === to || MANIFEST_TRANSITIONS[from].includes(to);
}

/** One line summarising the whole machine, for error messages. */
export function describeManifestStateMachine(): string {
  const moves = (Object.keys(MANIFEST_TRANSITIONS) as ManifestStatus[])
    .filter((from) => MANIFEST_TRANSITIONS[from].length > 0)
    .map((from) => `${from} → ${MANIFEST_TRANSITIONS[from].join(' | ')}`);
  return `new → ${MANIFEST_INITIAL_STATUSES.join(' | ')}; ${moves.join('; ')}; rollback is final`;
}

/** Why `from → to` is refused and what the caller can do instead. Only call it for illegal moves. */
export function explainIllegalStatusTransition(from: ManifestStatus | null, to: ManifestStatus): string {
  if (from === null) {
    return (
      `a new entry cannot start as ${to}; it starts as ${MANIFEST_INITIAL_STATUSES.join(', ')}. ` +
      `Allowed moves: ${describeManifestStateMachine()}.`
    );
  }
  const next = MANIFEST_TRANSITIONS[from];
  const options =
    next.length === 0 ? `${from} is final` : `from ${from} the entry may only go to ${next.join(' or ')}`;
  const advice = FINISHED.includes(from)
    ? ' A finished run is never re-opened: record a new attempt of the release under its new run id.'
    : '';
  return `status ${from} → ${to} is not allowed: ${options}.${advice} Allowed moves: ${describeManifestStateMachine()}.`;
}

/** Rules on the status an entry ends in; each violation is a sentence that says how to fix it. */
export function manifestStatusViolations(
  entry: Pick<ManifestEntry, 'status' | 'failure_reason' | 'governance_flag'>,
): string[] {
  const violations: string[] = [];
  if ((entry.status === 'failure' || entry.status === 'blocked') && entry.failure_reason === null) {
    violations.push(
      `status ${entry.status} needs a failure_reason (one of the failure codes): set failure_reason=CODE in the same update`,
    );
  }
  if (entry.status === 'rollback' && entry.governance_flag !== 'rollback') {
    violations.push(
      `status rollback needs governance_flag=rollback (got ${String(entry.governance_flag)}): set governance_flag=rollback in the same update`,
    );
  }
  return violations;
}

/** Fields an update changes by itself when the status moves from `from` to `to` (see the rules above). */
export function derivedEntryChanges(
  from: ManifestStatus | null,
  to: ManifestStatus,
  explicit: ManifestEntryChanges,
  at: string,
): ManifestEntryChanges {
  if (from === to) return {};
  const derived: ManifestEntryChanges = {};
  if (to === 'success' && !('verified_at' in explicit)) derived.verified_at = at;
  if (FINISHED.includes(to) && !('rerun_in_progress' in explicit)) derived.rerun_in_progress = false;
  return derived;
}
