import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CLI as separate processes, for tests of writers racing each other with real git. It runs as
 * the built bundle when there is one (three times faster to start; CI builds it before testing), else
 * from source with `node --require tsx/cjs` rather than tsx's CLI wrapper: one Node process per writer
 * instead of two, and no off-thread ESM loader, which matters with many starting on two cores.
 */
const bundle = join(__dirname, '..', 'dist', 'index.js');
const cliArgs = existsSync(bundle)
  ? [bundle]
  : ['--require', require.resolve('tsx/cjs'), join(__dirname, '..', 'src', 'index.ts')];

export interface CliProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCliProcess(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<CliProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cliArgs, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * An environment with no user or system git configuration (the stores must bring their own
 * committer identity), and a bare repository under `folder` whose `branch` has one seed commit.
 */
export function bareRemoteWithBranch(folder: string, branch: string) {
  const home = join(folder, 'home');
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const git = (args: string[], cwd = folder) =>
    execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
  const remote = join(folder, 'remote.git');
  git(['init', '--quiet', '--bare', remote]);
  const seed = join(folder, 'seed');
  git(['init', '--quiet', '-b', branch, seed]);
  writeFileSync(join(seed, 'README.md'), `The ${branch} branch.\n`);
  git(['add', 'README.md'], seed);
  git(
    ['-c', 'user.name=seed', '-c', 'user.email=seed@example.com', 'commit', '--quiet', '-m', 'initial'],
    seed,
  );
  git(['push', '--quiet', remote, branch], seed);
  return { env, git, remote };
}
