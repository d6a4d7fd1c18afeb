import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ReleaseGuardError } from '../errors';
import { parseManifestAssignments } from './assignments';
import { ManifestConflictError, ManifestRuleError } from './errors';
import { FileManifestStore } from './file-store';
import { parseManifest } from './schema';
import type { ManifestStore, StoredManifest, WriteResult } from './store';
import { updateManifest } from './update';

let folder: string;
let file: string;
const clock = () => new Date('2026-05-01T12:00:00.000Z');

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'manifest-update-'));
  file = join(folder, 'docs', 'reports', 'manifest.json');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function stored() {
  return parseManifest(readFileSync(file, 'utf8'), file);
}

/** A real file store that lets another writer in before each of its first `times` writes. */
class RacedStore implements ManifestStore {
  readonly location: string;
  races = 0;
  constructor(
    private readonly inner: FileManifestStore,
    private readonly times: number,
    private readonly rival: (race: number) => Promise<unknown>,
  ) {
    this.location = inner.location;
  }
  read(): Promise<StoredManifest> {
    return this.inner.read();
  }
  async write(content: string, expectedVersion: string | null, message: string): Promise<WriteResult> {
    if (this.races < this.times) await this.rival(++this.races);
    return this.inner.write(content, expectedVersion, message);
  }
}

describe('parseManifestAssignments', () => {
  it('types values by the schema: booleans, integers, null, strings', () => {
    expect(
      parseManifestAssignments([
        'requeue=true',
        'notify_slack=false',
        'slack_retry=1',
        'issue_number=17',
        'governance_flag=null',
        'status=failure',
        'failure_reason=digest_mismatch',
        'artifact_url=https://example.com/a?x=1',
      ]),
    ).toEqual({
      requeue: true,
      notify_slack: false,
      slack_retry: 1,
      issue_number: 17,
      governance_flag: null,
      status: 'failure',
      failure_reason: 'digest_mismatch',
      artifact_url: 'https://example.com/a?x=1',
    });
  });

  it.each([
    ['no equals sign', 'status', /is not KEY=VALUE/],
    ['an identity field', 'tag=v2', /cannot set "tag": it names the entry/],
    ['the history', 'history=[]', /it is written by every update itself/],
    ['an unknown field', 'colour=red', /it is not a manifest field\. Settable: run_attempt/],
    [
      'a wrong type',
      'requeue=yes',
      /`set` requeue="yes": not a valid requeue\. Expected: true when the failed run/,
    ],
    ['a number where a code belongs', 'failure_reason=3', /Allowed: artifact_missing/],
    ['null where null is not allowed', 'slack_retry=null', /not a valid slack_retry/],
    ['a negative count', 'slack_retry=-1', /an integer from 0/],
  ])('refuses %s as a usage error', (_name, assignment, message) => {
    expect(() => parseManifestAssignments([assignment])).toThrow(message);
    expect(() => parseManifestAssignments([assignment])).toThrow(ReleaseGuardError);
  });

  it('refuses a field given twice', () => {
    expect(() => parseManifestAssignments(['status=failure', 'status=success'])).toThrowReleaseGuardError(
      'usage_error',
      /given twice/,
    );
  });
});

describe('updateManifest', () => {
  it('creates the manifest file and the entry, with metrics', async () => {
    const result = await updateManifest(new FileManifestStore(file), {
      tag: 'v1.0.0',
      runId: '100',
      set: { artifact_url: 'https://example.com/a.tgz' },
      actor: 'security-ci',
      note: 'validation started',
      now: clock,
    });
    expect(result).toMatchObject({ created: true, written: true, attempts: 1 });
    expect(result.metrics).toEqual({ 'governance.manifest_diff_count': 13, 'metrics.lock_wait_seconds': 0 });
    expect(stored().entries).toEqual([result.entry]);
    expect(result.entry).toMatchObject({
      status: 'pending',
      run_attempt: 1,
      updated_at: '2026-05-01T12:00:00.000Z',
      history: [
        {
          at: '2026-05-01T12:00:00.000Z',
          actor: 'security-ci',
          from: null,
          to: 'pending',
          note: 'validation started',
        },
      ],
    });
  });

  it('creates an absent entry with createWith, then applies the update, in one write', async () => {
    const update = {
      tag: 'v1.0.0',
      runId: '101',
      set: { status: 'requeued', rerun_in_progress: true, requeue: true } as const,
      actor: 'provenance-recover',
      note: 'claimed',
      now: clock,
      createWith: {
        set: { status: 'failure', failure_reason: 'provenance_missing' } as const,
        note: 'recorded',
      },
    };
    const result = await updateManifest(new FileManifestStore(file), update);
    expect(result).toMatchObject({ created: true, written: true, attempts: 1 });
    expect(result.metrics['governance.manifest_diff_count']).toBe(13);
    expect(stored().entries).toEqual([result.entry]);
    expect(result.entry).toMatchObject({ status: 'requeued', failure_reason: 'provenance_missing' });
    expect(result.entry.history.map(({ from, to, note }) => ({ from, to, note }))).toEqual([
      { from: null, to: 'failure', note: 'recorded' },
      { from: 'failure', to: 'requeued', note: 'claimed' },
    ]);
    // An entry that exists is updated as usual: createWith is not applied again.
    const again = await updateManifest(new FileManifestStore(file), {
      ...update,
      set: { status: 'rerunning', run_attempt: 2 } as const,
    });
    expect(again.created).toBe(false);
    expect(again.entry.history).toHaveLength(3);
  });

  it("keeps a newer minor version's fields it does not know, and its version", async () => {
    await updateManifest(new FileManifestStore(file), {
      tag: 'v1.0.0',
      runId: '7',
      set: {},
      actor: 'ci',
      now: clock,
    });
    const newer = JSON.parse(readFileSync(file, 'utf8'));
    newer.schema_version = '1.9';
    newer.entries[0].approved_by = 'steward';
    writeFileSync(file, JSON.stringify(newer));
    await updateManifest(new FileManifestStore(file), {
      tag: 'v1.0.0',
      runId: '7',
      set: { status: 'failure', failure_reason: 'digest_mismatch' },
      actor: 'ci',
      now: clock,
    });
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.schema_version).toBe('1.9');
    expect(written.entries[0]).toMatchObject({ status: 'failure', approved_by: 'steward' });
  });

  it('writes nothing over a newer major version and says to upgrade', async () => {
    mkdirSync(dirname(file), { recursive: true });
    const text = JSON.stringify({ schema_version: '2.0', entries: [], shards: {} });
    writeFileSync(file, text);
    await expect(
      updateManifest(new FileManifestStore(file), { tag: 'v1.0.0', runId: '7', set: {}, actor: 'ci' }),
    ).rejects.toThrow(
      /schema_version "2\.0" is a newer major version .*Upgrade release-guard.*nothing was written/,
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('counts only the fields that changed, and writes nothing when nothing changes', async () => {
    const store = new FileManifestStore(file);
    const base = { tag: 'v1.0.0', runId: '100', actor: 'ci', now: clock };
    await updateManifest(store, { ...base, set: {} });
    const failed = await updateManifest(store, {
      ...base,
      set: { status: 'failure', failure_reason: 'digest_mismatch', notify_slack: false, slack_retry: 1 },
    });
    expect(failed.changedFields).toEqual(['status', 'failure_reason', 'slack_retry']);
    expect(failed.metrics['governance.manifest_diff_count']).toBe(3);

    const before = readFileSync(file, 'utf8');
    const again = await updateManifest(store, { ...base, set: { status: 'failure', slack_retry: 1 } });
    expect(again).toMatchObject({ written: false, changedFields: [], attempts: 1 });
    expect(readFileSync(file, 'utf8')).toBe(before);

    const noted = await updateManifest(store, { ...base, set: {}, note: 'drill: alert fired at 12:00' });
    expect(noted.written).toBe(true);
    expect(noted.entry.history.at(-1)).toMatchObject({
      from: 'failure',
      to: 'failure',
      note: 'drill: alert fired at 12:00',
    });
  });

  it('keeps other entries and their order', async () => {
    const store = new FileManifestStore(file);
    for (const runId of ['1', '2', '3'])
      await updateManifest(store, { tag: 'v1', runId, set: {}, actor: 'ci' });
    await updateManifest(store, { tag: 'v1', runId: '2', set: { status: 'success' }, actor: 'ci' });
    expect(stored().entries.map((entry) => [entry.run_id, entry.status])).toEqual([
      ['1', 'pending'],
      ['2', 'success'],
      ['3', 'pending'],
    ]);
  });

  it('re-reads and re-applies the change when another writer got there first', async () => {
    const rivalStore = new FileManifestStore(file);
    const store = new RacedStore(new FileManifestStore(file), 2, (race) =>
      updateManifest(rivalStore, { tag: 'v1', runId: `9${race}`, set: {}, actor: 'rival' }),
    );
    const result = await updateManifest(store, {
      tag: 'v1',
      runId: '1',
      set: { status: 'failure', failure_reason: 'artifact_missing' },
      actor: 'ci',
      backoffBaseMs: 1,
    });
    expect(result.attempts).toBe(3);
    expect(result.metrics['metrics.lock_wait_seconds']).toBeGreaterThan(0);
    expect(
      stored()
        .entries.map((entry) => entry.run_id)
        .sort(),
    ).toEqual(['1', '91', '92']);
  });

  it('re-checks the transition against what the other writer wrote', async () => {
    const store0 = new FileManifestStore(file);
    await updateManifest(store0, { tag: 'v1', runId: '1', set: {}, actor: 'ci' });
    const store = new RacedStore(new FileManifestStore(file), 1, () =>
      updateManifest(store0, { tag: 'v1', runId: '1', set: { status: 'success' }, actor: 'validate' }),
    );
    await expect(
      updateManifest(store, {
        tag: 'v1',
        runId: '1',
        set: { status: 'failure', failure_reason: 'notify_failed' },
        actor: 'notify',
      }),
    ).rejects.toThrowReleaseGuardError('manifest_rule', /status success → failure is not allowed/);
    expect(stored().entries[0].status).toBe('success');
  });

  it('re-checks the precondition after a lost race, and writes nothing when it refuses', async () => {
    const store0 = new FileManifestStore(file);
    await updateManifest(store0, {
      tag: 'v1',
      runId: '1',
      set: { status: 'failure', failure_reason: 'digest_mismatch' },
      actor: 'ci',
    });
    const claim = { status: 'requeued', rerun_in_progress: true } as const;
    const unclaimed = (current: { rerun_in_progress: boolean } | null) => {
      if (current?.rerun_in_progress) throw new Error('already claimed');
    };
    const store = new RacedStore(new FileManifestStore(file), 1, () =>
      updateManifest(store0, { tag: 'v1', runId: '1', set: claim, actor: 'first', precondition: unclaimed }),
    );
    await expect(
      updateManifest(store, { tag: 'v1', runId: '1', set: claim, actor: 'second', precondition: unclaimed }),
    ).rejects.toThrow('already claimed');
    expect(stored().entries[0].history.map((record) => record.actor)).toEqual(['ci', 'first']);
  });

  it('gives up after maxAttempts lost races with a message that says what to check', async () => {
    const rivalStore = new FileManifestStore(file);
    const store = new RacedStore(new FileManifestStore(file), 100, (race) =>
      updateManifest(rivalStore, { tag: 'v1', runId: `5${race}`, set: {}, actor: 'rival' }),
    );
    const attempt = updateManifest(store, {
      tag: 'v1',
      runId: '1',
      set: {},
      actor: 'ci',
      maxAttempts: 3,
      backoffBaseMs: 1,
    });
    await expect(attempt).rejects.toBeInstanceOf(ManifestConflictError);
    await expect(
      updateManifest(store, {
        tag: 'v1',
        runId: '1',
        set: {},
        actor: 'ci',
        maxAttempts: 2,
        backoffBaseMs: 1,
      }),
    ).rejects.toThrow(
      /gave up after 2 attempts .*concurrency group provenance-manifest-<ref>.*nothing was written/,
    );
    expect(stored().entries.some((entry) => entry.run_id === '1')).toBe(false);
  });

  it('refuses to change an issue_number once set', async () => {
    const store = new FileManifestStore(file);
    const base = { tag: 'v1', runId: '1', actor: 'ci' };
    await updateManifest(store, {
      ...base,
      set: { status: 'failure', failure_reason: 'signature_invalid', issue_number: 12 },
    });
    await expect(updateManifest(store, { ...base, set: { issue_number: 12 } })).resolves.toMatchObject({
      written: false,
    });
    const change = updateManifest(store, { ...base, set: { issue_number: 13 } });
    await expect(change).rejects.toBeInstanceOf(ManifestRuleError);
    await expect(updateManifest(store, { ...base, set: { issue_number: null } })).rejects.toThrow(
      /issue_number is already 12 and never changes once set/,
    );
  });

  it('refuses bad input before touching the store', async () => {
    const store = new FileManifestStore(file);
    await expect(updateManifest(store, { tag: '', runId: '1', set: {}, actor: 'ci' })).rejects.toThrow(
      /`tag` "" is not usable/,
    );
    await expect(
      updateManifest(store, { tag: 'v1', runId: '--upload-pack=x', set: {}, actor: 'ci' }),
    ).rejects.toThrowReleaseGuardError('usage_error', /`run-id` "--upload-pack=x" is not usable/);
    await expect(updateManifest(store, { tag: 'v1', runId: '1', set: {}, actor: ' ' })).rejects.toThrow(
      /`actor`/,
    );
    await expect(
      updateManifest(store, { tag: 'v1', runId: '1', set: { status: 'done' } as never, actor: 'ci' }),
    ).rejects.toThrowReleaseGuardError('usage_error', /status="done" is not valid/);
    expect(await store.read()).toEqual({ content: null, version: null });
  });

  it('refuses to write over a manifest that is not valid (exit 2)', async () => {
    const store = new FileManifestStore(file);
    await updateManifest(store, { tag: 'v1', runId: '1', set: {}, actor: 'ci' });
    const broken = readFileSync(file, 'utf8').replace('"pending"', '"done"');
    await store.write(broken, (await store.read()).version, 'hand edit');
    const attempt = updateManifest(store, { tag: 'v1', runId: '2', set: {}, actor: 'ci' });
    await expect(attempt).rejects.toMatchObject({ code: 'unreadable_input' });
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it('treats a hostile tag as data', async () => {
    const tag = '--upload-pack=x;$(id)`id`|v1/../x\u202e';
    const result = await updateManifest(new FileManifestStore(file), {
      tag,
      runId: '7',
      set: {},
      actor: 'ci',
    });
    expect(stored().entries[0].tag).toBe(tag);
    expect(result.entry.tag).toBe(tag);
  });
});
