import * as core from '@actions/core';
import {
  notifyOnFailure,
  notifySecrets,
  readNotifyInputs,
  ReleaseGuardError,
  safeText,
} from '@release-guard/core';

/** Reads the inputs, calls core, writes outputs and the job summary. Nothing else. */
async function run(): Promise<void> {
  const inputs = readNotifyInputs(process.env);
  for (const secret of notifySecrets(inputs)) core.setSecret(secret);

  const result = await notifyOnFailure(inputs);
  core.setOutput('slack-delivered', String(result.slack.delivered));
  core.setOutput('issue-number', result.issue ? String(result.issue.number) : '');
  core.setOutput('issue-url', result.issue?.url ?? '');
  core.setOutput('notified', result.notified);
  core.setOutput('report-path', result.reportPath);
  await core.summary.addRaw(result.summary).write();

  // Every message is redacted by core; safeText keeps a value from starting a workflow command.
  for (const warning of result.warnings) core.warning(safeText(warning));
  if (!result.slack.delivered && result.slack.reason)
    core.warning(`Slack not reached: ${safeText(result.slack.reason)}`);
  core.info(
    `notified: ${result.notified}${result.issue ? ` (issue #${result.issue.number}, ${result.issue.source})` : ''}`,
  );
  if (result.failure) core.setFailed(`${result.failure.code}: ${safeText(result.failure.message)}`);
}

run().catch((error: unknown) => {
  const code = error instanceof ReleaseGuardError ? `${error.code}: ` : '';
  core.setFailed(`${code}${safeText(error instanceof Error ? error.message : String(error))}`);
  process.exitCode = error instanceof ReleaseGuardError && error.exitCode === 2 ? 2 : 1;
});
