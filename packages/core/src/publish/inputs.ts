import path from 'node:path';
import { checkActionContext, type ActionContext } from '../action/context';
import { InputError } from '../errors';
import type { FreezeGate } from '../freeze/gate';
import type { ControlName } from '../manifest/types';

export const RELEASE_PUBLISH_MODES = ['draft', 'publish'] as const;
export type ReleasePublishMode = (typeof RELEASE_PUBLISH_MODES)[number];

/** The controls a release can require before it is published (the drill is not a release's control). */
export const RELEASE_CONTROLS = [
  'provenance',
  'signature',
  'repro',
  'evidence',
] as const satisfies readonly ControlName[];
export type ReleaseControl = (typeof RELEASE_CONTROLS)[number];

/** release-publish's options on the action context. */
export interface ReleasePublishInputs extends ActionContext, FreezeGate {
  tag: string;
  mode: ReleasePublishMode;
  /** Mode publish: the controls the manifest entry of (tag, run) must record as `pass`. */
  requiredControls: string[];
  /** Mode draft: globs (inside the workspace) of the files attached to the draft. */
  files: string[];
  /** Mode draft: the title of a created draft (default: the tag). */
  name?: string;
  /** Mode draft: what the tag points at once a created draft is published. */
  targetCommitish?: string;
  freezeFile: string;
}

/** Refuses inputs no run could use (exit 2), before anything is read or written. */
export function checkReleasePublishInputs(inputs: ReleasePublishInputs): void {
  checkActionContext(inputs);
  if (!(RELEASE_PUBLISH_MODES as readonly string[]).includes(inputs.mode))
    throw new InputError(
      'mode',
      `must be one of ${RELEASE_PUBLISH_MODES.join(', ')}, got ${JSON.stringify(inputs.mode.slice(0, 200))}`,
    );
  if (!inputs.githubToken) throw new InputError('github-token', 'is required (contents: write)');
  if (inputs.mode !== 'publish') {
    if (inputs.requiredControls.length > 0)
      throw new InputError('required-controls', 'is only for mode publish');
    for (const pattern of inputs.files) {
      if (path.isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..'))
        throw new InputError(
          'files',
          `globs are resolved inside the workspace: ${JSON.stringify(pattern.slice(0, 200))} leaves it`,
        );
    }
    return;
  }
  if (inputs.files.length > 0)
    throw new InputError('files', 'is only for mode draft: nothing is attached after publish');
  if (inputs.name !== undefined) throw new InputError('name', 'is only for mode draft');
  if (inputs.targetCommitish !== undefined)
    throw new InputError('target-commitish', 'is only for mode draft');
  if (inputs.requiredControls.length === 0)
    throw new InputError(
      'required-controls',
      `is required with mode publish: the controls that must pass, e.g. ${RELEASE_CONTROLS.join(',')}`,
    );
  for (const control of inputs.requiredControls) {
    if (!(RELEASE_CONTROLS as readonly string[]).includes(control))
      throw new InputError(
        'required-controls',
        `names ${JSON.stringify(control.slice(0, 200))}; each must be one of ${RELEASE_CONTROLS.join(', ')}`,
      );
  }
}
