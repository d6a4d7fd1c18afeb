import crypto from 'node:crypto';
import fs from 'node:fs';
import {
  PolicyError,
  toSignedEntity,
  VerificationError,
  Verifier,
  type SignedEntity,
} from '@sigstore/verify';
import { dsse, X509Certificate as X509, type X509Certificate } from '@sigstore/core';
import { ReleaseGuardError } from '../errors';
import type { Attestation } from '../attestation/load';
import { fulcioIdentity, leafCertificate, type FulcioIdentity } from './certificate';
import { rootsFor, type TrustRoot } from './trust';
import { verifyWithKey, type VerificationKey } from './public-key';
import { tlogEntryKeys } from './tlog-entry-key';
import { verifyPrehashed } from './prehashed-ecdsa';
import { withVersionRules } from './bundle-version-rules';

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
  /** The `--key` that verified it (or was tried). */
  key: VerificationKey | null;
  /** `no-tlog` when a key signature was accepted without a log entry: its signing time is not proven. */
  flags: string[];
}

/** How to verify: the file a message signature covers, and `--key` / `--no-tlog`. */
export interface SignatureRequest {
  message?: StreamedMessage;
  key?: VerificationKey;
  noTlog?: boolean;
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

/** Errors `@sigstore/core` raises when the bundle's DER cannot be read; its index does not export them. */
const DER_ERRORS = new Set(['ASN1ParseError', 'ASN1TypeError', 'RFC3161TimestampVerificationError']);

/**
 * The library's verdict on this bundle, or an internal error. No verdict may come from an unexpected
 * exception (a TypeError inside the verifier says nothing about the signature): that is exit 2,
 * "internal verification error", never a quiet refusal.
 */
function verdictOf(error: unknown): string {
  if (error instanceof ReleaseGuardError) throw error;
  if (
    error instanceof VerificationError ||
    error instanceof PolicyError ||
    (error instanceof Error && DER_ERRORS.has(error.constructor.name))
  ) {
    return describe(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  throw new ReleaseGuardError('usage_error', `internal verification error: ${message}`, { cause: error });
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

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

function refuse(detail: string, base: Pick<SignatureVerdict, 'leaf' | 'identity' | 'key'>): SignatureVerdict {
  return { ok: false, detail, root: null, flags: [], ...base };
}

/**
 * Verifies a bundle offline: the signature over the DSSE PAE (or the file), the certificate chain to
 * a trusted root, the SCT, and the transparency-log entry bound to this very signature. Identity is
 * NOT checked here: the caller compares the certificate exactly (PITFALLS 4). A key-signed bundle is
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
      new Verifier(root.material, VERIFIER_OPTIONS).verify(entity);
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

/** One bundle per envelope signature: an envelope may carry several, and any one by the key suffices. */
function perSignature(attestation: Attestation): Attestation['bundle'][] {
  const bundle = attestation.bundle;
  if (bundle.content.$case !== 'dsseEnvelope' || bundle.content.dsseEnvelope.signatures.length <= 1) {
    return [bundle];
  }
  const envelope = bundle.content.dsseEnvelope;
  return envelope.signatures.map((signature) => ({
    ...bundle,
    content: { $case: 'dsseEnvelope', dsseEnvelope: { ...envelope, signatures: [signature] } },
  }));
}

function keyEntity(
  bundle: Attestation['bundle'],
  key: VerificationKey,
  message: StreamedMessage | undefined,
  where: string,
): SignedEntity {
  if (bundle.content.$case === 'messageSignature') {
    return signedEntity({ where, bundle } as Attestation, message);
  }
  const entity = toSignedEntity(bundle);
  const original = entity.signature;
  const envelope = bundle.content.dsseEnvelope;
  const pae = dsse.preAuthEncoding(envelope.payloadType, envelope.payload);
  const signature = envelope.signatures[0]?.sig ?? Buffer.alloc(0);
  return {
    ...entity,
    signature: {
      signature,
      compareSignature: (other) => original.compareSignature(other),
      compareDigest: (digest) => original.compareDigest(digest),
      // Our own check, so the digest follows the key (SHA-384 for P-384, none for Ed25519).
      verifySignature: () => verifyWithKey(key, pae, signature),
    },
  };
}

/**
 * A signature by `--key`, as `cosign … --key` checks it: the signature with the key, and every log
 * entry verified and bound to this signature and key. With no entry it fails unless `--no-tlog`.
 */
function verifyKeySignature(
  attestation: Attestation,
  roots: TrustRoot[],
  key: VerificationKey,
  request: SignatureRequest,
): SignatureVerdict {
  const base = { leaf: null, identity: null, key };
  if (key.refusal) return refuse(`--key ${key.file}: ${key.refusal}`, base);
  if (attestation.bundle.content.$case === 'messageSignature' && key.hash === null) {
    throw new ReleaseGuardError(
      'usage_error',
      `${attestation.where} is a message signature and --key is an Ed25519 key: Ed25519 signs the whole ` +
        'file (it cannot be streamed, and Rekor refuses it for files); sign a DSSE envelope or use ECDSA',
    );
  }
  const entries = attestation.bundle.verificationMaterial.tlogEntries;
  if (entries.length === 0 && !request.noTlog) {
    return refuse('no transparency-log entry: pass --no-tlog to accept a key signature without one', base);
  }
  for (const entry of entries) {
    const logged = tlogEntryKeys(entry);
    if (!logged.some((candidate) => candidate.equals(key.key))) {
      return refuse(
        `transparency-log entry ${entry.logIndex} records another key than --key ${key.file}`,
        base,
      );
    }
  }
  const options = { tlogThreshold: request.noTlog ? 0 : 1, ctlogThreshold: 0, timestampThreshold: 0 };
  const flags = entries.length === 0 ? ['no-tlog'] : [];
  let firstError: { root: string; detail: string } | null = null;
  for (const root of roots) {
    const material = { ...root.material, publicKey: () => ({ publicKey: key.key, validFor: () => true }) };
    for (const bundle of perSignature(attestation)) {
      try {
        new Verifier(material, options).verify(keyEntity(bundle, key, request.message, attestation.where));
        const proof =
          entries.length === 0
            ? 'no transparency-log entry (--no-tlog): the signing time is not proven'
            : `logged, verified against the ${root.source}`;
        return {
          ok: true,
          detail: `signed by --key ${key.file} (${key.fingerprint}); ${proof}`,
          root: root.source,
          flags,
          ...base,
        };
      } catch (error) {
        const detail = verdictOf(error);
        firstError ??= { root: root.source, detail };
      }
    }
    // Without log entries the root plays no part: one attempt is the whole answer.
    if (entries.length === 0) break;
  }
  return {
    ok: false,
    detail: `${firstError?.detail ?? 'no trusted root'} (--key ${key.file}, ${key.fingerprint})`,
    root: firstError?.root ?? null,
    flags: [],
    ...base,
  };
}
