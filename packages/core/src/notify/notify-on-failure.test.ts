import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  missingPermission,
  startGitHubServer,
  startSlackReceiver,
  type GitHubTestServer,
  type SlackReceiver,
} from '@release-guard/testkit';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { parseManifest } from '../manifest/schema';
import type { NotifyInputs } from './inputs';
import { notifyOnFailure } from './notify-on-failure';

const TOKEN = 'ghs_inProcessNotifyToken00000000000';
const OPS_TOKEN = 'ops-token-in-process-0123456789';
let github: GitHubTestServer;
let slack: SlackReceiver;
let client: GitHubClient;
let workspace: string;

beforeEach(async () => {
  github = await startGitHubServer({ token: TOKEN });
  github.repo('acme/widgets');
  slack = await startSlackReceiver({ opsToken: OPS_TOKEN });
  client = createGitHubClient({
    baseUrl: github.url,
    token: TOKEN,
    retryDelayMs: 1,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    timeoutMs: 1000,
  });
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-notify-core-'));
});
afterEach(async () => {
  await github.stop();
  await slack.close();
  fs.rmSync(workspace, { recursive: true, force: true });
});

function inputs(overrides: Partial<NotifyInputs> = {}): NotifyInputs {
  return {
    tag: 'v1.2.3',
    runId: '42',
    repository: 'acme/widgets',
    failureReason: 'digest_mismatch',
    githubToken: TOKEN,
    opsTeamMention: 'ops-team',
    issueLabels: ['ops-alert', 'provenance-failure'],
    recoverWorkflow: 'provenance-recover.yml',
    manifestPath: 'docs/reports/manifest.json',
    timeoutMs: 1000,
    slackAttempts: 2,
    workspace,
    tempDir: workspace,
    actor: 'release-bot',
    serverUrl: 'https://github.example',
    ...overrides,
  };
}

const deps = () => ({ client, slackBackoffBaseMs: 1, issueRetryDelayMs: 1, claimPollMs: 20 });

describe('notifyOnFailure', () => {
  it('keeps the manifest on a branch through the contents API, and files no second issue on a re-run', async () => {
    slack.answerAll('ops', { body: { delivered: false } });
    const onBranch = inputs({
      manifestBranch: 'main',
      opsNotifyUrl: slack.opsUrl,
      opsNotifyToken: OPS_TOKEN,
    });
    const first = await notifyOnFailure(onBranch, deps());
    const second = await notifyOnFailure(onBranch, deps());
    expect([first.notified, second.notified]).toEqual(['issue', 'issue']);
    expect([first.issue?.source, second.issue?.source]).toEqual(['created', 'manifest']);
    expect(github.repo('acme/widgets').issues).toHaveLength(1);
    const file = github.repo('acme/widgets').file('docs/reports/manifest.json');
    const entry = parseManifest(file!.content.toString('utf8'), 'branch').entries[0];
    expect(entry).toMatchObject({ status: 'failure', issue_number: 1, slack_retry: 2, notify_slack: false });
    expect(second.metrics).toMatchObject({ 'notify.failures': 0, 'security_ci.slack_issue_followups': 1 });
  });

  it('redacts a secret that sits in an input from the issue, the Slack payload, the manifest and the report', async () => {
    slack.answer('webhook', { status: 503 }, 2);
    const result = await notifyOnFailure(
      inputs({
        slackWebhookUrl: slack.webhookUrl,
        opsNotifyToken: OPS_TOKEN,
        artifactUrl: `https://artifacts.example/a.zip?token=${OPS_TOKEN}`,
        reportPath: 'report.json',
      }),
      deps(),
    );
    expect(result.notified).toBe('issue');
    const texts = [
      github.repo('acme/widgets').issues[0].body ?? '',
      ...slack.received.map((request) => request.raw),
      fs.readFileSync(path.join(workspace, 'docs/reports/manifest.json'), 'utf8'),
      fs.readFileSync(path.join(workspace, 'report.json'), 'utf8'),
      result.summary,
    ];
    for (const text of texts) {
      expect(text).not.toContain(OPS_TOKEN);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(new URL(slack.webhookUrl).pathname);
    }
    expect(github.repo('acme/widgets').issues[0].body).toContain('token=\\*\\*\\*');
  });

  it('posts the ops summary once per run: a later notifier that fails the same way sees escalated_at', async () => {
    slack.answerAll('webhook', { status: 404 });
    github.faults.add({
      method: 'POST',
      path: '/repos/acme/widgets/issues',
      times: Infinity,
      ...missingPermission('issues=write'),
    });
    const escalating = inputs({
      slackWebhookUrl: slack.webhookUrl,
      opsSummaryUrl: slack.opsUrl,
      opsNotifyToken: OPS_TOKEN,
    });
    const first = await notifyOnFailure(escalating, deps());
    const second = await notifyOnFailure(escalating, deps());
    expect([first.notified, second.notified]).toEqual(['ops-summary', 'none']);
    expect(slack.requestsTo('ops')).toHaveLength(1);
    expect(second.escalation?.skipped).toMatch(/already posted for this run at \d{4}-/);
    expect(second.failure?.message).toMatch(/ops summary: the ops summary was already posted/);
    expect(second.manifest.entry?.escalated_at).toBe(first.manifest.entry?.escalated_at);
    expect(second.metrics['notify.escalations']).toBe(0);
  });

  it('refuses ops-summary-url without ops-notify-token, and a mention that could carry markup', async () => {
    await expect(notifyOnFailure(inputs({ opsSummaryUrl: slack.opsUrl }), deps())).rejects.toThrow(
      /`ops-summary-url` needs `ops-notify-token`/,
    );
    await expect(notifyOnFailure(inputs({ opsTeamMention: '<!channel>' }), deps())).rejects.toThrow(
      /`ops-team-mention` must be a Slack user-group id/,
    );
  });

  it('reports both when Slack is reached and the run already has an issue', async () => {
    slack.answer('webhook', { status: 404 });
    await notifyOnFailure(inputs({ slackWebhookUrl: slack.webhookUrl }), deps());
    const again = await notifyOnFailure(inputs({ slackWebhookUrl: slack.webhookUrl }), deps());
    expect(again).toMatchObject({ notified: 'both', issue: { number: 1, source: 'manifest' } });
    expect(again.metrics).toMatchObject({ 'notify.slack_success_rate': 1, 'notify.failures': 0 });
  });

  it('notifies even when the manifest cannot be read, and says so', async () => {
    fs.mkdirSync(path.join(workspace, 'docs/reports'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'docs/reports/manifest.json'), '{ broken');
    const result = await notifyOnFailure(inputs({ slackWebhookUrl: slack.webhookUrl }), deps());
    expect(result.notified).toBe('slack');
    expect(result.manifest.entry).toBeNull();
    expect(result.warnings.join('\n')).toMatch(/manifest:/);
    expect(result.summary).toContain('**not written**');
  });
});
