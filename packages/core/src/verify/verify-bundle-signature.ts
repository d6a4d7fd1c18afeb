import { ReleaseGuardError, type FailureCode } from '../errors';
import { dssePayload, loadAttestations, type Attestation } from '../attestation/load';
import { IN_TOTO_PAYLOAD_TYPE, parseStatement } from '../attestation/statement';
import {
  failed,
  notEvaluated,
  passed,
  skippedByRequest,
  withAuthentication,
  type Check,
} from '../checks/check';
import { decideFailure } from '../checks/precedence';
import { checkIdentity, checkIdentitySourceRepo, type IdentityPolicy } from '../checks/identity';
import { checkSubjectDigests } from '../checks/subjects';
import {
  digestMessage,
  messageHashAlgorithm,
  streamMessage,
  verifyAttestationSignature,
  type SignatureVerdict,
} from '../sigstore/verify-signature';
import { loadVerificationKey, type VerificationKey } from '../sigstore/public-key';
import { embeddedTrustRoots, loadTrustRoots, type TrustRoot } from '../sigstore/trust';
import { artifactDigestArgument, digestArtifacts, validateArtifactArguments } from './artifacts';
import { validateSignerOptions, validateSourceRepo } from './options';
import { inputFailureReport, type VerifyReport } from './report';
import { signatureCheck, signerState } from './signature-check';

export interface VerifySignatureOptions {
  bundle: string;
  artifacts: string[];
  identity: IdentityPolicy;
  trustedRoot?: string;
  /** The repository whose workflow run must have signed (the certificate's Source Repository URI). */
  sourceRepo?: string;
  key?: string;
  noTlog?: boolean;
}

interface Signed {
  signature: SignatureVerdict;
  coverage: Check;
  artifacts: VerifyReport['artifacts'];
}

/** A message signature covers exactly one file: hash and signature check share one streamed read. */
async function verifyMessage(
  attestation: Attestation,
  options: VerifySignatureOptions,
  roots: TrustRoot[],
  key: VerificationKey | undefined,
): Promise<Signed> {
  if (options.artifacts.length !== 1) {
    throw new ReleaseGuardError(
      'usage_error',
      `${attestation.where} signs one file: pass exactly one --artifact`,
    );
  }
  const algorithm = messageHashAlgorithm(attestation);
  const given = artifactDigestArgument(options.artifacts[0]);
  if (given !== null && algorithm !== 'sha256') {
    throw new ReleaseGuardError(
      'usage_error',
      `${attestation.where} signs a ${algorithm} digest: a sha256 digest cannot be checked against it, pass the file`,
    );
  }
  const message =
    given !== null ? digestMessage(given) : await streamMessage(options.artifacts[0], algorithm);
  const signature = verifyAttestationSignature(attestation, roots, { message, key, noTlog: options.noTlog });
  const actual = message.digest.toString('hex');
  // The signature itself was checked over this file's bytes; the bundle's messageDigest field is
  // not what is signed, so it decides nothing.
  const coverage = signature.ok
    ? passed(
        'subject_digest',
        'digest_mismatch',
        `a signature over ${message.path}`,
        actual,
        'the signature verifies over this file',
      )
    : notEvaluated(
        'subject_digest',
        'digest_mismatch',
        'not evaluated: the signature does not verify over this file',
        `a signature over ${message.path}`,
        actual,
      );
  return {
    signature,
    coverage,
    artifacts: [{ path: message.path, sha256: actual, subject: signature.ok ? message.path : null }],
  };
}

async function verifyEnvelope(
  attestation: Attestation,
  dsse: { payloadType: string; payload: Buffer },
  options: VerifySignatureOptions,
  roots: TrustRoot[],
  key: VerificationKey | undefined,
): Promise<Signed> {
  const signature = verifyAttestationSignature(attestation, roots, { key, noTlog: options.noTlog });
  if (options.artifacts.length === 0) {
    return {
      signature,
      coverage: skippedByRequest(
        'subject_digest',
        'digest_mismatch',
        'no --artifact given: only the signature and identity were checked',
      ),
      artifacts: [],
    };
  }
  if (dsse.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return {
      signature,
      coverage: failed(
        'subject_digest',
        'digest_mismatch',
        IN_TOTO_PAYLOAD_TYPE,
        dsse.payloadType,
        'the envelope is not an in-toto statement: it names no artifact',
      ),
      artifacts: [],
    };
  }
  let statement;
  try {
    statement = parseStatement(dsse.payload, attestation.where);
  } catch (error) {
    // An unreadable payload under a failed signature is no evidence: the signature decides.
    if (!(error instanceof ReleaseGuardError) || signature.ok) throw error;
    const why = `not evaluated: the unsigned payload cannot be read (${error.message})`;
    return { signature, coverage: notEvaluated('subject_digest', 'digest_mismatch', why), artifacts: [] };
  }
  const withSha512 = statement.subjects.some((s) => s.digest.sha512 !== undefined);
  const result = checkSubjectDigests(
    statement.subjects,
    await digestArtifacts(options.artifacts, withSha512),
  );
  return { signature, coverage: result.check, artifacts: result.matches };
}

async function evaluate(
  attestation: Attestation,
  options: VerifySignatureOptions,
  roots: TrustRoot[],
  key: VerificationKey | undefined,
): Promise<VerifyReport> {
  const dsse = dssePayload(attestation);
  const { signature, coverage, artifacts } =
    dsse === null
      ? await verifyMessage(attestation, options, roots, key)
      : await verifyEnvelope(attestation, dsse, options, roots, key);
  const signer = signerState(signature);
  const checks: Check[] = [
    signatureCheck(signature, dsse === null ? 'message' : 'DSSE'),
    checkIdentity(signer, options.identity, 'issuer matches'),
    ...(options.sourceRepo !== undefined ? [checkIdentitySourceRepo(signer, options.sourceRepo)] : []),
    ...withAuthentication([coverage], signature.ok),
  ];
  const failure = decideFailure(checks);
  return {
    verified: failure === null,
    failure_reason: failure,
    authenticated: signature.ok,
    error: null,
    checks,
    artifacts,
    provenance: null,
    governance_flags: signature.ok ? signature.flags : [],
    attestation: {
      where: attestation.where,
      format: attestation.format,
      mediaType: attestation.mediaType,
      count: 1,
    },
    signer: {
      san: signature.identity?.san ?? null,
      issuer: signature.identity?.issuer ?? null,
      key: signature.key?.fingerprint ?? null,
      trustedRoot: signature.root,
    },
  };
}

/**
 * No signer is trusted by default (as cosign and `gh attestation verify` require an identity): a SAN,
 * a SAN pattern or a key must be given. `--source-repo` additionally pins the repository whose run
 * signed, since every caller of a reusable workflow gets that workflow's SAN.
 */
function validateOptions(options: VerifySignatureOptions): void {
  const { certIdentity, certIdentityRegexp } = options.identity;
  if (certIdentity === undefined && certIdentityRegexp === undefined && options.key === undefined) {
    throw new ReleaseGuardError(
      'usage_error',
      'verify-signature trusts no signer by default: give --cert-identity URI, --cert-identity-regexp RE or --key FILE',
    );
  }
  validateSignerOptions(options.identity, options.key, options.noTlog);
  validateArtifactArguments(options.artifacts);
  if (options.sourceRepo !== undefined) {
    if (options.key !== undefined) {
      throw new ReleaseGuardError(
        'usage_error',
        '--source-repo binds a keyless certificate; a key signature names no repository (drop one of them)',
      );
    }
    validateSourceRepo(options.sourceRepo);
  }
}

/** `verify-signature`: a bundle's signature, its signer, and the files it covers. */
export async function verifyBundleSignature(options: VerifySignatureOptions): Promise<VerifyReport> {
  validateOptions(options);
  const roots = options.trustedRoot ? loadTrustRoots(options.trustedRoot) : embeddedTrustRoots();
  const key = options.key !== undefined ? loadVerificationKey(options.key) : undefined;
  try {
    const attestations = loadAttestations(options.bundle);
    const reports: VerifyReport[] = [];
    for (const attestation of attestations) {
      const report = await evaluate(attestation, options, roots, key);
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
