import { isFailureCode } from '../errors';
import { describeFailure, emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { readReleasePublishInputs } from './action-inputs';
import type { ReleasePublishInputs } from './inputs';
import type { ReleasePublishResult } from './release-publish';

/** release-publish's outcome: outputs release-id/html-url/draft, the summary, and the refusal. */
export function releasePublishOutcome(result: ReleasePublishResult): ActionOutcome {
  const { release } = result;
  return {
    ...emptyOutcome(),
    outputs: {
      'release-id': release === null ? '' : String(release.id),
      'html-url': release?.htmlUrl ?? '',
      draft: release === null ? '' : String(release.draft),
      'failure-reason': isFailureCode(result.failure?.code) ? result.failure.code : '',
    },
    summary: result.summary,
    log: result.log,
    failure: result.failure === null ? null : describeFailure(result.failure),
  };
}

export const releasePublishAction: ActionDefinition<ReleasePublishInputs> = {
  read: readReleasePublishInputs,
  // The work is loaded only once the inputs are read: an entry that fails on its inputs starts fast.
  run: async (inputs) =>
    releasePublishOutcome(await (await import('./release-publish')).releasePublish(inputs)),
};
