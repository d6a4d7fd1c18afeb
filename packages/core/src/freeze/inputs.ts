import { checkActionContext, type ActionContext } from '../action/context';
import { InputError } from '../errors';

export const RELEASE_FREEZE_MODES = ['on', 'off', 'status'] as const;
export type ReleaseFreezeMode = (typeof RELEASE_FREEZE_MODES)[number];

/** release-freeze's options on the action context. */
export interface ReleaseFreezeInputs extends ActionContext {
  mode: ReleaseFreezeMode;
  /** Why the freeze is turned on or off; required for those modes. Untrusted text. */
  reason?: string;
  incident?: string;
  /** Tag patterns (`v2.*`) for mode on; none freezes every release. */
  scope: string[];
  /** ISO 8601 date-time after which a freeze turned on no longer applies. */
  expires?: string;
  /** The freeze file's path in the repository. */
  freezeFile: string;
  /** The branch that holds it; the repository's default branch when omitted. */
  freezeBranch?: string;
  /** Mode status: fail with release_frozen when frozen. */
  failIfFrozen: boolean;
  /** The `freeze` input, filled from `vars.RELEASE_FREEZE`. */
  freeze?: string;
}

/** Refuses inputs no run could use (exit 2), before the freeze file is read. */
export function checkReleaseFreezeInputs(inputs: ReleaseFreezeInputs): void {
  checkActionContext(inputs);
  if (!(RELEASE_FREEZE_MODES as readonly string[]).includes(inputs.mode))
    throw new InputError(
      'mode',
      `must be one of ${RELEASE_FREEZE_MODES.join(', ')}, got ${JSON.stringify(inputs.mode.slice(0, 200))}`,
    );
  if (inputs.mode !== 'status' && (inputs.reason === undefined || inputs.reason.trim() === ''))
    throw new InputError(
      'reason',
      `is required with mode ${inputs.mode}: say why (it is kept in the history)`,
    );
  if (inputs.mode !== 'on') {
    for (const [field, given] of [
      ['incident', inputs.incident !== undefined],
      ['scope', inputs.scope.length > 0],
      ['expires', inputs.expires !== undefined],
    ] as const) {
      if (given) throw new InputError(field, `only applies with mode on (this is mode ${inputs.mode})`);
    }
  }
  if (!inputs.githubToken)
    throw new InputError(
      'github-token',
      `is needed to ${inputs.mode === 'status' ? 'read' : 'write'} the freeze file through the contents API (contents: ${inputs.mode === 'status' ? 'read' : 'write'})`,
    );
  if (inputs.freezeFile === '') throw new InputError('freeze-file', 'must name a file');
}
