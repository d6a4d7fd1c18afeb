import * as core from '@actions/core';
import {
  ManifestRuleError,
  ReleaseGuardError,
  readRecordEntryInputs,
  recordEntry,
  safeText,
} from '@release-guard/core';

/** Reads the inputs, calls core, writes outputs and the job summary. Nothing else. */
async function run(): Promise<void> {
  const inputs = readRecordEntryInputs(process.env);
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  const result = await recordEntry(inputs);
  core.setOutput('status', result.entry.status);
  core.setOutput('written', String(result.written));
  core.info(`manifest entry ${safeText(result.entry.tag)} / ${result.entry.run_id}: ${result.entry.status}`);
  await core.summary.addRaw(result.summary).write();
}

run().catch((error: unknown) => {
  const code =
    error instanceof ReleaseGuardError
      ? `${error.code}: `
      : error instanceof ManifestRuleError
        ? `${error.rule}: `
        : '';
  core.setFailed(`${code}${safeText(error instanceof Error ? error.message : String(error))}`);
  process.exitCode = error instanceof ReleaseGuardError && error.exitCode === 2 ? 2 : 1;
});
