import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bareRemoteWithBranch, runCliProcess } from './spawn-cli';

/**
 * The spec's concurrency promise, with real processes and real git: twenty `release-guard manifest
 * update` processes started at once against one local bare repository leave twenty entries and a
 * linear history.
 */
const WRITERS = 20;

let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cli-manifest-race-'));
  // One run first: tsx caches its transforms, and a CLI that cannot start fails here, not twenty times.
  const warmUp = await runCliProcess(['manifest', '--help'], folder, process.env);
  if (warmUp.code !== 0) throw new Error(`the CLI does not start from source: ${warmUp.stderr}`);
}, 30_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it(`${WRITERS} concurrent manifest update processes leave ${WRITERS} entries and a linear history`, async () => {
  const { env, git, remote } = bareRemoteWithBranch(folder, 'release-manifest');

  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      runCliProcess(
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
        folder,
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
