import { Verifier } from '@sigstore/verify';
import { X509Certificate as X509, type X509Certificate } from '@sigstore/core';
import type { Attestation } from '../attestation/load';
import { fulcioIdentity, leafCertificate } from './certificate';
import { rootsFor, type TrustRoot } from './trust';
import { withVersionRules } from './bundle-version-rules';
import { verificationPasses } from './dsse-hashedrekord';
import { verifyKeySignature } from './key-signature';
import { signedEntity, type StreamedMessage } from './message';
import { refuse, verdictOf, type SignatureRequest, type SignatureVerdict } from './verdict';

export { digestMessage, messageHashAlgorithm, streamMessage, type StreamedMessage } from './message';
export type { SignatureRequest, SignatureVerdict } from './verdict';

/** sigstore-js defaults; the tlog threshold stays 1: this @sigstore/verify line does not de-duplicate log entries, so a higher one could count one entry twice. */
const VERIFIER_OPTIONS = { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 };

/**
 * A bundle whose `messageDigest` names another file than the one checked misstates what it signs. The
 * field never makes a bundle pass (the signature is checked over the file or the given digest); it
 * only makes an inconsistent one fail.
 */
function misstatedDigest(attestation: Attestation, message: StreamedMessage): string | null {
  const content = attestation.bundle.content;
  if (content.$case !== 'messageSignature' || !content.messageSignature.messageDigest) return null;
  const stated = Buffer.from(content.messageSignature.messageDigest.digest);
  return stated.equals(message.digest)
    ? null
    : `the bundle's messageDigest (${stated.toString('hex')}) is not the digest of ${message.path} (${message.digest.toString('hex')})`;
}

/**
 * A root in the bundle's own chain would let any signer vouch for itself if a verifier ever trusted
 * it: roots come from the trusted root only, so a chain that carries one (a self-issued certificate)
 * is refused whatever proof the entry holds.
 */
function rootInChain(attestation: Attestation): string | null {
  const content = attestation.bundle.verificationMaterial.content;
  if (content.$case !== 'x509CertificateChain') return null;
  for (const [index, raw] of content.x509CertificateChain.certificates.entries()) {
    let cert: X509Certificate;
    try {
      cert = X509.parse(raw.rawBytes as Buffer<ArrayBuffer>);
    } catch {
      return `certificate #${index + 1} of the bundle's chain cannot be parsed`;
    }
    if (cert.subject.equals(cert.issuer)) {
      return `the bundle's certificate chain includes a root certificate (#${index + 1}): roots are taken from the trusted root only, never from the bundle`;
    }
  }
  return null;
}

/**
 * Verifies a bundle offline: the signature over the DSSE PAE (or the file), the certificate chain to
 * a trusted root, the SCT, and the transparency-log entry bound to this very signature. Identity is
 * NOT checked here: the caller compares the certificate exactly. A key-signed bundle is
 * verified only with `--key`.
 */
export function verifyAttestationSignature(
  given: Attestation,
  roots: TrustRoot[],
  request: SignatureRequest = {},
): SignatureVerdict {
  const attestation = { ...given, bundle: withVersionRules(given.bundle) };
  const keySigned = attestation.bundle.verificationMaterial.content.$case === 'publicKey';
  const misstated = request.message ? misstatedDigest(attestation, request.message) : null;
  if (misstated) {
    const leaf = request.key ? null : leafCertificate(attestation.bundle);
    return refuse(misstated, {
      leaf,
      identity: leaf ? fulcioIdentity(leaf) : null,
      key: request.key ?? null,
    });
  }
  if (request.key) {
    if (!keySigned) {
      const leaf = leafCertificate(attestation.bundle);
      return refuse(
        'the bundle is signed keyless with a certificate, not with a key: drop --key and give --cert-identity',
        { leaf, identity: leaf ? fulcioIdentity(leaf) : null, key: request.key },
      );
    }
    return verifyKeySignature(attestation, roots, request.key, request);
  }
  const leaf = leafCertificate(attestation.bundle);
  const identity = leaf ? fulcioIdentity(leaf) : null;
  const base = { leaf, identity, key: null };
  if (!leaf) {
    return refuse(
      keySigned
        ? "signed with a public key, not a Fulcio certificate: pass --key FILE with the signer's public key"
        : "the bundle's signing certificate cannot be parsed",
      base,
    );
  }
  const root = rootInChain(attestation);
  if (root) return refuse(root, base);
  const material = attestation.bundle.verificationMaterial;
  const timestamps = material.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
  if (material.tlogEntries.length === 0 && timestamps === 0) {
    return refuse(
      'no transparency-log entry and no signed timestamp: nothing proves the signature was made while the ' +
        'short-lived certificate was valid. Offline verification needs a bundle (slsa-verifier looks such ' +
        'envelopes up in Rekor online); use --skip-signature to check the claims only',
      base,
    );
  }
  const ordered = rootsFor(leaf, roots);
  let firstError: { root: string; detail: string } | null = null;
  for (const root of ordered) {
    try {
      const entity = signedEntity(attestation, request.message);
      const verifier = new Verifier(root.material, VERIFIER_OPTIONS);
      for (const pass of verificationPasses(entity, attestation.bundle)) verifier.verify(pass);
      return {
        ok: true,
        detail: `verified against the ${root.source}`,
        root: root.source,
        flags: [],
        ...base,
      };
    } catch (error) {
      const detail = verdictOf(error);
      firstError ??= { root: root.source, detail };
    }
  }
  return {
    ok: false,
    detail: `${firstError?.detail ?? 'no trusted root'} (trusted root: ${firstError?.root ?? 'none'})`,
    root: firstError?.root ?? null,
    flags: [],
    ...base,
  };
}
