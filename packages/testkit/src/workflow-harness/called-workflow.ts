import fs from 'node:fs';
import path from 'node:path';
import { WorkflowHarnessError } from './errors';
import { evaluateValue, type EvaluationScope } from './expressions';
import { toText, type Value } from './expressions/values';
import { runWorkflow } from './harness';
import type { JobResult, JobSpec } from './model';
import type { RunState, WorkflowRunOptions } from './run-state';

/** The local file of a reusable workflow reference, or an error naming it. */
export function calledWorkflowFile(uses: string, options: WorkflowRunOptions): string {
  let file: string | undefined;
  if (uses.startsWith('./')) {
    file = path.resolve(path.dirname(options.workflowFile), '../..', uses);
  } else {
    const match = /^([^/]+\/[^/]+)\/([^@]+)@.+$/.exec(uses);
    const root = match ? options.repositories?.[match[1]] : undefined;
    if (match && root) file = path.join(root, match[2]);
  }
  if (!file || !fs.existsSync(file)) {
    throw new WorkflowHarnessError(
      `cannot find the reusable workflow ${uses}; give its repository's folder in repositories: { 'owner/name': dir }`,
    );
  }
  return file;
}

/**
 * A job that calls a reusable workflow: its `with:` (typed) and `secrets:` (or `inherit`) evaluated in
 * the caller, the called workflow run with the caller's `github` context, its outputs the job's outputs.
 */
export async function runCalledWorkflow(
  state: RunState,
  jobId: string,
  job: JobSpec,
  scope: EvaluationScope,
): Promise<JobResult> {
  const inputs = Object.fromEntries(
    Object.entries(job.with ?? {}).map(([name, value]) => [name, evaluateValue(value, scope)]),
  );
  const callerSecrets = state.contexts.secrets as Record<string, Value>;
  const secrets: Record<string, string> =
    job.secrets === 'inherit'
      ? Object.fromEntries(Object.entries(callerSecrets).map(([name, value]) => [name, toText(value)]))
      : Object.fromEntries(
          Object.entries(job.secrets ?? {}).map(([name, value]) => [
            name,
            toText(evaluateValue(value, scope)),
          ]),
        );
  const workflow = await runWorkflow({
    ...state.options,
    workflowFile: calledWorkflowFile(job.uses!, state.options),
    inputs,
    secrets,
    github: state.github,
    workDir: path.join(state.root, jobId),
  });
  return { result: workflow.result, outputs: workflow.outputs, steps: [], runs: [], workflow };
}
