import { actionReader, type ActionContext } from '../action/context';
import { emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { markdownCell } from '../text/markdown';
import type { ManifestUpdateResult } from './update';

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
  // The work is loaded only once the inputs are read: an entry that fails on its inputs starts fast.
  run: async (inputs) =>
    recordEntryOutcome(inputs, await (await import('./record-entry')).recordEntry(inputs)),
};
