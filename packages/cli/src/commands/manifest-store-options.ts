import type { Command } from 'commander';
import { DEFAULT_MANIFEST_PATH } from '@release-guard/core/manifest/location';

/** The flags that say where the release manifest is: a file, or that path on a branch of a git remote. */
export function withStoreOptions(command: Command): Command {
  return command
    .option(
      '--manifest <path>',
      'manifest file; with --git-remote, its path inside the repository',
      DEFAULT_MANIFEST_PATH,
    )
    .option(
      '--git-remote <url>',
      'keep the manifest on a branch of this git remote (URL or path; credentials from your git setup)',
    )
    .option(
      '--git-branch <branch>',
      'the branch of --git-remote that holds the manifest (created when missing)',
    );
}
