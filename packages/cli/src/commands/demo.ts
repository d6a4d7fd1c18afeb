import { Command } from 'commander';
import type { CliContext } from '../context';
import { demoVectorsDir } from '../demo/project-root';

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('Run the whole chain on a sample release on this machine, with no network.')
    .option(
      '--vectors-dir <dir>',
      'third-party vectors (default: $RG_VECTORS_DIR, else ../shared/vectors beside the project)',
    )
    .option('--verbose', "every stage's whole output, not only its conclusion")
    .action(async (flags: { vectorsDir?: string; verbose?: boolean }) => {
      const vectorsDir = demoVectorsDir(ctx.cwd, flags.vectorsDir, ctx.env);
      // Loaded here, not at start-up: the loopback servers of the demo are of no use to `verify`.
      const { demoStages } = await import('../demo/stages');
      const { runDemo } = await import('../demo/run-demo');
      const ok = await runDemo(
        demoStages(vectorsDir),
        (line) => ctx.stdout(line.endsWith('\n') ? line : `${line}\n`),
        { verbose: flags.verbose === true },
      );
      ctx.exitCode = ok ? 0 : 1;
    });
}
