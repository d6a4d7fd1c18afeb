import { ActionInputs } from '../action/action-input';
import { usageError } from '../errors';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { openActionManifestStore } from '../manifest/action-store';
import { parseManifestAssignments } from '../manifest/assignments';
import { updateManifest, type ManifestUpdateResult } from '../manifest/update';
import { markdownCell } from '../report/verify-markdown';

/** manifest-record's inputs (named as in its action.yml), typed. */
export interface RecordEntryInputs {
  tag: string;
  runId: string;
  /** KEY=VALUE lines, typed by the manifest schema. */
  set: string[];
  note?: string;
  repository: string;
  manifestPath: string;
  manifestBranch?: string;
  githubToken?: string;
  workspace: string;
  actor: string;
}

export function readRecordEntryInputs(env: NodeJS.ProcessEnv): RecordEntryInputs {
  const input = new ActionInputs(env);
  const runId = input.optional('run-id') ?? env.GITHUB_RUN_ID ?? '';
  if (!/^[0-9]{1,20}$/.test(runId))
    throw usageError(`input \`run-id\` must be a workflow run id (digits), got ${JSON.stringify(runId)}`);
  const manifestBranch = input.optional('manifest-branch');
  const githubToken = input.optional('github-token');
  if (manifestBranch !== undefined && !githubToken)
    throw usageError('`manifest-branch` needs `github-token` (contents: write)');
  return {
    tag: input.required('tag'),
    runId,
    set: (input.optional('set') ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    note: input.optional('note'),
    repository: env.GITHUB_REPOSITORY ?? '',
    manifestPath: input.optional('manifest-path') ?? 'docs/reports/manifest.json',
    manifestBranch,
    githubToken,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    actor: env.GITHUB_ACTOR ?? 'manifest-record',
  };
}

/**
 * Creates or updates one (tag, run) entry of the release manifest: what a workflow records that the
 * other actions do not (a cancelled validation, a rollback, a drill). Compare-and-swap, state machine
 * enforced; a note alone appends a history record (a new entry starts `pending`).
 */
export async function recordEntry(
  inputs: RecordEntryInputs,
  client?: GitHubClient,
): Promise<ManifestUpdateResult & { summary: string }> {
  const set = parseManifestAssignments(inputs.set);
  if (Object.keys(set).length === 0 && inputs.note === undefined)
    throw usageError('give `set` lines, a `note`, or both');
  let github = client;
  const store = openActionManifestStore(
    inputs,
    () => (github ??= createGitHubClient({ token: inputs.githubToken })),
  );
  const result = await updateManifest(store, {
    tag: inputs.tag,
    runId: inputs.runId,
    set,
    actor: inputs.actor,
    note: inputs.note ?? null,
  });
  const summary = [
    `### manifest-record: ${markdownCell(result.entry.tag)} / ${result.entry.run_id} is \`${result.entry.status}\``,
    '',
    result.written
      ? `Changed: ${result.changedFields.join(', ') || 'history only'} (after ${result.attempts} attempt(s)).`
      : 'Nothing changed.',
    inputs.note ? `Note: ${markdownCell(inputs.note)}` : '',
    '',
  ].join('\n');
  return { ...result, summary };
}
