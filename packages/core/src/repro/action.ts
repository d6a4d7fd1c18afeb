import { describeFailure, emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { ReleaseGuardError } from '../errors';
import { readReproVerifyInputs } from './action-inputs';
import type { ReproVerifyInputs } from './inputs';
import { renderReproMarkdown } from './render';
import type { ReproRun } from './repro';

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

export const reproVerifyAction: ActionDefinition<ReproVerifyInputs> = {
  read: readReproVerifyInputs,
  // The work is loaded only once the inputs are read: an entry that fails on its inputs starts fast.
  run: async (inputs) => (await import('./action-run')).runReproVerify(inputs),
};
