import { decodeJwt } from 'jose';
import { ReleaseGuardError } from '../errors';
import { requestActionsIdToken } from '../github/actions-id-token';
import {
  checkWorkflowIdentityInputs,
  MISSING_TOKEN,
  type ExpectedIdentity,
  type WorkflowIdentityInputs,
} from './inputs';

/** Which workflow file, at which commit, the running job comes from: a reusable workflow's own, not its caller's. */
export interface WorkflowIdentity {
  /** The OIDC claim `job_workflow_ref`: `owner/repo/.github/workflows/x.yml@ref`. */
  workflowRef: string;
  /** `owner/repo` of that workflow file. */
  repository: string;
  /** Its path in the repository. */
  workflowPath: string;
  /** The ref the caller named in `uses:` (a SHA, a tag or a branch). */
  ref: string;
  /** The commit the workflow file was read from (`job_workflow_sha`). */
  sha: string;
  /** The builder id actions/attest-build-provenance records for this job: `<server>/<job_workflow_ref>`. */
  builderId: string;
}

export interface WorkflowIdentityResult {
  identity: WorkflowIdentity;
  /** The OIDC token read (a secret, masked by the entry). */
  token: string;
  /** Each given expectation the token contradicts, as a sentence; empty when all agree. */
  disagreements: string[];
}

const SHA = /^[0-9a-f]{40}$/;
const WORKFLOW_REF = /^([^/\s@]+\/[^/\s@]+)\/([^@\s]+)@(\S+)$/;
// The token is only read, never passed on; its audience names what asked for it.
const AUDIENCE = 'release-guard';

/** The identity in a token's claims, or a usage error naming the claim that is missing or malformed. */
export function workflowIdentityOf(claims: Record<string, unknown>, serverUrl: string): WorkflowIdentity {
  const workflowRef = claims.job_workflow_ref;
  const match = typeof workflowRef === 'string' ? WORKFLOW_REF.exec(workflowRef) : null;
  if (typeof workflowRef !== 'string' || !match) {
    throw new ReleaseGuardError(
      'usage_error',
      `the OIDC token's job_workflow_ref is not owner/repo/path@ref: ${JSON.stringify(String(workflowRef).slice(0, 200))}`,
    );
  }
  const [, repository, workflowPath, ref] = match;
  // GitHub Enterprise Server releases before the claim existed: a ref that is a SHA is the commit.
  const claimed = typeof claims.job_workflow_sha === 'string' ? claims.job_workflow_sha : undefined;
  const sha = (claimed ?? (SHA.test(ref) ? ref : '')).toLowerCase();
  if (!SHA.test(sha)) {
    throw new ReleaseGuardError(
      'usage_error',
      `the OIDC token's job_workflow_sha is not a commit SHA: ${JSON.stringify(String(claimed).slice(0, 200))}`,
    );
  }
  return {
    workflowRef,
    repository,
    workflowPath,
    ref,
    sha,
    builderId: `${serverUrl.replace(/\/+$/, '')}/${workflowRef}`,
  };
}

/** Each expectation the identity contradicts. */
export function identityDisagreements(identity: WorkflowIdentity, expected: ExpectedIdentity): string[] {
  const found: string[] = [];
  if (
    expected.repository !== undefined &&
    expected.repository.toLowerCase() !== identity.repository.toLowerCase()
  )
    found.push(
      `\`expected-repository\` is ${expected.repository}, but this job's workflow comes from ${identity.repository} (job_workflow_ref ${identity.workflowRef})`,
    );
  if (expected.sha !== undefined && expected.sha.toLowerCase() !== identity.sha)
    found.push(
      `\`expected-sha\` is ${expected.sha}, but this job's workflow was read at ${identity.sha} (job_workflow_ref ${identity.workflowRef})`,
    );
  return found;
}

/**
 * Reads the job's own workflow identity from its OIDC token, as slsa-github-generator's detect-workflow
 * does: inside a reusable workflow the `github` context is the caller's, the token's job_workflow_* claims
 * are the called file's. The token comes straight from the runner's endpoint, so it is decoded, not verified.
 */
export async function detectWorkflowIdentity(
  inputs: WorkflowIdentityInputs,
): Promise<WorkflowIdentityResult> {
  checkWorkflowIdentityInputs(inputs);
  const { token } = await requestActionsIdToken(inputs.env, AUDIENCE, MISSING_TOKEN);
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch (error) {
    throw new ReleaseGuardError(
      'usage_error',
      'the GitHub Actions OIDC token endpoint returned something that is not a JWT',
      {},
      { cause: error },
    );
  }
  const identity = workflowIdentityOf(claims, inputs.serverUrl);
  return { identity, token, disagreements: identityDisagreements(identity, inputs.expected) };
}
