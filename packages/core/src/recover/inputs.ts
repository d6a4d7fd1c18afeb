import { InputError, usageError } from '../errors';
import { checkActionContext, type ActionContext } from '../action/context';
import type { FreezeGate } from '../freeze/gate';

/** What provenance-recover does when GitHub refuses the re-run. */
export const RECOVER_FALLBACKS = ['none', 'dispatch', 'retry-tag'] as const;
export type RecoverFallback = (typeof RECOVER_FALLBACKS)[number];

/** provenance-recover's options on the action context. */
export interface RecoverInputs extends ActionContext, FreezeGate {
  /** With `runId` it names the manifest entry of the failed run to re-run. */
  tag: string;
  /** Why the on-call asks for the re-run. Untrusted text: redacted and escaped wherever it is written. */
  reason: string;
  fallback: RecoverFallback;
  /** Workflow file name (`release.yml`) or id that `dispatch` starts for the tag. */
  releaseWorkflow?: string;
  /** Follow the new attempt until it completes (or `timeoutMinutes`) and record its outcome. */
  wait: boolean;
  timeoutMinutes: number;
  /** First wait between two polls of the new attempt; later waits grow by half each time, up to 8×. */
  pollIntervalSeconds: number;
}

export const RECOVER_DEFAULTS = {
  fallback: 'none' as RecoverFallback,
  wait: true,
  timeoutMinutes: 60,
  pollIntervalSeconds: 15,
};

/** A workflow file name as the dispatch API takes it (`release.yml`), or a workflow id. */
const WORKFLOW_ID = /^(?:[1-9][0-9]{0,19}|[A-Za-z0-9_.-]+\.ya?ml)$/;

/** Refuses inputs no run could use (exit 2), before the manifest or GitHub is touched. */
export function checkRecoverInputs(inputs: RecoverInputs): void {
  checkActionContext(inputs);
  if (inputs.reason.trim() === '')
    throw new InputError('reason', 'is required: say why the run is re-run (it is kept in the manifest)');
  if (!inputs.githubToken)
    throw new InputError('github-token', 'is needed to re-run the workflow run (actions: write)');
  if (!(RECOVER_FALLBACKS as readonly string[]).includes(inputs.fallback))
    throw new InputError(
      'fallback',
      `must be one of ${RECOVER_FALLBACKS.join(', ')}, got ${JSON.stringify(inputs.fallback)}`,
    );
  if (inputs.fallback === 'dispatch' && inputs.releaseWorkflow === undefined)
    throw usageError(
      '`fallback: dispatch` needs `release-workflow`: the workflow file (e.g. release.yml) to start for the tag',
    );
  if (inputs.releaseWorkflow !== undefined && !WORKFLOW_ID.test(inputs.releaseWorkflow))
    throw new InputError(
      'release-workflow',
      `must be a workflow file name in .github/workflows (e.g. release.yml) or a workflow id, got ${JSON.stringify(inputs.releaseWorkflow)}`,
    );
  for (const [name, value] of [
    ['timeout-minutes', inputs.timeoutMinutes],
    ['poll-interval-seconds', inputs.pollIntervalSeconds],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0)
      throw new InputError(name, `must be a positive number, got ${JSON.stringify(value)}`);
  }
}
