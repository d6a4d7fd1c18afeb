import { ReleaseGuardError, type FailureCode } from '../errors';
import { dssePayload, loadAttestations, type Attestation } from '../attestation/load';
import { IN_TOTO_PAYLOAD_TYPE, parseStatement } from '../attestation/statement';
import { failed, firstFailure, passed, skipped, type Check } from '../checks/check';
import { checkIdentity, compileIdentityRegexp, type IdentityPolicy } from '../checks/identity';
import { checkSubjectDigests } from '../checks/subjects';
import {
  messageHashAlgorithm,
  streamMessage,
  verifyAttestationSignature,
} from '../sigstore/verify-signature';
import { embeddedTrustRoots, loadTrustRoots, type TrustRoot } from '../sigstore/trust';
import { digestArtifacts } from './artifacts';
import { inputFailureReport, type VerifyReport } from './report';

export interface VerifySignatureOptions {
  bundle: string;
  artifacts: string[];
  identity: IdentityPolicy;
  trustedRoot?: string;
}

async function evaluate(
  attestation: Attestation,
  options: VerifySignatureOptions,
  roots: TrustRoot[],
): Promise<VerifyReport> {
  const dsse = dssePayload(attestation);
  let coverage: Check;
  let artifacts: VerifyReport['artifacts'] = [];
  let signature;
  if (dsse === null) {
    // A message signature covers exactly one file: hash and signature check share one streamed read.
    if (options.artifacts.length !== 1) {
      throw new ReleaseGuardError(
        'usage_error',
        `${attestation.where} signs one file: pass exactly one --artifact`,
      );
    }
    const message = await streamMessage(options.artifacts[0], messageHashAlgorithm(attestation));
    signature = verifyAttestationSignature(attestation, roots, message);
    const content = attestation.bundle.content;
    const signed =
      content.$case === 'messageSignature'
        ? (content.messageSignature.messageDigest?.digest.toString('hex') ?? null)
        : null;
    const actual = message.digest.toString('hex');
    coverage =
      signed === actual
        ? passed('subject_digest', 'digest_mismatch', signed, actual, 'the bundle signs this file')
        : failed('subject_digest', 'digest_mismatch', signed, actual, 'the bundle signs a different file');
    artifacts = [{ path: message.path, sha256: actual, subject: signed === actual ? message.path : null }];
  } else {
    signature = verifyAttestationSignature(attestation, roots);
    if (options.artifacts.length === 0) {
      coverage = skipped(
        'subject_digest',
        'digest_mismatch',
        'no --artifact given: only the signature and identity were checked',
      );
    } else if (dsse.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
      coverage = failed(
        'subject_digest',
        'digest_mismatch',
        IN_TOTO_PAYLOAD_TYPE,
        dsse.payloadType,
        'the envelope is not an in-toto statement: it names no artifact',
      );
    } else {
      const statement = parseStatement(dsse.payload, attestation.where);
      const withSha512 = statement.subjects.some((s) => s.digest.sha512 !== undefined);
      const result = checkSubjectDigests(
        statement.subjects,
        await digestArtifacts(options.artifacts, withSha512),
      );
      coverage = result.check;
      artifacts = result.matches;
    }
  }
  const checks: Check[] = [
    signature.ok
      ? passed(
          'signature',
          'signature_invalid',
          'signature, certificate chain and transparency log valid',
          signature.root,
          signature.detail,
        )
      : failed(
          'signature',
          'signature_invalid',
          'signature, certificate chain and transparency log valid',
          signature.root,
          signature.detail,
        ),
    checkIdentity(signature.identity, options.identity, false),
    coverage,
  ];
  const failure = firstFailure(checks);
  return {
    verified: failure === null,
    failure_reason: failure,
    error: null,
    checks,
    artifacts,
    provenance: null,
    governance_flags: [],
    attestation: {
      where: attestation.where,
      format: attestation.format,
      mediaType: attestation.mediaType,
      count: 1,
    },
    signer: {
      san: signature.identity?.san ?? null,
      issuer: signature.identity?.issuer ?? null,
      trustedRoot: signature.root,
    },
  };
}

/** `verify-signature`: a bundle's signature, certificate identity and issuer, and the files it covers. */
export async function verifyBundleSignature(options: VerifySignatureOptions): Promise<VerifyReport> {
  const { certIdentity, certIdentityRegexp } = options.identity;
  if (certIdentity !== undefined && certIdentityRegexp !== undefined) {
    throw new ReleaseGuardError('usage_error', 'give --cert-identity or --cert-identity-regexp, not both');
  }
  if (certIdentityRegexp !== undefined) compileIdentityRegexp(certIdentityRegexp);
  const roots = options.trustedRoot ? loadTrustRoots(options.trustedRoot) : embeddedTrustRoots();
  try {
    const attestations = loadAttestations(options.bundle);
    const reports: VerifyReport[] = [];
    for (const attestation of attestations) {
      const report = await evaluate(attestation, options, roots);
      if (report.verified)
        return {
          ...report,
          attestation: report.attestation && { ...report.attestation, count: attestations.length },
        };
      reports.push(report);
    }
    return reports[0];
  } catch (error) {
    if (error instanceof ReleaseGuardError && error.exitCode === 1)
      return inputFailureReport(error.code as FailureCode, error.message);
    throw error;
  }
}
