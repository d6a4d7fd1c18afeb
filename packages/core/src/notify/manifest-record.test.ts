import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileManifestStore } from '../manifest/file-store';
import { updateManifest } from '../manifest/update';
import type { ManifestEntryChanges } from '../manifest/types';
import { failureChanges, writeNotifyRecord } from './manifest-record';

let folder: string;
let store: FileManifestStore;
const base = { tag: 'v1', runId: '42', actor: 'notify-on-failure', now: () => new Date() };

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-record-'));
  store = new FileManifestStore(path.join(folder, 'manifest.json'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

async function seed(...steps: ManifestEntryChanges[]) {
  for (const set of steps) await updateManifest(store, { ...base, actor: 'seed', set });
}

describe('writeNotifyRecord', () => {
  it('creates the entry as failure with its reason and artifact when the validation left none', async () => {
    const outcome = await writeNotifyRecord(store, {
      ...base,
      note: 'n',
      set: failureChanges('digest_mismatch', 'https://github.com/acme/widgets/actions/runs/42'),
    });
    expect(outcome).toMatchObject({
      problem: null,
      entry: {
        status: 'failure',
        failure_reason: 'digest_mismatch',
        artifact_url: expect.stringMatching(/^https/),
      },
    });
  });

  it('keeps an entry already in failure as it is, adding the history note', async () => {
    await seed({ status: 'failure', failure_reason: 'tag_mismatch' });
    const outcome = await writeNotifyRecord(store, {
      ...base,
      note: 'claim',
      set: failureChanges('tag_mismatch', null),
    });
    expect(outcome.entry).toMatchObject({ status: 'failure' });
    expect(outcome.entry?.history.at(-1)).toMatchObject({ from: 'failure', to: 'failure', note: 'claim' });
  });

  it('leaves an entry further along (requeued) in its status, and says so', async () => {
    await seed({ status: 'failure', failure_reason: 'tag_mismatch' }, { status: 'requeued' });
    const outcome = await writeNotifyRecord(store, {
      ...base,
      note: 'done',
      set: { ...failureChanges('digest_mismatch', null), slack_retry: 1 },
    });
    expect(outcome.entry).toMatchObject({
      status: 'requeued',
      failure_reason: 'digest_mismatch',
      slack_retry: 1,
    });
    expect(outcome.problem).toMatch(/status left as requeued/);
  });

  it('does not put a failure reason on a success', async () => {
    await seed({ status: 'success' });
    const outcome = await writeNotifyRecord(store, {
      ...base,
      note: 'done',
      set: failureChanges('digest_mismatch', null),
    });
    expect(outcome.entry).toMatchObject({ status: 'success', failure_reason: null });
  });

  it('keeps an issue_number recorded meanwhile', async () => {
    await seed({ status: 'failure', failure_reason: 'tag_mismatch', issue_number: 3 });
    const outcome = await writeNotifyRecord(store, {
      ...base,
      note: 'done',
      set: { issue_number: 4, slack_retry: 1 },
    });
    expect(outcome.entry).toMatchObject({ issue_number: 3, slack_retry: 1 });
    expect(outcome.problem).toMatch(/issue #4 not recorded: the entry already has issue #3/);
  });

  it('leaves the status alone when no failure code was given (failure needs one)', async () => {
    expect(failureChanges(null, 'not a url')).toEqual({});
  });

  it('returns an unwritable manifest as a problem instead of throwing', async () => {
    fs.writeFileSync(path.join(folder, 'manifest.json'), '{ not json');
    const outcome = await writeNotifyRecord(store, { ...base, note: 'n', set: {} });
    expect(outcome.entry).toBeNull();
    expect(outcome.problem).toEqual(expect.any(String));
  });
});
