import { ASN1Obj, X509Certificate } from '@sigstore/core';
import type { Bundle } from '@sigstore/bundle';

/**
 * What a Fulcio certificate says about the workflow that signed: parsed by us, not by the verifier,
 * so the provenance's claims can be bound to it.
 * OIDs: https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md
 */
export interface FulcioIdentity {
  san: string | null;
  issuer: string | null;
  buildSignerURI: string | null;
  buildSignerDigest: string | null;
  runnerEnvironment: string | null;
  sourceRepositoryURI: string | null;
  /** The legacy GitHub Workflow Repository extension (`owner/repo`), when the certificate has it. */
  workflowRepository: string | null;
  sourceRepositoryDigest: string | null;
  sourceRepositoryRef: string | null;
  buildConfigURI: string | null;
  runInvocationURI: string | null;
}

const OID = {
  issuerV1: '1.3.6.1.4.1.57264.1.1',
  workflowSha: '1.3.6.1.4.1.57264.1.3',
  workflowRepository: '1.3.6.1.4.1.57264.1.5',
  workflowRef: '1.3.6.1.4.1.57264.1.6',
  issuerV2: '1.3.6.1.4.1.57264.1.8',
  buildSignerURI: '1.3.6.1.4.1.57264.1.9',
  buildSignerDigest: '1.3.6.1.4.1.57264.1.10',
  runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
  sourceRepositoryURI: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  buildConfigURI: '1.3.6.1.4.1.57264.1.18',
  runInvocationURI: '1.3.6.1.4.1.57264.1.21',
};

/** Legacy (…1.1–1.6) extensions hold raw UTF-8; the newer ones a DER UTF8String. */
function extensionText(cert: X509Certificate, oid: string, der: boolean): string | null {
  const ext = cert.extension(oid);
  if (!ext) return null;
  try {
    return der
      ? ASN1Obj.parseBuffer(ext.value as Buffer<ArrayBuffer>).value.toString('utf8')
      : ext.value.toString('utf8');
  } catch {
    return null;
  }
}

export function fulcioIdentity(cert: X509Certificate): FulcioIdentity {
  const v2 = (oid: string) => extensionText(cert, oid, true);
  const legacyRepository = extensionText(cert, OID.workflowRepository, false);
  let san: string | null = null;
  try {
    san = cert.subjectAltName ?? null;
  } catch {
    san = null;
  }
  return {
    san,
    issuer: v2(OID.issuerV2) ?? extensionText(cert, OID.issuerV1, false),
    buildSignerURI: v2(OID.buildSignerURI),
    buildSignerDigest: v2(OID.buildSignerDigest),
    runnerEnvironment: v2(OID.runnerEnvironment),
    sourceRepositoryURI:
      v2(OID.sourceRepositoryURI) ?? (legacyRepository ? `https://github.com/${legacyRepository}` : null),
    workflowRepository: legacyRepository,
    sourceRepositoryDigest: v2(OID.sourceRepositoryDigest) ?? extensionText(cert, OID.workflowSha, false),
    sourceRepositoryRef: v2(OID.sourceRepositoryRef) ?? extensionText(cert, OID.workflowRef, false),
    buildConfigURI: v2(OID.buildConfigURI),
    runInvocationURI: v2(OID.runInvocationURI),
  };
}

/** The leaf certificate of a bundle, or null when it is signed with a bare public key. */
export function leafCertificate(bundle: Bundle): X509Certificate | null {
  const content = bundle.verificationMaterial.content;
  let der: Buffer | undefined;
  if (content.$case === 'certificate') der = content.certificate.rawBytes;
  else if (content.$case === 'x509CertificateChain')
    der = content.x509CertificateChain.certificates[0]?.rawBytes;
  if (!der) return null;
  try {
    return X509Certificate.parse(der as Buffer<ArrayBuffer>);
  } catch {
    return null;
  }
}
