import type { ActionInputs } from '../action/inputs';
import type { GitHubClient } from '../github/client';
import { assertNotFrozen } from './check';
import { openActionFreezeStore } from './store';
import { DEFAULT_FREEZE_PATH, type FreezeDecision } from './types';

/** The freeze inputs every action with side effects declares: `freeze`, `freeze-file`, `freeze-branch`. */
export interface FreezeGate {
  /** The `freeze` input, filled from `vars.RELEASE_FREEZE`. */
  freeze?: string;
  /** The freeze file's path in the repository (default .github/release-freeze.json). */
  freezeFile?: string;
  /** The branch that holds it; the repository's default branch when omitted. */
  freezeBranch?: string;
}

export function readFreezeGate(input: ActionInputs): FreezeGate & { freezeFile: string } {
  return {
    freeze: input.optional('freeze'),
    freezeFile: input.optional('freeze-file') ?? DEFAULT_FREEZE_PATH,
    freezeBranch: input.optional('freeze-branch'),
  };
}

/**
 * The check an action makes before a side effect: the freeze file on its branch (contents API, never
 * the workspace) and the variable. Throws ReleaseGuardError('release_frozen') when frozen or unreadable.
 */
export async function assertActionNotFrozen(
  gate: FreezeGate & { repository: string },
  github: GitHubClient,
  request: { action: string; tag?: string },
): Promise<FreezeDecision> {
  return assertNotFrozen({
    store: openActionFreezeStore(
      {
        repository: gate.repository,
        freezeFile: gate.freezeFile ?? DEFAULT_FREEZE_PATH,
        freezeBranch: gate.freezeBranch,
      },
      github,
    ),
    variable: gate.freeze,
    tag: request.tag,
    action: request.action,
  });
}
