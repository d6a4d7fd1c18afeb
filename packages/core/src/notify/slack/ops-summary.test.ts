import { opsSummaryText, opsTeamMentionText } from './ops-summary';

const notice = {
  tag: 'v1.2.3',
  runId: '42',
  repository: 'acme/widgets',
  failureReason: 'digest_mismatch' as const,
  runUrl: 'https://github.com/acme/widgets/actions/runs/42',
  nextStep: { kind: 'investigate' as const, reportUrl: 'https://github.com/acme/widgets/actions/runs/42' },
  artifactUrl: null,
  runbookUrl: null,
  manifest: null,
};

describe('the ops summary message', () => {
  it('pings a Slack user-group id and names ops-team whatever the mention', () => {
    expect(opsTeamMentionText('S0123ABCD')).toBe('<!subteam^S0123ABCD> (ops-team)');
    expect(opsTeamMentionText('ops-team')).toBe('@ops-team');
    expect(opsTeamMentionText('sre')).toBe('@sre (ops-team)');
  });

  it('says run, tag, reason, why the issue failed and the manual steps, with Slack markup escaped', () => {
    const text = opsSummaryText(notice, 'GitHub answered 403 <!channel>: needs issues=write', 'ops-team');
    expect(text).toContain('run 42');
    expect(text).toContain('*Tag:* v1.2.3');
    expect(text).toContain('`digest_mismatch`');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).toMatch(/Manual steps:\* @ops-team, please/);
    expect(text).toContain('*Next step:* Investigate; do not re-run or publish this release.');
  });
});
