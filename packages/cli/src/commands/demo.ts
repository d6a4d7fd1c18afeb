import path from 'node:path';
import { Command } from 'commander';
import type { CliContext } from '../context';

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('Run the whole chain on a sample release on this machine, with no network.')
    .option('--vectors-dir <dir>', 'third-party vectors (default: $RG_VECTORS_DIR or ../shared/vectors)')
    .action(async (flags: { vectorsDir?: string }) => {
      const vectorsDir = path.resolve(
        ctx.cwd,
        flags.vectorsDir ?? ctx.env.RG_VECTORS_DIR ?? '../shared/vectors',
      );
      // Loaded here, not at start-up: the loopback servers of the demo are of no use to `verify`.
      const { demoStages } = await import('../demo/stages');
      const { runDemo } = await import('../demo/run-demo');
      const ok = await runDemo(demoStages(vectorsDir), (line) =>
        ctx.stdout(line.endsWith('\n') ? line : `${line}\n`),
      );
      ctx.exitCode = ok ? 0 : 1;
    });
}
