import { ActionInputs } from '../action/inputs';
import { InputError } from '../errors';
import { emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { readRunContext } from '../github/run-context';
import { markdownCell, markdownCode, markdownTable } from '../text/markdown';
import { checkWorkflowIdentityInputs, type WorkflowIdentityInputs } from './inputs';
import type { WorkflowIdentityResult } from './workflow-identity';

/** workflow-identity's inputs (named as in its action.yml): what the caller expects, if anything. */
export function readWorkflowIdentityInputs(
  env: NodeJS.ProcessEnv,
  input = new ActionInputs(env),
): WorkflowIdentityInputs {
  const run = readRunContext(env);
  if (!run.repository)
    throw new InputError(
      'repository',
      'is not set: GITHUB_REPOSITORY is empty; run this inside a GitHub Actions job',
    );
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  return {
    serverUrl: run.serverUrl,
    expected: { repository: input.optional('expected-repository'), sha: input.optional('expected-sha') },
    env,
    secrets: requestToken ? [requestToken] : [],
  };
}

/** Outputs even when an expectation disagrees: the jobs after it then still check out the right commit. */
export function workflowIdentityOutcome(result: WorkflowIdentityResult): ActionOutcome {
  const { identity, disagreements } = result;
  const rows: string[][] = [
    ['job_workflow_ref', identity.workflowRef],
    ['repository', identity.repository],
    ['sha', identity.sha],
    ['builder id', identity.builderId],
  ];
  const summary = [
    '### workflow-identity',
    '',
    markdownTable(
      ['', 'value'],
      rows.map(([name, value]) => [name, markdownCode(value)]),
    ),
    ...disagreements.map((line) => `- ${markdownCell(line)}`),
    '',
  ].join('\n');
  return {
    ...emptyOutcome(),
    outputs: {
      'workflow-ref': identity.workflowRef,
      repository: identity.repository,
      'workflow-path': identity.workflowPath,
      ref: identity.ref,
      sha: identity.sha,
      'builder-id': identity.builderId,
    },
    summary,
    log: [`this job's workflow: ${identity.workflowRef} (commit ${identity.sha})`],
    secrets: [result.token],
    failure:
      disagreements.length === 0
        ? null
        : {
            code: 'usage_error',
            message: `usage_error: ${disagreements.join('; ')}. Give the SHA of the \`uses:\` line, or leave it out: the workflow finds its own commit.`,
            exitCode: 2,
          },
  };
}

export const workflowIdentityAction: ActionDefinition<WorkflowIdentityInputs> = {
  read: readWorkflowIdentityInputs,
  // Unusable inputs are refused before the work (and its JWT library) is loaded.
  run: async (inputs) => {
    checkWorkflowIdentityInputs(inputs);
    return workflowIdentityOutcome(
      await (await import('./workflow-identity')).detectWorkflowIdentity(inputs),
    );
  },
};
