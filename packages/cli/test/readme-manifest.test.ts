import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';
import { bareRemoteWithBranch } from './spawn-cli';

const README = path.join(__dirname, '../../../README.md');
const EXAMPLE_REMOTE = 'git@github.com:acme/app.git';

/** The first ```sh block of the README section `heading`, one command per entry (continuations joined). */
function readmeCommands(heading: string): string[] {
  const text = fs.readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf(`\n${heading}\n`));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}

/** Splits a command line as sh does for the plain words and "double-quoted" words the README uses. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
    words.push(match[1] ?? match[2] ?? match[3]);
  return words;
}

describe('the README manifest examples', () => {
  it('run as written, in order, with the remote pointed at a local bare repository', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-readme-'));
    try {
      const { env, remote } = bareRemoteWithBranch(folder, 'main');
      const cwd = path.join(folder, 'work');
      fs.mkdirSync(cwd);
      const commands = readmeCommands('## `release-guard manifest`');
      expect(commands.length).toBeGreaterThanOrEqual(4);
      expect(commands.some((command) => command.includes(EXAMPLE_REMOTE))).toBe(true);
      const outputs: string[] = [];
      for (const command of commands) {
        const words = shellWords(command.replaceAll(EXAMPLE_REMOTE, remote));
        expect(words.slice(0, 3)).toEqual(['pnpm', 'exec', 'release-guard']);
        const result = await runCli(words.slice(3), cwd, env);
        expect({ command, code: result.code, stderr: result.stderr }).toEqual({
          command,
          code: 0,
          stderr: '',
        });
        outputs.push(result.stdout);
      }
      const local = JSON.parse(fs.readFileSync(path.join(cwd, 'docs/reports/manifest.json'), 'utf8'));
      expect(local.entries).toEqual([
        expect.objectContaining({ tag: 'v1.2.3', run_id: '1234567890', status: 'requeued' }),
      ]);
      expect(outputs[outputs.length - 1]).toMatch(/v1\.2\.3\s+1234567890\s+1\s+failure\s+digest_mismatch/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
