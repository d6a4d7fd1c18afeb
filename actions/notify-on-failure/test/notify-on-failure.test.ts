import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileManifestStore, updateManifest } from '@release-guard/core';
import {
  missingPermission,
  runAction,
  startGitHubServer,
  startKpiReceiver,
  startSlackReceiver,
  type ActionRunResult,
  type GitHubTestServer,
  type SlackReceiver,
} from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const TOKEN = 'ghs_plantedNotifyTokenThatMustNeverAppear0123';
const OPS_TOKEN = 'ops-secret-planted-5e4d3c2b1a09';
const KPI_TOKEN = 'kpi-secret-planted-0a1b2c3d4e5f';
const REPOSITORY = 'acme/widgets';
const TAG = 'v1.2.3';
const RUN_ID = '4242';
const ARTIFACT_URL = 'https://github.example/acme/widgets/actions/runs/4242/artifacts/99';
const RUNBOOK_URL =
  'https://github.example/release-guard/release-guard/blob/v1/README.md#runbook-a-release-failed-validation';
const ISSUES_PATH = `/repos/${REPOSITORY}/issues`;

(built ? describe : describe.skip)('notify-on-failure action (built dist, run as the runner would)', () => {
  let github: GitHubTestServer;
  let slack: SlackReceiver;
  let workspace: string;

  beforeAll(async () => {
    slack = await startSlackReceiver({ opsToken: OPS_TOKEN });
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-notify-'));
    slack.reset();
    github = await startGitHubServer({ token: TOKEN });
    // Labels exist after the first alert; the test of their creation removes them.
    const repo = github.repo(REPOSITORY);
    for (const name of ['ops-alert', 'provenance-failure']) repo.addLabel({ name });
    // What provenance-validate left behind: the run's entry, failed.
    await updateManifest(new FileManifestStore(manifestFile()), {
      tag: TAG,
      runId: RUN_ID,
      actor: 'provenance-validate',
      note: 'provenance validation failed: digest_mismatch',
      set: {
        status: 'failure',
        failure_reason: 'digest_mismatch',
        requeue: true,
        artifact_url: ARTIFACT_URL,
      },
    });
  });
  afterEach(async () => {
    await github.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  function manifestFile() {
    return path.join(workspace, 'docs/reports/manifest.json');
  }

  function manifestEntry() {
    const manifest = JSON.parse(fs.readFileSync(manifestFile(), 'utf8')) as {
      entries: Array<Record<string, unknown> & { history: Array<{ note: string | null }> }>;
    };
    return manifest.entries.find((entry) => entry.run_id === RUN_ID) as (typeof manifest.entries)[number];
  }

  function report() {
    return JSON.parse(fs.readFileSync(path.join(workspace, 'report.json'), 'utf8'));
  }

  function issues() {
    return github.repo(REPOSITORY).issues;
  }

  function run(inputs: Record<string, string>, reportName = 'report.json') {
    return runAction(actionDir, {
      inputs: {
        tag: TAG,
        'run-id': RUN_ID,
        'failure-reason': 'digest_mismatch',
        'github-token': TOKEN,
        'runbook-url': RUNBOOK_URL,
        'timeout-seconds': '2',
        'report-path': path.join(workspace, reportName),
        ...inputs,
      },
      env: {
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTOR: 'release-bot',
      },
    });
  }

  /** No token, webhook URL or ops URL in logs (but the runner's mask commands), summary, issues, Slack payloads, manifest, report. */
  function expectNoSecret(...results: ActionRunResult[]) {
    const secrets = [TOKEN, OPS_TOKEN, slack.webhookUrl, new URL(slack.webhookUrl).pathname, slack.opsUrl];
    const texts: Array<[string, string]> = [
      ['manifest', fs.readFileSync(manifestFile(), 'utf8')],
      ...issues().map((issue): [string, string] => [
        `issue #${issue.number}`,
        `${issue.title}\n${issue.body}`,
      ]),
      ...slack.received.map((request): [string, string] => [`slack request ${request.seq}`, request.raw]),
    ];
    for (const file of fs.readdirSync(workspace).filter((name) => name.endsWith('.json')))
      texts.push([file, fs.readFileSync(path.join(workspace, file), 'utf8')]);
    for (const result of results) {
      const stdout = result.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
      texts.push(['stdout', stdout], ['stderr', result.stderr], ['summary', result.summary]);
      texts.push(['outputs', JSON.stringify(result.outputs)]);
    }
    for (const [where, text] of texts) {
      for (const secret of secrets) {
        if (text.includes(secret)) throw new Error(`${where} holds a secret: ${secret}`);
      }
    }
  }

  it('posts to Slack and files no issue when Slack takes it', async () => {
    const result = await run({ 'slack-webhook-url': slack.webhookUrl });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.outputs).toMatchObject({
      'slack-delivered': 'true',
      notified: 'slack',
      'issue-number': '',
      'issue-url': '',
    });
    expect(slack.requestsTo('webhook')).toHaveLength(1);
    const text = (slack.received[0].body as { text: string }).text;
    expect(text).toContain(`<https://github.example/${REPOSITORY}/actions/runs/${RUN_ID}|run ${RUN_ID}>`);
    expect(text).toContain(`*Tag:* ${TAG}`);
    expect(text).toContain('`digest_mismatch`');
    expect(text).toContain('"status": "failure"');
    expect(text).toContain(RUNBOOK_URL);
    expect(github.requestsTo('POST', ISSUES_PATH)).toHaveLength(0);
    expect(issues()).toHaveLength(0);
    expect(manifestEntry()).toMatchObject({
      status: 'failure',
      failure_reason: 'digest_mismatch',
      notify_slack: true,
      slack_retry: 0,
      issue_number: null,
    });
    expect(report().metrics).toEqual({
      'notify.failures': 0,
      'notify.slack_success_rate': 1,
      'notify.issue_latency': null,
      'security_ci.slack_issue_followups': 0,
      'notify.escalations': 0,
    });
    expect(result.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(result.stdout).toContain(`::add-mask::${slack.webhookUrl}`);
    expectNoSecret(result);
  });

  it('retries Slack 500 three times, then files one issue, creating its labels, with links and the marker', async () => {
    github.repo(REPOSITORY).labels.length = 0;
    slack.answer('webhook', { status: 500 }, 3);
    const result = await run({ 'slack-webhook-url': slack.webhookUrl });
    expect(result.code).toBe(0);
    expect(slack.requestsTo('webhook').map((request) => request.status)).toEqual([500, 500, 500]);
    expect(issues()).toHaveLength(1);
    const [issue] = issues();
    expect(result.outputs).toMatchObject({
      'slack-delivered': 'false',
      notified: 'issue',
      'issue-number': String(issue.number),
      'issue-url': `${github.urls.web}/${REPOSITORY}/issues/${issue.number}`,
    });
    expect(issue.title).toBe(`Release validation failed: ${TAG} (run ${RUN_ID}): digest_mismatch`);
    expect(issue.labels).toEqual(['ops-alert', 'provenance-failure']);
    expect(github.requestsTo('POST', `/repos/${REPOSITORY}/labels`)).toHaveLength(2);
    expect(issue.body?.split('\n')[0]).toBe(`<!-- release-guard:notify run_id=${RUN_ID} tag=${TAG} -->`);
    expect(issue.body).toContain(`| Tag | v1.2.3 |`);
    expect(issue.body).toContain(`[${RUN_ID}](https://github.example/${REPOSITORY}/actions/runs/${RUN_ID})`);
    expect(issue.body).toContain('| Failure reason | `digest_mismatch` |');
    expect(issue.body).toContain(ARTIFACT_URL);
    expect(issue.body).toContain(`(${RUNBOOK_URL})`);
    expect(issue.body).toContain('HTTP 500');
    expect(manifestEntry()).toMatchObject({
      status: 'failure',
      failure_reason: 'digest_mismatch',
      notify_slack: false,
      slack_retry: 1,
      issue_number: issue.number,
    });
    const metrics = report().metrics;
    expect(metrics).toMatchObject({
      'notify.failures': 1,
      'notify.slack_success_rate': 0,
      'security_ci.slack_issue_followups': 1,
    });
    expect(metrics['notify.issue_latency']).toEqual(expect.any(Number));
    expect(result.stdout).toContain('::warning::Slack not reached');
    expectNoSecret(result);
  });

  it('goes to the issue at once on Slack 404, and files no second one on the next run', async () => {
    slack.answer('webhook', { status: 404 });
    const first = await run({ 'slack-webhook-url': slack.webhookUrl });
    expect(slack.requestsTo('webhook')).toHaveLength(1);
    expect(first.outputs).toMatchObject({ notified: 'issue', 'issue-number': '1' });
    expect(manifestEntry()).toMatchObject({ slack_retry: 1, issue_number: 1 });

    slack.answer('webhook', { status: 410 });
    const second = await run({ 'slack-webhook-url': slack.webhookUrl });
    expect(second.outputs).toMatchObject({ notified: 'issue', 'issue-number': '1' });
    expect(issues()).toHaveLength(1);
    expect(github.requestsTo('POST', ISSUES_PATH)).toHaveLength(1);
    expect(manifestEntry()).toMatchObject({ slack_retry: 2, issue_number: 1 });
    expectNoSecret(first, second);
  });

  it('honours Retry-After on 429 and delivers on the next try', async () => {
    slack.answer('webhook', { status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    const result = await run({ 'slack-webhook-url': slack.webhookUrl });
    expect(result.outputs).toMatchObject({ 'slack-delivered': 'true', notified: 'slack' });
    const [limited, delivered] = slack.requestsTo('webhook');
    expect([limited.status, delivered.status]).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(issues()).toHaveLength(0);
    expectNoSecret(result);
  });

  it('falls back to the issue when the ops function answers delivered: false (slack_retry=1)', async () => {
    slack.answer('ops', { body: { delivered: false } });
    const result = await run({ 'ops-notify-url': slack.opsUrl, 'ops-notify-token': OPS_TOKEN });
    const [request] = slack.requestsTo('ops');
    expect(slack.requestsTo('ops')).toHaveLength(1);
    expect(request.query).toEqual({ range: 'latest', source: 'provenance-validate' });
    expect(request.authorized).toBe(true);
    expect(request.body).toMatchObject({ tag: TAG, run_id: RUN_ID, failure_reason: 'digest_mismatch' });
    expect(result.outputs).toMatchObject({
      'slack-delivered': 'false',
      notified: 'issue',
      'issue-number': '1',
    });
    expect(issues()[0].body).toContain('delivered: false');
    expect(manifestEntry()).toMatchObject({ slack_retry: 1, issue_number: 1, notify_slack: false });
    expectNoSecret(result);
  });

  it('treats an ops function answer that is not JSON as not delivered', async () => {
    slack.answer('ops', { body: '<html>gateway</html>' });
    const result = await run({ 'ops-notify-url': slack.opsUrl, 'ops-notify-token': OPS_TOKEN });
    expect(slack.requestsTo('ops')).toHaveLength(1);
    expect(result.outputs).toMatchObject({ notified: 'issue', 'issue-number': '1' });
    expect(manifestEntry()).toMatchObject({ slack_retry: 1 });
    expectNoSecret(result);
  });

  it('gives up on a Slack that hangs past the time limit and files the issue', async () => {
    slack.answer('webhook', { hang: true });
    const started = Date.now();
    const result = await run({ 'slack-webhook-url': slack.webhookUrl, 'timeout-seconds': '1' });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(slack.requestsTo('webhook')).toHaveLength(1);
    expect(result.outputs).toMatchObject({
      'slack-delivered': 'false',
      notified: 'issue',
      'issue-number': '1',
    });
    expect(report().slack.attempts[0]).toMatchObject({ outcome: 'timeout', status: null });
    expectNoSecret(result);
  });

  it('files exactly one issue when the create answer is lost (502 after the issue was created)', async () => {
    slack.answer('webhook', { status: 404 });
    github.faults.add({ method: 'POST', path: ISSUES_PATH, status: 502, afterHandling: true });
    const result = await run({ 'slack-webhook-url': slack.webhookUrl });
    expect(github.requestsTo('POST', ISSUES_PATH)).toHaveLength(1);
    expect(issues()).toHaveLength(1);
    expect(result.outputs).toMatchObject({ notified: 'issue', 'issue-number': '1' });
    expect(manifestEntry()).toMatchObject({ issue_number: 1 });
    expect(report().issue).toMatchObject({ number: 1, source: 'created', createAttempts: 1 });
    expectNoSecret(result);
  });

  it('files one issue when two notifiers run for the same run at once', async () => {
    slack.answerAll('webhook', { status: 404 });
    // The first notifier takes its time filing, so the second one claims while it is still at work.
    github.faults.add({ method: 'POST', path: ISSUES_PATH, delayMs: 2000 });
    const [one, two] = await Promise.all([
      run({ 'slack-webhook-url': slack.webhookUrl }, 'report-1.json'),
      run({ 'slack-webhook-url': slack.webhookUrl }, 'report-2.json'),
    ]);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(issues()).toHaveLength(1);
    expect(github.requestsTo('POST', ISSUES_PATH)).toHaveLength(1);
    expect([one.outputs['issue-number'], two.outputs['issue-number']]).toEqual(['1', '1']);
    // The second took the first one's result instead of alerting again.
    expect(slack.requestsTo('webhook')).toHaveLength(1);
    const notes = manifestEntry().history.map((record) => record.note ?? '');
    expect(notes.filter((note) => note.startsWith('notify-on-failure claim '))).toHaveLength(2);
    expect(notes.filter((note) => note.startsWith('notify-on-failure done '))).toHaveLength(2);
    expect(manifestEntry()).toMatchObject({ issue_number: 1, slack_retry: 1 });
    expectNoSecret(one, two);
  });

  it('fails loudly with notify_failed and names the permission when the issue cannot be created (403)', async () => {
    slack.answer('webhook', { status: 404 });
    github.faults.add({ method: 'POST', path: ISSUES_PATH, ...missingPermission('issues=write') });
    const result = await run({ 'slack-webhook-url': slack.webhookUrl });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({
      'slack-delivered': 'false',
      notified: 'none',
      'issue-number': '',
    });
    expect(result.stdout).toMatch(/::error::notify_failed: .*issues=write/);
    expect(result.summary).toContain('notify_failed');
    expect(result.summary).toContain('issues: write');
    expect(issues()).toHaveLength(0);
    const done = manifestEntry().history.at(-1)?.note ?? '';
    expect(done).toMatch(
      /^notify-on-failure done [0-9a-f]{12} notified=none: .*notify_failed: .*issues=write/,
    );
    expect(manifestEntry()).toMatchObject({ status: 'failure', slack_retry: 1, issue_number: null });
    expect(report()).toMatchObject({ notified: 'none', failure: { code: 'notify_failed' } });
    expectNoSecret(result);
  });

  describe('escalates to the ops summary when Slack and the issue both fail', () => {
    let summaryHook: SlackReceiver;
    beforeAll(async () => {
      summaryHook = await startSlackReceiver();
    });
    afterAll(() => summaryHook.close());
    beforeEach(() => summaryHook.reset());

    const slackDownIssueRefused = () => {
      slack.answer('webhook', { status: 503 }, 3);
      github.faults.add({ method: 'POST', path: ISSUES_PATH, ...missingPermission('issues=write') });
    };
    const summaryPosts = () => slack.requestsTo('ops');
    const expectNoSecretAnywhere = (result: ActionRunResult) => {
      expectNoSecret(result);
      const hook = summaryHook.webhookUrl;
      for (const text of [
        result.stdout.replace(/^::add-mask::.*$/gm, ''),
        result.summary,
        fs.readFileSync(manifestFile(), 'utf8'),
        JSON.stringify(report()),
        JSON.stringify(slack.received.map((r) => r.raw)),
      ])
        expect(text).not.toContain(new URL(hook).pathname);
    };

    it('Slack 503 + issue 403: one summary post naming ops-team and the permission; manifest note; still notify_failed', async () => {
      slackDownIssueRefused();
      const result = await run({
        'slack-webhook-url': slack.webhookUrl,
        'ops-summary-url': slack.opsUrl,
        'ops-notify-token': OPS_TOKEN,
      });
      expect(result.code).toBe(1);
      expect(result.outputs).toMatchObject({
        notified: 'ops-summary',
        'slack-delivered': 'false',
        'issue-number': '',
      });
      expect(result.stdout).toMatch(
        /::error::notify_failed: no GitHub issue was filed .* the ops team was told/,
      );
      expect(summaryPosts()).toHaveLength(1);
      const [post] = summaryPosts();
      expect(post.query).toEqual({ range: 'latest', source: 'provenance-validate', summary: '1' });
      expect(post.authorized).toBe(true);
      const text = (post.body as { text: string }).text;
      expect(text).toContain('@ops-team');
      expect(text).toContain(`run ${RUN_ID}`);
      expect(text).toContain(TAG);
      expect(text).toContain('digest_mismatch');
      expect(text).toMatch(/Why the issue failed:\* .*issues=write/);
      expect(text).toContain('Manual steps');
      const entry = manifestEntry();
      expect(entry).toMatchObject({
        status: 'failure',
        slack_retry: 1,
        notify_slack: false,
        issue_number: null,
      });
      expect(entry.escalated_at).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
      expect(entry.history.at(-1)?.note).toMatch(
        /escalated to ops summary: issue creation failed: .*issues=write/,
      );
      expect(result.summary).toContain('the ops team was told');
      expect(result.summary).toContain('Channels tried:');
      expect(report()).toMatchObject({ notified: 'ops-summary', metrics: { 'notify.escalations': 1 } });
      expectNoSecretAnywhere(result);
    });

    it('posts the notify metrics, the escalation counted, to the KPI endpoint without leaking its token', async () => {
      const kpi = await startKpiReceiver();
      try {
        slackDownIssueRefused();
        const result = await run({
          'slack-webhook-url': slack.webhookUrl,
          'ops-summary-webhook': summaryHook.webhookUrl,
          'kpi-url': kpi.url,
          'kpi-token': KPI_TOKEN,
        });
        expect(result.outputs.notified).toBe('ops-summary');
        expect(kpi.received).toHaveLength(1);
        const [post] = kpi.received;
        expect(post.headers.authorization).toBe(`Bearer ${KPI_TOKEN}`);
        expect(post.body).toMatchObject({
          tag: TAG,
          run_id: RUN_ID,
          status: 'failure',
          failure_reason: 'digest_mismatch',
          metrics: { 'notify.escalations': 1, 'notify.slack_success_rate': 0 },
        });
        expect(report()).toMatchObject({ kpi: { delivered: true } });
        for (const text of [
          result.stdout.replace(/^::add-mask::.*$/gm, ''),
          result.summary,
          JSON.stringify(report()),
        ])
          expect(text).not.toContain(KPI_TOKEN);
        expectNoSecretAnywhere(result);
      } finally {
        await kpi.close();
      }
    });

    it('renders a Slack user-group id as a ping on the summary webhook', async () => {
      slackDownIssueRefused();
      const result = await run({
        'slack-webhook-url': slack.webhookUrl,
        'ops-summary-webhook': summaryHook.webhookUrl,
        'ops-team-mention': 'S0123ABCD',
      });
      expect(result.outputs.notified).toBe('ops-summary');
      const posts = summaryHook.requestsTo('webhook');
      expect(posts).toHaveLength(1);
      const text = (posts[0].body as { text: string }).text;
      expect(text).toContain('<!subteam^S0123ABCD>');
      expect(text).toContain('ops-team');
      expectNoSecretAnywhere(result);
    });

    it('Slack 503 + issue 403 + summary 500: notify_failed, notified=none, every channel tried listed', async () => {
      slackDownIssueRefused();
      summaryHook.answer('webhook', { status: 500 }, 3);
      const result = await run({
        'slack-webhook-url': slack.webhookUrl,
        'ops-summary-webhook': summaryHook.webhookUrl,
      });
      expect(result.code).toBe(1);
      expect(result.outputs.notified).toBe('none');
      expect(result.stdout).toMatch(
        /::error::notify_failed: neither Slack nor a GitHub issue .*ops summary: ops summary webhook: Slack answered HTTP 500/,
      );
      expect(summaryHook.requestsTo('webhook')).toHaveLength(3);
      expect(result.summary).toMatch(/- Slack webhook, try 3: Slack answered HTTP 503/);
      expect(result.summary).toMatch(/- GitHub issue: .*issues=write/);
      expect(result.summary).toMatch(/- ops summary webhook, try 3: Slack answered HTTP 500/);
      expect(manifestEntry().escalated_at).toBeUndefined();
      expect(report().metrics['notify.escalations']).toBe(0);
      expectNoSecretAnywhere(result);
    });

    it('posts no summary when Slack takes the alert', async () => {
      const result = await run({
        'slack-webhook-url': slack.webhookUrl,
        'ops-summary-url': slack.opsUrl,
        'ops-notify-token': OPS_TOKEN,
        'ops-summary-webhook': summaryHook.webhookUrl,
      });
      expect(result.outputs.notified).toBe('slack');
      expect(summaryPosts()).toHaveLength(0);
      expect(summaryHook.received).toHaveLength(0);
      expect(report().metrics['notify.escalations']).toBe(0);
    });
  });

  it('adds security-backcompat for predicate_mismatch and files the issue at once without any Slack route', async () => {
    const result = await run({ 'failure-reason': 'predicate_mismatch' });
    expect(slack.received).toHaveLength(0);
    expect(result.outputs).toMatchObject({ notified: 'issue', 'issue-number': '1' });
    expect(issues()[0].labels).toEqual(['ops-alert', 'provenance-failure', 'security-backcompat']);
    expect(result.stdout).toContain('no Slack route is configured');
    expect(manifestEntry()).toMatchObject({ failure_reason: 'predicate_mismatch', slack_retry: 1 });
    expectNoSecret(result);
  });

  it('refuses unusable inputs with exit 2 and without echoing the secret', async () => {
    const result = await run({ 'slack-webhook-url': `not a url ${OPS_TOKEN}`, 'run-id': RUN_ID });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('::error::usage_error: input `slack-webhook-url` must be an http(s) URL');
    expect(result.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(OPS_TOKEN);
  });
});
