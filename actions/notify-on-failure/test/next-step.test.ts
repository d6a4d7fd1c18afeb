import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  argvOfPastedLine,
  HOSTILE_TAGS,
  runAction,
  startGitHubServer,
  startSlackReceiver,
  type GitHubTestServer,
  type SlackReceiver,
} from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const TOKEN = 'ghs_plantedNextStepTokenThatMustNeverAppear01';
const REPOSITORY = 'acme/widgets';
const SERVER = 'https://github.example';
const RUN_ID = '4242';
const RUN_URL = `${SERVER}/${REPOSITORY}/actions/runs/${RUN_ID}`;

/** The code block after "Next step" in a Slack message, as Slack shows it (it decodes &amp; &lt; &gt;). */
function slackCommand(text: string): string {
  const block = /\*Next step:\*[^\n]*\n```\n([^\n]*)\n```/.exec(text);
  if (!block) throw new Error(`no re-run line in the Slack message:\n${text}`);
  return block[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The fenced block of the issue's "Next step" section; Markdown shows a code block as it is. */
function issueCommand(body: string): string {
  const block = /### Next step: re-run it\n\n[^\n]*\n\n(`{3,})sh\n([^\n]*)\n\1\n/.exec(body);
  if (!block) throw new Error(`no re-run line in the issue:\n${body}`);
  return block[2];
}

(built ? describe : describe.skip)('notify-on-failure: the next step in the alert (built dist)', () => {
  let github: GitHubTestServer;
  let slack: SlackReceiver;
  let workspace: string;

  beforeAll(async () => {
    slack = await startSlackReceiver();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-notify-next-'));
    slack.reset();
    github = await startGitHubServer({ token: TOKEN });
    for (const name of ['ops-alert', 'provenance-failure']) github.repo(REPOSITORY).addLabel({ name });
  });
  afterEach(async () => {
    await github.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  function run(inputs: Record<string, string>) {
    return runAction(actionDir, {
      inputs: {
        'run-id': RUN_ID,
        'github-token': TOKEN,
        'timeout-seconds': '2',
        'report-path': path.join(workspace, 'report.json'),
        ...inputs,
      },
      env: {
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: SERVER,
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTOR: 'release-bot',
      },
    });
  }

  const ghArgs = (workflow: string, tag: string, reason: string) => [
    'workflow',
    'run',
    workflow,
    '--repo',
    `github.example/${REPOSITORY}`,
    '-f',
    `run_id=${RUN_ID}`,
    '-f',
    `tag=${tag}`,
    '-f',
    `reason=${reason}`,
  ];

  it.each(HOSTILE_TAGS.map((tag) => [JSON.stringify(tag).slice(0, 40), tag]))(
    'artifact_missing, tag %s: the line copied from Slack gives gh exactly the tag and reason',
    async (_name, tag) => {
      const result = await run({
        tag,
        'failure-reason': 'artifact_missing',
        'slack-webhook-url': slack.webhookUrl,
      });
      expect({ code: result.code, notified: result.outputs.notified }).toEqual({
        code: 0,
        notified: 'slack',
      });
      const text = (slack.requestsTo('webhook')[0].body as { text: string }).text;
      expect(text).toContain(
        `<${SERVER}/${REPOSITORY}/actions/workflows/provenance-recover.yml|provenance-recover.yml>`,
      );
      expect(text).not.toContain('<!channel>');
      expect(argvOfPastedLine(slackCommand(text))).toEqual(
        ghArgs(
          'provenance-recover.yml',
          tag,
          `re-run after artifact_missing (release-guard alert for run ${RUN_ID})`,
        ),
      );
    },
  );

  it.each(HOSTILE_TAGS.map((tag) => [JSON.stringify(tag).slice(0, 40), tag]))(
    'provenance_missing, tag %s: the line copied from the issue gives gh exactly the tag and reason',
    async (_name, tag) => {
      slack.answer('webhook', { status: 404 });
      const result = await run({
        tag,
        'failure-reason': 'provenance_missing',
        'slack-webhook-url': slack.webhookUrl,
        'recover-workflow': 'on-call.recover.yaml',
      });
      expect({ code: result.code, notified: result.outputs.notified }).toEqual({
        code: 0,
        notified: 'issue',
      });
      const [issue] = github.repo(REPOSITORY).issues;
      const body = issue.body ?? '';
      expect(body).toContain(
        `[on-call.recover.yaml](${SERVER}/${REPOSITORY}/actions/workflows/on-call.recover.yaml)`,
      );
      expect(argvOfPastedLine(issueCommand(body))).toEqual(
        ghArgs(
          'on-call.recover.yaml',
          tag,
          `re-run after provenance_missing (release-guard alert for run ${RUN_ID})`,
        ),
      );
    },
  );

  it('a run that gave no failure code (cancelled, timed out) gets the re-run line too', async () => {
    const result = await run({ tag: 'v1.2.3', 'failure-reason': '', 'slack-webhook-url': slack.webhookUrl });
    expect(result.code).toBe(0);
    const text = (slack.requestsTo('webhook')[0].body as { text: string }).text;
    expect(argvOfPastedLine(slackCommand(text))).toEqual(
      ghArgs(
        'provenance-recover.yml',
        'v1.2.3',
        `re-run after a run that gave no failure code (release-guard alert for run ${RUN_ID})`,
      ),
    );
  });

  it.each(['digest_mismatch', 'signature_invalid', 'repro_mismatch', 'evidence_fail'])(
    '%s: "investigate, do not re-run or publish" with the report, and no re-run line',
    async (failureReason) => {
      slack.answer('webhook', { status: 200 }).answer('webhook', { status: 404 });
      await run({ tag: 'v1.2.3', 'failure-reason': failureReason, 'slack-webhook-url': slack.webhookUrl });
      const second = await run({
        tag: 'v1.2.3',
        'failure-reason': failureReason,
        'slack-webhook-url': slack.webhookUrl,
      });
      expect(second.outputs.notified).toBe('issue');
      const text = (slack.requestsTo('webhook')[0].body as { text: string }).text;
      const body = github.repo(REPOSITORY).issues[0].body ?? '';
      expect(text).toContain(
        `*Next step:* Investigate; do not re-run or publish this release. A re-run of this run does not cure it. <${RUN_URL}|The validation report>`,
      );
      expect(body).toContain('### Next step: investigate');
      expect(body).toContain(`**Investigate; do not re-run or publish this release.**`);
      expect(body).toContain(`Read the validation report: [${RUN_URL}](${RUN_URL}).`);
      for (const message of [text, body]) {
        expect(message).not.toContain('gh workflow run');
        expect(message).not.toContain('/actions/workflows/');
      }
    },
  );

  it('refuses a recover-workflow that is not a workflow file name, with exit 2', async () => {
    const result = await run({ tag: 'v1.2.3', 'recover-workflow': "x.yml'; id; '" });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      '::error::usage_error: input `recover-workflow` must be a workflow file name',
    );
  });
});
