import type { ComparedArtifact, ReproDifference } from './types';

export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** Our predicate, modelled on OSS Rebuild's ArtifactEquivalence: both builds' digests per artifact. */
export const REPRO_PREDICATE_TYPE = 'https://release-guard.dev/attestation/repro-equivalence/v1';

export interface ReproTool {
  name: string;
  version: string | null;
}

export interface ReproAttestationInput {
  tag: string | null;
  reproducible: boolean;
  artifacts: ComparedArtifact[];
  differences: ReproDifference[];
  /** Archives that could not be explained, with the reason. */
  unexplained: string[];
  maxDepth: number;
  tools: ReproTool[];
  comparedAt: string;
}

/**
 * The in-toto Statement v1 of a comparison: every file FIRST holds is a subject with FIRST's sha256
 * (a file only in SECOND has no FIRST digest and appears in the predicate only).
 */
export function reproStatement(input: ReproAttestationInput): Record<string, unknown> {
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: input.artifacts
      .filter((artifact) => artifact.first !== null)
      .map((artifact) => ({ name: artifact.path, digest: { sha256: artifact.first } })),
    predicateType: REPRO_PREDICATE_TYPE,
    predicate: {
      verdict: input.reproducible ? 'reproducible' : 'mismatch',
      reproducible: input.reproducible,
      release_tag: input.tag,
      artifacts: input.artifacts.map((artifact) => ({
        path: artifact.path,
        first: artifact.first === null ? null : { sha256: artifact.first },
        second: artifact.second === null ? null : { sha256: artifact.second },
        identical: artifact.first !== null && artifact.first === artifact.second,
      })),
      differences: input.differences,
      unexplained: input.unexplained,
      method: {
        verdict_on:
          'sha256 of each file compared bit for bit; what is found inside archives explains, never excuses',
        archives: 'tar, tar.gz/tgz, zip (.whl, .jar, .nupkg, .vsix) parsed without extraction',
        max_depth: input.maxDepth,
      },
      tools: input.tools,
      compared_at: input.comparedAt,
    },
  };
}
