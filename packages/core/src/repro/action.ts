import fs from 'node:fs';
import { describeFailure, emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { ReleaseGuardError } from '../errors';
import { openActionFreezeStore } from '../freeze/store';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { actionBuilds } from './action-builds';
import { readReproVerifyInputs } from './action-inputs';
import { checkReproVerifyInputs, type ReproVerifyInputs } from './inputs';
import { renderReproMarkdown } from './render';
import { reproVerify, type ReproRun } from './repro';

/** repro-verify's outcome: the outputs, the summary table, and repro_mismatch (or the refusal) as the failure. */
export function reproVerifyOutcome(run: ReproRun, secrets: string[]): ActionOutcome {
  const { report, comparison } = run;
  const failure =
    run.exitCode === 0
      ? null
      : run.exitCode === 2
        ? new ReleaseGuardError(
            'unreadable_input',
            `the builds differ and an archive could not be explained: ${comparison.unexplained.join('; ')}`,
          )
        : new ReleaseGuardError(
            'repro_mismatch',
            `${comparison.artifacts.filter((a) => a.first !== a.second).length} of ${report.compared} files differ; see the job summary and ${report.attestation}`,
          );
  return {
    ...emptyOutcome(),
    outputs: {
      reproducible: String(report.reproducible),
      'failure-reason': report.failure_reason ?? '',
      'attestation-path': report.attestation,
    },
    summary: renderReproMarkdown(run, secrets),
    log: [
      `${report.compared} files compared: ${report.reproducible ? 'identical' : `${report.differences.length} differences`}`,
      run.freezeNote,
    ],
    failure: failure === null ? null : describeFailure(failure),
  };
}

async function runReproVerify(inputs: ReproVerifyInputs): Promise<ActionOutcome> {
  checkReproVerifyInputs(inputs);
  let github: GitHubClient | undefined;
  const client = () => (github ??= createGitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl }));
  const builds = await actionBuilds(inputs, client);
  try {
    const freeze = inputs.setFreeze
      ? { store: openActionFreezeStore(inputs, client()), actor: inputs.actor }
      : { skipped: '`set-freeze` is false' };
    const run = await reproVerify({
      first: builds.first,
      second: builds.second,
      tag: inputs.tag,
      attestationPath: inputs.attestationPath,
      cwd: inputs.workspace,
      freeze,
      diffoscope: inputs.diffoscope,
      env: process.env,
      tempDir: inputs.tempDir,
    });
    return reproVerifyOutcome(run, inputs.secrets ?? []);
  } finally {
    if (builds.downloads !== null) fs.rmSync(builds.downloads, { recursive: true, force: true });
  }
}

export const reproVerifyAction: ActionDefinition<ReproVerifyInputs> = {
  read: readReproVerifyInputs,
  run: runReproVerify,
};
