import crypto from 'node:crypto';
import type { TransparencyLogEntry } from '@sigstore/bundle';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function publicKeyOf(base64Pem: unknown): crypto.KeyObject | null {
  if (typeof base64Pem !== 'string') return null;
  try {
    const pem = Buffer.from(base64Pem, 'base64').toString('utf8');
    const text = pem.includes('BEGIN') ? pem : base64Pem;
    // A certificate in the entry names its key too; a key entry holds the PEM public key.
    return text.includes('BEGIN CERTIFICATE')
      ? new crypto.X509Certificate(text).publicKey
      : crypto.createPublicKey(text);
  } catch {
    return null;
  }
}

/** A Rekor v2 verifier: DER bytes of a public key (SPKI) or of a certificate. */
function v2VerifierKey(verifier: unknown): crypto.KeyObject | null {
  const { publicKey, x509Certificate } = record(verifier);
  try {
    const key = record(publicKey).rawBytes;
    if (typeof key === 'string') {
      return crypto.createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' });
    }
    const cert = record(x509Certificate).rawBytes;
    if (typeof cert === 'string') return new crypto.X509Certificate(Buffer.from(cert, 'base64')).publicKey;
  } catch {
    return null;
  }
  return null;
}

/**
 * The public keys a Rekor entry records as the signer (v1 hashedrekord, dsse and intoto bodies; v2
 * hashedrekord and dsse), so a key signature is bound to its log entry by key as well as by
 * signature: `@sigstore/verify` compares only the signature and the digest.
 */
export function tlogEntryKeys(entry: TransparencyLogEntry): crypto.KeyObject[] {
  let body: Record<string, unknown>;
  try {
    body = record(JSON.parse(entry.canonicalizedBody.toString('utf8')));
  } catch {
    return [];
  }
  const spec = record(body.spec);
  const candidates: unknown[] = [];
  if (body.kind === 'hashedrekord') candidates.push(record(record(spec.signature).publicKey).content);
  if (body.kind === 'dsse' && Array.isArray(spec.signatures)) {
    for (const signature of spec.signatures) candidates.push(record(signature).verifier);
  }
  if (body.kind === 'intoto') {
    const signatures = record(record(spec.content).envelope).signatures;
    if (Array.isArray(signatures))
      for (const signature of signatures) candidates.push(record(signature).publicKey);
  }
  const keys = candidates.map(publicKeyOf);
  // Rekor v2 (0.0.2) bodies name the signer by a verifier of DER bytes.
  keys.push(v2VerifierKey(record(record(spec.hashedRekordV002).signature).verifier));
  const v2Signatures = record(spec.dsseV002).signatures;
  if (Array.isArray(v2Signatures)) {
    for (const signature of v2Signatures) keys.push(v2VerifierKey(record(signature).verifier));
  }
  return keys.filter((key): key is crypto.KeyObject => key !== null);
}
