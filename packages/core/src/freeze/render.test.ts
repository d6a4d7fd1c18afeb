import { evaluateFreeze, unreadableFreeze } from './evaluate';
import { renderFreezeMarkdown, renderFreezeText } from './render';
import type { FreezeState } from './types';

const state: FreezeState = {
  schema_version: 1,
  frozen: true,
  reason: 'repro mismatch <b>v2</b>',
  incident: 'https://github.com/acme/widgets/issues/7',
  set_by: 'alice',
  set_at: '2026-12-02T08:00:00.000Z',
  scope: ['v2.*'],
  expires_at: null,
  history: [],
};
const NOW = new Date('2026-12-02T09:00:00Z');

describe('renderFreezeText', () => {
  it('leads with FROZEN, lists the facts and says how to lift it', () => {
    expect(renderFreezeText(evaluateFreeze(state, { tag: 'v2.3.0', now: NOW }), 'f.json', 'v2.3.0')).toBe(
      [
        'FROZEN: releases of v2.3.0 are frozen',
        '  reason:      repro mismatch <b>v2</b>',
        '  incident:    https://github.com/acme/widgets/issues/7',
        '  set by:      alice',
        '  set at:      2026-12-02T08:00:00.000Z',
        '  scope:       v2.*',
        '  tag v2.3.0:  frozen',
        '  source:      file',
        '  freeze file: f.json',
        'Lift it with `release-guard freeze off --reason TEXT` (or the release-freeze workflow, mode off) once the incident allows; the freeze file is f.json.',
        '',
      ].join('\n'),
    );
  });

  it('escapes control characters so a reason cannot forge lines', () => {
    const text = renderFreezeText(unreadableFreeze('bad\n::error::forged'), 'f.json');
    expect(text).toContain('freeze state unreadable: bad\\x0a::error::forged');
    expect(text.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  });
});

describe('renderFreezeMarkdown', () => {
  it('shows a caution banner with since, by, why and how to lift, Markdown in values escaped', () => {
    const markdown = renderFreezeMarkdown(
      evaluateFreeze(state, { now: NOW }),
      'acme/widgets:.github/release-freeze.json',
    );
    expect(markdown).toMatch(
      /^## Release freeze\n\n> \[!CAUTION\]\n> \*\*FROZEN: releases are frozen\.\*\* /,
    );
    expect(markdown).toContain('repro mismatch &lt;b&gt;v2&lt;/b&gt;');
    expect(markdown).toContain('set by alice; since 2026-12-02T08:00:00.000Z');
    expect(markdown).toContain('Lift it with \\`release-guard freeze off --reason TEXT\\`');
    expect(markdown).toContain('| scope | v2.\\* |');
  });

  it('shows a note when releases may proceed', () => {
    expect(renderFreezeMarkdown(evaluateFreeze(null, {}), 'f.json')).toMatch(
      /^## Release freeze\n\n> \[!NOTE\]\n> \*\*not frozen: releases may proceed\.\*\*\n/,
    );
  });
});
