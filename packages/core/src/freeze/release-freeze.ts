import type { ReleaseGuardError } from '../errors';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { checkReleaseFreeze, releaseFrozenError } from './check';
import { checkReleaseFreezeInputs, type ReleaseFreezeInputs } from './inputs';
import { renderFreezeMarkdown } from './render';
import { openActionFreezeStore } from './store';
import type { FreezeDecision, FreezeRecord } from './types';
import { variableFreezes } from './variable';
import { changeReleaseFreeze } from './write';

export interface ReleaseFreezeDeps {
  client?: GitHubClient;
  now?: () => Date;
}

export interface ReleaseFreezeResult {
  decision: FreezeDecision;
  /** The freeze file, as the store names it (`owner/repo#branch:path`). */
  location: string;
  /** The history record written by on or off; null for status. */
  record: FreezeRecord | null;
  /** Compare-and-swap rounds of the write (0 for status). */
  attempts: number;
  /** The job summary: the state as a banner. */
  summary: string;
  warnings: string[];
  /** Set when the step must fail: a status gate that found the release frozen. */
  failure: ReleaseGuardError | null;
}

/**
 * release-freeze: turn the freeze on or off through the contents API on the freeze branch (compare-
 * and-swap, one history record), or read it as a gate. Always ends with the state as it now reads,
 * variable included: what the next side effect will see. Throws for unusable inputs or a freeze file
 * that cannot be written; a gate that cannot read the state fails closed (frozen).
 */
export async function releaseFreeze(
  inputs: ReleaseFreezeInputs,
  deps: ReleaseFreezeDeps = {},
): Promise<ReleaseFreezeResult> {
  checkReleaseFreezeInputs(inputs);
  // Two retries of a read: a blip should not freeze a release, an outage must (fail closed) soon.
  const client = deps.client ?? createGitHubClient({ token: inputs.githubToken, retries: 2 });
  const store = openActionFreezeStore(inputs, client);

  let record: FreezeRecord | null = null;
  let attempts = 0;
  if (inputs.mode !== 'status') {
    ({ record, attempts } = await changeReleaseFreeze(store, {
      action: inputs.mode,
      reason: inputs.reason ?? '',
      incident: inputs.incident,
      scope: inputs.scope,
      expires: inputs.expires,
      actor: inputs.actor,
      now: deps.now,
    }));
  }
  const decision = await checkReleaseFreeze({
    store,
    variable: inputs.freeze,
    tag: inputs.tag,
    now: deps.now?.(),
  });
  const warnings =
    inputs.mode === 'off' && variableFreezes(inputs.freeze)
      ? [
          'The freeze file is lifted, but the repository variable RELEASE_FREEZE still forces the freeze on: set it to false (or delete it).',
        ]
      : [];
  const failure =
    inputs.mode === 'status' && inputs.failIfFrozen && decision.frozen
      ? releaseFrozenError(
          inputs.tag === undefined ? 'The release gate' : `The release gate for ${inputs.tag}`,
          decision,
          store.location,
        )
      : null;
  const summary = [
    renderFreezeMarkdown(decision, store.location, inputs.tag),
    ...warnings.map((warning) => `> [!WARNING]\n> ${warning}\n`),
  ].join('\n');
  return { decision, location: store.location, record, attempts, summary, warnings, failure };
}
