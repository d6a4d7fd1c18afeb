import { failed, passed, type Check } from './check';

/** Splits a builder id at its first `@`: `…/generator_generic_slsa3.yml@refs/tags/v2.1.0`. */
function splitBuilderId(id: string): { name: string; ref: string | null } {
  const at = id.indexOf('@');
  return at < 0 ? { name: id, ref: null } : { name: id.slice(0, at), ref: id.slice(at + 1) };
}

/** `v1.2.3` and `refs/tags/v1.2.3` name the same ref. */
function normaliseRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/tags/${ref}`;
}

/** A workflow of the source repository itself (actions/attest style): its ref is the source's ref. */
function isOwnWorkflow(name: string, sourceRepo: string | null): boolean {
  return sourceRepo !== null && name.startsWith(`${sourceRepo}/.github/workflows/`);
}

/**
 * Matches a provenance builder id against one allow-list entry: the name must be equal
 * (a prefix or a lookalike host never matches, and an `@` in the host part makes the name differ);
 * `name@ref` requires that ref; a bare name requires a third-party builder to have run from a release
 * tag (a repository's own workflow runs at the source ref, which the ref checks bind instead).
 */
export function builderMatches(actual: string, allowed: string, sourceRepo: string | null = null): boolean {
  const a = splitBuilderId(actual);
  const b = splitBuilderId(allowed);
  if (a.name !== b.name || a.name === '') return false;
  if (b.ref !== null) return a.ref !== null && normaliseRef(a.ref) === normaliseRef(b.ref);
  return a.ref === null || a.ref.startsWith('refs/tags/') || isOwnWorkflow(a.name, sourceRepo);
}

export function checkBuilderId(
  builderId: string | null,
  allowList: string[],
  sourceRepo: string | null = null,
): Check {
  const expected = allowList.length > 0 ? allowList.join(' | ') : null;
  if (allowList.length === 0) {
    return failed(
      'builder_id',
      'builder_mismatch',
      null,
      builderId,
      'no --builder-id given: an empty allow list trusts no builder',
    );
  }
  if (!builderId)
    return failed('builder_id', 'builder_mismatch', expected, null, 'the provenance names no builder');
  const match = allowList.find((allowed) => builderMatches(builderId, allowed, sourceRepo));
  if (match)
    return passed(
      'builder_id',
      'builder_mismatch',
      expected,
      builderId,
      `trusted builder (matches ${match})`,
    );
  const { name, ref } = splitBuilderId(builderId);
  const sameName = allowList.some((allowed) => splitBuilderId(allowed).name === name);
  const detail = sameName
    ? ref && !ref.startsWith('refs/tags/')
      ? `builder ran from ${ref}, not a release tag; name that ref in --builder-id to trust it`
      : `builder version ${ref ?? '(none)'} is not the one allowed`
    : 'builder is not in the allow list (exact match required)';
  return failed('builder_id', 'builder_mismatch', expected, builderId, detail);
}
