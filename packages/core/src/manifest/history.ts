import type { HistoryRecord, ManifestEntry } from './types';

/*
 * Queries over an entry's append-only history, and the one protocol written into it.
 *
 * The notify turn protocol. Two notifiers for one run (a re-run racing the original, two workflows, a
 * concurrency group that did not hold) must not both file an issue. Each writes two history notes
 * through the manifest's compare-and-swap, so that every note lands in one order:
 *
 *   notify-on-failure claim <id>: <free text>
 *   notify-on-failure done <id> notified=<slack|issue|both|none>: <free text>
 *
 * `<id>` is 12 lowercase hex digits, new for each notifier. The oldest claim that has no `done` and
 * is not stale goes first; a later claimant waits for the `done` of every earlier live claim, then
 * adopts the result of the first earlier one that reached someone, or goes itself. A claim older than
 * the stale limit without a `done` belongs to a notifier that died and is passed over. The prefixes
 * are the protocol: notifiers of other versions read the same manifest, so their wording stays.
 */

export type Notified = 'slack' | 'issue' | 'both' | 'none';

const TURN_CLAIM = /^notify-on-failure claim ([0-9a-f]{12})\b/;
const TURN_DONE = /^notify-on-failure done ([0-9a-f]{12}) notified=(slack|issue|both|none)\b/;

export function turnClaimNote(claimId: string, what: string): string {
  return `notify-on-failure claim ${claimId}: ${what}`;
}

export function turnDoneNote(claimId: string, notified: Notified, what: string): string {
  return `notify-on-failure done ${claimId} notified=${notified}: ${what}`;
}

export function turnClaimOf(record: HistoryRecord): string | undefined {
  return record.note === null ? undefined : TURN_CLAIM.exec(record.note)?.[1];
}

export function turnDoneOf(record: HistoryRecord): { id: string; notified: Notified } | undefined {
  const match = record.note === null ? null : TURN_DONE.exec(record.note);
  return match ? { id: match[1], notified: match[2] as Notified } : undefined;
}

export type Turn =
  /** Go ahead: no live claim is older than ours (or ours is not in the history). */
  | { kind: 'mine'; entry: ManifestEntry | null }
  /** A notifier that claimed before us finished and reached someone: take its result. */
  | { kind: 'adopt'; entry: ManifestEntry; by: string; notified: Exclude<Notified, 'none'> }
  /** An earlier claim is still live: read again later. */
  | { kind: 'wait' };

/** Whose turn it is for `claimId`, by the protocol above, with the entry as read at `nowMs`. */
export function turnOf(
  entry: ManifestEntry | null,
  claimId: string,
  nowMs: number,
  staleAfterMs: number,
): Turn {
  const history = entry?.history ?? [];
  const mine = history.findIndex((record) => turnClaimOf(record) === claimId);
  if (entry === null || mine === -1) return { kind: 'mine', entry };

  const finished = new Set(history.map(turnDoneOf).flatMap((done) => (done ? [done.id] : [])));
  const earlier = history.slice(0, mine).filter((record) => turnClaimOf(record) !== undefined);
  const live = earlier.filter(
    (record) => !finished.has(turnClaimOf(record) as string) && nowMs - Date.parse(record.at) < staleAfterMs,
  );
  if (live.length > 0) return { kind: 'wait' };
  const earlierIds = new Set(earlier.map((record) => turnClaimOf(record) as string));
  const reached = history
    .slice(mine + 1)
    .map(turnDoneOf)
    .find((done) => done !== undefined && earlierIds.has(done.id) && done.notified !== 'none');
  if (!reached) return { kind: 'mine', entry };
  return { kind: 'adopt', entry, by: reached.id, notified: reached.notified as Exclude<Notified, 'none'> };
}

/** The last record whose new status satisfies `predicate`. */
export function lastRecordTo(
  entry: ManifestEntry,
  predicate: (to: string) => boolean,
): HistoryRecord | undefined {
  return [...entry.history].reverse().find((record) => predicate(record.to));
}

/**
 * When the failure was detected: the last time the entry turned `failure` (from another status or
 * when created), else `fallback`.
 */
export function failureDetectedAt(entry: ManifestEntry | null, fallback: Date): Date {
  const turned = [...(entry?.history ?? [])]
    .reverse()
    .find((record) => record.to === 'failure' && record.from !== 'failure');
  const at = turned ? Date.parse(turned.at) : NaN;
  return Number.isNaN(at) ? fallback : new Date(at);
}

/** When the failure being recovered was recorded: the last record to failure, else the entry's first record. */
export function failureRecordedAt(entry: ManifestEntry | null): string | null {
  if (!entry) return null;
  return lastRecordTo(entry, (to) => to === 'failure')?.at ?? entry.history[0]?.at ?? null;
}
