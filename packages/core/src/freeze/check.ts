import { ReleaseGuardError } from '../errors';
import type { ManifestStore } from '../manifest/store';
import { safeText } from '../text/safe-text';
import { evaluateFreeze, unreadableFreeze, type FreezeQuery } from './evaluate';
import { parseFreezeState } from './schema';
import type { FreezeDecision } from './types';

export interface ReleaseFreezeCheck extends FreezeQuery {
  /** Where the freeze file lives (for actions: the contents API on the freeze branch). */
  store: ManifestStore;
}

/**
 * The one question every side effect asks before it acts: is this release frozen? Reads the freeze
 * file from `store` and decides with the variable and the tag. Fails closed: a file that exists but
 * cannot be read, parsed or validated, or a store error (a contents-API answer other than 404),
 * answers frozen with source `unreadable`. A missing file answers not frozen. Never throws.
 */
export async function checkReleaseFreeze(check: ReleaseFreezeCheck): Promise<FreezeDecision> {
  let content: string | null;
  try {
    ({ content } = await check.store.read());
  } catch (error) {
    return unreadableFreeze(problemOf(error), check.tag);
  }
  if (content === null) return evaluateFreeze(null, check);
  try {
    return evaluateFreeze(parseFreezeState(content, check.store.location), check);
  } catch (error) {
    return unreadableFreeze(problemOf(error), check.tag);
  }
}

export interface AssertNotFrozen extends ReleaseFreezeCheck {
  /** What is about to happen, for the refusal: `signing v2.3.0`, `re-running run 42`. */
  action: string;
}

/**
 * checkReleaseFreeze for a side effect: returns the (not frozen) decision, or throws
 * ReleaseGuardError('release_frozen') saying what was refused, why, and how to lift the freeze.
 * The decision is in the error's details as `freeze`.
 */
export async function assertNotFrozen(check: AssertNotFrozen): Promise<FreezeDecision> {
  const decision = await checkReleaseFreeze(check);
  if (decision.frozen) throw releaseFrozenError(check.action, decision, check.store.location);
  return decision;
}

/** The refusal of a side effect under `decision`, which must be frozen. */
export function releaseFrozenError(
  action: string,
  decision: FreezeDecision,
  location: string,
): ReleaseGuardError {
  return new ReleaseGuardError(
    'release_frozen',
    `${action} refused: the release freeze is on (${describeFreeze(decision)}). ${howToLift(decision, location)}`,
    { freeze: decision, location },
  );
}

/** One line for people: why, by whom, since when, until when. */
export function describeFreeze(decision: FreezeDecision): string {
  const parts = [safeText(decision.reason ?? 'no reason given')];
  if (decision.source === 'file') {
    if (decision.incident !== null) parts.push(`incident ${safeText(decision.incident)}`);
    if (decision.set_by !== null) parts.push(`set by ${safeText(decision.set_by)}`);
    if (decision.set_at !== null) parts.push(`since ${decision.set_at}`);
    if (Array.isArray(decision.scope)) parts.push(`scope ${decision.scope.map(safeText).join(', ')}`);
    if (decision.expires_at !== null) parts.push(`until ${decision.expires_at}`);
  }
  return parts.join('; ');
}

/** What the on-call engineer does to lift this freeze. */
export function howToLift(decision: FreezeDecision, location: string): string {
  switch (decision.source) {
    case 'variable':
      return 'Lift it by setting the repository variable RELEASE_FREEZE to false (or deleting it).';
    case 'unreadable':
      return `Repair or restore ${location} (its git history has the last good version), or fix access to it; side effects stay refused until it reads.`;
    default:
      return `Lift it with \`release-guard freeze off --reason TEXT\` (or the release-freeze workflow, mode off) once the incident allows; the freeze file is ${location}.`;
  }
}

function problemOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
