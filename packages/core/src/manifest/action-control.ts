import type { ActionContext } from '../action/context';
import type { GitHubClient } from '../github/client';
import { runUrlOf } from '../notify/notification';
import { openActionManifestStore } from './action-store';
import { recordControl, type ControlOutcome, type RecordControlOptions } from './controls';
import { ManifestRecorder } from './recorder';
import type { ControlName, ManifestEntry } from './types';

export interface ActionControlResult {
  written: boolean;
  entry: ManifestEntry | null;
  location: string | null;
  /** One sentence for the job summary and the log: what was recorded where, or why not. */
  note: string;
}

/**
 * What an action calls to record its control in the manifest entry of (tag, this run), where its
 * `manifest-path` / `manifest-branch` inputs say: merged into the entry's controls (compare-and-swap,
 * another control's record is never dropped); the run URL is the run's page unless the outcome gives
 * one. Never throws for a manifest problem: the action reports it in `note` and goes on.
 */
export async function recordActionControl(
  context: ActionContext,
  client: () => GitHubClient,
  control: ControlName,
  outcome: ControlOutcome,
  options: RecordControlOptions & { now?: () => Date } = {},
): Promise<ActionControlResult> {
  if (context.tag === undefined || context.tag === '')
    return {
      written: false,
      entry: null,
      location: null,
      note: `manifest: controls.${control} not recorded (no tag)`,
    };
  const { now = () => new Date(), ...recordOptions } = options;
  const recorder = new ManifestRecorder(
    openActionManifestStore(context, client),
    { tag: context.tag, runId: context.runId, actor: context.actor },
    now,
  );
  const runUrl = outcome.runUrl ?? runUrlOf(context.serverUrl, context.repository, context.runId);
  const result = await recordControl(recorder, control, { ...outcome, runUrl }, recordOptions);
  return {
    written: result.entry !== null,
    entry: result.entry,
    location: recorder.location,
    note:
      result.entry !== null
        ? `manifest: controls.${control} = ${outcome.status} recorded in ${recorder.location}`
        : `manifest: controls.${control} not recorded: ${result.problem ?? 'unknown problem'}`,
  };
}
