import { requireOrSkip, type TestRegistrar } from './optional-suite';

function recorder() {
  const calls: Array<{ kind: keyof TestRegistrar; name: string; body: () => unknown }> = [];
  const record =
    (kind: keyof TestRegistrar) =>
    (name: string, body: () => unknown): void => {
      calls.push({ kind, name, body });
      if (kind === 'describe') body();
    };
  const registrar: TestRegistrar = {
    describe: record('describe'),
    describeSkip: record('describeSkip'),
    it: record('it'),
    itSkip: record('itSkip'),
  };
  return { calls, registrar };
}

describe('requireOrSkip', () => {
  it('runs the tests when what they need is there', () => {
    const { calls, registrar } = recorder();
    requireOrSkip(true, 'x', { RG_REQUIRE_ALL: '1' }, registrar).it('t', () => 1);
    expect(calls.map((c) => c.kind)).toEqual(['it']);
  });

  it('skips, with a notice, when it is missing', () => {
    const { calls, registrar } = recorder();
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const suite = requireOrSkip(false, 'the widget is not installed', {}, registrar);
      suite.it('t', () => 1);
      suite.describe('d', () => undefined);
      expect(calls.map((c) => c.kind)).toEqual(['itSkip', 'describeSkip']);
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining('the widget is not installed'));
    } finally {
      stderr.mockRestore();
    }
  });

  it('fails instead under RG_REQUIRE_ALL=1, naming what is missing', () => {
    const { calls, registrar } = recorder();
    const suite = requireOrSkip(false, 'the vectors are absent', { RG_REQUIRE_ALL: '1' }, registrar);
    suite.it('t', () => 1);
    suite.describe('d', () => undefined);
    const tests = calls.filter((c) => c.kind === 'it');
    expect(tests).toHaveLength(2);
    for (const test of tests) expect(test.body).toThrow(/RG_REQUIRE_ALL=1.*the vectors are absent/);
  });
});
