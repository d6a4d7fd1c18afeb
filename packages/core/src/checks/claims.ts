import { normaliseRepo, type ProvenanceView } from '../attestation/provenance';
import { failed, passed, skippedByRequest, type Check } from './check';

export function checkSourceRepo(view: ProvenanceView, expectedRepo: string): Check {
  const expected = normaliseRepo(expectedRepo);
  if (!view.sourceRepo)
    return failed(
      'source_repo',
      'source_mismatch',
      expected,
      null,
      'the provenance names no source repository',
    );
  return view.sourceRepo === expected
    ? passed('source_repo', 'source_mismatch', expected, view.sourceRepo, 'source repository matches exactly')
    : failed(
        'source_repo',
        'source_mismatch',
        expected,
        view.sourceRepo,
        'built from a different repository',
      );
}

/** `--tag` matches exactly after stripping `refs/tags/`; a branch build never matches. */
export function checkTag(view: ProvenanceView, tag: string | undefined): Check {
  if (tag === undefined)
    return skippedByRequest(
      'tag',
      'tag_mismatch',
      `not requested: no --tag given (built from ${view.ref ?? 'an unknown ref'})`,
    );
  const expected = `refs/tags/${tag.replace(/^refs\/tags\//, '')}`;
  if (!view.ref) return failed('tag', 'tag_mismatch', expected, null, 'the provenance names no source ref');
  if (!view.ref.startsWith('refs/tags/')) {
    return failed('tag', 'tag_mismatch', expected, view.ref, 'built from a branch, not from a tag');
  }
  return view.ref === expected
    ? passed('tag', 'tag_mismatch', expected, view.ref, 'tag matches exactly')
    : failed('tag', 'tag_mismatch', expected, view.ref, 'built from a different tag');
}

export function checkCommit(view: ProvenanceView, commit: string | undefined): Check {
  if (commit === undefined)
    return skippedByRequest(
      'commit',
      'commit_mismatch',
      `not requested: no --commit given (built from ${view.commit ?? 'an unknown commit'})`,
    );
  const expected = commit.toLowerCase();
  if (!view.commit)
    return failed('commit', 'commit_mismatch', expected, null, 'the provenance names no source commit');
  return view.commit === expected
    ? passed('commit', 'commit_mismatch', expected, view.commit, 'commit matches')
    : failed('commit', 'commit_mismatch', expected, view.commit, 'built from a different commit');
}
