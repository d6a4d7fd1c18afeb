import { checkSubjectDigests } from './subjects';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('subject digests', () => {
  it('passes when every artifact matches a subject', () => {
    const { check, matches } = checkSubjectDigests(
      [
        { name: 'one', digest: { sha256: A } },
        { name: 'two', digest: { sha256: B } },
      ],
      [{ path: 'x', sha256: B }],
    );
    expect(check.ok).toBe(true);
    expect(matches[0].subject).toBe('two');
  });

  it('fails when one of several artifacts matches nothing', () => {
    const { check } = checkSubjectDigests(
      [{ name: 'one', digest: { sha256: A } }],
      [
        { path: 'x', sha256: A },
        { path: 'y', sha256: B },
      ],
    );
    expect(check).toMatchObject({ ok: false, code: 'digest_mismatch' });
    expect(check.detail).toContain('y');
  });

  it('never matches on a prefix', () => {
    const { check } = checkSubjectDigests(
      [{ name: 'one', digest: { sha256: A } }],
      [{ path: 'x', sha256: `${'a'.repeat(63)}b` }],
    );
    expect(check.ok).toBe(false);
  });

  it('matches sha512-only subjects (npm)', () => {
    const sha512 = 'c'.repeat(128);
    const { check } = checkSubjectDigests(
      [{ name: 'pkg:npm/x@1', digest: { sha512 } }],
      [{ path: 'x.tgz', sha256: A, sha512 }],
    );
    expect(check.ok).toBe(true);
  });

  it('requires every shared algorithm to agree', () => {
    const { check } = checkSubjectDigests(
      [{ name: 'x', digest: { sha256: A, sha512: 'c'.repeat(128) } }],
      [{ path: 'x', sha256: A, sha512: 'd'.repeat(128) }],
    );
    expect(check.ok).toBe(false);
  });

  it('fails with zero artifacts or zero subjects: nothing to check is never a pass', () => {
    expect(checkSubjectDigests([{ name: 'x', digest: { sha256: A } }], []).check).toMatchObject({
      ok: false,
      code: 'artifact_missing',
    });
    expect(checkSubjectDigests([], [{ path: 'x', sha256: A }]).check).toMatchObject({
      ok: false,
      code: 'digest_mismatch',
    });
  });
});
