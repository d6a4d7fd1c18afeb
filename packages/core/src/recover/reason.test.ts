import { recordableReason, redactCredentials, REASON_MAX_LENGTH } from './reason';

describe('the on-call reason', () => {
  it('redacts the given secrets and credential-shaped strings', () => {
    expect(
      redactCredentials('used s3cr3t-value and ghp_abcdefghijklmnopqrstuvwxyz0123', ['s3cr3t-value']),
    ).toBe('used *** and ***');
    expect(redactCredentials('hook https://hooks.slack.com/services/T0/B0/xyz broke', [])).toBe(
      'hook *** broke',
    );
  });

  it('escapes newlines and bidi overrides so it stays one line and forges no workflow command', () => {
    expect(recordableReason('flaky\n::set-output name=status::rerun-succeeded \u202e$(id)', [])).toBe(
      'flaky\\x0a::set-output name=status::rerun-succeeded \\u202e$(id)',
    );
  });

  it('cuts a reason that is too long', () => {
    const reason = recordableReason('x'.repeat(REASON_MAX_LENGTH + 50), []);
    expect(reason).toBe(`${'x'.repeat(REASON_MAX_LENGTH)}… (cut)`);
  });
});
