import { Command, CommanderError } from 'commander';
import { InputError, ReleaseGuardError } from '@release-guard/core';
import type { CliContext } from './context';
import { COMMANDS } from './commands';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('release-guard')
    .description('Keep releases honest: verify SLSA provenance, Sigstore signatures and release manifests.')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  for (const register of COMMANDS) register(program, ctx);
  for (const sub of program.commands)
    sub.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  try {
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
