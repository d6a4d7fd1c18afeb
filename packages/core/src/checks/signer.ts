import type { FulcioIdentity } from '../sigstore/certificate';

/**
 * What the signature check established about the signer, which decides how the identity and
 * certificate-binding checks can run: not at all under `--skip-signature`, not evaluated when the
 * signature failed, by the key's fingerprint under `--key`, else against the verified certificate.
 */
export type SignerState =
  | { kind: 'skipped' }
  | { kind: 'invalid'; identity: FulcioIdentity | null }
  | { kind: 'key'; fingerprint: string; file: string }
  | { kind: 'certificate'; identity: FulcioIdentity };

export const SKIPPED_BY_FLAG = 'skipped by --skip-signature';
export const SIGNATURE_INVALID = 'not evaluated: the signature is invalid';
