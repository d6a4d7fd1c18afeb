import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Help } from 'commander';
import { bundleChunksLoaded, requireOrSkip } from '@release-guard/testkit';
import { COMMANDS } from '../src/commands';
import { buildProgram, requestedCommand } from '../src/main';
import type { CliContext } from '../src/context';

const bundle = join(__dirname, '..', 'dist', 'index.js');

function quietContext(): CliContext {
  return { stdout: () => undefined, stderr: () => undefined, cwd: process.cwd(), env: {}, exitCode: 0 };
}

/** The command chunks the built CLI loads for `args`. */
function chunksLoaded(args: string[]): string[] {
  const run = bundleChunksLoaded(bundle, args, process.env);
  expect(run.status).toBe(0);
  return run.chunks;
}

describe('the command table', () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry]))(
    'lists %s as the command its module registers',
    async (_name, entry) => {
      const program = new Command('release-guard');
      (await entry.load())(program, quietContext());
      const registered = program.commands.find((command) => command.name() === entry.name);
      expect(registered?.description()).toBe(entry.description);
      expect(new Help().subcommandTerm(registered!)).toBe(`${entry.name} ${entry.usage}`.trim());
    },
  );

  it('gives the same top-level help whether every command is loaded or none', async () => {
    const listed = await buildProgram(quietContext(), ['--help']);
    const loaded = await buildProgram(quietContext(), ['--help'], { loadAll: true });
    expect(listed.helpInformation()).toBe(loaded.helpInformation());
  });

  it('finds the command a command line runs', () => {
    expect(requestedCommand(['--help'])).toBeUndefined();
    expect(requestedCommand([])).toBeUndefined();
    expect(requestedCommand(['verify', '--provenance', 'p.json'])).toBe('verify');
    expect(requestedCommand(['help', 'freeze'])).toBe('freeze');
    expect(requestedCommand(['--help', 'manifest', 'lint'])).toBe('manifest');
  });
});

requireOrSkip(existsSync(bundle), 'the CLI bundle is not built (run pnpm build)').describe(
  'start-up of the built CLI',
  () => {
    it('loads no command for the top-level help', () => {
      expect(chunksLoaded(['--help'])).toEqual([]);
    });

    it('loads only what verify needs for verify, and nothing of the demo or the GitHub client', () => {
      const verify = chunksLoaded(['verify', '--help']);
      const demo = chunksLoaded(['demo', '--help']);
      const manifest = chunksLoaded(['manifest', '--help']);
      expect(verify.length).toBeGreaterThan(0);
      // The demo's loopback servers and the manifest's GitHub client live in chunks verify never loads.
      expect(manifest.filter((chunk) => !verify.includes(chunk))).not.toEqual([]);
      expect(demo.filter((chunk) => !verify.includes(chunk))).not.toEqual([]);
    });

    it('answers help for a command through `help <command>`', () => {
      const run = spawnSync(process.execPath, [bundle, 'help', 'freeze'], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Usage: release-guard freeze');
      expect(run.stdout).toContain('status');
    });
  },
);
