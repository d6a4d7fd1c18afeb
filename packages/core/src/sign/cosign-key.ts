import crypto from 'node:crypto';
import nacl from 'tweetnacl';
import { ReleaseGuardError } from '../errors';

/** PEM labels of cosign's encrypted key files (older cosign writes the second). */
export const COSIGN_KEY_LABELS = ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'];

/**
 * scrypt parameters above these are refused: a key file chooses how much memory and time we spend,
 * and cosign writes N=32768, r=8, p=1 (32 MiB). The bound allows four times that memory.
 */
export const SCRYPT_BOUNDS = { maxN: 131_072, maxR: 16, maxP: 16, maxMemory: 128 * 1024 * 1024 };

interface CosignKeyDocument {
  kdf: { name: string; params: { N: number; r: number; p: number }; salt: string };
  cipher: { name: string; nonce: string };
  ciphertext: string;
}

function unusable(file: string, problem: string): ReleaseGuardError {
  return new ReleaseGuardError('usage_error', `--key ${file}: ${problem}`);
}

function parseDocument(file: string, body: Buffer): CosignKeyDocument {
  let doc: CosignKeyDocument;
  try {
    doc = JSON.parse(body.toString('utf8')) as CosignKeyDocument;
  } catch {
    throw unusable(file, 'the cosign key file does not hold its JSON document');
  }
  if (doc?.kdf?.name !== 'scrypt' || doc?.cipher?.name !== 'nacl/secretbox') {
    throw unusable(file, 'only scrypt + nacl/secretbox cosign keys are supported');
  }
  const { N, r, p } = doc.kdf.params ?? {};
  const whole = [N, r, p].every((v) => Number.isInteger(v) && v > 0);
  if (!whole || (N & (N - 1)) !== 0) {
    throw unusable(file, 'the scrypt parameters N, r, p must be positive whole numbers, N a power of two');
  }
  const memory = 128 * N * r;
  if (
    N > SCRYPT_BOUNDS.maxN ||
    r > SCRYPT_BOUNDS.maxR ||
    p > SCRYPT_BOUNDS.maxP ||
    memory > SCRYPT_BOUNDS.maxMemory
  ) {
    throw unusable(
      file,
      `scrypt parameters N=${N}, r=${r}, p=${p} exceed the accepted bound (N <= ${SCRYPT_BOUNDS.maxN}, ` +
        `r <= ${SCRYPT_BOUNDS.maxR}, p <= ${SCRYPT_BOUNDS.maxP}, 128*N*r <= 128 MiB)`,
    );
  }
  return doc;
}

/**
 * Decrypts a cosign key file's body (the JSON inside the PEM block): scrypt derives the secretbox key
 * from the password. Returns the PKCS#8 DER private key. A wrong password is a usage error.
 */
export function decryptCosignKey(file: string, body: Buffer, password: string): Buffer {
  const doc = parseDocument(file, body);
  const { N, r, p } = doc.kdf.params;
  const salt = Buffer.from(doc.kdf.salt, 'base64');
  const nonce = Buffer.from(doc.cipher.nonce, 'base64');
  if (nonce.length !== nacl.secretbox.nonceLength)
    throw unusable(file, 'the secretbox nonce is not 24 bytes');
  const key = crypto.scryptSync(Buffer.from(password, 'utf8'), salt, nacl.secretbox.keyLength, {
    N,
    r,
    p,
    // Node refuses scrypt above 32 MiB by default, which cosign's own parameters reach.
    maxmem: 2 * 128 * N * r + 1024 * 1024,
  });
  const opened = nacl.secretbox.open(Buffer.from(doc.ciphertext, 'base64'), nonce, key);
  if (opened === null) {
    throw unusable(file, 'cannot decrypt the cosign key: wrong password (--key-password-env)');
  }
  return Buffer.from(opened);
}
