import crypto from 'node:crypto';
import fs from 'node:fs';
import { toSignedEntity, type SignedEntity } from '@sigstore/verify';
import { ReleaseGuardError } from '../errors';
import type { Attestation } from '../attestation/load';
import { verifyPrehashed } from './prehashed-ecdsa';

type SignatureContent = SignedEntity['signature'];

/** A file hashed and fed to a signature verifier in one streamed pass, for message-signature bundles. */
export interface StreamedMessage {
  path: string;
  digest: Buffer;
  verify: (key: crypto.KeyObject, signature: Buffer) => boolean;
}

const HASH_BY_ALGORITHM: Record<number, string> = { 1: 'sha256', 2: 'sha384', 3: 'sha512' };

/** Streams `file` once through a hash and a signature verifier (never reading it whole). */
export async function streamMessage(file: string, algorithm = 'sha256'): Promise<StreamedMessage> {
  const hash = crypto.createHash(algorithm);
  const verifier = crypto.createVerify(algorithm);
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      verifier.update(chunk as Buffer);
    }
  } catch {
    throw new ReleaseGuardError('artifact_missing', `artifact not readable: ${file}`);
  }
  let used = false;
  return {
    path: file,
    digest: hash.digest(),
    verify: (key, signature) => {
      if (used) return false;
      used = true;
      return verifier.verify(key, signature);
    },
  };
}

/**
 * An artifact given by its sha256 digest only: the signature is verified over that digest (prehashed
 * ECDSA), never by comparing it with the bundle's `messageDigest` field, which is not what is signed.
 */
export function digestMessage(hex: string): StreamedMessage {
  const digest = Buffer.from(hex, 'hex');
  return {
    path: `sha256:${hex}`,
    digest,
    verify: (key, signature) => verifyPrehashed(key, digest, signature),
  };
}

/** The hash a message-signature bundle was made with (`sha256` unless it says otherwise). */
export function messageHashAlgorithm(attestation: Attestation): string {
  const content = attestation.bundle.content;
  if (content.$case !== 'messageSignature') return 'sha256';
  return HASH_BY_ALGORITHM[content.messageSignature.messageDigest?.algorithm ?? 1] ?? 'sha256';
}

/** The entity `@sigstore/verify` checks; a message signature is checked over `message`, not its digest field. */
export function signedEntity(attestation: Attestation, message: StreamedMessage | undefined): SignedEntity {
  const bundle = attestation.bundle;
  if (bundle.content.$case !== 'messageSignature') return toSignedEntity(bundle);
  if (!message) {
    throw new ReleaseGuardError(
      'usage_error',
      `${attestation.where} signs a file, not an attestation: pass --artifact`,
    );
  }
  const entity = toSignedEntity(bundle, Buffer.alloc(0));
  const signature = bundle.content.messageSignature.signature;
  const content: SignatureContent = {
    signature,
    compareSignature: (other) => other.equals(signature),
    compareDigest: (digest) => digest.equals(message.digest),
    verifySignature: (key) => message.verify(key, signature),
  };
  return { ...entity, signature: content };
}
