import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileManifestStore } from '@release-guard/core/manifest/file-store';
import { loadManifest } from '@release-guard/core/manifest/open-store';
import { showManifest } from '@release-guard/core/manifest/show';
import { type NotifyInputs } from '@release-guard/core/notify/inputs';
import { notifyOnFailure } from '@release-guard/core/notify/notify-on-failure';
import { validateRelease } from '@release-guard/core/validate/validate-release';
import { missingPermission, startSlackReceiver } from '@release-guard/testkit';
import {
  DEMO_REPOSITORY,
  DEMO_TOKEN,
  demoClient,
  demoValidateInputs,
  startSampleRelease,
} from './sample-release';
import type { DemoStage } from './stage';

function notifyInputs(
  tag: string,
  runId: string,
  failureReason: NotifyInputs['failureReason'],
  webhook: string,
  workspace: string,
): NotifyInputs {
  return {
    tag,
    runId,
    repository: DEMO_REPOSITORY,
    failureReason,
    slackWebhookUrl: webhook,
    githubToken: DEMO_TOKEN,
    opsTeamMention: 'ops-team',
    issueLabels: ['ops-alert', 'provenance-failure'],
    recoverWorkflow: 'provenance-recover.yml',
    manifestPath: 'docs/reports/manifest.json',
    timeoutMs: 5000,
    slackAttempts: 3,
    workspace,
    tempDir: workspace,
    actor: 'release-guard-demo',
    serverUrl: 'https://github.com',
  };
}

type SampleRelease = Awaited<ReturnType<typeof startSampleRelease>>;
type SlackReceiver = Awaited<ReturnType<typeof startSlackReceiver>>;

async function notifyTwice(
  log: (line: string) => void,
  release: SampleRelease,
  slack: SlackReceiver,
  workspace: string,
): Promise<boolean> {
  const client = demoClient(release);
  const runId = String(release.tamperedRunId);
  const validation = await validateRelease(demoValidateInputs(release, release.tamperedRunId, workspace), {
    client,
  });
  log(`run ${runId}: validation FAILED (${validation.report.failure_reason})`);

  slack.answerAll('webhook', { status: 503 });
  const inputs = notifyInputs(
    release.tag,
    runId,
    validation.report.failure_reason,
    slack.webhookUrl,
    workspace,
  );
  const deps = { client, slackBackoffBaseMs: 50, issueRetryDelayMs: 50, claimPollMs: 50 };
  const first = await notifyOnFailure(inputs, deps);
  log(`notify #1: Slack ${first.slack.delivered ? 'delivered' : `not reached (${first.slack.reason})`}`);
  log(
    first.issue
      ? `notify #1: fallback issue #${first.issue.number} ${first.issue.source === 'created' ? 'filed' : 'found'}, labels ${release.github.repo(DEMO_REPOSITORY).issue(first.issue.number)?.labels.join(', ')}`
      : `notify #1: NO ISSUE (${first.issueError})`,
  );
  const second = await notifyOnFailure(inputs, deps);
  log(
    `notify #2: ${second.issue ? `issue #${second.issue.number} is already recorded for the run (${second.issue.source}); nothing filed` : `NO ISSUE (${second.issueError})`}`,
  );
  const escalated = await escalate(log, release, slack, inputs, deps);
  const issues = release.github.repo(DEMO_REPOSITORY).issues;
  const store = new FileManifestStore(path.join(workspace, inputs.manifestPath));
  log('\nrelease manifest (release-guard manifest show):');
  log(showManifest(await loadManifest(store), { location: 'docs/reports/manifest.json' }));
  log(`metrics: ${JSON.stringify(first.metrics)}`);
  const ok =
    validation.report.failure_reason === 'digest_mismatch' &&
    !first.slack.delivered &&
    first.issue?.source === 'created' &&
    second.issue?.source === 'manifest' &&
    second.issue.number === first.issue.number &&
    issues.length === 1 &&
    slack.requestsTo('webhook').length === 9 &&
    escalated;
  log(
    ok
      ? `expected: Slack down (503, 3 tries each run), one issue (#${issues[0].number}) for the run, recorded in the manifest with slack_retry; for run ${Number(runId) + 1} the issue is refused (403) and the ops summary tells ops-team (notify_failed all the same)`
      : `UNEXPECTED: ${issues.length} issue(s), ${slack.received.length} Slack posts`,
  );
  return ok;
}

/**
 * Another failed run, notified with a token that lacks `issues: write`: Slack is down and the issue
 * is refused (403), so one summary goes to the ops channel and the manifest notes the escalation.
 */
async function escalate(
  log: (line: string) => void,
  release: SampleRelease,
  slack: SlackReceiver,
  base: NotifyInputs,
  deps: Parameters<typeof notifyOnFailure>[1],
): Promise<boolean> {
  const runId = String(Number(base.runId) + 1);
  release.github.faults.add({
    method: 'POST',
    path: `/repos/${DEMO_REPOSITORY}/issues`,
    ...missingPermission('issues=write'),
  });
  const third = await notifyOnFailure(
    { ...base, runId, opsSummaryUrl: slack.opsUrl, opsNotifyToken: 'demo-ops-token' },
    deps,
  );
  const [summary] = slack.requestsTo('ops');
  const text = (summary?.body as { text?: string } | undefined)?.text ?? '';
  const note = third.manifest.entry?.history.at(-1)?.note ?? '';
  const refused = third.permissionMissing ? '403: the token lacks issues: write' : third.issueError;
  log(
    `notify #3 (run ${runId}): Slack not reached; issue refused (${refused}); ` +
      `ops summary ${third.escalation?.posted ? 'posted, naming ops-team' : 'NOT posted'} => notified=${third.notified} (${third.failure?.code})`,
  );
  log(
    `  manifest: escalated_at ${third.manifest.entry?.escalated_at ?? 'NOT set'}, note "${note.includes('escalated to ops summary: issue creation failed') ? 'escalated to ops summary: issue creation failed: …' : 'MISSING'}"`,
  );
  return (
    third.notified === 'ops-summary' &&
    third.failure?.code === 'notify_failed' &&
    slack.requestsTo('ops').length === 1 &&
    text.includes('ops-team') &&
    note.includes('escalated to ops summary: issue creation failed') &&
    typeof third.manifest.entry?.escalated_at === 'string'
  );
}

/**
 * notify-on-failure end to end: the tampered release run fails validation; Slack (a local receiver)
 * is down, so after its bounded retries the fallback issue is filed on the (loopback) GitHub API and
 * recorded in the manifest; a second notification for the same run files none. A third run's
 * token cannot file issues: the ops summary is told instead.
 */
export function notifyStage(): DemoStage {
  return {
    title:
      'notify-on-failure: Slack is down, so one fallback issue is filed; a second run files none; a refused issue escalates to the ops summary',
    shows: 'Slack down: one issue, a second notify files none; a 403 escalates to ops',
    run: async (log) => {
      const release = await startSampleRelease();
      const slack = await startSlackReceiver();
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-'));
      try {
        return await notifyTwice(log, release, slack, workspace);
      } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
        await slack.close();
        await release.close();
      }
    },
  };
}
