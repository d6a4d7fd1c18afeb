import type { Command } from 'commander';
import type { CliContext } from '../context';
import { registerVerify } from './verify';
import { registerVerifySignature } from './verify-signature';
import { registerDemo } from './demo';
import { registerManifest } from './manifest';
import { registerFreeze } from './freeze';
import { registerRepro } from './repro';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: RegisterCommand[] = [
  registerVerify,
  registerVerifySignature,
  registerDemo,
  registerManifest,
  registerFreeze,
  registerRepro,
];
