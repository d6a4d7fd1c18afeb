import type crypto from 'node:crypto';

/** What signs the next file: the key, and what the bundle and the witnesses name as its holder. */
export interface SigningMaterial {
  kind: 'keyless' | 'key';
  privateKey: crypto.KeyObject;
  /** PEM the transparency log records: the Fulcio certificate, or the public key. */
  witnessKey: string;
  /** DER of the Fulcio certificate (keyless). */
  certificate?: Buffer;
  /** PEM of the Fulcio certificate (keyless), for the legacy `.pem` file. */
  certificatePem?: string;
  /** The key hint (key signing). */
  keyHint?: string;
}

/** Hands out the signing material file by file (the keyless one renews its certificate). */
export interface MaterialSource {
  current(): Promise<SigningMaterial>;
}
