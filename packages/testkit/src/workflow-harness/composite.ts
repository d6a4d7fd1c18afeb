import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { WorkflowHarnessError } from './errors';
import { interpolate, type EvaluationScope } from './expressions';
import type { Value } from './expressions/values';
import type { JobHost } from './host';
import type { StepSpec } from './model';
import { runSteps, type StepRun } from './steps';

interface ActionYaml {
  inputs?: Record<string, { default?: unknown; required?: boolean }>;
  outputs?: Record<string, { value?: unknown }>;
  runs?: { using?: string; steps?: StepSpec[] };
}

function readAction(actionDir: string): ActionYaml {
  for (const name of ['action.yml', 'action.yaml']) {
    const file = path.join(actionDir, name);
    if (fs.existsSync(file)) return parse(fs.readFileSync(file, 'utf8')) as ActionYaml;
  }
  throw new WorkflowHarnessError(`no action.yml in ${actionDir} (is the repository checked out there?)`);
}

/**
 * A local composite action (`uses: ./…`), run through its action.yml as the runner does: inputs from
 * `with:` or their defaults (expressions evaluated), each step's `env:` mapping them to INPUT_*, its
 * `run:` steps in bash with GITHUB_ACTION_PATH, and its `outputs:` read from its steps.
 */
export async function runComposite(
  actionDir: string,
  given: Record<string, string>,
  env: Record<string, string>,
  host: JobHost,
): Promise<StepRun> {
  const action = readAction(actionDir);
  if (action.runs?.using !== 'composite') {
    throw new WorkflowHarnessError(
      `${actionDir}: only composite actions are supported (runs.using: ${action.runs?.using})`,
    );
  }
  const github = {
    ...(host.contexts.github as Record<string, Value>),
    action_path: actionDir,
    action_repository: '',
    action_ref: '',
  };
  const base: EvaluationScope = {
    status: { success: true, failure: false, cancelled: false },
    contexts: { ...host.contexts, github, env, steps: {}, job: { status: 'success' } },
  };
  const inputs: Record<string, Value> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    inputs[name] = given[name] ?? interpolate(spec.default, base);
  }
  const unexpected = Object.keys(given).filter((name) => !(name in (action.inputs ?? {})));
  const warning = unexpected
    .map((name) => `::warning::Unexpected input '${name}' for ${actionDir}\n`)
    .join('');
  const result = await runSteps({
    steps: action.runs.steps ?? [],
    host,
    env,
    contexts: { github, inputs },
    actionPath: actionDir,
  });
  const scope: EvaluationScope = { ...base, contexts: { ...base.contexts, inputs, steps: result.context } };
  const outputs = Object.fromEntries(
    Object.entries(action.outputs ?? {}).map(([name, spec]) => [name, interpolate(spec.value, scope)]),
  );
  return {
    outcome: result.failed ? 'failure' : 'success',
    outputs,
    stdout: warning + result.steps.map((step) => step.stdout).join(''),
    stderr: result.steps.map((step) => step.stderr).join(''),
    summary: result.steps.map((step) => step.summary).join(''),
  };
}
