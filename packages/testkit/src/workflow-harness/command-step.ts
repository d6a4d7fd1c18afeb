import fs from 'node:fs';
import path from 'node:path';
import { parseCommandFile } from './command-files';
import { runProcess, type ProcessResult } from './process';

export interface CommandStepOptions {
  script: string;
  /** The step's `shell:`; undefined is the runner's default on Linux, `bash -e {0}`. */
  shell?: string;
  env: Record<string, string>;
  cwd: string;
  runnerTemp: string;
  timeoutMs: number;
}

export interface CommandStepResult extends ProcessResult {
  outputs: Record<string, string>;
  /** What the step wrote to GITHUB_ENV. */
  env: Record<string, string>;
  /** What the step wrote to GITHUB_PATH. */
  path: string[];
  summary: string;
}

let sequence = 0;

/** The runner's shell templates (docs: `jobs.<job_id>.steps[*].shell`). */
function shellCommand(shell: string | undefined, file: string): [string, string[]] {
  const templates: Record<string, string> = {
    '': 'bash -e {0}',
    bash: 'bash --noprofile --norc -eo pipefail {0}',
    sh: 'sh -e {0}',
  };
  const template = templates[shell ?? ''] ?? (shell!.includes('{0}') ? shell! : `${shell} {0}`);
  const [command, ...args] = template.split(/\s+/).map((part) => (part === '{0}' ? file : part));
  return [command, args];
}

/**
 * A `run:` step: the script goes to a file, never through an expression evaluator; each step gets fresh
 * GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY files, read back afterwards.
 */
export async function runCommandStep(options: CommandStepOptions): Promise<CommandStepResult> {
  const dir = path.join(options.runnerTemp, '_steps', String(++sequence));
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    script: path.join(dir, 'script.sh'),
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
  };
  fs.writeFileSync(files.script, options.script);
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'] as const) {
    fs.writeFileSync(files[name], '');
  }
  const [command, args] = shellCommand(options.shell, files.script);
  const result = await runProcess(command, args, {
    cwd: options.cwd,
    timeoutMs: options.timeoutMs,
    env: {
      ...options.env,
      GITHUB_OUTPUT: files.GITHUB_OUTPUT,
      GITHUB_ENV: files.GITHUB_ENV,
      GITHUB_PATH: files.GITHUB_PATH,
      GITHUB_STEP_SUMMARY: files.GITHUB_STEP_SUMMARY,
    },
  });
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  return {
    ...result,
    outputs: parseCommandFile(read(files.GITHUB_OUTPUT)),
    env: parseCommandFile(read(files.GITHUB_ENV)),
    path: read(files.GITHUB_PATH).split('\n').filter(Boolean),
    summary: read(files.GITHUB_STEP_SUMMARY),
  };
}
