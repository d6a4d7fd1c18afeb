import { main } from '../src/main';
import type { CliContext } from '../src/context';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process through its real argument parser, capturing output. */
export async function runCli(
  argv: string[],
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
    env,
    exitCode: 0,
  };
  const code = await main(argv, ctx);
  return { code, stdout, stderr };
}
