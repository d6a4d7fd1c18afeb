import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { parseCommandFile } from './workflow-harness/command-files';

interface ActionYaml {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; steps: Array<{ run?: string; env?: Record<string, string> }> };
}

export interface ActionRunOptions {
  /** Input values by name, as a workflow's `with:` gives them. */
  inputs: Record<string, string>;
  /** Runner context: GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_WORKSPACE, … */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface ActionRunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Resolves `${{ inputs.x }}` (and `${{ github.token }}` defaults) the way the runner does for `env:`. */
function expand(template: string, inputs: Record<string, string>, context: Record<string, string>): string {
  return template.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expression: string) => {
    const input = /^inputs(?:\.([A-Za-z0-9_-]+)|\['([^']+)'\])$/.exec(expression);
    if (input) return inputs[input[1] ?? input[2]] ?? '';
    return context[expression] ?? '';
  });
}

/**
 * Runs a composite action's built `dist/index.js` as the runner would: the step's `env:` from
 * action.yml with inputs substituted (defaults applied), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 * RUNNER_TEMP is a new folder under the OS temp dir, left in place for the test to read reports from.
 */
export async function runAction(actionDir: string, options: ActionRunOptions): Promise<ActionRunResult> {
  const action = parse(fs.readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as ActionYaml;
  const step = action.runs.steps.find((s) => s.run?.includes('dist/index.js'));
  if (!step) throw new Error(`${actionDir}/action.yml has no step running dist/index.js`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    inputs[name] = options.inputs[name] ?? (spec.default !== undefined ? String(spec.default) : '');
  }
  for (const name of Object.keys(options.inputs)) {
    if (!(name in (action.inputs ?? {})))
      throw new Error(`input ${name} is not declared in ${actionDir}/action.yml`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-action-'));
  const outputFile = path.join(work, 'output');
  const summaryFile = path.join(work, 'summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const context = { 'github.token': options.env?.GITHUB_TOKEN ?? '' };
  const stepEnv = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(String(value), inputs, context)]),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? work,
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: actionDir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: work,
    ...options.env,
    ...stepEnv,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(actionDir, 'dist/index.js')], {
      env,
      cwd: env.GITHUB_WORKSPACE ?? work,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const result = {
        code,
        stdout,
        stderr,
        outputs: parseCommandFile(fs.readFileSync(outputFile, 'utf8')),
        summary: fs.readFileSync(summaryFile, 'utf8'),
      };
      resolve(result);
    });
  });
}
