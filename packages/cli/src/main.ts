import { Command, CommanderError } from 'commander';
import { InputError, ReleaseGuardError } from '@release-guard/core/errors';
import type { CliContext } from './context';
import { COMMANDS, type CommandEntry } from './commands';

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
    .showHelpAfterError()
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

/** Runs the CLI on `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: string[], ctx: CliContext): Promise<number> {
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every other parse error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof InputError) {
      // Core names the field; on the command line it is the flag of the same name.
      ctx.stderr(`release-guard: ${error.code}: --${error.field} ${error.problem}\n`);
      return error.exitCode;
    }
    if (error instanceof ReleaseGuardError) {
      ctx.stderr(`release-guard: ${error.code}: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr(`release-guard: internal error: ${message}\n`);
    return 2;
  }
}
