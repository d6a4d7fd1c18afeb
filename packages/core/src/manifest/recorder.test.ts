import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { failureChanges } from '../notify/failure-changes';
import { FileManifestStore } from './file-store';
import { drillTag, isDrillEntry, provenanceSummary, recordControl } from './controls';
import { ManifestRecorder } from './recorder';
import type { ManifestEntryChanges } from './types';
import { updateManifest } from './update';

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

/** A write as notify-on-failure makes it: an entry further along keeps its status. */
function recordKeepingStatus(_store: FileManifestStore, write: { note: string; set: ManifestEntryChanges }) {
  return new ManifestRecorder(store, base, base.now).record(write.set, write.note, { keepStatus: true });
}

describe('ManifestRecorder with keepStatus', () => {
  it('creates the entry as failure with its reason and artifact when the validation left none', async () => {
    const outcome = await recordKeepingStatus(store, {
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
    const outcome = await recordKeepingStatus(store, {
      note: 'claim',
      set: failureChanges('tag_mismatch', null),
    });
    expect(outcome.entry).toMatchObject({ status: 'failure' });
    expect(outcome.entry?.history.at(-1)).toMatchObject({ from: 'failure', to: 'failure', note: 'claim' });
  });

  it('leaves an entry further along (requeued) in its status, and says so', async () => {
    await seed({ status: 'failure', failure_reason: 'tag_mismatch' }, { status: 'requeued' });
    const outcome = await recordKeepingStatus(store, {
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
    const outcome = await recordKeepingStatus(store, {
      note: 'done',
      set: failureChanges('digest_mismatch', null),
    });
    expect(outcome.entry).toMatchObject({ status: 'success', failure_reason: null });
  });

  it('keeps an issue_number recorded meanwhile', async () => {
    await seed({ status: 'failure', failure_reason: 'tag_mismatch', issue_number: 3 });
    const outcome = await recordKeepingStatus(store, {
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
    const outcome = await recordKeepingStatus(store, { note: 'n', set: {} });
    expect(outcome.entry).toBeNull();
    expect(outcome.problem).toEqual(expect.any(String));
  });
});

describe('ManifestRecorder', () => {
  const recorder = () => new ManifestRecorder(store, base, base.now);

  it('records a verdict on an entry further along (blocked), leaving its status as it is', async () => {
    await seed(
      { status: 'failure', failure_reason: 'artifact_missing', requeue: true },
      { status: 'requeued' },
      { status: 'blocked', failure_reason: 'rerun_failed', requeue: false },
    );
    const verdict = {
      status: 'success',
      failure_reason: null,
      requeue: false,
      artifact_url: 'https://x.test/a',
    } as const;
    const outcome = await recorder().record(verdict, 'provenance verified', { keepStatus: true });
    expect(outcome.entry).toMatchObject({
      status: 'blocked',
      failure_reason: 'rerun_failed',
      artifact_url: 'https://x.test/a',
    });
    expect(outcome.problem).toMatch(
      /status left as blocked: the state machine does not allow blocked → success/,
    );
  });

  it('without keepStatus, a refused status is a problem and nothing is written', async () => {
    await seed({ status: 'success' });
    const before = fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8');
    const outcome = await recorder().record({ status: 'blocked', failure_reason: 'rerun_failed' }, 'n');
    expect(outcome).toMatchObject({ written: false, entry: null });
    expect(outcome.problem).toMatch(/^could not record status blocked: /);
    expect(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')).toBe(before);
  });

  it('sums the metrics of every write and keeps every problem', async () => {
    const r = recorder();
    await r.record({ status: 'failure', failure_reason: 'digest_mismatch' }, 'one');
    await r.record({ requeue: true }, 'two');
    await r.record({ status: 'success' }, 'three');
    expect(r.metrics['governance.manifest_diff_count']).toBeGreaterThanOrEqual(3);
    expect(r.problems).toHaveLength(1);
    expect(r.entry).toMatchObject({ requeue: true });
  });

  it('does not swallow an error that is not release-guard’s', async () => {
    const broken = {
      location: 'broken',
      read: async () => {
        throw new TypeError('bug');
      },
      write: async () => ({ ok: false as const, reason: 'conflict' as const }),
    };
    await expect(new ManifestRecorder(broken, base, base.now).record({}, 'n')).rejects.toThrow(TypeError);
  });
});

describe('recordControl', () => {
  const at = '2026-05-01T12:00:00.000Z';
  const recorder = (actor: string) => new ManifestRecorder(store, { ...base, actor }, () => new Date(at));

  it('merges one control into the entry, keeping every other control, also when writers race', async () => {
    await seed({ status: 'success' });
    const writes = (['provenance', 'signature', 'repro', 'evidence'] as const).map((control, index) =>
      recordControl(recorder(control), control, {
        status: index === 2 ? 'fail' : 'pass',
        failureReason: index === 2 ? 'repro_mismatch' : null,
        runUrl: 'https://github.com/acme/widgets/actions/runs/42',
        detail: `${control} checked`,
      }),
    );
    const results = await Promise.all(writes);
    expect(results.map((result) => result.problem)).toEqual([null, null, null, null]);
    const entry = (await updateManifest(store, { ...base, set: {} })).entry;
    expect(Object.keys(entry.controls ?? {}).sort()).toEqual([
      'evidence',
      'provenance',
      'repro',
      'signature',
    ]);
    expect(entry.controls?.repro).toEqual({
      status: 'fail',
      failure_reason: 'repro_mismatch',
      at,
      run_url: 'https://github.com/acme/widgets/actions/runs/42',
      detail: 'repro checked',
    });
    expect(entry.status).toBe('success');
    expect(entry.history.map((record) => record.note)).toEqual(
      expect.arrayContaining(['provenance: pass', 'repro: fail (repro_mismatch)']),
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as {
      schema_version: string;
    };
    expect(manifest.schema_version).toBe('1.2');
  });

  it('replaces the same control, writes the summary alongside, keeps only http(s) run URLs and cuts the detail', async () => {
    await recordControl(recorder('validate'), 'provenance', {
      status: 'fail',
      failureReason: 'digest_mismatch',
    });
    const result = await recordControl(
      recorder('validate'),
      'provenance',
      { status: 'pass', runUrl: 'javascript:alert(1)', detail: 'é'.repeat(2000) },
      { set: { provenance_summary: provenanceSummary({ builder_id: 'https://builder', commit: 'abc' }) } },
    );
    expect(result.entry?.controls?.provenance).toMatchObject({
      status: 'pass',
      failure_reason: null,
      run_url: null,
    });
    expect(result.entry?.controls?.provenance?.detail).toHaveLength(1024);
    expect(result.entry?.provenance_summary).toEqual({
      builder_id: 'https://builder',
      source_repo: null,
      workflow_path: null,
      commit: 'abc',
      signer_san: null,
    });
  });

  it('names drill entries: tag drill-<UTC date> or governance_flag drill', () => {
    expect(drillTag(new Date('2026-12-03T23:59:59Z'))).toBe('drill-2026-12-03');
    expect(isDrillEntry({ tag: 'drill-2026-12-03', governance_flag: null })).toBe(true);
    expect(isDrillEntry({ tag: 'v1.0.0', governance_flag: 'drill' })).toBe(true);
    expect(isDrillEntry({ tag: 'v1.0.0', governance_flag: null })).toBe(false);
  });
});
