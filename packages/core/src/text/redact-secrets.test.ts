import { redactSecrets, redactSecretsDeep } from './redact-secrets';

const HOOK = 'https://hooks.slack.com/services/T0001/B0002/abcdefSecretPart';

describe('redactSecrets', () => {
  it('replaces every occurrence of a secret with ***', () => {
    expect(redactSecrets('token ghs_abcdef123 and again ghs_abcdef123', ['ghs_abcdef123'])).toBe(
      'token *** and again ***',
    );
  });

  it('catches a URL-encoded and a JSON-escaped secret, and a webhook path without its host', () => {
    const text = [
      `link=${encodeURIComponent(HOOK)}`,
      JSON.stringify({ url: 'a"quoted"secret' }),
      'POST /services/T0001/B0002/abcdefSecretPart failed',
    ].join('\n');
    const redacted = redactSecrets(text, [HOOK, 'a"quoted"secret']);
    expect(redacted).toBe(['link=***', '{"url":"***"}', 'POST *** failed'].join('\n'));
  });

  it('redacts the longer of two overlapping secrets whole', () => {
    expect(redactSecrets('x-secret-token-long-y', ['secret-token', 'secret-token-long'])).toBe('x-***-y');
  });

  it('ignores empty, missing and very short values, which would garble every text', () => {
    expect(redactSecrets('ok 1 true', ['', undefined, null, 'ok', '1'])).toBe('ok 1 true');
  });

  it('redacts every string inside an object, leaving the input untouched', () => {
    const input = { a: 'has sekret123', list: ['sekret123', 2, true, null], nested: { b: 'x sekret123' } };
    expect(redactSecretsDeep(input, ['sekret123'])).toEqual({
      a: 'has ***',
      list: ['***', 2, true, null],
      nested: { b: 'x ***' },
    });
    expect(input.a).toBe('has sekret123');
  });
});
