import type { Command } from 'commander';
import type { CliContext } from '../context';
import { registerVerify } from './verify';
import { registerVerifySignature } from './verify-signature';
import { registerDemo } from './demo';
import { registerManifest } from './manifest';
import { registerFreeze } from './freeze';
import { registerEvidence } from './evidence';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: RegisterCommand[] = [
  registerVerify,
  registerVerifySignature,
  registerDemo,
  registerManifest,
  registerFreeze,
  registerEvidence,
];
