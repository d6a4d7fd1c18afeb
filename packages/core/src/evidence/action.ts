import { describeFailure, emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { ReleaseGuardError } from '../errors';
import { readEvidenceArchiveInputs } from './action-inputs';
import type { EvidenceArchiveResult } from './archive';
import type { EvidenceArchiveInputs } from './inputs';
import { renderEvidenceText } from './render';

/** The failure of the step: the upload's or attachment's, else fail, else warn unless `allow-warn`. */
function failureOf(result: EvidenceArchiveResult, allowWarn: boolean): ReleaseGuardError | null {
  if (result.failure !== null) return result.failure;
  const { manifest } = result.evidence;
  const failing = manifest.evaluations.filter((e) => e.result === manifest.result).map((e) => e.rule);
  if (manifest.result === 'fail' || (manifest.result === 'warn' && !allowWarn)) {
    return new ReleaseGuardError(
      `evidence_${manifest.result}`,
      `the evidence of ${manifest.tag} is ${manifest.result} by the policy (${failing.join(', ')}); see the job summary and ${result.manifestPath}`,
    );
  }
  return null;
}

/** evidence-archive's outcome: outputs result / failure-reason / manifest-path / bundle-path, the summary, the failure. */
export function evidenceArchiveOutcome(result: EvidenceArchiveResult, allowWarn: boolean): ActionOutcome {
  const failure = failureOf(result, allowWarn);
  const { manifest } = result.evidence;
  return {
    ...emptyOutcome(),
    outputs: {
      result: manifest.result,
      'failure-reason': failure?.code ?? (manifest.result === 'pass' ? '' : `evidence_${manifest.result}`),
      'manifest-path': result.manifestPath,
      'bundle-path': result.bundlePath,
    },
    summary: result.summary,
    log: [
      renderEvidenceText(result.evidence).trimEnd(),
      ...(result.artifact === null ? [] : [`uploaded the workflow artifact ${result.artifact.name}`]),
      ...(result.attached === null ? [] : [`attached to the release: ${result.attached.join(', ')}`]),
      result.controlNote,
    ],
    warnings: result.frozen ? [`not attached to the release: ${result.notAttached ?? ''}`] : [],
    failure: failure === null ? null : describeFailure(failure),
  };
}

export const evidenceArchiveAction: ActionDefinition<EvidenceArchiveInputs> = {
  read: readEvidenceArchiveInputs,
  // The work is loaded only once the inputs are read: an entry that fails on its inputs starts fast.
  run: async (inputs) =>
    evidenceArchiveOutcome(await (await import('./archive')).evidenceArchive(inputs), inputs.allowWarn),
};
