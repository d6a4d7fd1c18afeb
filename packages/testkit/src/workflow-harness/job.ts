import fs from 'node:fs';
import path from 'node:path';
import { runCalledWorkflow } from './called-workflow';
import { evaluateCondition, evaluateValue, interpolate, type EvaluationScope } from './expressions';
import { isObject, type Value } from './expressions/values';
import { ancestors } from './graph';
import type { JobHost } from './host';
import { expandMatrix } from './matrix';
import { needsOf, type JobResult, type JobRun, type JobSpec } from './model';
import type { RunState } from './run-state';
import { runSteps } from './steps';

function deepEvaluate(value: unknown, scope: EvaluationScope): Value {
  if (typeof value === 'string') return evaluateValue(value, scope);
  if (Array.isArray(value)) return value.map((item) => deepEvaluate(item, scope));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepEvaluate(v, scope)]));
  }
  return (value ?? null) as Value;
}

function mayRequestIdToken(state: RunState, job: JobSpec): boolean {
  const permissions = job.permissions ?? state.workflow.permissions;
  if (permissions === 'write-all') return true;
  return (
    isObject((permissions ?? null) as Value) &&
    (permissions as Record<string, string>)['id-token'] === 'write'
  );
}

function runnerEnv(state: RunState, jobId: string, job: JobSpec, workspace: string, temp: string) {
  const g = { ...state.github, job: jobId, workspace } as Record<string, unknown>;
  const text = (key: string) => String(g[key] ?? '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    ...state.options.runnerEnv,
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: temp,
    RUNNER_ENVIRONMENT: 'github-hosted',
    GITHUB_WORKSPACE: workspace,
    GITHUB_JOB: jobId,
  };
  for (const key of [
    'repository',
    'repository_owner',
    'ref',
    'ref_name',
    'ref_type',
    'sha',
    'run_id',
    'run_number',
    'run_attempt',
    'server_url',
    'api_url',
    'graphql_url',
    'event_name',
    'actor',
    'workflow',
    'workflow_ref',
  ]) {
    env[`GITHUB_${key.toUpperCase()}`] = text(key);
  }
  if (state.options.oidc && mayRequestIdToken(state, job)) {
    const grant = state.options.oidc.grant(jobId);
    env.ACTIONS_ID_TOKEN_REQUEST_URL = grant.url;
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = grant.token;
  }
  return { env, github: g };
}

async function runInstance(
  state: RunState,
  jobId: string,
  needs: Record<string, Value>,
  matrix: Record<string, Value> | null,
  index: number,
  total: number,
): Promise<JobRun> {
  const job = state.workflow.jobs[jobId];
  const folder = path.join(state.root, matrix ? `${jobId}-${index + 1}` : jobId);
  const workspace = path.join(folder, 'workspace');
  const temp = path.join(folder, 'temp');
  fs.mkdirSync(workspace, { recursive: true });
  fs.mkdirSync(temp, { recursive: true });
  const runner = runnerEnv(state, jobId, job, workspace, temp);
  const contexts: Record<string, Value> = {
    ...state.contexts,
    github: runner.github as Value,
    needs,
    runner: {
      os: 'Linux',
      arch: 'X64',
      name: 'workflow-harness',
      temp,
      tool_cache: temp,
      environment: 'github-hosted',
    },
    matrix: matrix ?? {},
    strategy: { 'job-index': index, 'job-total': total, 'fail-fast': true },
  };
  const scope: EvaluationScope = {
    status: { success: true, failure: false, cancelled: false },
    contexts: { ...contexts, env: state.env, job: { status: 'success' }, steps: {} },
  };
  const jobEnv = Object.fromEntries(
    Object.entries(job.env ?? {}).map(([k, v]) => [k, interpolate(v, scope)]),
  );
  const host: JobHost = {
    jobId,
    workspace,
    runnerTemp: temp,
    runnerEnv: runner.env,
    addedEnv: {},
    addedPath: [],
    standIns: state.options.standIns ?? {},
    repositories: state.options.repositories ?? {},
    stepTimeoutMs: state.options.stepTimeoutMs ?? 120_000,
    contexts,
  };
  const env = { ...state.env, ...jobEnv };
  const defaults = { ...state.workflow.defaults?.run, ...job.defaults?.run };
  const result = await runSteps({ steps: job.steps ?? [], host, env, defaults });
  const outputScope: EvaluationScope = {
    ...scope,
    contexts: { ...scope.contexts, env: { ...env, ...host.addedEnv }, steps: result.context },
  };
  const outputs = Object.fromEntries(
    Object.entries(job.outputs ?? {}).map(([name, value]) => [name, interpolate(value, outputScope)]),
  );
  const summary = result.steps.map((step) => step.summary).join('');
  return {
    matrix,
    result: result.failed ? 'failure' : 'success',
    outputs,
    steps: result.steps,
    summary,
    workspace,
  };
}

/**
 * One job: skipped unless its `if:` holds (default success(): every job it depends on, directly or
 * not, succeeded); else each matrix combination in turn (with fail-fast, the rest are cancelled after
 * a failure).
 */
export async function runJob(state: RunState, jobId: string): Promise<JobResult> {
  const job = state.workflow.jobs[jobId];
  const needs: Record<string, Value> = {};
  for (const need of needsOf(job)) {
    needs[need] = { result: state.results[need].result, outputs: state.results[need].outputs };
  }
  const earlier = ancestors(state.workflow, jobId).map((id) => state.results[id].result);
  const scope: EvaluationScope = {
    status: {
      success: earlier.every((result) => result === 'success'),
      failure: earlier.some((result) => result === 'failure'),
      cancelled: false,
    },
    contexts: { ...state.contexts, needs, env: state.env },
  };
  if (!evaluateCondition(job.if, scope)) return { result: 'skipped', outputs: {}, steps: [], runs: [] };
  if (state.options.cancelJobs?.includes(jobId))
    return { result: 'cancelled', outputs: {}, steps: [], runs: [] };
  if (job.uses) return runCalledWorkflow(state, jobId, job, scope);
  const matrix = job.strategy?.matrix;
  const combinations = matrix === undefined ? [null] : expandMatrix(deepEvaluate(matrix, scope));
  const failFast = deepEvaluate(job.strategy?.['fail-fast'] ?? true, scope);
  const runs: JobRun[] = [];
  for (const [index, combination] of combinations.entries()) {
    if (runs.some((run) => run.result === 'failure') && failFast !== false && failFast !== 'false') {
      runs.push({
        matrix: combination,
        result: 'cancelled',
        outputs: {},
        steps: [],
        summary: '',
        workspace: '',
      });
      continue;
    }
    runs.push(await runInstance(state, jobId, needs, combination, index, combinations.length));
  }
  return {
    result: runs.some((run) => run.result === 'failure') ? 'failure' : 'success',
    outputs: runs.at(-1)?.outputs ?? {},
    steps: runs[0]?.steps ?? [],
    runs,
  };
}
