import crypto from 'node:crypto';
import type { Bundle, TransparencyLogEntry } from '@sigstore/bundle';
import { dsse } from '@sigstore/core';
import type { SignedEntity } from '@sigstore/verify';

/**
 * ADAPTER for `@sigstore/verify` 3.1.1. Remove it when the Node floor moves to 22 and core takes
 * `@sigstore/verify` 4, which binds these entries itself: delete this file and call
 * `Verifier.verify(entity)` once again where {@link verificationPasses} is used (verify-signature.ts,
 * key-signature.ts); the tests in packages/cli/test/verify-rekor-v2.test.ts must still pass.
 *
 * Rekor v2 logs a DSSE envelope as a `hashedrekord` entry (0.0.2) whose digest is the SHA-256 of the
 * envelope's pre-authentication encoding (PAE), the very bytes its signature covers (Sigstore client
 * spec; the `dsse-with-hashedrekord-*` cases of sigstore-conformance, which also log it so on Rekor
 * v1 as hashedrekord 0.0.1). `@sigstore/verify` 3.1.1 compares a hashedrekord digest with the
 * envelope's payload hash, the only digest its DSSE content knows, so every such bundle fails
 * `TLOG_BODY_ERROR: digest mismatch`. (Its `dsse` 0.0.2 check, which compares the payload hash as
 * rekor-tiles records it, is right and is left alone.)
 *
 * Such an entry says: this signature, over a message whose SHA-256 is the PAE's. So those entries go
 * to the library in a pass of their own, with the envelope presented as exactly that: the same
 * signature, the same signature check, and a digest comparison against SHA-256(PAE) only. The
 * library still verifies everything else (inclusion proof, checkpoint, signed entry timestamp,
 * body, certificate, timestamps); nothing is re-implemented and nothing is relaxed. Any other entries
 * (dsse, intoto) are verified in their own pass against the envelope as before; every pass must
 * succeed, each with at least one entry.
 */
export function verificationPasses(entity: SignedEntity, bundle: Bundle): SignedEntity[] {
  if (bundle.content.$case !== 'dsseEnvelope') return [entity];
  const overPae = entity.tlogEntries.filter(isHashedRekord);
  if (overPae.length === 0) return [entity];
  const envelope = bundle.content.dsseEnvelope;
  const paeDigest = crypto
    .createHash('sha256')
    .update(dsse.preAuthEncoding(envelope.payloadType, envelope.payload))
    .digest();
  const original = entity.signature;
  const asMessage: SignedEntity = {
    ...entity,
    tlogEntries: overPae,
    signature: {
      signature: original.signature,
      compareSignature: (signature) => original.compareSignature(signature),
      compareDigest: (digest) =>
        digest.length === paeDigest.length && crypto.timingSafeEqual(digest, paeDigest),
      verifySignature: (key) => original.verifySignature(key),
    },
  };
  const others = entity.tlogEntries.filter((entry) => !isHashedRekord(entry));
  return others.length === 0 ? [asMessage] : [{ ...entity, tlogEntries: others }, asMessage];
}

function isHashedRekord(entry: TransparencyLogEntry): boolean {
  return entry.kindVersion.kind === 'hashedrekord';
}
