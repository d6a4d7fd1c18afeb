import path from 'node:path';
import { runCommandStep } from './command-step';
import { runComposite } from './composite';
import { WorkflowHarnessError } from './errors';
import { evaluateCondition, evaluateValue, interpolate, type EvaluationScope } from './expressions';
import type { Value } from './expressions/values';
import { processEnv, type JobHost } from './host';
import type { StepConclusion, StepResult, StepSpec } from './model';
import { repositoryActionDir } from './repository-action';
import { standInName } from './stand-ins/types';

export interface StepListOptions {
  steps: StepSpec[];
  host: JobHost;
  /** The `env` context below the steps' own `env:` (workflow + job env, or what a composite was given). */
  env: Record<string, string>;
  /** Contexts that replace the job's (a composite's `inputs` and `github`). */
  contexts?: Record<string, Value>;
  defaults?: { shell?: string; 'working-directory'?: string };
  /** Set inside a composite action: its folder (GITHUB_ACTION_PATH). */
  actionPath?: string;
}

export interface StepListResult {
  steps: StepResult[];
  failed: boolean;
  /** The `steps` context after the last step. */
  context: Record<string, Value>;
}

export interface StepRun {
  outcome: 'success' | 'failure';
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
  summary: string;
}

function evaluateEnv(
  env: Record<string, unknown> | undefined,
  scope: EvaluationScope,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env ?? {}).map(([key, value]) => [key, interpolate(value, scope)]),
  );
}

function stepName(step: StepSpec, index: number): string {
  if (step.name) return step.name;
  if (step.run) return `Run ${step.run.split('\n')[0]}`;
  return step.uses ?? `step ${index + 1}`;
}

async function runScript(
  step: StepSpec,
  env: Record<string, string>,
  options: StepListOptions,
): Promise<StepRun> {
  const { host } = options;
  if (step.run?.includes('${{')) {
    throw new WorkflowHarnessError(
      `a run: body in job ${host.jobId} holds an expression; pass the value through env: (the harness never interpolates scripts)`,
    );
  }
  const directory = step['working-directory'] ?? options.defaults?.['working-directory'] ?? '.';
  const result = await runCommandStep({
    script: step.run ?? '',
    shell: step.shell ?? options.defaults?.shell,
    env: processEnv(host, options.actionPath ? { ...env, GITHUB_ACTION_PATH: options.actionPath } : env),
    cwd: path.resolve(host.workspace, directory),
    runnerTemp: host.runnerTemp,
    timeoutMs: host.stepTimeoutMs,
  });
  Object.assign(host.addedEnv, result.env);
  host.addedPath.unshift(...result.path.reverse());
  return { ...result, outcome: result.code === 0 ? 'success' : 'failure' };
}

async function runStandIn(
  step: StepSpec,
  env: Record<string, string>,
  scope: EvaluationScope,
  host: JobHost,
): Promise<StepRun> {
  const uses = step.uses!;
  const standIn = host.standIns[standInName(uses)];
  if (!standIn) {
    throw new WorkflowHarnessError(
      `no stand-in registered for the third-party action ${uses} (job ${host.jobId}); register one as standIns['${standInName(uses)}']`,
    );
  }
  const result = await standIn({
    uses,
    with: evaluateEnv(step.with, scope),
    workspace: host.workspace,
    runnerTemp: host.runnerTemp,
    env: processEnv(host, env),
    github: scope.contexts.github as Record<string, unknown>,
    jobId: host.jobId,
  });
  return {
    outcome: 'success',
    outputs: result?.outputs ?? {},
    stdout: result?.stdout ?? '',
    stderr: '',
    summary: result?.summary ?? '',
  };
}

function dispatch(
  step: StepSpec,
  env: Record<string, string>,
  scope: EvaluationScope,
  options: StepListOptions,
) {
  if (step.run !== undefined) return runScript(step, env, options);
  const uses = step.uses;
  if (!uses) throw new WorkflowHarnessError(`a step of job ${options.host.jobId} has neither run: nor uses:`);
  if (uses.startsWith('./')) {
    const actionDir = path.resolve(options.host.workspace, uses);
    return runComposite(actionDir, evaluateEnv(step.with, scope), env, options.host);
  }
  if (uses.startsWith('docker://'))
    throw new WorkflowHarnessError(`docker actions are not supported (${uses})`);
  const registered = options.host.standIns[standInName(uses)]
    ? undefined
    : repositoryActionDir(uses, options.host.repositories);
  if (registered) return runComposite(registered, evaluateEnv(step.with, scope), env, options.host);
  return runStandIn(step, env, scope, options.host);
}

function stepResult(
  step: StepSpec,
  index: number,
  run: StepRun | null,
  conclusion: StepConclusion,
): StepResult {
  const base = { id: step.id, name: stepName(step, index), conclusion };
  if (!run) return { ...base, outcome: 'skipped', outputs: {}, stdout: '', stderr: '', summary: '' };
  return { ...base, ...run };
}

function continueOnError(step: StepSpec, scope: EvaluationScope): boolean {
  const value = evaluateValue(step['continue-on-error'] ?? false, scope);
  return value === true || value === 'true';
}

/** Runs steps as the runner does: each `if:` (default success()), env, outputs into the `steps` context. */
export async function runSteps(options: StepListOptions): Promise<StepListResult> {
  const context: Record<string, Value> = {};
  const results: StepResult[] = [];
  let failed = false;
  for (const [index, step] of options.steps.entries()) {
    const envContext = { ...options.env, ...options.host.addedEnv };
    const scope: EvaluationScope = {
      status: { success: !failed, failure: failed, cancelled: false },
      contexts: {
        ...options.host.contexts,
        ...options.contexts,
        steps: context,
        env: envContext,
        job: { status: failed ? 'failure' : 'success' },
      },
    };
    let run: StepRun | null = null;
    let conclusion: StepConclusion = 'skipped';
    try {
      if (evaluateCondition(step.if, scope)) {
        run = await dispatch(step, { ...envContext, ...evaluateEnv(step.env, scope) }, scope, options);
        conclusion = run.outcome === 'failure' && continueOnError(step, scope) ? 'success' : run.outcome;
      }
    } catch (error) {
      if (error instanceof WorkflowHarnessError) throw error;
      run = {
        outcome: 'failure',
        outputs: {},
        stdout: '',
        stderr: `${(error as Error).message}\n`,
        summary: '',
      };
      conclusion = 'failure';
    }
    const result = stepResult(step, index, run, conclusion);
    results.push(result);
    if (step.id) context[step.id] = { outcome: result.outcome, conclusion, outputs: result.outputs };
    if (conclusion === 'failure') failed = true;
  }
  return { steps: results, failed, context };
}
