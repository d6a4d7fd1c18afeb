import crypto from 'node:crypto';
import fs from 'node:fs';
import { toSignedEntity, Verifier, type SignedEntity } from '@sigstore/verify';
import type { X509Certificate } from '@sigstore/core';
import { ReleaseGuardError } from '../errors';
import type { Attestation } from '../attestation/load';
import { fulcioIdentity, leafCertificate, type FulcioIdentity } from './certificate';
import { rootsFor, type TrustRoot } from './trust';

/** sigstore-js defaults; the tlog threshold stays 1 (PITFALLS 10). */
type SignatureContent = SignedEntity['signature'];

const VERIFIER_OPTIONS = { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 };

export interface SignatureVerdict {
  ok: boolean;
  detail: string;
  /** The trust root that verified it (or was tried first). */
  root: string | null;
  leaf: X509Certificate | null;
  identity: FulcioIdentity | null;
}

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

/** The hash a message-signature bundle was made with (`sha256` unless it says otherwise). */
export function messageHashAlgorithm(attestation: Attestation): string {
  const content = attestation.bundle.content;
  if (content.$case !== 'messageSignature') return 'sha256';
  return HASH_BY_ALGORITHM[content.messageSignature.messageDigest?.algorithm ?? 1] ?? 'sha256';
}

function signedEntity(attestation: Attestation, message: StreamedMessage | undefined): SignedEntity {
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

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

/**
 * Verifies a bundle offline: the signature over the DSSE PAE (or the file), the certificate chain to
 * a trusted root, the SCT, and the transparency-log entry bound to this very signature. Identity is
 * NOT checked here: the caller compares the certificate exactly (PITFALLS 4).
 */
export function verifyAttestationSignature(
  attestation: Attestation,
  roots: TrustRoot[],
  message?: StreamedMessage,
): SignatureVerdict {
  const leaf = leafCertificate(attestation.bundle);
  const identity = leaf ? fulcioIdentity(leaf) : null;
  const base = { leaf, identity };
  if (!leaf) {
    return {
      ok: false,
      detail: 'bundle is signed with a bare public key, not a Fulcio certificate',
      root: null,
      ...base,
    };
  }
  const material = attestation.bundle.verificationMaterial;
  const timestamps = material.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
  if (material.tlogEntries.length === 0 && timestamps === 0) {
    return {
      ok: false,
      detail:
        'no transparency-log entry and no signed timestamp: nothing proves the signature was made while the ' +
        'short-lived certificate was valid. Offline verification needs a bundle (slsa-verifier looks such ' +
        'envelopes up in Rekor online); use --skip-signature to check the claims only',
      root: null,
      ...base,
    };
  }
  const ordered = rootsFor(leaf, roots);
  let firstError: { root: string; detail: string } | null = null;
  for (const root of ordered) {
    try {
      const entity = signedEntity(attestation, message);
      new Verifier(root.material, VERIFIER_OPTIONS).verify(entity);
      return { ok: true, detail: `verified against the ${root.source}`, root: root.source, ...base };
    } catch (error) {
      if (error instanceof ReleaseGuardError) throw error;
      firstError ??= { root: root.source, detail: describe(error) };
    }
  }
  return {
    ok: false,
    detail: `${firstError?.detail ?? 'no trusted root'} (trusted root: ${firstError?.root ?? 'none'})`,
    root: firstError?.root ?? null,
    ...base,
  };
}
