import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ReleaseGuardError } from '../errors';
import { FileManifestStore } from '../manifest/file-store';
import { checkReleaseFreeze } from './check';
import { parseFreezeState } from './schema';
import { FREEZE_STORE_LABEL } from './store';
import { changeReleaseFreeze, type FreezeChange } from './write';

let folder: string;
let path: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'freeze-write-'));
  path = join(folder, '.github', 'release-freeze.json');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const store = () => new FileManifestStore(path, { label: FREEZE_STORE_LABEL });
const at = (iso: string) => () => new Date(iso);
const read = () => parseFreezeState(readFileSync(path, 'utf8'), path);

describe('changeReleaseFreeze', () => {
  it('creates the file on the first freeze and appends a record on every change', async () => {
    const first = await changeReleaseFreeze(store(), {
      action: 'on',
      reason: 'repro mismatch',
      incident: 'INC-7',
      scope: ['v2.*'],
      expires: '2026-12-03T00:00:00+01:00',
      actor: 'alice',
      now: at('2026-12-02T08:00:00Z'),
    });
    expect(first.attempts).toBe(1);
    expect(read()).toEqual({
      schema_version: 1,
      frozen: true,
      reason: 'repro mismatch',
      incident: 'INC-7',
      set_by: 'alice',
      set_at: '2026-12-02T08:00:00.000Z',
      scope: ['v2.*'],
      expires_at: '2026-12-02T23:00:00.000Z',
      history: [first.record],
    });

    await changeReleaseFreeze(store(), {
      action: 'off',
      reason: 'rebuilt, reproducible again',
      actor: 'bob',
      now: at('2026-12-02T10:00:00Z'),
    });
    const lifted = read();
    expect(lifted).toMatchObject({
      frozen: false,
      reason: 'rebuilt, reproducible again',
      incident: null,
      set_by: 'bob',
      scope: 'all',
      expires_at: null,
    });
    expect(lifted.history.map((record) => [record.action, record.by])).toEqual([
      ['on', 'alice'],
      ['off', 'bob'],
    ]);
    expect((await checkReleaseFreeze({ store: store(), tag: 'v2.3.0' })).frozen).toBe(false);
  });

  it('loses no record when writers race', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        changeReleaseFreeze(store(), {
          action: i % 2 === 0 ? 'on' : 'off',
          reason: `writer ${i}`,
          actor: `w${i}`,
          backoffBaseMs: 1,
        }),
      ),
    );
    expect(
      read()
        .history.map((record) => record.reason)
        .sort(),
    ).toEqual(Array.from({ length: 8 }, (_, i) => `writer ${i}`).sort());
  });

  it('does not overwrite a freeze file it cannot read: that file holds the history', async () => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '{"frozen": tr');
    const error = (await changeReleaseFreeze(store(), { action: 'off', reason: 'r', actor: 'a' }).catch(
      (e: unknown) => e,
    )) as ReleaseGuardError;
    expect(error.code).toBe('unreadable_input');
    expect(error.message).toMatch(/the freeze file .* is not valid JSON/);
    expect(readFileSync(path, 'utf8')).toBe('{"frozen": tr');
  });

  it.each([
    [{ action: 'on', reason: '  ' }, /^`reason` must say why/],
    [{ action: 'on', reason: 'r', expires: 'tomorrow' }, /^`expires` "tomorrow" is not an ISO 8601 date/],
    [
      { action: 'on', reason: 'r', expires: '2026-12-03T10:00' },
      /is not an ISO 8601 date or date-time with a zone/,
    ],
    [{ action: 'on', reason: 'r', expires: '2020-01-01' }, /has already passed/],
    [{ action: 'on', reason: 'r', scope: ['all', 'v2.*'] }, /^`scope` mixes all with tag patterns/],
    [
      { action: 'on', reason: 'line\nbreak' },
      /the freeze cannot be written: reason: "line\\nbreak" is not in the expected form/,
    ],
    [{ action: 'off', reason: 'r', scope: ['v2.*'] }, /`off` lifts it whole/],
  ] as [Omit<FreezeChange, 'actor'>, RegExp][])(
    'refuses unusable input %j with a usage error',
    async (change, message) => {
      const error = (await changeReleaseFreeze(store(), { actor: 'a', ...change }).catch(
        (e: unknown) => e,
      )) as ReleaseGuardError;
      expect(error).toBeInstanceOf(ReleaseGuardError);
      expect(error.code).toBe('usage_error');
      expect(error.message).toMatch(message);
    },
  );
});
