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

/**
 * The public keys a Rekor v1 entry records as the signer (hashedrekord, dsse and intoto bodies), so a
 * key signature is bound to its log entry by key as well as by signature: `@sigstore/verify` compares
 * only the signature and the digest.
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
  return candidates.map(publicKeyOf).filter((key): key is crypto.KeyObject => key !== null);
}
