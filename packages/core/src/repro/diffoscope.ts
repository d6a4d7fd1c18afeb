import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Most bytes of diffoscope's output kept per file. */
export const DIFFOSCOPE_MAX_OUTPUT = 1024 * 1024;

/** The diffoscope executable on `PATH`, or null. */
export function findDiffoscope(env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'diffoscope');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export interface DiffoscopeRun {
  /** `differ` (exit 1), `same` (exit 0), `timeout`, or `error` (exit 2 or could not start). */
  status: 'differ' | 'same' | 'timeout' | 'error';
  output: string;
  truncated: boolean;
}

interface Collected {
  code: number | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  timedOut: boolean;
}

function run(
  executable: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Collected> {
  return new Promise((resolve) => {
    const child = spawn(executable, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (size >= DIFFOSCOPE_MAX_OUTPUT) return void (truncated = true);
      out.push(chunk.subarray(0, DIFFOSCOPE_MAX_OUTPUT - size));
      size += Math.min(chunk.length, DIFFOSCOPE_MAX_OUTPUT - size);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const done = (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr, truncated, timedOut });
    };
    child.on('error', (error) => ((stderr += error.message), done(null)));
    child.on('close', done);
  });
}

/** Runs `diffoscope --text - FIRST SECOND` within the time limit, keeping at most 1 MiB of its output. */
export async function runDiffoscope(
  executable: string,
  first: string,
  second: string,
  options: { env: NodeJS.ProcessEnv; timeoutSeconds: number },
): Promise<DiffoscopeRun> {
  const result = await run(
    executable,
    ['--no-progress', '--text', '-', first, second],
    options.env,
    options.timeoutSeconds * 1000,
  );
  if (result.timedOut)
    return {
      status: 'timeout',
      output: `diffoscope stopped after ${options.timeoutSeconds} s (--diffoscope-timeout)\n`,
      truncated: false,
    };
  if (result.code === 1 || result.code === 0)
    return {
      status: result.code === 1 ? 'differ' : 'same',
      output: result.stdout,
      truncated: result.truncated,
    };
  return {
    status: 'error',
    output: `diffoscope failed (exit ${result.code}): ${result.stderr.trim()}\n`,
    truncated: false,
  };
}

/** `diffoscope 240`, or null when it does not answer. */
export async function diffoscopeVersion(executable: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const result = await run(executable, ['--version'], env, 30_000);
  return result.code === 0 ? result.stdout.trim().replace(/^diffoscope\s+/, '') : null;
}
