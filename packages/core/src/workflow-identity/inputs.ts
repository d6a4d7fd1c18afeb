import { InputError, ReleaseGuardError } from '../errors';

/** What a caller expects of the identity; each given value must agree with the token. */
export interface ExpectedIdentity {
  repository?: string;
  sha?: string;
}

export interface WorkflowIdentityInputs {
  serverUrl: string;
  expected: ExpectedIdentity;
  env: NodeJS.ProcessEnv;
  /** The request token: masked before anything runs. */
  secrets: string[];
}

export const MISSING_TOKEN =
  'reading the workflow identity needs an OIDC token: give the job `permissions: id-token: write` ' +
  '(a calling job must grant it too)';

const SHA = /^[0-9a-f]{40}$/;

/** Refuses, before any work, an expectation no token could agree with and a job without a token endpoint. */
export function checkWorkflowIdentityInputs(inputs: WorkflowIdentityInputs): void {
  const { expected } = inputs;
  if (expected.sha !== undefined && !SHA.test(expected.sha.toLowerCase()))
    throw new InputError(
      'expected-sha',
      `must be a full 40-character commit SHA, got ${JSON.stringify(expected.sha.slice(0, 200))}`,
    );
  if (expected.repository !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(expected.repository))
    throw new InputError(
      'expected-repository',
      `must be OWNER/REPO, got ${JSON.stringify(expected.repository.slice(0, 200))}`,
    );
  if (!inputs.env.ACTIONS_ID_TOKEN_REQUEST_URL || !inputs.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    throw new ReleaseGuardError('usage_error', MISSING_TOKEN);
}
