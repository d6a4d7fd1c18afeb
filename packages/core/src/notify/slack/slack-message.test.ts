import type { FailureNotice } from '../notification';
import { opsNotifyPayload, slackMessageText, slackText, slackWebhookPayload } from './slack-message';

const notice: FailureNotice = {
  tag: 'v1.2.3',
  runId: '42',
  repository: 'acme/widgets',
  failureReason: 'digest_mismatch',
  runUrl: 'https://github.com/acme/widgets/actions/runs/42',
  nextStep: { kind: 'investigate', reportUrl: 'https://github.com/acme/widgets/actions/runs/42' },
  artifactUrl: 'https://github.com/acme/widgets/actions/runs/42/artifacts/7',
  runbookUrl: 'https://github.com/acme/release-guard/blob/v1/README.md#runbook-a-release-failed-validation',
  manifest: {
    tag: 'v1.2.3',
    run_id: '42',
    status: 'failure',
    failure_reason: 'digest_mismatch',
    requeue: true,
    notify_slack: false,
    slack_retry: 0,
    issue_number: null,
    artifact_url: null,
  },
};

describe('Slack message', () => {
  it('carries the run link, tag, failure reason, artifact, runbook and manifest snippet', () => {
    const text = slackMessageText(notice);
    expect(text).toContain('*Tag:* v1.2.3');
    expect(text).toContain('*Failure reason:* `digest_mismatch`');
    expect(text).toContain('*Run:* <https://github.com/acme/widgets/actions/runs/42|run 42>');
    expect(text).toContain(`<${notice.artifactUrl}|${notice.artifactUrl}>`);
    expect(text).toContain(`<${notice.runbookUrl}|what to do next>`);
    expect(text).toMatch(/```\n\{\n {2}"tag": "v1\.2\.3",[\s\S]*"requeue": true,[\s\S]*\}\n```$/);
    expect(slackWebhookPayload(notice)).toEqual({ text });
  });

  it('escapes a tag so it cannot ping the channel or forge a link', () => {
    const tag = 'v1<!channel><https://evil.example|click>&\n*x*';
    const text = slackMessageText({ ...notice, tag, manifest: { ...notice.manifest!, tag: `${tag}\`\`\`` } });
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil.example');
    expect(text).toContain('*Tag:* v1&lt;!channel&gt;&lt;https://evil.example|click&gt;&amp;\\x0a*x*');
    expect(text).not.toMatch(/x\*```/);
  });

  it('never links a URL that is not http(s)', () => {
    const text = slackMessageText({ ...notice, artifactUrl: 'javascript:alert(1)' });
    expect(text).toContain('*Artifact:* javascript:alert(1)');
    expect(text).not.toContain('<javascript:');
  });

  it('escapes what Slack asks to escape and control characters', () => {
    expect(slackText('a<b>&c\u202e')).toBe('a&lt;b&gt;&amp;c\\u202e');
  });

  it('sends the ops notify function the message and the facts as fields', () => {
    expect(opsNotifyPayload(notice)).toMatchObject({
      source: 'provenance-validate',
      text: slackMessageText(notice),
      tag: 'v1.2.3',
      run_id: '42',
      failure_reason: 'digest_mismatch',
      run_url: notice.runUrl,
      manifest: notice.manifest,
    });
  });
});
