import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startGitHubServer,
  startSlackReceiver,
  type GitHubTestServer,
  type SlackReceiver,
} from '@release-guard/testkit';
import { bareRemoteWithBranch, runCliProcess } from './spawn-cli';

const REPO = 'acme/app';
const TOKEN = 'ghs_drillTestToken0123456789abcdefABCDEF';
const RUN_ID = '8812345';
const MANIFEST = 'docs/reports/manifest.json';

interface ControlRecord {
  status: string;
  failure_reason: string | null;
  at: string;
  run_url: string | null;
  detail: string | null;
}

interface DrillJson {
  status: 'pass' | 'warn' | 'fail';
  tag: string;
  run_id: string;
  steps: Array<{
    name: string;
    at: string;
    actor: string;
    outcome: string;
    detail: string;
    remedy: string | null;
  }>;
  drill: {
    status: string;
    failure_reason: string | null;
    at: string;
    run_url: string | null;
    detail: string;
  };
  alert: { deliveredBy: string | null; issue: { number: number; closed: boolean } | null };
  manifest: {
    location: string;
    problem: string | null;
    status: string | null;
    governance_flag: string | null;
  };
}

interface Entry {
  tag: string;
  run_id: string;
  status: string;
  failure_reason: string | null;
  governance_flag: string | null;
  notify_slack: boolean;
  slack_retry: number;
  issue_number: number | null;
  controls?: { drill?: ControlRecord };
  history: Array<{ at: string; actor: string; note: string | null }>;
}

let folder: string;
let slack: SlackReceiver;
let github: GitHubTestServer;

/** No freeze, repository or run of the machine running the tests. */
function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTOR: 'drill-bot' };
  for (const name of [
    'RELEASE_FREEZE',
    'RELEASE_GUARD_FREEZE_FILE',
    'GITHUB_REPOSITORY',
    'GITHUB_RUN_ID',
    'GITHUB_API_URL',
    'GITHUB_TOKEN',
    'RUNNER_TEMP',
  ])
    delete env[name];
  return { ...env, RUNNER_TEMP: path.join(folder, 'runner-temp'), ...extra };
}

async function drill(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = await runCliProcess(
    ['drill', '--run-id', RUN_ID, '--format', 'json', ...args],
    folder,
    baseEnv(env),
  );
  return { ...result, json: JSON.parse(result.stdout) as DrillJson };
}

const slackArgs = ['--slack-webhook-env', 'DRILL_SLACK_WEBHOOK'];
const slackEnv = () => ({ DRILL_SLACK_WEBHOOK: slack.webhookUrl });
const githubArgs = () => [
  '--github-repo',
  REPO,
  '--github-token-env',
  'DRILL_TOKEN',
  '--api-url',
  github.url,
];

function manifest(): { schema_version: string; entries: Entry[] } {
  return JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), 'utf8')) as {
    schema_version: string;
    entries: Entry[];
  };
}
const entries = () => manifest().entries;

const todayTag = () => `drill-${new Date().toISOString().slice(0, 10)}`;

beforeAll(async () => {
  slack = await startSlackReceiver();
  github = await startGitHubServer({ token: TOKEN });
  github.repo(REPO);
});
afterAll(async () => {
  await slack.close();
  await github.stop();
});
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-drill-'));
  fs.mkdirSync(path.join(folder, 'runner-temp'));
  slack.reset();
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('release-guard drill', () => {
  it('passes with Slack: digest_mismatch, the alert delivered redacted, the freeze round trip; recorded step by step', async () => {
    const result = await drill(slackArgs, slackEnv());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { json } = result;
    expect(json.status).toBe('pass');
    expect(json.tag).toBe(todayTag());
    expect(json.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['verify', 'pass'],
      ['alert', 'pass'],
      ['redaction', 'pass'],
      ['freeze', 'pass'],
    ]);
    expect(json.steps[0].detail).toContain('digest_mismatch');
    expect(json.alert.deliveredBy).toBe('slack');

    // What Slack got: the failure of the known-bad release, the planted token in its data redacted.
    const [posted] = slack.requestsTo('webhook');
    expect(slack.requestsTo('webhook')).toHaveLength(1);
    expect(posted.raw).toContain('digest_mismatch');
    expect(posted.raw).toContain(todayTag());
    expect(posted.raw).toMatch(/\?token=\*\*\*/);
    expect(posted.raw).not.toMatch(/ghp_[A-Za-z0-9]{36}/);

    const [entry] = entries();
    expect(entry).toMatchObject({
      tag: todayTag(),
      run_id: RUN_ID,
      status: 'success',
      failure_reason: null,
      governance_flag: 'drill',
      notify_slack: true,
      issue_number: null,
    });
    const notes = entry.history.map((h) => h.note ?? '');
    for (const step of ['verify', 'alert', 'redaction', 'freeze'])
      expect(notes.some((note) => note.startsWith(`drill ${step}: pass: `))).toBe(true);
    expect(notes.at(-1)).toBe('drill: pass');
    expect(entry.history.every((h) => h.actor === 'drill-bot' && !Number.isNaN(Date.parse(h.at)))).toBe(true);
    // The drill record: controls.drill of the entry, written with the status in the last write.
    expect(manifest().schema_version).toBe('1.2');
    expect(entry.controls?.drill).toEqual({
      status: 'pass',
      failure_reason: null,
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      run_url: null,
      detail: 'verify pass, alert pass, redaction pass, freeze pass',
    });
    expect(json.drill).toEqual(entry.controls?.drill);
  });

  it('files the fallback issue labelled drill when Slack is down, and closes it right after', async () => {
    slack.answerAll('webhook', { status: 404 });
    const result = await drill([...slackArgs, ...githubArgs()], { ...slackEnv(), DRILL_TOKEN: TOKEN });
    expect(result.code).toBe(0);
    const { json } = result;
    expect(json.status).toBe('warn');
    expect(json.steps.find((s) => s.name === 'alert')).toMatchObject({ outcome: 'warn' });
    expect(json.steps.find((s) => s.name === 'redaction')).toMatchObject({ outcome: 'pass' });
    expect(json.alert.deliveredBy).toBe('issue');
    const number = json.alert.issue!.number;
    const issue = github.repo(REPO).issue(number)!;
    expect(issue.labels).toEqual(['drill']);
    expect(issue.state).toBe('closed');
    expect(issue.title).toContain('[drill]');
    expect(issue.body).toContain('digest_mismatch');
    expect(issue.body).toMatch(/\?token=\*\*\*/);
    expect(issue.body).not.toContain(TOKEN);
    expect(issue.body).not.toContain(slack.webhookUrl);
    expect(entries()[0]).toMatchObject({
      status: 'success',
      governance_flag: 'drill',
      notify_slack: false,
      slack_retry: 1,
      issue_number: number,
    });
    expect(entries()[0].controls?.drill).toMatchObject({
      status: 'warn',
      failure_reason: null,
      run_url: `https://github.com/${REPO}/actions/runs/${RUN_ID}`,
    });
    expect(entries()[0].controls?.drill?.detail).toMatch(
      /^verify pass, alert warn, redaction pass, freeze pass; alert: Slack not reached/,
    );
    expect(result.stdout).not.toContain(TOKEN);
  });

  it('fails when what was delivered holds a secret, naming the rule and not the value', async () => {
    // A token that reached the drill's manifest entry earlier rides along in the alert's manifest
    // snippet: the drill did not plant it, so only the check of what was delivered can see it.
    const leaked = `ghp_${'Lk9'.repeat(12)}`;
    const day = Date.now();
    const seed = [0, 1].map((days) => ({
      tag: `drill-${new Date(day + days * 86_400_000).toISOString().slice(0, 10)}`,
      run_id: RUN_ID,
      run_attempt: 1,
      artifact_url: `https://artifacts.example/app.tgz?token=${leaked}`,
      status: 'pending',
      failure_reason: null,
      requeue: false,
      rerun_in_progress: false,
      notify_slack: false,
      slack_retry: 0,
      issue_number: null,
      governance_flag: 'drill',
      verified_at: null,
      updated_at: new Date(day).toISOString(),
      history: [{ at: new Date(day).toISOString(), actor: 'seed', from: null, to: 'pending', note: null }],
    }));
    fs.mkdirSync(path.dirname(path.join(folder, MANIFEST)), { recursive: true });
    fs.writeFileSync(path.join(folder, MANIFEST), JSON.stringify({ schema_version: '1.1', entries: seed }));

    const result = await drill(slackArgs, slackEnv());
    expect(result.code).toBe(1);
    expect(slack.requestsTo('webhook')[0].raw).toContain(leaked);
    const redaction = result.json.steps.find((s) => s.name === 'redaction')!;
    expect(redaction.outcome).toBe('fail');
    expect(redaction.detail).toContain(
      'Slack webhook request 1: a secret (@secretlint/secretlint-rule-github',
    );
    expect(redaction.remedy).toContain('rotate');
    expect(result.json.status).toBe('fail');
    expect(result.json.drill).toMatchObject({ status: 'fail', failure_reason: 'notify_failed' });
    expect(result.json.drill.detail).toMatch(
      /^verify pass, alert pass, redaction fail, freeze pass; redaction: delivered with a secret/,
    );
    expect(result.stdout).not.toContain(leaked);
    const entry = entries().find((e) => e.tag === result.json.tag)!;
    expect(entry).toMatchObject({ status: 'failure', failure_reason: 'notify_failed' });
    expect(entry.controls?.drill).toEqual(result.json.drill);
    expect(entry.history.at(-1)?.note).toBe('drill: fail (notify_failed)');
  });

  it('fails and says what to do when no alert can be delivered', async () => {
    slack.answerAll('webhook', { status: 404 });
    const result = await drill(slackArgs, slackEnv());
    expect(result.code).toBe(1);
    const alert = result.json.steps.find((s) => s.name === 'alert')!;
    expect(alert).toMatchObject({ outcome: 'fail' });
    expect(alert.detail).toContain('Slack not reached (Slack webhook: Slack answered HTTP 404: no_service');
    expect(alert.remedy).toContain('--github-repo');
    expect(entries()[0]).toMatchObject({
      status: 'failure',
      failure_reason: 'notify_failed',
      slack_retry: 1,
    });
  });

  it('runs the freeze round trip on a scratch file and never touches the live freeze', async () => {
    const live = path.join(folder, '.github', 'release-freeze.json');
    const on = await runCliProcess(
      ['freeze', 'on', '--reason', 'INC-9: live freeze, not the drill’s'],
      folder,
      baseEnv(),
    );
    expect(on.code).toBe(0);
    const before = fs.readFileSync(live, 'utf8');
    const elsewhere = path.join(folder, 'other-freeze.json');
    fs.writeFileSync(elsewhere, before);

    // A live freeze (file and variable) does not stop the drill: its signing is of a scratch copy.
    const result = await drill(slackArgs, {
      ...slackEnv(),
      RELEASE_GUARD_FREEZE_FILE: elsewhere,
      RELEASE_FREEZE: 'true',
    });
    expect(result.code).toBe(0);
    const freeze = result.json.steps.find((s) => s.name === 'freeze')!;
    expect(freeze).toMatchObject({ outcome: 'pass' });
    expect(freeze.detail).toContain('signing refused with release_frozen, nothing written');
    expect(freeze.detail).toContain('off: the same signing went through');
    expect(fs.readFileSync(live, 'utf8')).toBe(before);
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe(before);
    // The scratch folder (known-bad files, scratch freeze, scratch key) is gone.
    expect(fs.readdirSync(path.join(folder, 'runner-temp'))).toEqual([]);
  });

  it('records the drill on a manifest branch by compare-and-swap push, as security-drill.yml does', async () => {
    const { env, git, remote } = bareRemoteWithBranch(folder, 'release-manifest');
    const result = await runCliProcess(
      [
        'drill',
        '--run-id',
        RUN_ID,
        '--manifest',
        MANIFEST,
        '--git-remote',
        remote,
        '--git-branch',
        'release-manifest',
        ...slackArgs,
        '--format',
        'json',
      ],
      folder,
      { ...env, ...slackEnv(), GITHUB_ACTOR: 'drill-bot', RUNNER_TEMP: path.join(folder, 'runner-temp') },
    );
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as DrillJson).status).toBe('pass');
    const stored = JSON.parse(git(['--git-dir', remote, 'show', `release-manifest:${MANIFEST}`])) as {
      entries: Entry[];
    };
    expect(stored.entries).toHaveLength(1);
    expect(stored.entries[0]).toMatchObject({ tag: todayTag(), governance_flag: 'drill', status: 'success' });
    expect(stored.entries[0].controls?.drill?.status).toBe('pass');
    expect(fs.existsSync(path.join(folder, MANIFEST))).toBe(false);
  });

  it('needs a run id (exit 2, nothing written)', async () => {
    const result = await runCliProcess(['drill', ...slackArgs], folder, baseEnv(slackEnv()));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--run-id is required');
    expect(fs.existsSync(path.join(folder, MANIFEST))).toBe(false);
  });
});
