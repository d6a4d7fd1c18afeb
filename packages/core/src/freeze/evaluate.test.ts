import { evaluateFreeze, unreadableFreeze } from './evaluate';
import { scopeCoversTag, tagMatchesPattern } from './scope';
import type { FreezeState } from './types';
import { variableFreezes } from './variable';

const NOW = new Date('2026-12-02T09:00:00Z');

function frozen(overrides: Partial<FreezeState> = {}): FreezeState {
  return {
    schema_version: 1,
    frozen: true,
    reason: 'incident',
    incident: null,
    set_by: 'oncall',
    set_at: '2026-12-02T08:00:00.000Z',
    scope: 'all',
    expires_at: null,
    history: [],
    ...overrides,
  };
}

describe('the freeze variable', () => {
  it.each(['', '  ', 'false', 'FALSE', ' False ', '0', 'off', 'OFF', 'no', 'No'])(
    'leaves releases alone for %j',
    (value) => expect(variableFreezes(value)).toBe(false),
  );
  it.each(['true', '1', 'on', 'yes', 'incident 42', 'flase', 'nope', '00'])('freezes for %j', (value) =>
    expect(variableFreezes(value)).toBe(true),
  );
  it('leaves releases alone when unset', () => expect(variableFreezes(undefined)).toBe(false));
});

describe('tag patterns', () => {
  it.each([
    ['v2.*', 'v2.3.0', true],
    ['v2.*', 'refs/tags/v2.3.0', true],
    ['v2.*', 'v3.0.0', false],
    ['v2.*', 'v20.1.0', false],
    ['v2.*', 'xv2.3.0', false],
    ['v2.3.?', 'v2.3.1', true],
    ['v2.3.?', 'v2.3.10', false],
    ['v1.0.0', 'v1.0.0', true],
    ['v1.0.0', 'v1x0x0', false],
    ['release/*', 'release/2026/12', true],
  ])('%s against %s: %s', (pattern, tag, expected) => {
    expect(tagMatchesPattern(tag, pattern)).toBe(expected);
  });

  it('covers every tag with scope all, and a tag that any pattern matches', () => {
    expect(scopeCoversTag('all', 'anything')).toBe(true);
    expect(scopeCoversTag(['v1.*', 'v2.*'], 'v2.0.0')).toBe(true);
    expect(scopeCoversTag(['v1.*', 'v2.*'], 'v3.0.0')).toBe(false);
  });
});

describe('evaluateFreeze', () => {
  it('is not frozen without a file, and says no tag was asked about', () => {
    expect(evaluateFreeze(null, { now: NOW })).toMatchObject({
      frozen: false,
      source: 'file',
      expired: false,
      applies_to_tag: null,
    });
    expect(evaluateFreeze(null, { now: NOW, tag: 'v1' }).applies_to_tag).toBe(false);
  });

  it('freezes only the tags of its scope, while anything-frozen is still true without a tag', () => {
    const state = frozen({ scope: ['v2.*'] });
    expect(evaluateFreeze(state, { tag: 'v2.3.0', now: NOW })).toMatchObject({
      frozen: true,
      applies_to_tag: true,
    });
    expect(evaluateFreeze(state, { tag: 'v3.0.0', now: NOW })).toMatchObject({
      frozen: false,
      applies_to_tag: false,
    });
    expect(evaluateFreeze(state, { now: NOW })).toMatchObject({ frozen: true, applies_to_tag: null });
  });

  it('does not freeze once expires_at has passed, and says it expired', () => {
    const state = frozen({ expires_at: '2026-12-02T08:59:59.000Z' });
    expect(evaluateFreeze(state, { tag: 'v1.0.0', now: NOW })).toMatchObject({
      frozen: false,
      expired: true,
      applies_to_tag: false,
    });
    expect(evaluateFreeze(frozen({ expires_at: '2026-12-02T09:00:01.000Z' }), { now: NOW })).toMatchObject({
      frozen: true,
      expired: false,
    });
  });

  it('is not frozen when the file says off', () => {
    expect(evaluateFreeze(frozen({ frozen: false }), { tag: 'v1', now: NOW })).toMatchObject({
      frozen: false,
      expired: false,
      reason: 'incident',
    });
  });

  it('lets the variable force every release frozen, whatever the file says', () => {
    const decision = evaluateFreeze(frozen({ frozen: false }), { variable: ' Yes ', tag: 'v9', now: NOW });
    expect(decision).toMatchObject({ frozen: true, source: 'variable', scope: 'all', applies_to_tag: true });
    expect(decision.reason).toBe(
      'forced on by the freeze variable RELEASE_FREEZE ("Yes"); set it to false or empty to lift it',
    );
  });

  it('answers frozen for every tag when the state is unreadable', () => {
    expect(unreadableFreeze('boom', 'v3.0.0')).toMatchObject({
      frozen: true,
      source: 'unreadable',
      reason: 'freeze state unreadable: boom',
      applies_to_tag: true,
    });
  });
});
