import { checkActionContext, type ActionContext } from '../action/context';
import { checkKpiInputs } from '../kpi/post-kpi';
import { InputError, usageError } from '../errors';
import type { IdentityPolicy } from '../checks/identity';

/** provenance-validate's options on the action context. */
export interface ValidateReleaseInputs extends ActionContext {
  tag: string;
  /** Files already in the workspace (glob patterns, one per line)… */
  artifactPath?: string;
  provenancePath?: string;
  /** …or the artifacts of the workflow run `runId`. */
  artifactName?: string;
  provenanceName?: string;
  /** Recorded in the manifest; defaults to the run's page. */
  artifactUrl?: string;
  sourceRepo: string;
  builderIds: string[];
  allowSlsaV02: boolean;
  identity: IdentityPolicy;
  trustedRoot?: string;
  kpiUrl?: string;
  kpiToken?: string;
}

/** Refuses combinations no run could use (exit 2), before anything is fetched or written. */
export function checkValidateInputs(inputs: ValidateReleaseInputs): void {
  checkActionContext(inputs);
  const local = inputs.artifactPath !== undefined || inputs.provenancePath !== undefined;
  const remote = inputs.artifactName !== undefined || inputs.provenanceName !== undefined;
  if (local === remote) {
    throw usageError(
      'give either `artifact-path` and `provenance-path` (files in the workspace) or `artifact-name` and `provenance-name` (artifacts of run `run-id`)',
    );
  }
  if (local && (!inputs.artifactPath || !inputs.provenancePath))
    throw new InputError('artifact-path', 'and `provenance-path` go together');
  if (remote && (!inputs.artifactName || !inputs.provenanceName))
    throw new InputError('artifact-name', 'and `provenance-name` go together');
  if (remote && !inputs.githubToken)
    throw new InputError('github-token', 'is needed to download the run artifacts');
  checkKpiInputs(inputs);
}
