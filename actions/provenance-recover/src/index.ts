import * as core from '@actions/core';
import {
  ReleaseGuardError,
  readRecoverInputs,
  recoverOutputs,
  recoverRun,
  safeText,
} from '@release-guard/core';

/** Reads the inputs, calls core, writes outputs and the job summary. Nothing else. */
async function run(): Promise<void> {
  const inputs = readRecoverInputs(process.env);
  if (inputs.githubToken) core.setSecret(inputs.githubToken);

  // Every untrusted value in these lines (tag, reason, GitHub's words) is escaped by core.
  const result = await recoverRun(inputs, { log: (line) => core.info(line) });
  for (const [name, value] of Object.entries(recoverOutputs(result))) core.setOutput(name, value);
  await core.summary.addRaw(result.summary).write();

  if (result.failed) core.setFailed(result.message);
  else if (result.status === 'skipped') core.notice(result.message);
  else core.info(result.message);
}

run().catch((error: unknown) => {
  const code = error instanceof ReleaseGuardError ? `${error.code}: ` : '';
  core.setFailed(`${code}${safeText(error instanceof Error ? error.message : String(error))}`);
  process.exitCode = error instanceof ReleaseGuardError && error.exitCode === 2 ? 2 : 1;
});
