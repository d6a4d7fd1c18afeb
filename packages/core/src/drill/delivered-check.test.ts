import { deliveredLeaks, plantedToken } from './delivered-check';

describe('the check of what the drill delivered', () => {
  const planted = plantedToken();

  it('plants a new token shaped like a GitHub personal access token each time', () => {
    expect(planted).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
    expect(plantedToken()).not.toBe(planted);
  });

  it('passes a delivered text that holds the redaction mark only', async () => {
    const text = JSON.stringify({ text: '*Artifact:* <https://drill.example/a.tgz?token=***|a.tgz>' });
    expect(await deliveredLeaks([{ where: 'Slack webhook request 1', text }], planted)).toEqual([]);
  });

  it('finds the planted token however it was spelled, naming where and not the value', async () => {
    const leaks = await deliveredLeaks(
      [
        { where: 'Slack webhook request 1', text: JSON.stringify({ text: `token=${planted}` }) },
        { where: 'issue #4 as stored', text: `https://x.example/?t=${encodeURIComponent(planted)}` },
      ],
      planted,
    );
    expect(leaks).toContain('Slack webhook request 1: the planted fake token');
    expect(leaks).toContain('issue #4 as stored: the planted fake token');
    expect(leaks.join(' ')).not.toContain(planted);
  });

  it('finds a secret the drill did not plant (a Slack webhook URL in an issue)', async () => {
    const text = 'see https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
    expect(await deliveredLeaks([{ where: 'issue #5 as stored', text }], planted)).toContain(
      'issue #5 as stored: a secret (release-guard/webhook-url, line 1)',
    );
  });
});
