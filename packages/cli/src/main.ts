import { Command, CommanderError } from 'commander';
import { InputError, ReleaseGuardError } from '@release-guard/core';
import { version } from '../package.json';
import type { CliContext } from './context';
import { COMMANDS } from './commands';
import { resolveAliases } from './commands/aliases';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('release-guard')
    .description('Keep releases honest: verify SLSA provenance, Sigstore signatures and release manifests.')
    .version(version, '-V, --version', 'print the version of release-guard')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  for (const register of COMMANDS) register(program, ctx);
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
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(resolveAliases(argv), { from: 'user' });
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
