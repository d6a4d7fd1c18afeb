import { ReleaseGuardError, type FailureCode } from '../errors';
import { dssePayload, loadAttestations, type Attestation } from '../attestation/load';
import { IN_TOTO_PAYLOAD_TYPE, parseStatement, type Statement } from '../attestation/statement';
import { normaliseProvenance, SLSA_V02, type ProvenanceView } from '../attestation/provenance';
import { failed, firstFailure, passed, skipped, type Check } from '../checks/check';
import { checkPredicateType } from '../checks/predicate';
import { checkSubjectDigests, type ArtifactDigest, type ArtifactMatch } from '../checks/subjects';
import { checkBuilderId } from '../checks/builder';
import { checkCommit, checkSourceRepo, checkTag } from '../checks/claims';
import { checkIdentity } from '../checks/identity';
import { checkCertificateBinding } from '../checks/binding';
import { verifyAttestationSignature, type SignatureVerdict } from '../sigstore/verify-signature';
import { embeddedTrustRoots, loadTrustRoots, type TrustRoot } from '../sigstore/trust';
import { digestArtifacts, listArtifactsDir } from './artifacts';
import { validateVerifyOptions, type VerifyOptions } from './options';
import { inputFailureReport, provenanceSummary, type VerifyReport } from './report';

interface Evaluation {
  attestation: Attestation;
  view: ProvenanceView;
  checks: Check[];
  matches: ArtifactMatch[];
  signature: SignatureVerdict | null;
}

function statementOf(attestation: Attestation) {
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

function signatureCheck(verdict: SignatureVerdict | null): Check {
  if (!verdict)
    return skipped(
      'signature',
      'signature_invalid',
      'skipped by --skip-signature: the claims below are NOT authenticated',
    );
  return verdict.ok
    ? passed(
        'signature',
        'signature_invalid',
        'DSSE signature, certificate chain and transparency log valid',
        verdict.root,
        verdict.detail,
      )
    : failed(
        'signature',
        'signature_invalid',
        'DSSE signature, certificate chain and transparency log valid',
        verdict.root,
        verdict.detail,
      );
}

function evaluate(
  attestation: Attestation,
  statement: Statement,
  artifacts: ArtifactDigest[],
  options: VerifyOptions,
  roots: TrustRoot[],
): Evaluation {
  const view = normaliseProvenance(statement);
  const { check: subjectCheck, matches } = checkSubjectDigests(view.subjects, artifacts);
  const signature = options.skipSignature ? null : verifyAttestationSignature(attestation, roots);
  const certificate = signature?.ok ? signature.identity : null;
  const checks = [
    checkPredicateType(view, options.allowSlsaV02),
    subjectCheck,
    checkBuilderId(view.builderId, options.builderIds, view.sourceRepo),
    checkSourceRepo(view, options.sourceRepo),
    checkTag(view, options.tag),
    checkCommit(view, options.commit),
    signatureCheck(signature),
    checkIdentity(signature?.identity ?? null, options.identity, options.skipSignature),
    ...checkCertificateBinding(view, certificate, options.skipSignature || !signature?.ok),
  ];
  return { attestation, view, checks, matches, signature };
}

function toReport(best: Evaluation, count: number): VerifyReport {
  const failure = firstFailure(best.checks);
  const flags =
    best.view.predicateType === SLSA_V02 && failure !== 'predicate_mismatch' ? ['security-backcompat'] : [];
  return {
    verified: failure === null,
    failure_reason: failure,
    error: null,
    checks: best.checks,
    artifacts: best.matches.map(({ path, sha256, sha512, subject }) => ({
      path,
      sha256,
      ...(sha512 ? { sha512 } : {}),
      subject,
    })),
    provenance: provenanceSummary(best.view),
    governance_flags: flags,
    attestation: {
      where: best.attestation.where,
      format: best.attestation.format,
      mediaType: best.attestation.mediaType,
      count,
    },
    signer: best.signature
      ? {
          san: best.signature.identity?.san ?? null,
          issuer: best.signature.identity?.issuer ?? null,
          trustedRoot: best.signature.root,
        }
      : null,
  };
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
  try {
    const attestations = loadAttestations(options.provenance);
    const statements = attestations.map(statementOf);
    const withSha512 = statements.some((s) =>
      s.subjects.some((subject) => subject.digest.sha512 !== undefined),
    );
    const paths = [
      ...options.artifacts,
      ...(options.artifactsDir ? listArtifactsDir(options.artifactsDir) : []),
    ];
    if (paths.length === 0) {
      return inputFailureReport(
        'artifact_missing',
        `no artifact found in ${options.artifactsDir}: nothing to verify`,
      );
    }
    const artifacts = await digestArtifacts(paths, withSha512);
    const evaluations = attestations.map((attestation, index) =>
      evaluate(attestation, statements[index], artifacts, options, roots),
    );
    const best = evaluations.find((e) => firstFailure(e.checks) === null) ?? evaluations[0];
    return toReport(best, attestations.length);
  } catch (error) {
    if (error instanceof ReleaseGuardError && error.exitCode === 1) {
      return inputFailureReport(error.code as FailureCode, error.message);
    }
    throw error;
  }
}
