import { setTimeout as sleep } from 'node:timers/promises';
import type { ManifestStore, StoredManifest } from '../manifest/store';

export interface CompareAndSwapOptions {
  /** Attempts before giving up (default 30). */
  maxAttempts?: number;
  /**
   * Backoff after the n-th lost race: a random wait up to slot·2^(n-1), capped at backoffMaxMs (default
   * 10 s). The slot is the lost attempt's own duration, at least backoffBaseMs (default 50 ms): writers
   * of a slow remote or a busy machine spread out in proportion.
   */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

/** Where a compare-and-swap loop stands when it asks for the next plan. */
export interface SwapRound {
  /** 1 for the first read, n after n-1 lost races. */
  attempt: number;
  /** Seconds spent losing races so far: from the first attempt to the start of this one. */
  waitedSeconds: number;
}

/** What one round decided: its result, and the text to write unless there is nothing to change. */
export interface SwapPlan<T> {
  result: T;
  write: { content: string; message: string } | null;
}

export interface SwapOutcome<T> {
  /** The result of the round that won (or that had nothing to write). */
  result: T;
  written: boolean;
  /** Read-plan-write rounds, 1 when nobody else wrote in between. */
  attempts: number;
  /** The store's version after the write (or the version read, when nothing was written). */
  version: string | null;
}

/**
 * The retry loop of every compare-and-swap writer: read → plan (parse, validate, apply the change) →
 * write only if the store still holds the version read; when another writer got there first, wait a
 * jittered exponential backoff, re-read and plan again from what is there now. Whatever `plan`
 * throws ends the loop with nothing written. After `maxAttempts` lost races, throws what `giveUp`
 * makes of the last round's result.
 */
export async function compareAndSwap<T>(
  store: ManifestStore,
  plan: (stored: StoredManifest, round: SwapRound) => SwapPlan<T> | Promise<SwapPlan<T>>,
  options: CompareAndSwapOptions & {
    giveUp: (last: T, attempts: number, elapsedSeconds: number) => Error;
  },
): Promise<SwapOutcome<T>> {
  const maxAttempts = options.maxAttempts ?? 30;
  const baseMs = options.backoffBaseMs ?? 50;
  const maxMs = options.backoffMaxMs ?? 10_000;
  const started = performance.now();

  for (let attempt = 1; ; attempt++) {
    const attemptStarted = performance.now();
    const stored = await store.read();
    const planned = await plan(stored, {
      attempt,
      waitedSeconds: Math.round(attemptStarted - started) / 1000,
    });
    if (planned.write === null)
      return { result: planned.result, written: false, attempts: attempt, version: stored.version };

    const written = await store.write(planned.write.content, stored.version, planned.write.message);
    if (written.ok)
      return { result: planned.result, written: true, attempts: attempt, version: written.version };

    if (attempt >= maxAttempts)
      throw options.giveUp(planned.result, attempt, (performance.now() - started) / 1000);
    const slotMs = Math.max(baseMs, performance.now() - attemptStarted);
    await sleep(Math.random() * Math.min(maxMs, slotMs * 2 ** (attempt - 1)));
  }
}
