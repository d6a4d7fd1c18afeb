import path from 'node:path';
import { ReleaseGuardError, type FailureCode } from '../errors';
import { dssePayload, loadAttestations, type Attestation } from '../attestation/load';
import { IN_TOTO_PAYLOAD_TYPE, parseStatement, type Statement } from '../attestation/statement';
import { normaliseProvenance, SLSA_V02, type ProvenanceView } from '../attestation/provenance';
import { notEvaluated, withAuthentication, type Check } from '../checks/check';
import { decideFailure } from '../checks/precedence';
import { checkPredicateType } from '../checks/predicate';
import { checkSubjectDigests, type ArtifactDigest, type ArtifactMatch } from '../checks/subjects';
import { checkBuilderId } from '../checks/builder';
import { checkCommit, checkSourceRepo, checkTag } from '../checks/claims';
import { checkIdentity } from '../checks/identity';
import { checkCertificateBinding } from '../checks/binding';
import { verifyAttestationSignature, type SignatureVerdict } from '../sigstore/verify-signature';
import { loadVerificationKey, type VerificationKey } from '../sigstore/public-key';
import { embeddedTrustRoots, loadTrustRoots, type TrustRoot } from '../sigstore/trust';
import { digestArtifacts, listArtifactsDir, type ArtifactsDirListing } from './artifacts';
import { validateVerifyOptions, type VerifyOptions } from './options';
import { inputFailureReport, provenanceSummary, type VerifyReport } from './report';
import { signatureCheck, signerState } from './signature-check';

/** One attestation of the file, its signature judged first and its payload read after. */
interface Candidate {
  attestation: Attestation;
  signature: SignatureVerdict | null;
  statement: Statement | null;
  /** Why the payload could not be read, when its signature failed too (so it is no evidence). */
  payloadError: string | null;
}

interface Evaluation {
  candidate: Candidate;
  view: ProvenanceView | null;
  checks: Check[];
  matches: ArtifactMatch[];
}

const NO_SAN_POLICY =
  'issuer matches; no --cert-identity given: the signer is bound to the provenance by the *_certificate ' +
  'checks, and through the source_repo check to --source-repo';

const CLAIM_CHECKS: Array<[string, FailureCode]> = [
  ['predicate_type', 'predicate_mismatch'],
  ['subject_digest', 'digest_mismatch'],
  ['builder_id', 'builder_mismatch'],
  ['source_repo', 'source_mismatch'],
  ['tag', 'tag_mismatch'],
  ['commit', 'commit_mismatch'],
];

function statementOf(attestation: Attestation): Statement {
  const dsse = dssePayload(attestation);
  if (!dsse) {
    throw new ReleaseGuardError(
      'malformed_provenance',
      `${attestation.where}: the bundle signs a file, not an attestation (no DSSE envelope)`,
    );
  }
  if (dsse.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new ReleaseGuardError(
      'malformed_provenance',
      `${attestation.where}: DSSE payload type is ${dsse.payloadType}, not ${IN_TOTO_PAYLOAD_TYPE}`,
    );
  }
  return parseStatement(dsse.payload, attestation.where);
}

/**
 * Judges the signature before reading the payload: a payload whose signature fails is no evidence of
 * anything, so even one that cannot be parsed (duplicate keys, too many subjects) is `signature_invalid`.
 * Only a payload that is signed, or whose signature the user skipped, can be `malformed_provenance`.
 */
function toCandidate(
  attestation: Attestation,
  options: VerifyOptions,
  roots: TrustRoot[],
  key: VerificationKey | undefined,
): Candidate {
  if (dssePayload(attestation) === null) statementOf(attestation);
  const signature = options.skipSignature
    ? null
    : verifyAttestationSignature(attestation, roots, { key, noTlog: options.noTlog });
  try {
    return { attestation, signature, statement: statementOf(attestation), payloadError: null };
  } catch (error) {
    if (!(error instanceof ReleaseGuardError) || signature === null || signature.ok) throw error;
    return { attestation, signature, statement: null, payloadError: error.message };
  }
}

function evaluate(candidate: Candidate, artifacts: ArtifactDigest[], options: VerifyOptions): Evaluation {
  const signer = signerState(candidate.signature);
  const authenticated = signer.kind === 'certificate' || signer.kind === 'key';
  const trustChecks = [
    signatureCheck(candidate.signature, 'DSSE'),
    checkIdentity(signer, options.identity, NO_SAN_POLICY),
  ];
  if (candidate.statement === null) {
    const why = `not evaluated: the unsigned payload cannot be read (${candidate.payloadError})`;
    return {
      candidate,
      view: null,
      checks: [
        ...withAuthentication(
          CLAIM_CHECKS.map(([name, code]) => notEvaluated(name, code, why)),
          false,
        ),
        ...trustChecks,
        ...checkCertificateBinding(null, signer),
      ],
      matches: [],
    };
  }
  const view = normaliseProvenance(candidate.statement);
  const { check: subjectCheck, matches } = checkSubjectDigests(view.subjects, artifacts);
  const claims = [
    checkPredicateType(view, options.allowSlsaV02),
    subjectCheck,
    checkBuilderId(view.builderId, options.builderIds, view.sourceRepo),
    checkSourceRepo(view, options.sourceRepo),
    checkTag(view, options.tag),
    checkCommit(view, options.commit),
  ];
  const checks = [
    ...withAuthentication(claims, authenticated),
    ...trustChecks,
    ...checkCertificateBinding(view, signer),
  ];
  return { candidate, view, checks, matches };
}

function toReport(best: Evaluation, count: number, options: VerifyOptions): VerifyReport {
  const failure = decideFailure(best.checks);
  const { attestation, signature } = best.candidate;
  const backcompat =
    best.view?.predicateType === SLSA_V02 && failure !== 'predicate_mismatch' ? ['security-backcompat'] : [];
  // Where a script looks: a --skip-signature report vouches for nothing but the payload's word.
  const unauthenticated = options.skipSignature ? ['unauthenticated'] : [];
  return {
    verified: failure === null,
    failure_reason: failure,
    authenticated: signature?.ok === true,
    error: null,
    checks: best.checks,
    artifacts: best.matches.map(({ path, sha256, sha512, subject }) => ({
      path,
      sha256,
      ...(sha512 ? { sha512 } : {}),
      subject,
    })),
    provenance: best.view ? provenanceSummary(best.view) : null,
    governance_flags: [...backcompat, ...unauthenticated, ...(signature?.ok ? signature.flags : [])],
    attestation: {
      where: attestation.where,
      format: attestation.format,
      mediaType: attestation.mediaType,
      count,
    },
    signer: signature
      ? {
          san: signature.identity?.san ?? null,
          issuer: signature.identity?.issuer ?? null,
          key: signature.key?.fingerprint ?? null,
          trustedRoot: signature.root,
        }
      : null,
  };
}

/** The artifacts named, then those of the folder that were not named already (each verified once). */
function artifactPaths(named: string[], listing: ArtifactsDirListing | null): string[] {
  const seen = new Set(named.map((p) => path.resolve(p)));
  return [...named, ...(listing?.files ?? []).filter((file) => !seen.has(path.resolve(file)))];
}

/**
 * Verifies a provenance file for one or many artifacts. The provenance (each attestation in it) is
 * verified once, whatever the number of artifacts; every artifact is read once, streamed. When a file
 * holds several attestations the first that passes every check decides, else the first one's report.
 * Throws ReleaseGuardError('usage_error') for unusable options; every other problem is a failed report.
 */
export async function verifyProvenance(options: VerifyOptions): Promise<VerifyReport> {
  validateVerifyOptions(options);
  const roots = options.trustedRoot ? loadTrustRoots(options.trustedRoot) : embeddedTrustRoots();
  const key = options.key !== undefined ? loadVerificationKey(options.key) : undefined;
  try {
    const attestations = loadAttestations(options.provenance);
    const candidates = attestations.map((attestation) => toCandidate(attestation, options, roots, key));
    const withSha512 = candidates.some((c) =>
      (c.statement?.subjects ?? []).some((subject) => subject.digest.sha512 !== undefined),
    );
    const listing: ArtifactsDirListing | null = options.artifactsDir
      ? listArtifactsDir(options.artifactsDir, {
          recursive: options.recursive,
          provenance: options.provenance,
        })
      : null;
    const paths = artifactPaths(options.artifacts, listing);
    if (paths.length === 0) {
      return inputFailureReport(
        'artifact_missing',
        `no artifact found in ${options.artifactsDir}: nothing to verify`,
      );
    }
    const artifacts = await digestArtifacts(paths, withSha512);
    const evaluations = candidates.map((candidate) => evaluate(candidate, artifacts, options));
    const best = evaluations.find((e) => decideFailure(e.checks) === null) ?? evaluations[0];
    const report = toReport(best, attestations.length, options);
    return listing ? { ...report, excluded: listing.excluded } : report;
  } catch (error) {
    if (error instanceof ReleaseGuardError && error.exitCode === 1) {
      return inputFailureReport(error.code as FailureCode, error.message);
    }
    throw error;
  }
}
