import * as core from '@actions/core';
import {
  ReleaseGuardError,
  readValidateInputs,
  renderVerifyText,
  safeText,
  validateRelease,
} from '@release-guard/core';

/** Reads the inputs, calls core, writes outputs and the job summary. Nothing else. */
async function run(): Promise<void> {
  const inputs = readValidateInputs(process.env);
  for (const secret of [inputs.githubToken, inputs.kpiToken, inputs.kpiUrl])
    if (secret) core.setSecret(secret);

  const result = await validateRelease(inputs);
  // Every untrusted value in the text report is escaped, so no line can start a workflow command.
  core.info(renderVerifyText(result.report));
  core.setOutput('verified', String(result.report.verified));
  core.setOutput('failure-reason', result.report.failure_reason ?? '');
  core.setOutput('report-path', result.reportPath);
  await core.summary.addRaw(result.summary).write();

  if (result.kpi && !result.kpi.delivered)
    core.warning(`KPI not recorded: ${safeText(result.kpi.error ?? '')}`);
  if (result.manifest.problem) core.warning(`manifest: ${safeText(result.manifest.problem)}`);
  if (!result.report.verified) {
    core.setFailed(
      `provenance validation failed: ${result.report.failure_reason} (report: ${result.reportPath})`,
    );
  } else if (!result.manifest.entry) {
    core.setFailed(
      `provenance verified, but the manifest entry could not be written: ${safeText(result.manifest.problem ?? '')}`,
    );
  }
}

run().catch((error: unknown) => {
  const code = error instanceof ReleaseGuardError ? `${error.code}: ` : '';
  core.setFailed(`${code}${safeText(error instanceof Error ? error.message : String(error))}`);
  process.exitCode = error instanceof ReleaseGuardError && error.exitCode === 2 ? 2 : 1;
});
