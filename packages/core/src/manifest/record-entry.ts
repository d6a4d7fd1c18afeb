import { actionReader, checkActionContext, type ActionContext } from '../action/context';
import { emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { InputError } from '../errors';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { openActionManifestStore } from './action-store';
import { parseManifestAssignments } from './assignments';
import { updateManifest, type ManifestUpdateResult } from './update';
import { markdownCell } from '../text/markdown';

/** manifest-record's inputs (named as in its action.yml) on the action context. */
export interface RecordEntryInputs extends ActionContext {
  tag: string;
  /** KEY=VALUE lines, typed by the manifest schema. */
  set: string[];
  note?: string;
}

export const readRecordEntryInputs = actionReader<RecordEntryInputs>(
  { action: 'manifest-record', tag: 'required', runId: 'input-or-current', report: false },
  (input, context) => ({
    ...context,
    tag: context.tag ?? '',
    set: input.lines('set'),
    note: input.optional('note'),
  }),
);

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

export function recordEntryOutcome(inputs: RecordEntryInputs, result: ManifestUpdateResult): ActionOutcome {
  const { entry } = result;
  const summary = [
    `### manifest-record: ${markdownCell(entry.tag)} / ${entry.run_id} is \`${entry.status}\``,
    '',
    result.written
      ? `Changed: ${result.changedFields.join(', ') || 'history only'} (after ${result.attempts} attempt(s)).`
      : 'Nothing changed.',
    inputs.note ? `Note: ${markdownCell(inputs.note)}` : '',
    '',
  ].join('\n');
  return {
    ...emptyOutcome(),
    outputs: { status: entry.status, written: String(result.written) },
    summary,
    log: [`manifest entry ${entry.tag} / ${entry.run_id}: ${entry.status}`],
  };
}

export const manifestRecordAction: ActionDefinition<RecordEntryInputs> = {
  read: readRecordEntryInputs,
  run: async (inputs) => recordEntryOutcome(inputs, await recordEntry(inputs)),
};
