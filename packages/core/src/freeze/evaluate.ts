import { safeText } from '../text/safe-text';
import { normaliseTag, scopeCoversTag } from './scope';
import type { FreezeDecision, FreezeState } from './types';
import { variableFreezes } from './variable';

export interface FreezeQuery {
  /** The freeze variable's value (RELEASE_FREEZE); unset or empty leaves the file to decide. */
  variable?: string;
  /** The release asked about; without it, the question is whether anything is frozen. */
  tag?: string;
  /** The clock that decides expiry (default now). */
  now?: Date;
}

/**
 * The decision for a freeze file that was read (null: there is none) and the variable. A freeze the
 * variable forces covers every release; the file's covers the tags of its scope until `expires_at`.
 */
export function evaluateFreeze(state: FreezeState | null, query: FreezeQuery): FreezeDecision {
  const tag = query.tag === undefined ? undefined : normaliseTag(query.tag);
  if (variableFreezes(query.variable)) {
    return {
      frozen: true,
      reason: `forced on by the freeze variable RELEASE_FREEZE ("${safeText((query.variable ?? '').trim().slice(0, 200))}"); set it to false or empty to lift it`,
      incident: null,
      set_by: 'the RELEASE_FREEZE variable',
      set_at: null,
      scope: 'all',
      expires_at: null,
      expired: false,
      source: 'variable',
      applies_to_tag: tag === undefined ? null : true,
    };
  }
  if (state === null) {
    return {
      frozen: false,
      reason: null,
      incident: null,
      set_by: null,
      set_at: null,
      scope: null,
      expires_at: null,
      expired: false,
      source: 'file',
      applies_to_tag: tag === undefined ? null : false,
    };
  }
  const now = query.now ?? new Date();
  const expired = state.frozen && state.expires_at !== null && Date.parse(state.expires_at) <= now.getTime();
  const active = state.frozen && !expired;
  const applies = tag === undefined ? null : active && scopeCoversTag(state.scope, tag);
  return {
    frozen: applies ?? active,
    reason: state.reason,
    incident: state.incident,
    set_by: state.set_by,
    set_at: state.set_at,
    scope: state.scope,
    expires_at: state.expires_at,
    expired,
    source: 'file',
    applies_to_tag: applies,
  };
}

/** The decision when the freeze state exists but cannot be read: frozen, for every release. */
export function unreadableFreeze(problem: string, tag?: string): FreezeDecision {
  return {
    frozen: true,
    reason: `freeze state unreadable: ${problem}`,
    incident: null,
    set_by: null,
    set_at: null,
    scope: null,
    expires_at: null,
    expired: false,
    source: 'unreadable',
    applies_to_tag: tag === undefined ? null : true,
  };
}
