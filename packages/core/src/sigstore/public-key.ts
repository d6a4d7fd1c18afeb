import crypto from 'node:crypto';
import fs from 'node:fs';
import { ReleaseGuardError } from '../errors';

/** A public key given with `--key`, read once; `refusal` says why it cannot vouch for anything. */
export interface VerificationKey {
  file: string;
  key: crypto.KeyObject;
  /** `sha256:<hex>` of the DER SubjectPublicKeyInfo, as the report names the signer. */
  fingerprint: string;
  /** The digest its signatures are made over; null for Ed25519, which signs the message itself. */
  hash: 'sha256' | 'sha384' | null;
  /** Set for a key type this verifier refuses (weak or unusual): every signature by it fails. */
  refusal: string | null;
}

const MIN_RSA_BITS = 2048;
const CURVE_HASH: Record<string, 'sha256' | 'sha384'> = { prime256v1: 'sha256', secp384r1: 'sha384' };

/**
 * Why a key of this type cannot be used, or null: ECDSA P-256/P-384 and RSA of at least 2048 bits.
 * `ed25519` says what to answer for an Ed25519 key: null where it can be used (an envelope's
 * signature), the reason where it cannot (signing a file while it streams).
 */
export function keyTypeRefusal(key: crypto.KeyObject, ed25519: string | null): string | null {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'ec':
      return details.namedCurve && CURVE_HASH[details.namedCurve]
        ? null
        : `ECDSA curve ${details.namedCurve ?? 'unknown'} is not accepted (P-256 or P-384)`;
    case 'rsa':
      return (details.modulusLength ?? 0) >= MIN_RSA_BITS
        ? null
        : `RSA keys shorter than ${MIN_RSA_BITS} bits are refused (this one has ${details.modulusLength ?? 0})`;
    case 'ed25519':
      return ed25519;
    default:
      return `${key.asymmetricKeyType ?? 'unknown'} keys are not accepted (ECDSA P-256/P-384${ed25519 === null ? ', Ed25519' : ''} or RSA ≥ ${MIN_RSA_BITS})`;
  }
}

/** Reads `--key FILE`: a PEM public key. A file that is no public key is a usage error (exit 2). */
export function loadVerificationKey(file: string): VerificationKey {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ReleaseGuardError('usage_error', `--key file not readable: ${file}`);
  }
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new ReleaseGuardError('usage_error', `--key ${file} holds a private key: give the public key`);
  }
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey({ key: text, format: 'pem' });
  } catch (error) {
    throw new ReleaseGuardError(
      'usage_error',
      `--key ${file} is not a PEM public key (${(error as Error).message})`,
    );
  }
  const der = key.export({ type: 'spki', format: 'der' });
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return {
    file,
    key,
    fingerprint: `sha256:${crypto.createHash('sha256').update(der).digest('hex')}`,
    hash: key.asymmetricKeyType === 'ed25519' ? null : curve ? (CURVE_HASH[curve] ?? 'sha256') : 'sha256',
    refusal: keyTypeRefusal(key, null),
  };
}

/** Verifies a signature over `data` (a DSSE PAE) with the key, using the digest its type signs with. */
export function verifyWithKey(key: VerificationKey, data: Buffer, signature: Buffer): boolean {
  return crypto.verify(key.hash, data, key.key, signature);
}
