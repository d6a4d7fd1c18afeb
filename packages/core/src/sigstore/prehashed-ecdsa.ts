import type { KeyObject } from 'node:crypto';
import { p256, p384 } from '@noble/curves/nist';
import { ReleaseGuardError } from '../errors';

const CURVES = { prime256v1: p256, secp384r1: p384 } as const;

/**
 * Verifies an ECDSA signature over a digest the caller already has (an artifact given as
 * `sha256:<hex>`): `node:crypto` only verifies over the message itself, so this uses @noble/curves.
 * Other key types cannot be checked over a digest alone: that is unusable input (exit 2).
 */
export function verifyPrehashed(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const curveName = key.asymmetricKeyDetails?.namedCurve as keyof typeof CURVES | undefined;
  const curve = key.asymmetricKeyType === 'ec' && curveName ? CURVES[curveName] : undefined;
  if (!curve) {
    throw new ReleaseGuardError(
      'usage_error',
      `a message signature by a ${key.asymmetricKeyType ?? 'unknown'}${curveName ? ` ${curveName}` : ''} key cannot be verified over a digest alone: pass the file instead of sha256:<hex>`,
    );
  }
  let parsed;
  try {
    parsed = curve.Signature.fromDER(signature);
  } catch {
    // Not a DER ECDSA signature at all: it cannot verify.
    return false;
  }
  const jwk = key.export({ format: 'jwk' });
  const point = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(String(jwk.x), 'base64url'),
    Buffer.from(String(jwk.y), 'base64url'),
  ]);
  // High-S signatures are valid ECDSA (OpenSSL and Go make them): do not apply Bitcoin's low-S rule.
  return curve.verify(parsed.toCompactRawBytes(), digest, point, {
    prehash: false,
    lowS: false,
    format: 'compact',
  });
}
