import crypto from 'node:crypto';
import nacl from 'tweetnacl';

/** cosign's defaults for `cosign generate-key-pair`. */
export const COSIGN_SCRYPT = { N: 32768, r: 8, p: 1 };

/**
 * A cosign key file (`ENCRYPTED SIGSTORE PRIVATE KEY`) made in the test: the PKCS#8 DER of the key in
 * a NaCl secretbox whose key scrypt derives from the password, as cosign writes it. `params` lets a
 * test write parameters cosign would never choose.
 */
export function cosignKeyFile(
  privateKey: crypto.KeyObject,
  password: string,
  params: { N: number; r: number; p: number } = COSIGN_SCRYPT,
  label = 'ENCRYPTED SIGSTORE PRIVATE KEY',
): string {
  const salt = crypto.randomBytes(32);
  const nonce = crypto.randomBytes(nacl.secretbox.nonceLength);
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  // Parameters above Node's limits are written with a key that was never derived from them.
  const key =
    128 * params.N * params.r <= 64 * 1024 * 1024
      ? crypto.scryptSync(password, salt, 32, { ...params, maxmem: 256 * 1024 * 1024 })
      : crypto.randomBytes(32);
  const ciphertext = nacl.secretbox(der, nonce, key);
  const doc = {
    kdf: { name: 'scrypt', params, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: Buffer.from(nonce).toString('base64') },
    ciphertext: Buffer.from(ciphertext).toString('base64'),
  };
  const body = Buffer.from(JSON.stringify(doc))
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${body.trimEnd()}\n-----END ${label}-----\n`;
}
