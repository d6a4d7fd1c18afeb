import type { Subject } from '../attestation/statement';
import { failed, passed, type Check } from './check';

/** An artifact's digests, computed in one streamed read. */
export interface ArtifactDigest {
  path: string;
  sha256: string;
  sha512?: string;
}

export interface ArtifactMatch extends ArtifactDigest {
  /** The subject name it matched, or null. */
  subject: string | null;
  /** The digest compared, as `alg:hex`: the sha512 when that is what the subject carries. */
  shown: string;
}

/** The artifact's digest in the algorithm the subjects speak: sha512 when they carry no sha256. */
function shownDigest(artifact: ArtifactDigest, subject: Subject | undefined, subjects: Subject[]): string {
  const sha512Only = subject
    ? subject.digest.sha256 === undefined
    : subjects.length > 0 && subjects.every((s) => s.digest.sha256 === undefined);
  return sha512Only && artifact.sha512 ? `sha512:${artifact.sha512}` : `sha256:${artifact.sha256}`;
}

function matchSubject(artifact: ArtifactDigest, subjects: Subject[]): Subject | undefined {
  // Exact, full-length equality on every algorithm both sides have; never a prefix.
  return subjects.find((subject) => {
    const shared = (['sha256', 'sha512'] as const).filter(
      (alg) => subject.digest[alg] !== undefined && artifact[alg] !== undefined,
    );
    return shared.length > 0 && shared.every((alg) => subject.digest[alg] === artifact[alg]);
  });
}

/** Every artifact must match a subject; zero artifacts or zero subjects is a failure, never a pass. */
export function checkSubjectDigests(
  subjects: Subject[],
  artifacts: ArtifactDigest[],
): { check: Check; matches: ArtifactMatch[] } {
  const matches = artifacts.map((artifact) => {
    const subject = matchSubject(artifact, subjects);
    return { ...artifact, subject: subject?.name ?? null, shown: shownDigest(artifact, subject, subjects) };
  });
  const expected = subjects
    .map(
      (s) =>
        `${s.name || '(unnamed)'} ${s.digest.sha256 ? `sha256:${s.digest.sha256}` : `sha512:${s.digest.sha512 ?? '?'}`}`,
    )
    .join(', ');
  if (subjects.length === 0) {
    return {
      check: failed(
        'subject_digest',
        'digest_mismatch',
        null,
        null,
        'the provenance names no subject: nothing to verify',
      ),
      matches,
    };
  }
  if (artifacts.length === 0) {
    return {
      check: failed('subject_digest', 'artifact_missing', expected, null, 'no artifact to verify'),
      matches,
    };
  }
  const unmatched = matches.filter((m) => m.subject === null);
  const actual = matches.map((m) => `${m.path} ${m.shown}`).join(', ');
  if (unmatched.length > 0) {
    return {
      check: failed(
        'subject_digest',
        'digest_mismatch',
        expected,
        actual,
        `${unmatched.map((m) => m.path).join(', ')}: digest matches no subject of the provenance`,
      ),
      matches,
    };
  }
  return {
    check: passed(
      'subject_digest',
      'digest_mismatch',
      expected,
      actual,
      `${matches.length} artifact(s) each match a subject`,
    ),
    matches,
  };
}
