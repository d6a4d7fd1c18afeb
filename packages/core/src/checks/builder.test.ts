import { builderMatches, checkBuilderId } from './builder';

const GEN =
  'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';

describe('builder allow list', () => {
  it('accepts the exact name when the builder ran from a release tag', () => {
    expect(builderMatches(`${GEN}@refs/tags/v2.1.0`, GEN)).toBe(true);
  });

  it('treats vX.Y.Z and refs/tags/vX.Y.Z as the same pinned ref', () => {
    expect(builderMatches(`${GEN}@refs/tags/v2.1.0`, `${GEN}@v2.1.0`)).toBe(true);
    expect(builderMatches(`${GEN}@refs/tags/v2.1.0`, `${GEN}@refs/tags/v2.1.0`)).toBe(true);
    expect(builderMatches(`${GEN}@refs/tags/v2.1.0`, `${GEN}@v2.0.0`)).toBe(false);
  });

  it('rejects a builder id that only shares a prefix', () => {
    expect(builderMatches(`${GEN}@refs/tags/v2.1.0`, GEN.replace('_slsa3.yml', ''))).toBe(false);
    expect(builderMatches(`${GEN}.evil@refs/tags/v2.1.0`, GEN)).toBe(false);
  });

  it.each([
    [
      'lookalike host',
      'https://github.com.evil.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0',
    ],
    [
      'userinfo host',
      'https://github.com@evil.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0',
    ],
    [
      'lookalike repository',
      'https://github.com/slsa-framework/slsa-github-generator-evil/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0',
    ],
    [
      'fork with the same path',
      'https://github.com/asraa/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0',
    ],
  ])('rejects a %s', (_label, id) => {
    expect(builderMatches(id, GEN)).toBe(false);
  });

  it('requires a third-party builder at a branch to be named with that ref', () => {
    expect(builderMatches(`${GEN}@refs/heads/main`, GEN)).toBe(false);
    expect(builderMatches(`${GEN}@refs/heads/main`, `${GEN}@refs/heads/main`)).toBe(true);
  });

  it("accepts a repository's own workflow at its source branch", () => {
    const own = 'https://github.com/too-legit/attest/.github/workflows/integration.yml';
    expect(builderMatches(`${own}@refs/heads/main`, own, 'https://github.com/too-legit/attest')).toBe(true);
    expect(builderMatches(`${own}@refs/heads/main`, own, 'https://github.com/someone/else')).toBe(false);
  });

  it('fails on an empty allow list: nothing trusted is never a pass', () => {
    const check = checkBuilderId(`${GEN}@refs/tags/v2.1.0`, []);
    expect(check).toMatchObject({ ok: false, code: 'builder_mismatch' });
  });

  it('reports expected and actual on failure', () => {
    const check = checkBuilderId(`${GEN}@refs/heads/main`, [GEN]);
    expect(check).toMatchObject({ ok: false, expected: GEN, actual: `${GEN}@refs/heads/main` });
    expect(check.detail).toMatch(/not a release tag/);
  });
});
