import { actionReader } from '../action/context';
import { readFreezeGate } from '../freeze/gate';
import type { ReleaseSignInputs } from './inputs';

/** release-sign's inputs (named as in its action.yml) on the action context. Checks nothing. */
export const readReleaseSignInputs = actionReader<ReleaseSignInputs>(
  {
    action: 'release-sign',
    tag: 'optional',
    runId: 'current',
    secretInputs: ['key', 'key-password'],
    report: false,
  },
  (input, context) => ({
    ...context,
    files: input.lines('files'),
    mode: input.optional('mode') ?? 'keyless',
    key: input.optional('key'),
    keyPassword: input.optional('key-password'),
    checksums: input.optional('checksums') ?? 'SHA256SUMS',
    legacySignatures: input.boolean('legacy-signatures', false),
    upload: input.boolean('upload', true),
    fulcioUrl: input.optional('fulcio-url'),
    rekorUrl: input.optional('rekor-url'),
    tsaUrl: input.optional('tsa-url'),
    tlog: input.boolean('tlog', true),
    ...readFreezeGate(input),
  }),
);
