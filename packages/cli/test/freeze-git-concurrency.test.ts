import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bareRemoteWithBranch, runCliProcess } from './spawn-cli';

/**
 * The freeze's history is append-only under concurrency too: ten `release-guard freeze on|off`
 * processes started at once against one bare repository each leave their record, in a linear history.
 */
const WRITERS = 10;
const FILE = '.github/release-freeze.json';

let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cli-freeze-race-'));
  const warmUp = await runCliProcess(['freeze', '--help'], folder, process.env);
  if (warmUp.code !== 0) throw new Error(`the CLI does not start: ${warmUp.stderr}`);
}, 30_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it(`${WRITERS} concurrent freeze on/off processes lose no history record`, async () => {
  const { env, git, remote } = bareRemoteWithBranch(folder, 'main');
  const store = ['--file', FILE, '--git-remote', remote, '--git-branch', 'main'];

  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      runCliProcess(
        i % 2 === 0
          ? [
              'freeze',
              'on',
              '--reason',
              `writer ${i}`,
              '--scope',
              `v${i}.*`,
              '--actor',
              `writer-${i}`,
              ...store,
            ]
          : ['freeze', 'off', '--reason', `writer ${i}`, '--actor', `writer-${i}`, ...store],
        folder,
        env,
      ),
    ),
  );
  const seconds = (Date.now() - started) / 1000;
  for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });

  const state = JSON.parse(git(['--git-dir', remote, 'show', `main:${FILE}`]));
  const records = state.history as { action: string; by: string; reason: string; scope: unknown }[];
  expect(records.map((record) => record.reason).sort()).toEqual(
    Array.from({ length: WRITERS }, (_, i) => `writer ${i}`).sort(),
  );
  for (const record of records) {
    const i = Number(record.by.replace('writer-', ''));
    expect(record).toMatchObject(
      i % 2 === 0 ? { action: 'on', scope: [`v${i}.*`] } : { action: 'off', scope: 'all' },
    );
  }
  // The top-level fields are those of the last record: the state is the last change.
  const last = records[records.length - 1];
  expect(state).toMatchObject({ frozen: last.action === 'on', reason: last.reason, set_by: last.by });
  expect(git(['--git-dir', remote, 'rev-list', '--merges', 'main'])).toBe('');
  expect(git(['--git-dir', remote, 'rev-list', '--count', 'main'])).toBe(String(WRITERS + 1));

  // status reads the same branch and agrees with the file's last change.
  const status = await runCliProcess(['freeze', 'status', '--format', 'json', ...store], folder, env);
  expect(status.code).toBe(last.action === 'on' ? 1 : 0);
  expect(JSON.parse(status.stdout)).toMatchObject({ frozen: last.action === 'on', reason: last.reason });
  console.log(`${WRITERS} concurrent freeze writers finished in ${seconds.toFixed(1)} s`);
}, 180_000);
