import { ReleaseGuardError } from '../errors';
import { parseStatement } from './statement';

const A = 'a'.repeat(64);

function payload(value: unknown): Buffer {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
}

function statement(subject: unknown): unknown {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    predicateType: 'https://slsa.dev/provenance/v1',
    subject,
    predicate: {},
  };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseGuardError);
    return (error as ReleaseGuardError).code;
  }
  return undefined;
}

describe('in-toto statement parsing', () => {
  it('parses subjects and the predicate', () => {
    const parsed = parseStatement(payload(statement([{ name: 'a', digest: { sha256: A } }])), 'p');
    expect(parsed.subjects).toEqual([{ name: 'a', digest: { sha256: A } }]);
  });

  it.each([
    ['uppercase hex', [{ name: 'a', digest: { sha256: A.toUpperCase() } }]],
    ['a short digest', [{ name: 'a', digest: { sha256: A.slice(1) } }]],
    ['a long digest', [{ name: 'a', digest: { sha256: `${A}0` } }]],
    ['an empty digest', [{ name: 'a', digest: {} }]],
    [
      'duplicate names with different digests',
      [
        { name: 'a', digest: { sha256: A } },
        { name: 'a', digest: { sha256: 'b'.repeat(64) } },
      ],
    ],
    [
      'more than 1024 subjects',
      Array.from({ length: 1025 }, (_, i) => ({ name: `s${i}`, digest: { sha256: A } })),
    ],
    [
      'more than 32 digests on a subject',
      [{ name: 'a', digest: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`alg${i}`, 'ab'])) }],
    ],
    ['no subject list', undefined],
  ])('refuses %s as malformed_provenance', (_label, subject) => {
    expect(codeOf(() => parseStatement(payload(statement(subject)), 'p'))).toBe('malformed_provenance');
  });

  it('refuses duplicate JSON keys, where two parsers could read different values', () => {
    const text = `{"_type":"https://in-toto.io/Statement/v1","predicateType":"https://slsa.dev/provenance/v1","predicateType":"x","subject":[]}`;
    expect(codeOf(() => parseStatement(payload(text), 'p'))).toBe('malformed_provenance');
  });

  it.each([
    ['truncated JSON', '{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a"'],
    ['deeply nested JSON', `${'['.repeat(100000)}${']'.repeat(100000)}`],
    ['a JSON array', '[]'],
    ['not a statement', '{"hello":"world"}'],
  ])('refuses %s as malformed_provenance, never a crash', (_label, text) => {
    expect(codeOf(() => parseStatement(payload(text), 'p'))).toBe('malformed_provenance');
  });
});
