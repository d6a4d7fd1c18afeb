import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The spec's concurrency promise, with real processes and real git: twenty `release-guard manifest
 * update` processes started at once against one local bare repository leave twenty entries and a
 * linear history. The CLI runs as the built bundle when there is one, else from source through tsx, registered
 * with `node --require tsx/cjs` rather than through tsx's CLI wrapper: one Node process per writer
 * instead of two, and no off-thread ESM loader, which matters with twenty starting on two cores.
 */
const WRITERS = 20;
const tsx = require.resolve('tsx/cjs');
const cliEntry = join(__dirname, '..', 'src', 'index.ts');
// The built bundle starts three times faster than the sources through tsx; CI builds it before testing.
const bundle = join(__dirname, '..', 'dist', 'index.js');
const cliArgs = existsSync(bundle) ? [bundle] : ['--require', tsx, cliEntry];

interface WriterResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cli-manifest-race-'));
  // One run first: tsx caches its transforms, and a CLI that cannot start fails here, not twenty times.
  const warmUp = await runWriter(['manifest', '--help'], process.env);
  if (warmUp.code !== 0) throw new Error(`the CLI does not start from source: ${warmUp.stderr}`);
}, 30_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runWriter(args: string[], env: NodeJS.ProcessEnv): Promise<WriterResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cliArgs, ...args], { cwd: folder, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

it(`${WRITERS} concurrent manifest update processes leave ${WRITERS} entries and a linear history`, async () => {
  // No user or system git configuration: the store must bring its own committer identity.
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
  git(['init', '--quiet', '-b', 'release-manifest', seed]);
  writeFileSync(join(seed, 'README.md'), 'Release manifest branch.\n');
  git(['add', 'README.md'], seed);
  git(
    ['-c', 'user.name=seed', '-c', 'user.email=seed@example.com', 'commit', '--quiet', '-m', 'initial'],
    seed,
  );
  git(['push', '--quiet', remote, 'release-manifest'], seed);

  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      runWriter(
        [
          'manifest',
          'update',
          '--manifest',
          'docs/reports/manifest.json',
          '--git-remote',
          remote,
          '--git-branch',
          'release-manifest',
          '--tag',
          'v2.0.0',
          '--run-id',
          String(7000 + i),
          '--set',
          'status=pending',
          '--actor',
          `writer-${i}`,
          '--format',
          'json',
        ],
        env,
      ),
    ),
  );
  const seconds = (Date.now() - started) / 1000;

  for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });
  const outputs = results.map((result) => JSON.parse(result.stdout));
  for (const output of outputs) expect(output).toMatchObject({ written: true, created: true });

  const manifest = JSON.parse(
    git(['--git-dir', remote, 'show', 'release-manifest:docs/reports/manifest.json']),
  );
  expect(
    manifest.entries
      .map((entry: { run_id: string }) => Number(entry.run_id))
      .sort((a: number, b: number) => a - b),
  ).toEqual(Array.from({ length: WRITERS }, (_, i) => 7000 + i));
  expect(git(['--git-dir', remote, 'rev-list', '--merges', 'release-manifest'])).toBe('');
  expect(git(['--git-dir', remote, 'rev-list', '--count', 'release-manifest'])).toBe(String(WRITERS + 1));

  const retries = outputs.map((output) => output.attempts - 1).sort((a, b) => a - b);
  const waits = outputs.map((output) => output.metrics['metrics.lock_wait_seconds'] as number);
  console.log(
    [
      `${WRITERS} concurrent git writers finished in ${seconds.toFixed(1)} s`,
      `retries per writer (sorted): ${retries.join(' ')}`,
      `total retries: ${retries.reduce((sum, n) => sum + n, 0)}, max: ${retries[retries.length - 1]}, writers that never retried: ${retries.filter((n) => n === 0).length}`,
      `metrics.lock_wait_seconds: max ${Math.max(...waits).toFixed(2)}, mean ${(waits.reduce((sum, n) => sum + n, 0) / WRITERS).toFixed(2)}`,
    ].join('\n'),
  );
}, 180_000);
