import { actionReader } from '../action/context';
import { readFreezeGate } from '../freeze/gate';
import type { ReleasePublishInputs, ReleasePublishMode } from './inputs';

/** release-publish's inputs (named as in its action.yml) on the action context. Checks nothing. */
export const readReleasePublishInputs = actionReader<ReleasePublishInputs>(
  { action: 'release-publish', tag: 'required', runId: 'input-or-current', report: false },
  (input, context) => ({
    ...context,
    tag: context.tag ?? '',
    mode: (input.optional('mode') ?? 'draft') as ReleasePublishMode,
    requiredControls: input.list('required-controls'),
    files: input.lines('files'),
    name: input.optional('name'),
    targetCommitish: input.optional('target-commitish'),
    ...readFreezeGate(input),
  }),
);
