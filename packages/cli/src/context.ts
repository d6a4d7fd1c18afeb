/** What a command needs from the outside world; tests pass their own to run the CLI in-process. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Set by a command: 0 passed, 1 checked and failed, 2 unusable input. */
  exitCode: number;
}

export function processContext(): CliContext {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    exitCode: 0,
  };
}
