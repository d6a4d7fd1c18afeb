import { actionReader } from '../action/context';
import { DEFAULT_FREEZE_PATH } from '../freeze/types';
import type { ReproVerifyInputs } from './inputs';
import type { DiffoscopeMode } from './types';

/** repro-verify's inputs (named as in its action.yml) on the action context. Checks nothing. */
export const readReproVerifyInputs = actionReader<ReproVerifyInputs>(
  { action: 'repro-verify', tag: 'required', runId: 'current', report: false },
  (input, context) => ({
    ...context,
    first: input.optional('first'),
    second: input.optional('second'),
    firstArtifact: input.optional('first-artifact'),
    secondArtifact: input.optional('second-artifact'),
    attestationPath: input.optional('attestation-path'),
    setFreeze: input.boolean('set-freeze', true),
    freezeFile: input.optional('freeze-file') ?? DEFAULT_FREEZE_PATH,
    freezeBranch: input.optional('freeze-branch'),
    diffoscope: (input.optional('diffoscope') ?? 'auto') as DiffoscopeMode,
  }),
);
