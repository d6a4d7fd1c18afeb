import { emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { renderVerifyText } from '../report/verify-text';
import { readValidateInputs } from './action-inputs';
import type { ValidateReleaseInputs } from './inputs';
import type { ValidateReleaseResult } from './validate-release';

/** provenance-validate's outcome: the verdict fails the job; a KPI outage or a manifest note only warns. */
export function validateOutcome(result: ValidateReleaseResult): ActionOutcome {
  const { report, manifest, kpi, reportPath } = result;
  const warnings: string[] = [];
  if (kpi && !kpi.delivered) warnings.push(`KPI not recorded: ${kpi.error ?? ''}`);
  if (manifest.problem) warnings.push(`manifest: ${manifest.problem}`);
  let failure: ActionOutcome['failure'] = null;
  if (!report.verified) {
    failure = {
      code: report.failure_reason,
      message: `provenance validation failed: ${report.failure_reason} (report: ${reportPath})`,
      exitCode: 1,
    };
  } else if (!manifest.entry) {
    failure = {
      code: null,
      message: `provenance verified, but the manifest entry could not be written: ${manifest.problem ?? ''}`,
      exitCode: 1,
    };
  }
  return {
    ...emptyOutcome(),
    outputs: {
      verified: String(report.verified),
      'failure-reason': report.failure_reason ?? '',
      'report-path': reportPath,
    },
    summary: result.summary,
    report: reportPath,
    // The text report escapes every untrusted value itself; the run log keeps every detail.
    log: [renderVerifyText(report, { verbose: true })],
    warnings,
    failure,
  };
}

export const provenanceValidateAction: ActionDefinition<ValidateReleaseInputs> = {
  read: readValidateInputs,
  // The work is loaded only once the inputs are read: an entry that fails on its inputs starts fast.
  run: async (inputs) => validateOutcome(await (await import('./validate-release')).validateRelease(inputs)),
};
