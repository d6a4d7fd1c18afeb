import { ReleaseGuardError } from '../errors';
import { FREEZE_SCHEMA, freezeProblems, parseFreezeState, serializeFreezeState } from './schema';
import type { FreezeRecord, FreezeState } from './types';

const on: FreezeRecord = {
  action: 'on',
  at: '2026-12-02T08:00:00.000Z',
  by: 'oncall',
  reason: 'repro mismatch on v2.3.0',
  incident: 'https://github.com/acme/widgets/issues/7',
  scope: ['v2.*'],
  expires_at: null,
};

const state: FreezeState = {
  schema_version: 1,
  frozen: true,
  reason: on.reason,
  incident: on.incident,
  set_by: on.by,
  set_at: on.at,
  scope: on.scope,
  expires_at: null,
  history: [on],
};

describe('freeze schema', () => {
  it('lists every field of FreezeState and FreezeRecord as required', () => {
    expect([...FREEZE_SCHEMA.required].sort()).toEqual(Object.keys(state).sort());
    expect([...FREEZE_SCHEMA.$defs.record.required].sort()).toEqual(Object.keys(on).sort());
  });

  it('accepts a valid state and round-trips it through the file text', () => {
    expect(freezeProblems(state)).toEqual([]);
    const text = serializeFreezeState(state);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseFreezeState(text, 'f.json')).toEqual(state);
  });

  it.each([
    ['an unknown field', { ...state, extra: 1 }, 'unknown field "extra"'],
    ['a missing field', { ...state, frozen: undefined }, 'missing field "frozen"'],
    ['frozen as a string', { ...state, frozen: 'yes' }, 'frozen: "yes" must be boolean'],
    [
      'an empty scope list',
      { ...state, scope: [] },
      'scope: [] is not valid (expected: What the freeze covers',
    ],
    ['"all" inside a pattern list', { ...state, scope: ['all'] }, 'scope: ["all"] is not valid'],
    ['a bad date-time', { ...state, set_at: 'yesterday' }, 'set_at: "yesterday" is not a valid date-time'],
    ['a newline in the reason', { ...state, reason: 'a\nb' }, 'reason: "a\\nb" is not in the expected form'],
    ['another schema version', { ...state, schema_version: 2 }, 'schema_version: must be 1'],
  ])('refuses %s', (_name, document, problem) => {
    expect(freezeProblems(document).join('\n')).toContain(problem);
  });

  it('refuses text that is not JSON, or has duplicate keys, as unreadable input', () => {
    for (const text of ['{"frozen": tru', '{"frozen": false, "frozen": true}']) {
      const error = (() => {
        try {
          parseFreezeState(text, 'f.json');
        } catch (e) {
          return e;
        }
      })() as ReleaseGuardError;
      expect(error).toBeInstanceOf(ReleaseGuardError);
      expect(error.code).toBe('unreadable_input');
      expect(error.message).toMatch(/^the freeze file f\.json is not valid JSON/);
    }
  });

  it('refuses a schema violation as unreadable input naming the field', () => {
    expect(() => parseFreezeState(JSON.stringify({ ...state, scope: 'v2' }), 'f.json')).toThrow(
      /the freeze file f\.json does not match the freeze schema: scope: /,
    );
  });
});
