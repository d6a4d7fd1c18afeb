import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { calledWorkflowFile } from './called-workflow';
import { WorkflowHarnessError } from './errors';
import { interpolate, type EvaluationScope } from './expressions';
import type { Value } from './expressions/values';
import { jobOrder } from './graph';
import { runJob } from './job';
import { workflowCall, type WorkflowResult, type WorkflowSpec } from './model';
import type { RunState, WorkflowRunOptions } from './run-state';
import { repositoryActionDir } from './repository-action';
import { standInName } from './stand-ins/types';

const DEFAULT_GITHUB: Record<string, Value> = {
  repository: 'acme/widgets',
  repository_owner: 'acme',
  ref: 'refs/heads/main',
  ref_name: 'main',
  ref_type: 'branch',
  sha: '8f70009fde0c94ade6ce2a054b94718c819126ec',
  run_id: '1234567890',
  run_number: '42',
  run_attempt: '1',
  server_url: 'https://github.com',
  api_url: 'https://api.github.com',
  graphql_url: 'https://api.github.com/graphql',
  event_name: 'push',
  actor: 'octocat',
  token: 'ghs_workflowHarnessToken000000000000000000',
  event: {},
};

function callInputs(workflow: WorkflowSpec, given: Record<string, unknown>): Record<string, Value> {
  const call = workflowCall(workflow);
  if (!call) return given as Record<string, Value>;
  const declared = call.inputs ?? {};
  for (const name of Object.keys(given)) {
    if (!(name in declared))
      throw new WorkflowHarnessError(`input ${name} is not declared by on.workflow_call`);
  }
  const inputs: Record<string, Value> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const value = given[name] ?? spec.default;
    if (value === undefined && spec.required)
      throw new WorkflowHarnessError(`required input ${name} was not given`);
    if (spec.type === 'boolean') inputs[name] = value === true || value === 'true';
    else if (spec.type === 'number') inputs[name] = value === undefined ? null : Number(value);
    else inputs[name] = value === undefined ? '' : String(value as string);
  }
  return inputs;
}

function readWorkflow(file: string): WorkflowSpec {
  const workflow = parse(fs.readFileSync(file, 'utf8')) as WorkflowSpec;
  if (!workflow?.jobs) throw new WorkflowHarnessError(`${file} has no jobs`);
  return workflow;
}

/** Every third-party action the run can reach, called workflows included, has a stand-in. */
function checkStandIns(workflow: WorkflowSpec, options: WorkflowRunOptions, depth = 0): void {
  if (depth > 10) throw new WorkflowHarnessError('reusable workflows nest deeper than 10 levels');
  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    if (job.uses) {
      const file = calledWorkflowFile(job.uses, options);
      checkStandIns(readWorkflow(file), { ...options, workflowFile: file }, depth + 1);
    }
    for (const step of job.steps ?? []) {
      const uses = step.uses;
      if (!uses || uses.startsWith('./') || uses.startsWith('docker://')) continue;
      if (!options.standIns?.[standInName(uses)] && !repositoryActionDir(uses, options.repositories)) {
        throw new WorkflowHarnessError(
          `no stand-in registered for the third-party action ${uses} (job ${jobId}); register one as standIns['${standInName(uses)}']`,
        );
      }
    }
  }
}

/**
 * Runs a workflow file on this machine: its jobs in `needs:` order (each in a fresh workspace), their
 * `if:` conditions, expressions, `run:` steps in bash, local composite actions through their action.yml,
 * and third-party actions through the stand-ins given. See README.md beside this file.
 */
export async function runWorkflow(
  options: WorkflowRunOptions,
): Promise<WorkflowResult & { workDir: string }> {
  const workflow = readWorkflow(options.workflowFile);
  checkStandIns(workflow, options);
  const order = jobOrder(workflow);
  const root = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rg-workflow-'));
  const github: Record<string, Value> = {
    ...DEFAULT_GITHUB,
    workflow: workflow.name ?? path.basename(options.workflowFile),
    ...(options.github as Record<string, Value>),
  };
  const secrets: Record<string, Value> = { GITHUB_TOKEN: github.token, ...options.secrets };
  const contexts: Record<string, Value> = {
    github,
    inputs: callInputs(workflow, options.inputs ?? {}),
    secrets,
    vars: { ...options.vars },
  };
  const scope: EvaluationScope = {
    status: { success: true, failure: false, cancelled: false },
    contexts: { ...contexts, env: {} },
  };
  const env = Object.fromEntries(
    Object.entries(workflow.env ?? {}).map(([k, v]) => [k, interpolate(v, scope)]),
  );
  const state: RunState = { workflow, options, root, github, contexts, env, results: {} };
  for (const jobId of order) state.results[jobId] = await runJob(state, jobId);
  const jobs: Record<string, Value> = {};
  for (const [id, result] of Object.entries(state.results))
    jobs[id] = { result: result.result, outputs: result.outputs };
  const outputScope: EvaluationScope = { ...scope, contexts: { ...scope.contexts, jobs } };
  const outputs = Object.fromEntries(
    Object.entries(workflowCall(workflow)?.outputs ?? {}).map(([name, spec]) => [
      name,
      interpolate(spec.value, outputScope),
    ]),
  );
  const failed = Object.values(state.results).some((result) => result.result === 'failure');
  return { order, jobs: state.results, outputs, result: failed ? 'failure' : 'success', workDir: root };
}
