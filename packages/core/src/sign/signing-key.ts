import crypto from 'node:crypto';
import fs from 'node:fs';
import { ReleaseGuardError } from '../errors';
import { keyTypeRefusal } from '../sigstore/public-key';
import { COSIGN_KEY_LABELS, decryptCosignKey } from './cosign-key';

/** A private key read for one run: it never leaves memory, and nothing prints it. */
export interface SigningKey {
  privateKey: crypto.KeyObject;
  /** SPKI PEM: what Rekor logs with the signature, and what downloaders verify with. */
  publicKeyPem: string;
  /** cosign's key hint: base64 of the SHA-256 of the SPKI DER. */
  hint: string;
  /** `sha256:<hex>` of the SPKI DER, as verify-signature names a key. */
  fingerprint: string;
}

const ED25519_REFUSAL =
  'Ed25519 keys are refused: Ed25519 signs the whole message, so a file cannot be signed while it is ' +
  "streamed, and Rekor's hashedrekord refuses Ed25519 for files; use ECDSA P-256/P-384 or RSA >= 2048";

const refusal = (key: crypto.KeyObject) => keyTypeRefusal(key, ED25519_REFUSAL);

function pemBlock(text: string): { label: string; body: Buffer } | null {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  return match ? { label: match[1], body: Buffer.from(match[2].replace(/\s+/g, ''), 'base64') } : null;
}

function privateKeyOf(file: string, text: string, password: string | undefined): crypto.KeyObject {
  const block = pemBlock(text);
  if (!block) throw new ReleaseGuardError('usage_error', `--key ${file} is not a PEM file`);
  if (COSIGN_KEY_LABELS.includes(block.label)) {
    const der = decryptCosignKey(file, block.body, password ?? '');
    return parsePrivate(file, { key: der, format: 'der', type: 'pkcs8' });
  }
  if (block.label === 'ENCRYPTED PRIVATE KEY') {
    if (password === undefined) {
      throw new ReleaseGuardError(
        'usage_error',
        `--key ${file} is encrypted: name the variable holding its password with --key-password-env`,
      );
    }
    return parsePrivate(
      file,
      { key: text, format: 'pem', passphrase: password },
      'wrong password or damaged key',
    );
  }
  if (block.label === 'PRIVATE KEY') return parsePrivate(file, { key: text, format: 'pem' });
  if (block.label.endsWith('PUBLIC KEY')) {
    throw new ReleaseGuardError(
      'usage_error',
      `--key ${file} holds a public key: signing needs the private key`,
    );
  }
  throw new ReleaseGuardError(
    'usage_error',
    `--key ${file} is a ${block.label} block: give a PKCS#8 key (openssl pkcs8 -topk8) or a cosign key file`,
  );
}

function parsePrivate(
  file: string,
  input: crypto.PrivateKeyInput,
  problem = 'not a readable PKCS#8 private key',
): crypto.KeyObject {
  try {
    return crypto.createPrivateKey(input);
  } catch {
    // The library's message is not shown: it is about the bytes of a secret.
    throw new ReleaseGuardError('usage_error', `--key ${file}: ${problem}`);
  }
}

/** Reads `--key FILE` (PKCS#8 PEM, encrypted or not, or a cosign key file) and checks its type. */
export function loadSigningKey(file: string, password: string | undefined): SigningKey {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ReleaseGuardError('usage_error', `--key file not readable: ${file}`);
  }
  const privateKey = privateKeyOf(file, text, password);
  const refused = refusal(privateKey);
  if (refused) throw new ReleaseGuardError('usage_error', `--key ${file}: ${refused}`);
  const publicKey = crypto.createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const digest = crypto.createHash('sha256').update(der).digest();
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    hint: digest.toString('base64'),
    fingerprint: `sha256:${digest.toString('hex')}`,
  };
}
