import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReleaseGuardError } from '../errors';
import { FileManifestStore } from '../manifest/file-store';
import { assertNotFrozen, checkReleaseFreeze } from './check';
import { serializeFreezeState } from './schema';
import { FREEZE_STORE_LABEL } from './store';
import type { FreezeState } from './types';

let folder: string;
let path: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'freeze-check-'));
  path = join(folder, 'release-freeze.json');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const store = () => new FileManifestStore(path, { label: FREEZE_STORE_LABEL });

const state: FreezeState = {
  schema_version: 1,
  frozen: true,
  reason: 'repro mismatch',
  incident: 'INC-7',
  set_by: 'oncall',
  set_at: '2026-12-02T08:00:00.000Z',
  scope: ['v2.*'],
  expires_at: null,
  history: [
    {
      action: 'on',
      at: '2026-12-02T08:00:00.000Z',
      by: 'oncall',
      reason: 'repro mismatch',
      incident: 'INC-7',
      scope: ['v2.*'],
      expires_at: null,
    },
  ],
};

describe('checkReleaseFreeze', () => {
  it('is not frozen when the freeze file does not exist', async () => {
    expect(await checkReleaseFreeze({ store: store(), tag: 'v2.3.0' })).toMatchObject({
      frozen: false,
      source: 'file',
    });
  });

  it('reads the file and decides for the tag', async () => {
    writeFileSync(path, serializeFreezeState(state));
    expect(await checkReleaseFreeze({ store: store(), tag: 'v2.3.0' })).toMatchObject({
      frozen: true,
      incident: 'INC-7',
      applies_to_tag: true,
    });
    expect((await checkReleaseFreeze({ store: store(), tag: 'v3.0.0' })).frozen).toBe(false);
  });

  it.each([
    ['corrupt JSON', '{"frozen": fal', /^freeze state unreadable: the freeze file .* is not valid JSON/],
    [
      'a duplicate key',
      '{"frozen": false, "frozen": true}',
      /^freeze state unreadable: .*duplicate JSON key "frozen"/,
    ],
    [
      'a schema violation',
      JSON.stringify({ ...state, frozen: 'no' }),
      /^freeze state unreadable: the freeze file .* does not match the freeze schema: frozen: "no" must be boolean/,
    ],
    ['an empty file', '', /^freeze state unreadable: /],
  ])('fails closed on %s: frozen for every tag', async (_name, text, reason) => {
    writeFileSync(path, text);
    const decision = await checkReleaseFreeze({ store: store(), tag: 'v3.0.0' });
    expect(decision).toMatchObject({ frozen: true, source: 'unreadable', applies_to_tag: true });
    expect(decision.reason).toMatch(reason);
  });

  it('fails closed when the file exists but cannot be read', async () => {
    mkdirSync(path);
    const decision = await checkReleaseFreeze({ store: store() });
    expect(decision).toMatchObject({ frozen: true, source: 'unreadable' });
    expect(decision.reason).toMatch(/^freeze state unreadable: cannot read the freeze file .*EISDIR/);
  });
});

describe('assertNotFrozen', () => {
  it('returns the decision when nothing is frozen', async () => {
    await expect(assertNotFrozen({ store: store(), tag: 'v1', action: 'signing v1' })).resolves.toMatchObject(
      {
        frozen: false,
      },
    );
  });

  it('throws release_frozen naming what was refused, why and how to lift it', async () => {
    writeFileSync(path, serializeFreezeState(state));
    const error = (await assertNotFrozen({ store: store(), tag: 'v2.3.0', action: 'signing v2.3.0' }).catch(
      (e: unknown) => e,
    )) as ReleaseGuardError;
    expect(error).toBeInstanceOf(ReleaseGuardError);
    expect(error.code).toBe('release_frozen');
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(
      `signing v2.3.0 refused: the release freeze is on (repro mismatch; incident INC-7; set by oncall; since 2026-12-02T08:00:00.000Z; scope v2.*). ` +
        `Lift it with \`release-guard freeze off --reason TEXT\` (or the release-freeze workflow, mode off) once the incident allows; the freeze file is ${path}.`,
    );
    expect(error.details.freeze).toMatchObject({ frozen: true, source: 'file' });
  });

  it('refuses when the variable forces the freeze, and says how to lift that', async () => {
    const error = (await assertNotFrozen({ store: store(), variable: 'true', action: 'publishing' }).catch(
      (e: unknown) => e,
    )) as ReleaseGuardError;
    expect(error.code).toBe('release_frozen');
    expect(error.message).toMatch(/Lift it by setting the repository variable RELEASE_FREEZE to false/);
  });
});
