import { checkActionContext } from '../action/context';
import { InputError } from '../errors';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { openActionManifestStore } from './action-store';
import { parseManifestAssignments } from './assignments';
import type { RecordEntryInputs } from './record-action';
import { updateManifest, type ManifestUpdateResult } from './update';

/**
 * Creates or updates one (tag, run) entry of the release manifest: what a workflow records that the
 * other actions do not (a cancelled validation, a rollback, a drill). Compare-and-swap, state machine
 * enforced; a note alone appends a history record (a new entry starts `pending`).
 */
export async function recordEntry(
  inputs: RecordEntryInputs,
  client?: GitHubClient,
): Promise<ManifestUpdateResult> {
  checkActionContext(inputs);
  const set = parseManifestAssignments(inputs.set);
  if (Object.keys(set).length === 0 && inputs.note === undefined)
    throw new InputError('set', 'is empty and no `note` is given: give `set` lines, a `note`, or both');
  let github = client;
  const store = openActionManifestStore(
    inputs,
    () => (github ??= createGitHubClient({ token: inputs.githubToken })),
  );
  return updateManifest(store, {
    tag: inputs.tag,
    runId: inputs.runId,
    set,
    actor: inputs.actor,
    note: inputs.note ?? null,
  });
}
