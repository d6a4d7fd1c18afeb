import crypto from 'node:crypto';
import { BUNDLE_V03_MEDIA_TYPE, type SerializedBundle } from '@sigstore/bundle';
import type { TransparencyLogInstanceJSON, TrustedRootJSON } from './server';
import { preAuthEncoding } from './sign-with-key';

/**
 * How Rekor v2 records a DSSE envelope: `hashedrekord` 0.0.2 over SHA-256 of the envelope's PAE (what
 * the public log2025 instances write, and what `@sigstore/verify` 3.1.1 cannot bind), or `dsse` 0.0.2
 * over SHA-256 of the payload.
 */
export type RekorV2EntryKind = 'hashedrekord' | 'dsse';

/**
 * Faults the log can serve: an inclusion proof with one hash changed, a checkpoint signed by another
 * key under this log's name and key hint, or (for `hashedrekord`) a digest of the payload instead of
 * the PAE, as a client that confused the two would log it.
 */
export type RekorV2Fault = 'wrong-proof' | 'foreign-checkpoint-key' | 'payload-digest';

export interface RekorV2LogOptions {
  kind?: RekorV2EntryKind;
  fault?: RekorV2Fault;
  /** The signer's SPKI PEM, for a key-signed bundle (a keyless one names its certificate). */
  publicKeyPem?: string;
  /** Keep the bundle's log entries and add this one after them (a bundle logged twice). Default false. */
  keepEntries?: boolean;
}

/** A Rekor v2 (rekor-tiles) log in memory: RFC 6962 Merkle tree, Ed25519-signed checkpoints. */
export interface RekorV2Log {
  /** The checkpoint origin, e.g. `log2025-test.rekor.invalid`. */
  origin: string;
  /** The log as a trusted root lists it: log id = the checkpoint key id, as for log2025-1. */
  instance: TransparencyLogInstanceJSON;
  /** The bundle with its envelope logged here: one Rekor v2 entry, inclusion proof and checkpoint, no SET. */
  logBundle(bundle: SerializedBundle, options?: RekorV2LogOptions): SerializedBundle;
}

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
/** C2SP signed-note signature type of Ed25519. */
const ED25519_NOTE_TYPE = Buffer.from([0x01]);
/** Entries logged before and after each one, so its proof has inner and border hashes. */
const FILLER_BEFORE = 5;
const FILLER_AFTER = 2;

const sha256 = (...parts: Buffer[]) => {
  const hash = crypto.createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** RFC 6962 §2.1: the Merkle tree hash of leaf hashes. */
function treeHash(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0];
  const split = largestPowerOfTwoBelow(leaves.length);
  return sha256(NODE_PREFIX, treeHash(leaves.slice(0, split)), treeHash(leaves.slice(split)));
}

/** RFC 6962 §2.1.1: the audit path of leaf `index`, lowest level first. */
function auditPath(index: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length === 1) return [];
  const split = largestPowerOfTwoBelow(leaves.length);
  return index < split
    ? [...auditPath(index, leaves.slice(0, split)), treeHash(leaves.slice(split))]
    : [...auditPath(index - split, leaves.slice(split)), treeHash(leaves.slice(0, split))];
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The C2SP signed-note key id of an Ed25519 key: SHA-256(name || \n || 0x01 || key). */
export function noteKeyId(origin: string, publicKey: crypto.KeyObject): Buffer {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return sha256(Buffer.from(`${origin}\n`), ED25519_NOTE_TYPE, raw);
}

interface Verifier {
  keyDetails: string;
  publicKey?: { rawBytes: string };
  x509Certificate?: { rawBytes: string };
}

function verifierOf(bundle: SerializedBundle, publicKeyPem: string | undefined): Verifier {
  if (publicKeyPem) {
    const key = crypto.createPublicKey(publicKeyPem);
    const der = key.export({ format: 'der', type: 'spki' }).toString('base64');
    return { keyDetails: keyDetailsOf(key), publicKey: { rawBytes: der } };
  }
  const material = bundle.verificationMaterial as {
    certificate?: { rawBytes: string };
    x509CertificateChain?: { certificates: { rawBytes: string }[] };
  };
  const cert = material.certificate ?? material.x509CertificateChain?.certificates[0];
  if (!cert) throw new Error('the bundle names no certificate: pass publicKeyPem for a key-signed bundle');
  const key = new crypto.X509Certificate(Buffer.from(cert.rawBytes, 'base64')).publicKey;
  return { keyDetails: keyDetailsOf(key), x509Certificate: { rawBytes: cert.rawBytes } };
}

function keyDetailsOf(key: crypto.KeyObject): string {
  if (key.asymmetricKeyType === 'ed25519') return 'PKIX_ED25519';
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve === 'prime256v1') return 'PKIX_ECDSA_P256_SHA_256';
  if (curve === 'secp384r1') return 'PKIX_ECDSA_P384_SHA_384';
  throw new Error(`no Rekor v2 key details for this key (${key.asymmetricKeyType} ${curve ?? ''})`);
}

/** The canonicalized body Rekor v2 stores (keys in canonical order). */
function entryBody(bundle: SerializedBundle, kind: RekorV2EntryKind, options: RekorV2LogOptions): string {
  const envelope = (
    bundle as { dsseEnvelope?: { payload: string; payloadType: string; signatures: { sig: string }[] } }
  ).dsseEnvelope;
  if (!envelope || envelope.signatures.length !== 1) {
    throw new Error('Rekor v2 logs a DSSE envelope with exactly one signature');
  }
  const payload = Buffer.from(envelope.payload, 'base64');
  const verifier = verifierOf(bundle, options.publicKeyPem);
  const signature = { content: envelope.signatures[0].sig, verifier };
  if (kind === 'dsse') {
    const payloadHash = { algorithm: 'SHA2_256', digest: sha256(payload).toString('base64') };
    return JSON.stringify({
      apiVersion: '0.0.2',
      kind: 'dsse',
      spec: { dsseV002: { payloadHash, signatures: [signature] } },
    });
  }
  const logged =
    options.fault === 'payload-digest' ? payload : preAuthEncoding(envelope.payloadType, payload);
  const data = { algorithm: 'SHA2_256', digest: sha256(logged).toString('base64') };
  return JSON.stringify({
    apiVersion: '0.0.2',
    kind: 'hashedrekord',
    spec: { hashedRekordV002: { data, signature } },
  });
}

/** Starts an empty Rekor v2 log with a fresh Ed25519 key, trusted from `validFrom` (RFC 3339). */
export function createRekorV2Log(validFrom: string, origin = 'log2025-test.rekor.invalid'): RekorV2Log {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const keyId = noteKeyId(origin, publicKey);
  const leaves: Buffer[] = [];
  const append = (body: Buffer) => leaves.push(sha256(LEAF_PREFIX, body)) - 1;
  const filler = () => append(crypto.randomBytes(64));

  function checkpoint(size: number, root: Buffer, fault: RekorV2Fault | undefined): string {
    const note = `${origin}\n${size}\n${root.toString('base64')}\n`;
    const signer =
      fault === 'foreign-checkpoint-key' ? crypto.generateKeyPairSync('ed25519').privateKey : privateKey;
    const signature = crypto.sign(null, Buffer.from(note), signer);
    return `${note}\n\u2014 ${origin} ${Buffer.concat([keyId.subarray(0, 4), signature]).toString('base64')}\n`;
  }

  return {
    origin,
    instance: {
      baseUrl: `https://${origin}`,
      hashAlgorithm: 'SHA2_256',
      publicKey: {
        rawBytes: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
        keyDetails: 'PKIX_ED25519',
        validFor: { start: validFrom },
      },
      logId: { keyId: keyId.toString('base64') },
    },
    logBundle(bundle, options = {}) {
      const kind = options.kind ?? 'hashedrekord';
      const body = Buffer.from(entryBody(bundle, kind, options));
      for (let i = 0; i < FILLER_BEFORE; i++) filler();
      const index = append(body);
      for (let i = 0; i < FILLER_AFTER; i++) filler();
      const tree = leaves.slice();
      const root = treeHash(tree);
      const hashes = auditPath(index, tree);
      if (options.fault === 'wrong-proof') hashes[0] = sha256(hashes[0]);
      const entry = {
        logIndex: String(index),
        logId: { keyId: keyId.toString('base64') },
        kindVersion: { kind, version: '0.0.2' },
        inclusionProof: {
          logIndex: String(index),
          rootHash: root.toString('base64'),
          treeSize: String(tree.length),
          hashes: hashes.map((hash) => hash.toString('base64')),
          checkpoint: { envelope: checkpoint(tree.length, root, options.fault) },
        },
        canonicalizedBody: body.toString('base64'),
      };
      return {
        ...bundle,
        mediaType: BUNDLE_V03_MEDIA_TYPE,
        verificationMaterial: {
          ...bundle.verificationMaterial,
          tlogEntries: [...(options.keepEntries ? bundle.verificationMaterial.tlogEntries : []), entry],
        },
      } as SerializedBundle;
    },
  };
}

/** `root` with the Rekor v2 log listed beside its logs. */
export function withRekorV2Log(root: TrustedRootJSON, log: RekorV2Log): TrustedRootJSON {
  return { ...root, tlogs: [...root.tlogs, log.instance] };
}
