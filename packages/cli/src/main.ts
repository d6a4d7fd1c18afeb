import { Command, CommanderError } from 'commander';
import { InputError, ReleaseGuardError } from '@release-guard/core/errors';
import { version } from '../package.json';
import type { CliContext } from './context';
import { COMMANDS, type CommandEntry } from './commands';
import { resolveAliases } from './commands/aliases';

export interface BuildOptions {
  /** Load every command, not only the one `argv` names (the help-listing test compares both). */
  loadAll?: boolean;
}

/**
 * The command `argv` runs: its first word that is not an option (top-level options take no value),
 * or the word after `help`. Undefined for `--help`, `--version` and no arguments at all.
 */
export function requestedCommand(argv: readonly string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** A command that is listed but not loaded: its name and description, for the top-level help only. */
function listOnly(program: Command, entry: CommandEntry): void {
  program.command(entry.name).description(entry.description);
}

export async function buildProgram(
  ctx: CliContext,
  argv: readonly string[] = [],
  options: BuildOptions = {},
): Promise<Command> {
  const usage = new Map(COMMANDS.map((entry) => [entry.name, entry.usage]));
  const program = new Command('release-guard')
    .description('Keep releases honest: verify SLSA provenance, Sigstore signatures and release manifests.')
    .version(version, '-V, --version', 'print the version of release-guard')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
    .configureHelp({
      subcommandTerm: (cmd) => [cmd.name(), usage.get(cmd.name()) ?? ''].filter(Boolean).join(' '),
    });
  const requested = requestedCommand(argv);
  for (const entry of COMMANDS) {
    if (options.loadAll || entry.name === requested) (await entry.load())(program, ctx);
    else listOnly(program, entry);
  }
  for (const sub of program.commands)
    sub.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  return program;
}

/** Where a usage error sends the reader: the help of the (sub)command they ran, else the program's. */
function usageHint(program: Command, argv: string[]): string {
  const names: string[] = [];
  let command = program;
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    const sub = command.commands.find((c) => c.name() === arg);
    if (!sub) break;
    names.push(arg);
    command = sub;
  }
  return `Run '${['release-guard', ...names].join(' ')} --help' for usage.\n`;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: string[], ctx: CliContext): Promise<number> {
  // An alias given with its flag, different values, is refused before any command is built.
  let program = new Command('release-guard');
  try {
    const resolved = resolveAliases(argv);
    program = await buildProgram(ctx, resolved);
    await program.parseAsync(resolved, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every other parse error is a usage error, its
      // one line already printed by commander.
      if (error.exitCode === 0) return 0;
      ctx.stderr(usageHint(program, argv));
      return 2;
    }
    if (error instanceof InputError) {
      // Core names the field; on the command line it is the flag of the same name.
      ctx.stderr(`release-guard: ${error.code}: --${error.field} ${error.problem}\n`);
      ctx.stderr(usageHint(program, argv));
      return error.exitCode;
    }
    if (error instanceof ReleaseGuardError) {
      ctx.stderr(`release-guard: ${error.code}: ${error.message}\n`);
      if (error.code === 'usage_error') ctx.stderr(usageHint(program, argv));
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr(`release-guard: internal error: ${message}\n`);
    return 2;
  }
}
