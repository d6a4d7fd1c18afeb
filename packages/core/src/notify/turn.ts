import { setTimeout as sleep } from 'node:timers/promises';
import { turnOf, type Turn } from '../manifest/history';
import { parseManifest } from '../manifest/schema';
import type { ManifestStore } from '../manifest/store';
import type { ManifestEntry } from '../manifest/types';

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

/** Waits until this notifier's claim may alert, or another notifier's finished result can be taken. */
export async function waitForTurn(
  store: ManifestStore,
  options: TurnOptions,
): Promise<Exclude<Turn, { kind: 'wait' }>> {
  for (;;) {
    const entry = await readEntry(store, options.tag, options.runId);
    const turn = turnOf(entry, options.claimId, options.now().getTime(), options.staleAfterMs);
    if (turn.kind !== 'wait') return turn;
    await sleep(options.pollMs);
  }
}
