import { checkActionContext, type ActionContext } from '../action/context';
import { InputError, usageError } from '../errors';
import type { FreezeGate } from '../freeze/gate';

/** evidence-archive's options on the action context: the evidence to collect, as `release-guard evidence` takes it. */
export interface EvidenceArchiveInputs extends ActionContext, FreezeGate {
  junit: string[];
  coverage?: string;
  sbom: string[];
  vulns: string[];
  kev?: string;
  epss?: string;
  images: string[];
  artifacts: string[];
  policy?: string;
  policyLogs: string[];
  provenanceReport?: string;
  signatures?: string;
  allowWarn: boolean;
  /** Attach the bundle and the manifest to the release's draft (unless frozen). */
  attach: boolean;
  /** GITHUB_RUN_ATTEMPT: the artifact is `evidence-<tag>-<attempt>`, so a re-run never meets 409. */
  runAttempt: string;
  freezeFile: string;
}

/** Refuses inputs no run could use (exit 2), before anything is collected or uploaded. */
export function checkEvidenceArchiveInputs(inputs: EvidenceArchiveInputs): void {
  checkActionContext(inputs);
  if (inputs.tag === undefined) throw new InputError('tag', 'is required');
  if (!/^[1-9][0-9]*$/.test(inputs.runAttempt)) {
    throw usageError(
      `GITHUB_RUN_ATTEMPT must be the run attempt (digits), got ${JSON.stringify(inputs.runAttempt.slice(0, 50))}`,
    );
  }
  if (!inputs.githubToken && inputs.attach) {
    throw new InputError(
      'github-token',
      'is needed to read the release freeze and attach to the release (contents: write)',
    );
  }
}
