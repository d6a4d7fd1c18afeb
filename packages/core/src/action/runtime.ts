import os from 'node:os';
import { issueCommand } from '@actions/core/lib/command';
import { issueFileCommand, prepareKeyValueMessage } from '@actions/core/lib/file-command';
import { summary } from '@actions/core/lib/summary';
import type { ActionRuntime } from './run-entry';

/**
 * The runner's side of an action, from `@actions/core`'s own command, file-command and summary
 * modules rather than its index: the index loads the OIDC token client, and with it an HTTP stack
 * (undici) that no release-guard action uses, on every start — a third of an entry's start-up.
 * Each function does what `@actions/core` 1.11's of the same name does.
 */
export function actionsRuntime(): ActionRuntime {
  return {
    setSecret: (secret) => issueCommand('add-mask', {}, secret),
    setOutput: (name, value) => {
      if (process.env.GITHUB_OUTPUT) {
        issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
        return;
      }
      process.stdout.write(os.EOL);
      issueCommand('set-output', { name }, value);
    },
    info: (message) => process.stdout.write(message + os.EOL),
    notice: (message) => issueCommand('notice', {}, message),
    warning: (message) => issueCommand('warning', {}, message),
    setFailed: (message) => {
      process.exitCode = 1;
      issueCommand('error', {}, message);
    },
    summary,
  };
}
