import { setTimeout as sleep } from 'node:timers/promises';
import { parseManifest } from '../manifest/schema';
import type { ManifestStore } from '../manifest/store';
import type { HistoryRecord, ManifestEntry } from '../manifest/types';

/*
 * Two notifiers for one run (a re-run racing the original, two workflows, a concurrency group that
 * did not hold) must not both file an issue. Each writes a claim to the entry's history through the
 * manifest's compare-and-swap, so every claim lands in one order; the oldest claim that is neither
 * finished nor stale goes first, and the others wait for its `done` record and take its result. A
 * claim older than `staleAfterMs` without a `done` is a notifier that died: it is passed over.
 */

export type Notified = 'slack' | 'issue' | 'both' | 'none';

const CLAIM = /^notify-on-failure claim ([0-9a-f]{12})\b/;
const DONE = /^notify-on-failure done ([0-9a-f]{12}) notified=(slack|issue|both|none)\b/;

export function claimNote(claimId: string, what: string): string {
  return `notify-on-failure claim ${claimId}: ${what}`;
}

export function doneNote(claimId: string, notified: Notified, what: string): string {
  return `notify-on-failure done ${claimId} notified=${notified}: ${what}`;
}

function claimOf(record: HistoryRecord): string | undefined {
  return record.note === null ? undefined : CLAIM.exec(record.note)?.[1];
}

function doneOf(record: HistoryRecord): { id: string; notified: Notified } | undefined {
  const match = record.note === null ? null : DONE.exec(record.note);
  return match ? { id: match[1], notified: match[2] as Notified } : undefined;
}

export type Turn =
  /** Go ahead: no live claim is older than ours (or ours could not be written). */
  | { kind: 'mine'; entry: ManifestEntry | null }
  /** A notifier that claimed before us finished while we waited and reached someone: take its result. */
  | { kind: 'adopt'; entry: ManifestEntry; by: string; notified: Exclude<Notified, 'none'> };

export interface TurnOptions {
  tag: string;
  runId: string;
  claimId: string;
  staleAfterMs: number;
  pollMs: number;
  now: () => Date;
}

async function readEntry(store: ManifestStore, tag: string, runId: string): Promise<ManifestEntry | null> {
  const { content } = await store.read();
  if (content === null) return null;
  return (
    parseManifest(content, store.location).entries.find((e) => e.tag === tag && e.run_id === runId) ?? null
  );
}

/** Waits until this claim may notify, or another notifier's finished result can be taken. */
export async function waitForTurn(store: ManifestStore, options: TurnOptions): Promise<Turn> {
  for (;;) {
    const entry = await readEntry(store, options.tag, options.runId);
    const history = entry?.history ?? [];
    const mine = history.findIndex((record) => claimOf(record) === options.claimId);
    if (entry === null || mine === -1) return { kind: 'mine', entry };

    const done = history.map(doneOf).filter((d) => d !== undefined);
    const finished = new Set(done.map((d) => d.id));
    const nowMs = options.now().getTime();
    const earlier = history.slice(0, mine).filter((record) => claimOf(record) !== undefined);
    const live = earlier.filter(
      (record) =>
        !finished.has(claimOf(record) as string) && nowMs - Date.parse(record.at) < options.staleAfterMs,
    );
    if (live.length === 0) {
      const earlierIds = new Set(earlier.map((record) => claimOf(record) as string));
      const reached = history
        .slice(mine + 1)
        .map(doneOf)
        .find((d) => d !== undefined && earlierIds.has(d.id) && d.notified !== 'none');
      if (reached)
        return {
          kind: 'adopt',
          entry,
          by: reached.id,
          notified: reached.notified as Exclude<Notified, 'none'>,
        };
      return { kind: 'mine', entry };
    }
    await sleep(options.pollMs);
  }
}
