import path from 'node:path';
import { Command } from 'commander';
import type { CliContext } from '../context';
import { notifyStage } from '../demo/notify-stage';
import { recoverRunStage } from '../demo/recover-run-stage';
import { runDemo } from '../demo/run-demo';
import { validateRunStage } from '../demo/validate-run-stage';
import { vectorsReleaseStage } from '../demo/vectors-release';

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
      const ok = await runDemo(
        [vectorsReleaseStage(vectorsDir), validateRunStage(), recoverRunStage(), notifyStage()],
        (line) => ctx.stdout(line.endsWith('\n') ? line : `${line}\n`),
      );
      ctx.exitCode = ok ? 0 : 1;
    });
}
