import { describeFailure, emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { ReleaseGuardError } from '../errors';
import { readReleaseSignInputs } from './action-inputs';
import type { ReleaseSignInputs } from './inputs';
import type { ReleaseSignResult } from './release-sign';
import { renderSignText } from './render';

/** release-sign's outcome: outputs bundles / checksums-path / failure-reason, the summary, the failure. */
export function releaseSignOutcome(result: ReleaseSignResult): ActionOutcome {
  const { report } = result;
  const failure =
    report.failure_reason !== null
      ? new ReleaseGuardError(report.failure_reason, report.error ?? 'signing failed')
      : result.failure;
  const code = failure === null ? '' : failure.code;
  return {
    ...emptyOutcome(),
    outputs: {
      bundles: JSON.stringify(result.bundles),
      'checksums-path': result.checksumsPath ?? '',
      'failure-reason': code,
    },
    summary: result.summary,
    log: [
      renderSignText(report).trimEnd(),
      ...(result.attached === null ? [] : [`attached to the release: ${result.attached.join(', ')}`]),
      ...(result.manifestNote === undefined ? [] : [result.manifestNote]),
    ],
    failure: failure === null ? null : describeFailure(failure),
  };
}

export const releaseSignAction: ActionDefinition<ReleaseSignInputs> = {
  read: readReleaseSignInputs,
  // The work is loaded only once the inputs are read: an entry that fails on its inputs starts fast.
  run: async (inputs) => releaseSignOutcome(await (await import('./release-sign')).releaseSign(inputs)),
};
