import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileManifestStore } from '../manifest/file-store';
import { compareAndSwap } from './compare-and-swap';

let folder: string;
let path: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'cas-'));
  path = join(folder, 'state.json');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const giveUp = (last: unknown, attempts: number) => new Error(`gave up on ${String(last)} after ${attempts}`);

describe('compareAndSwap', () => {
  it('writes once when nobody else writes in between', async () => {
    const outcome = await compareAndSwap(
      new FileManifestStore(path),
      (stored) => ({ result: stored.content, write: { content: 'one', message: 'm' } }),
      { giveUp },
    );
    expect(outcome).toMatchObject({ result: null, written: true, attempts: 1 });
  });

  it("re-reads and plans again from the other writer's text after a lost race", async () => {
    writeFileSync(path, 'a');
    const seen: (string | null)[] = [];
    const outcome = await compareAndSwap(
      new FileManifestStore(path),
      (stored, round) => {
        seen.push(stored.content);
        // Another writer lands between the first read and its write.
        if (round.attempt === 1) writeFileSync(path, 'b');
        return { result: round.attempt, write: { content: `${stored.content}+mine`, message: 'm' } };
      },
      { giveUp, backoffBaseMs: 1 },
    );
    expect(seen).toEqual(['a', 'b']);
    expect(outcome).toMatchObject({ result: 2, written: true, attempts: 2 });
  });

  it('writes nothing when the plan has nothing to write, and reports the version read', async () => {
    writeFileSync(path, 'same');
    const store = new FileManifestStore(path);
    const { version } = await store.read();
    const outcome = await compareAndSwap(store, () => ({ result: 'kept', write: null }), { giveUp });
    expect(outcome).toEqual({ result: 'kept', written: false, attempts: 1, version });
  });

  it('throws what giveUp makes of the last round after maxAttempts lost races', async () => {
    let n = 0;
    const error = await compareAndSwap(
      new FileManifestStore(path),
      () => {
        writeFileSync(path, `theirs ${++n}`);
        return { result: `round ${n}`, write: { content: 'mine', message: 'm' } };
      },
      { giveUp, maxAttempts: 3, backoffBaseMs: 1 },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe('gave up on round 3 after 3');
  });
});
