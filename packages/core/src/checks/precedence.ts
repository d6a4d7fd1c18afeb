import type { FailureCode } from '../errors';
import type { Check } from './check';

/**
 * Which failing check decides the failure code, first group first. Authenticity comes before
 * content: when the signature fails nothing in the payload is evidence, so a tampered source
 * repository reads as `signature_invalid`, never as `source_mismatch`. Then who signed, then whether
 * the signer's certificate backs the claims, then what the payload says.
 */
export const CHECK_PRECEDENCE: readonly (readonly string[])[] = [
  ['signature'],
  ['identity', 'identity_source_repo'],
  ['builder_id_certificate', 'source_repo_certificate', 'ref_certificate', 'commit_certificate'],
  ['predicate_type'],
  ['subject_digest'],
  ['builder_id', 'source_repo', 'tag', 'commit'],
];

function rank(name: string): number {
  const index = CHECK_PRECEDENCE.findIndex((group) => group.includes(name));
  return index < 0 ? CHECK_PRECEDENCE.length : index;
}

/** The failure code of a verification: that of the failing check of highest precedence, or null. */
export function decideFailure(checks: Check[]): FailureCode | null {
  let best: Check | null = null;
  for (const check of checks) {
    if (check.ok) continue;
    if (best === null || rank(check.name) < rank(best.name)) best = check;
  }
  return best?.code ?? null;
}
