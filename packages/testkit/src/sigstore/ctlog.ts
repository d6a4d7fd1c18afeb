import { createHash, sign, type KeyPairKeyObjectResult } from 'node:crypto';
import { ASN1Obj } from '@sigstore/core';

/** The CT log interface `@sigstore/mock`'s `initializeCA` calls for each pre-certificate. */
export interface PrecertificateLog {
  publicKey: Buffer;
  logID: Buffer;
  log: (precertificate: ArrayBuffer, issuerKeyHash: ArrayBuffer) => Promise<ArrayBuffer>;
}

const SCT_VERSION_V1 = 0;
const SIGNATURE_TYPE_CERTIFICATE_TIMESTAMP = 0;
const LOG_ENTRY_TYPE_PRECERT = 1;
const HASH_ALGORITHM_SHA256 = 4;
const SIGNATURE_ALGORITHM_ECDSA = 3;

/**
 * A CT log that issues RFC 6962 signed certificate timestamps for the mock CA's pre-certificates.
 *
 * Why not `initializeCTLog` from `@sigstore/mock` 0.11.0: it passes pkijs an ASN.1 object where pkijs
 * 3.4 expects the signature bytes, so its SCTs carry an empty signature and a zero length, and
 * `@sigstore/core` cannot parse the certificate's SCT list at all.
 */
export function createPrecertificateLog(keys: KeyPairKeyObjectResult): PrecertificateLog {
  const publicKey = keys.publicKey.export({ format: 'der', type: 'spki' });
  const logID = createHash('sha256').update(publicKey).digest();
  return {
    publicKey,
    logID,
    log: async (precertificate, issuerKeyHash) => {
      const timestamp = Buffer.alloc(8);
      timestamp.writeBigUInt64BE(BigInt(Date.now()));
      const tbs = ASN1Obj.parseBuffer(Buffer.from(precertificate)).subs[0].toDER();
      const signed = Buffer.concat([
        Buffer.from([SCT_VERSION_V1, SIGNATURE_TYPE_CERTIFICATE_TIMESTAMP]),
        timestamp,
        uint(LOG_ENTRY_TYPE_PRECERT, 2),
        Buffer.from(issuerKeyHash),
        uint(tbs.length, 3),
        tbs,
        uint(0, 2), // no extensions
      ]);
      const signature = sign('sha256', signed, keys.privateKey);
      const sct = Buffer.concat([
        Buffer.from([SCT_VERSION_V1]),
        logID,
        timestamp,
        uint(0, 2), // no extensions
        Buffer.from([HASH_ALGORITHM_SHA256, SIGNATURE_ALGORITHM_ECDSA]),
        uint(signature.length, 2),
        signature,
      ]);
      // The mock CA writes the list header as a zero byte and one length byte, then these bytes: each
      // SerializedSCT must carry its own 2-byte length (RFC 6962 §3.3), and all of it must fit 255 bytes.
      const serialized = Buffer.concat([uint(sct.length, 2), sct]);
      if (serialized.length > 0xff) {
        throw new Error(`SCT of ${sct.length} bytes does not fit the mock CA's one-byte list length`);
      }
      return new Uint8Array(serialized).buffer;
    },
  };
}

function uint(value: number, bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  out.writeUIntBE(value, 0, bytes);
  return out;
}
