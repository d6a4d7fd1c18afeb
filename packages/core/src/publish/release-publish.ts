import path from 'node:path';
import fg from 'fast-glob';
import { ReleaseGuardError, type FailureCode } from '../errors';
import { assertActionNotFrozen } from '../freeze/gate';
import { createGitHubClient, type GitHubClient } from '../github/client';
import {
  assertAcceptsAssets,
  attachReleaseAssets,
  findOrCreateRelease,
  publishRelease,
  type ReleaseInfo,
  type ReleaseLocation,
} from '../github/release-assets';
import { openActionManifestStore } from '../manifest/action-store';
import { parseManifest } from '../manifest/schema';
import type { ControlStatus, ManifestEntry } from '../manifest/types';
import { markdownCell, markdownTable } from '../text/markdown';
import { safeText } from '../text/safe-text';
import { checkReleasePublishInputs, type ReleaseControl, type ReleasePublishInputs } from './inputs';

/** One required control as the manifest entry of (tag, run) records it; `missing` when it did not run. */
export interface ControlCheck {
  control: ReleaseControl;
  status: ControlStatus | 'missing';
  failureReason: FailureCode | null;
}

export interface ReleasePublishResult {
  release: ReleaseInfo | null;
  /** Mode draft: the names of the assets attached. */
  attached: string[];
  /** Mode publish: every required control, in the order given. */
  controls: ControlCheck[];
  failure: ReleaseGuardError | null;
  summary: string;
  log: string[];
}

/** The code of a refusal for a control that did not record `pass` and gave no reason of its own. */
const NOT_PASSED: Record<ReleaseControl, FailureCode> = {
  provenance: 'provenance_missing',
  signature: 'signature_invalid',
  repro: 'repro_mismatch',
  evidence: 'evidence_fail',
};

/** The required controls as `entry` records them: a control the run did not record never reads as passed. */
export function checkRequiredControls(
  entry: ManifestEntry | undefined,
  required: readonly ReleaseControl[],
): ControlCheck[] {
  return required.map((control) => {
    const record = entry?.controls?.[control];
    return {
      control,
      status: record?.status ?? 'missing',
      failureReason: record?.failure_reason ?? null,
    };
  });
}

async function entryOf(
  inputs: ReleasePublishInputs,
  client: GitHubClient,
): Promise<ManifestEntry | undefined> {
  const store = openActionManifestStore(inputs, () => client);
  const { content } = await store.read();
  if (content === null) return undefined;
  return parseManifest(content, store.location).entries.find(
    (entry) => entry.tag === inputs.tag && entry.run_id === inputs.runId,
  );
}

function refusalOf(
  inputs: ReleasePublishInputs,
  controls: readonly ControlCheck[],
): ReleaseGuardError | null {
  const failed = controls.filter((check) => check.status !== 'pass');
  if (failed.length === 0) return null;
  const first = failed[0];
  const words = failed.map((check) =>
    check.status === 'missing' ? `${check.control} was not recorded` : `${check.control} is ${check.status}`,
  );
  return new ReleaseGuardError(
    first.failureReason ?? NOT_PASSED[first.control],
    `the release ${safeText(inputs.tag)} stays a draft: ${words.join(', ')} in the manifest entry of run ${inputs.runId}; ` +
      'every required control must record pass in this run before it is published. Fix the failing control and re-run the workflow.',
    { controls: failed },
  );
}

async function draft(
  inputs: ReleasePublishInputs,
  client: GitHubClient,
  where: ReleaseLocation,
): Promise<ReleaseInfo> {
  const release = await findOrCreateRelease(client, where, {
    name: inputs.name,
    targetCommitish: inputs.targetCommitish,
  });
  assertAcceptsAssets(release, where);
  if (!release.draft)
    throw new ReleaseGuardError(
      'usage_error',
      `the release ${safeText(inputs.tag)} (id ${release.id}) of ${inputs.repository} is already published: assets attached ` +
        'now would be public before every control passed. Delete or un-publish it, or release a new tag.',
      { releaseId: release.id },
    );
  return release;
}

/** The files the `files` globs match in the workspace; a glob that matches nothing is refused. */
function filesOf(inputs: ReleasePublishInputs): string[] {
  const files = new Set<string>();
  for (const pattern of inputs.files) {
    const matched = fg.sync(pattern, { cwd: inputs.workspace, onlyFiles: true, followSymbolicLinks: false });
    if (matched.length === 0)
      throw new ReleaseGuardError(
        'artifact_missing',
        `${JSON.stringify(pattern)} matches no file in the workspace; nothing was attached.`,
        { pattern },
      );
    for (const name of matched) files.add(path.join(inputs.workspace, name));
  }
  return [...files].sort();
}

async function publish(
  inputs: ReleasePublishInputs,
  client: GitHubClient,
  where: ReleaseLocation,
  controls: ControlCheck[],
): Promise<ReleaseInfo> {
  controls.push(
    ...checkRequiredControls(await entryOf(inputs, client), inputs.requiredControls as ReleaseControl[]),
  );
  const refusal = refusalOf(inputs, controls);
  if (refusal !== null) throw refusal;
  const release = await findOrCreateRelease(client, where, { createDraft: false });
  if (!release.draft) return release;
  return publishRelease(client, { owner: where.owner, repo: where.repo, releaseId: release.id });
}

function summaryOf(inputs: ReleasePublishInputs, result: Omit<ReleasePublishResult, 'summary'>): string {
  const state =
    result.release === null
      ? 'no release changed'
      : result.release.draft
        ? `draft ${result.release.id}${result.release.created ? ' (created)' : ' (reused)'}`
        : `published (id ${result.release.id})`;
  const lines = [
    `## release-publish: ${markdownCell(inputs.mode)} ${markdownCell(inputs.tag)}`,
    '',
    `Release: ${markdownCell(state)}`,
  ];
  if (result.attached.length > 0) lines.push('', `Attached: ${result.attached.map(markdownCell).join(', ')}`);
  if (result.controls.length > 0)
    lines.push(
      '',
      markdownTable(
        ['Control', 'Status', 'Reason'],
        result.controls.map((check) => [check.control, check.status, check.failureReason ?? '']),
      ),
    );
  if (result.failure !== null) lines.push('', `**Refused:** ${markdownCell(result.failure.message)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * release-publish: the freeze first, then with mode `draft` the draft release of the tag (found or
 * created; a published one is refused), or with mode `publish` the draft un-drafted only when the
 * manifest entry of (tag, this run) records `pass` for every required control.
 */
export async function releasePublish(
  inputs: ReleasePublishInputs,
  deps: { client?: GitHubClient } = {},
): Promise<ReleasePublishResult> {
  checkReleasePublishInputs(inputs);
  const client =
    deps.client ?? createGitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl, retries: 2 });
  const [owner, repo] = inputs.repository.split('/');
  const where = { owner, repo, tag: inputs.tag };
  const controls: ControlCheck[] = [];
  const attached: string[] = [];
  const log: string[] = [];
  let release: ReleaseInfo | null = null;
  let failure: ReleaseGuardError | null = null;
  try {
    await assertActionNotFrozen({ ...inputs }, client, {
      action: `release-publish (${inputs.mode})`,
      tag: inputs.tag,
    });
    // The files first: a glob that matches nothing leaves no empty draft behind.
    const files = inputs.mode === 'draft' ? filesOf(inputs) : [];
    release =
      inputs.mode === 'draft'
        ? await draft(inputs, client, where)
        : await publish(inputs, client, where, controls);
    if (files.length > 0) {
      const result = await attachReleaseAssets(
        client,
        where,
        files.map((file) => ({ path: file })),
      );
      attached.push(...result.assets.map((asset) => asset.name));
      log.push(`attached to the draft: ${attached.map(safeText).join(', ')}`);
    }
    log.push(
      release.draft
        ? `release ${inputs.tag}: draft ${release.id} ${release.created ? 'created' : 'reused'}`
        : `release ${inputs.tag}: published (id ${release.id})`,
    );
  } catch (error) {
    if (!(error instanceof ReleaseGuardError)) throw error;
    failure = error;
  }
  const result = { release, attached, controls, failure, log };
  return { ...result, summary: summaryOf(inputs, result) };
}
