import crypto from 'node:crypto';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { DSSEBundleBuilder, MessageSignatureBundleBuilder, RekorWitness, type Signer } from '@sigstore/sign';
import type { SigstoreServer } from './server';
import { IN_TOTO_PAYLOAD_TYPE } from './sign';
import type { InTotoStatement } from './statements';

/** Key types a test can sign with, the refused ones (RSA-1024, other curves) included. */
export type SigningKeyType = 'p256' | 'p384' | 'p521' | 'secp256k1' | 'ed25519' | 'rsa2048' | 'rsa1024';

/** A key pair generated for one test run: private keys never touch the disk. */
export interface SigningKey {
  type: SigningKeyType;
  privateKey: crypto.KeyObject;
  /** SPKI PEM, what `--key` reads. */
  publicKeyPem: string;
  /** The digest signatures are made over (cosign's choice per key type); null for Ed25519. */
  hash: 'sha256' | 'sha384' | 'sha512' | null;
}

export function generateSigningKey(type: SigningKeyType): SigningKey {
  const pair = (() => {
    switch (type) {
      case 'p256':
        return crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
      case 'p384':
        return crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' });
      case 'p521':
        return crypto.generateKeyPairSync('ec', { namedCurve: 'P-521' });
      case 'secp256k1':
        return crypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
      case 'ed25519':
        return crypto.generateKeyPairSync('ed25519');
      case 'rsa2048':
        return crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
      case 'rsa1024':
        return crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
    }
  })();
  const hash = type === 'ed25519' ? null : type === 'p384' ? 'sha384' : type === 'p521' ? 'sha512' : 'sha256';
  return {
    type,
    privateKey: pair.privateKey,
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    hash,
  };
}

/** DSSE pre-authentication encoding: what a DSSE signature is over. */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType);
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `),
    type,
    Buffer.from(` ${payload.length} `),
    payload,
  ]);
}

/** A bare DSSE envelope (`.intoto.jsonl` line) signed by each key in turn, without any log entry. */
export function keySignEnvelope(
  statement: InTotoStatement,
  keys: SigningKey[],
): { payloadType: string; payload: string; signatures: Array<{ keyid: string; sig: string }> } {
  const payload = Buffer.from(JSON.stringify(statement));
  const pae = preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload);
  return {
    payloadType: IN_TOTO_PAYLOAD_TYPE,
    payload: payload.toString('base64'),
    signatures: keys.map((key, index) => ({
      keyid: `key-${index + 1}`,
      sig: crypto.sign(key.hash, pae, key.privateKey).toString('base64'),
    })),
  };
}

function keySigner(key: SigningKey, hash: SigningKey['hash']): Signer {
  return {
    sign: (data) =>
      Promise.resolve({
        signature: crypto.sign(hash, data, key.privateKey),
        key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: 'release-signing-key' },
      }),
  };
}

export interface KeySigningOptions {
  key: SigningKey;
  /** Log the signature in this server's Rekor; without it the bundle has no log entry. */
  server?: Pick<SigstoreServer, 'rekorURL'>;
}

function rekor(options: KeySigningOptions): RekorWitness[] {
  if (!options.server) return [];
  return [
    new RekorWitness({
      rekorBaseURL: options.server.rekorURL,
      entryType: 'dsse',
      retry: false,
      timeout: 10_000,
    }),
  ];
}

/** A Sigstore bundle (publicKey hint) over a DSSE envelope, through the real `@sigstore/sign` builder. */
export async function keySignProvenance(
  options: KeySigningOptions & { statement: InTotoStatement },
): Promise<SerializedBundle> {
  const builder = new DSSEBundleBuilder({
    signer: keySigner(options.key, options.key.hash),
    witnesses: rekor(options),
  });
  const bundle = await builder.create({
    data: Buffer.from(JSON.stringify(options.statement)),
    type: IN_TOTO_PAYLOAD_TYPE,
  });
  return bundleToJSON(bundle);
}

/**
 * A Sigstore bundle (publicKey hint) with a message signature over the artifact. The bundle records
 * a SHA-256 message digest, so the signature is made over SHA-256 too, whatever the key.
 */
export async function keySignBlob(
  options: KeySigningOptions & { artifact: Buffer },
): Promise<SerializedBundle> {
  const hash = options.key.hash === null ? null : 'sha256';
  const builder = new MessageSignatureBundleBuilder({
    signer: keySigner(options.key, hash),
    witnesses: rekor(options),
  });
  return bundleToJSON(await builder.create({ data: options.artifact }));
}
