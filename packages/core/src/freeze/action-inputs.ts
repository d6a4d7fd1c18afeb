import { actionReader } from '../action/context';
import { readFreezeGate } from './gate';
import type { ReleaseFreezeInputs, ReleaseFreezeMode } from './inputs';
import { normaliseTag } from './scope';

/** release-freeze's inputs (named as in its action.yml) on the action context. Checks nothing. */
export const readReleaseFreezeInputs = actionReader<ReleaseFreezeInputs>(
  { action: 'release-freeze', tag: 'none', runId: 'current', manifest: false, report: false },
  (input, context, env) => {
    // A run for a tag asks about that tag, so that a scoped freeze (`v2.*`) gates only its releases.
    const ref = env.GITHUB_REF ?? '';
    return {
      ...context,
      ...(ref.startsWith('refs/tags/') && ref.length > 'refs/tags/'.length ? { tag: normaliseTag(ref) } : {}),
      mode: (input.optional('mode') ?? 'status') as ReleaseFreezeMode,
      reason: input.optional('reason'),
      incident: input.optional('incident'),
      scope: input.list('scope'),
      expires: input.optional('expires'),
      ...readFreezeGate(input),
      failIfFrozen: input.boolean('fail-if-frozen', true),
    };
  },
);
