import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { openFreezeStore } from '@release-guard/core/freeze/store';
import { DEFAULT_FREEZE_PATH } from '@release-guard/core/freeze/types';
import { writeFileAtomic } from '@release-guard/core/report/write-file-atomic';
import { renderDiffs, renderReproText } from '@release-guard/core/repro/render';
import { reproVerify, type ReproFreezeTarget } from '@release-guard/core/repro/repro';
import { DIFFOSCOPE_MODES, type DiffoscopeMode } from '@release-guard/core/repro/types';
import type { CliContext } from '../context';
import { parseFormat, type OutputFormat } from './output';

interface ReproFlags {
  tag?: string;
  attestation?: string;
  freeze: boolean;
  freezeFile?: string;
  diffoscope: DiffoscopeMode;
  diffoscopeTimeout: number;
  diffOut?: string;
  maxDepth: number;
  format: OutputFormat;
}

function parseWhole(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError('must be a positive number of seconds');
  return seconds;
}

export function registerRepro(program: Command, ctx: CliContext): void {
  program
    .command('repro')
    .description(
      'Compare two builds of one release (two files, or two folders file by file) bit for bit. Exit 0: identical; ' +
        '1: repro_mismatch (archives explained member by member, the release freeze set); 2: unusable input.',
    )
    .argument('<first>', 'the first build: a file or a folder')
    .argument('<second>', 'the second build, of the same kind')
    .option('--tag <tag>', 'the release; names the attestation (required unless --attestation)')
    .option(
      '--attestation <path>',
      'where to write the attestation (default artifacts/repro/attestations/<tag>.json)',
    )
    .option('--no-freeze', 'do not set the release freeze on a mismatch')
    .option(
      '--freeze-file <path>',
      'the freeze file to set on a mismatch (default $RELEASE_GUARD_FREEZE_FILE, else .github/release-freeze.json at the root of this git work tree)',
    )
    .addOption(
      new Option('--diffoscope <mode>', 'auto (when installed), never, or always (a usage error without it)')
        .choices([...DIFFOSCOPE_MODES])
        .default('auto'),
    )
    .addOption(
      new Option('--diffoscope-timeout <seconds>', 'time limit per file')
        .default(120)
        .argParser(parseSeconds),
    )
    .option(
      '--diff-out <file>',
      'write the diffs (diffoscope, or the first differing lines of text files) here',
    )
    .addOption(
      new Option('--max-depth <n>', 'archives inside archives opened, the outer one counting 1')
        .default(3)
        .argParser(parseWhole),
    )
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat))
    .action((first: string, second: string, flags: ReproFlags) => runRepro(ctx, first, second, flags));
}

function gitTopLevel(cwd: string): string | null {
  try {
    return (
      execFileSync('git', ['rev-parse', '--show-toplevel'], {
        cwd,
        stdio: ['ignore', 'pipe', 'ignore'],
        encoding: 'utf8',
      }).trim() || null
    );
  } catch {
    return null;
  }
}

/** The freeze file the CLI knows: the flag, the variable, or the default at the root of the work tree. */
function freezeFile(ctx: CliContext, flags: ReproFlags): string | null {
  if (flags.freezeFile !== undefined) return flags.freezeFile;
  if (ctx.env.RELEASE_GUARD_FREEZE_FILE) return ctx.env.RELEASE_GUARD_FREEZE_FILE;
  const top = gitTopLevel(ctx.cwd);
  return top === null ? null : path.join(top, DEFAULT_FREEZE_PATH);
}

async function runRepro(ctx: CliContext, first: string, second: string, flags: ReproFlags): Promise<void> {
  let freeze: ReproFreezeTarget = { skipped: '--no-freeze was given' };
  let close = async () => undefined as void;
  if (flags.freeze) {
    const file = freezeFile(ctx, flags);
    if (file === null) {
      freeze = {
        skipped: `no --freeze-file, no RELEASE_GUARD_FREEZE_FILE, and ${ctx.cwd} is not in a git work tree; freeze it yourself with release-guard freeze on`,
      };
    } else {
      const opened = openFreezeStore({ file, cwd: ctx.cwd, env: ctx.env, pathFlag: '--freeze-file' });
      freeze = {
        store: opened.store,
        actor: ctx.env.GITHUB_ACTOR ?? ctx.env.USER ?? ctx.env.USERNAME ?? 'unknown',
      };
      close = opened.close;
    }
  }
  try {
    const run = await reproVerify({
      first: path.resolve(ctx.cwd, first),
      second: path.resolve(ctx.cwd, second),
      tag: flags.tag,
      attestationPath: flags.attestation,
      cwd: ctx.cwd,
      freeze,
      maxDepth: flags.maxDepth,
      diffoscope: flags.diffoscope,
      diffoscopeTimeoutSeconds: flags.diffoscopeTimeout,
      env: ctx.env,
    });
    if (flags.diffOut !== undefined)
      await writeFileAtomic(path.resolve(ctx.cwd, flags.diffOut), renderDiffs(run.comparison));
    if (flags.format === 'json') ctx.stdout(`${JSON.stringify(run.report, null, 2)}\n`);
    else ctx.stdout(renderReproText(run, flags.diffOut ?? null));
    for (const reason of run.comparison.unexplained)
      ctx.stderr(`release-guard: unreadable_input: ${reason}\n`);
    ctx.exitCode = run.exitCode;
  } finally {
    await close();
  }
}
