import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileManifestStore } from '../manifest/file-store';
import { updateManifest } from '../manifest/update';
import { turnClaimNote as claimNote, turnDoneNote as doneNote } from '../manifest/history';
import { waitForTurn } from './turn';

const TAG = 'v1.2.3';
const RUN = '42';
let folder: string;
let store: FileManifestStore;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-claim-'));
  store = new FileManifestStore(path.join(folder, 'manifest.json'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

/** Appends a history note, at `at` (the claim's age is judged by it). */
async function note(text: string, at = new Date(), set = {}) {
  await updateManifest(store, {
    tag: TAG,
    runId: RUN,
    actor: 'test',
    note: text,
    set: { status: 'failure', failure_reason: 'digest_mismatch', ...set },
    now: () => at,
  });
}

function turn(claimId: string, staleAfterMs = 60_000) {
  return waitForTurn(store, {
    tag: TAG,
    runId: RUN,
    claimId,
    staleAfterMs,
    pollMs: 20,
    now: () => new Date(),
  });
}

const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';

describe('notifier claims in the manifest history', () => {
  it('lets the oldest live claim go first', async () => {
    await note(claimNote(A, 'x'));
    await note(claimNote(B, 'x'));
    expect(await turn(A)).toMatchObject({ kind: 'mine' });
  });

  it('makes a later claim wait for the earlier one and take its result', async () => {
    await note(claimNote(A, 'x'));
    await note(claimNote(B, 'x'));
    const waiting = turn(B);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await note(doneNote(A, 'issue', 'issue #7 (created)'), new Date(), { issue_number: 7 });
    expect(await waiting).toMatchObject({
      kind: 'adopt',
      by: A,
      notified: 'issue',
      entry: { issue_number: 7 },
    });
  });

  it('goes ahead itself when the earlier notifier finished without reaching anyone', async () => {
    await note(claimNote(A, 'x'));
    await note(claimNote(B, 'x'));
    await note(doneNote(A, 'none', 'notify_failed: …'));
    expect(await turn(B)).toMatchObject({ kind: 'mine' });
  });

  it('passes over a stale claim of a notifier that died', async () => {
    await note(claimNote(A, 'x'), new Date(Date.now() - 120_000));
    await note(claimNote(B, 'x'));
    expect(await turn(B, 60_000)).toMatchObject({ kind: 'mine' });
  });

  it('does not take the result of an earlier, finished attempt (a re-run notifies again)', async () => {
    await note(claimNote(A, 'x'));
    await note(doneNote(A, 'slack', 'Slack delivered'));
    await note(claimNote(B, 'x'));
    expect(await turn(B)).toMatchObject({ kind: 'mine' });
  });

  it('goes ahead when its own claim could not be written', async () => {
    expect(await turn(B)).toEqual({ kind: 'mine', entry: null });
  });
});
