import type { X509Certificate } from '@sigstore/core';
import { PolicyError, VerificationError } from '@sigstore/verify';
import { ReleaseGuardError } from '../errors';
import type { FulcioIdentity } from './certificate';
import type { StreamedMessage } from './message';
import type { VerificationKey } from './public-key';

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

/** Errors `@sigstore/core` raises when the bundle's DER cannot be read; its index does not export them. */
const DER_ERRORS = new Set(['ASN1ParseError', 'ASN1TypeError', 'RFC3161TimestampVerificationError']);

/**
 * The library's verdict on this bundle, or an internal error. No verdict may come from an unexpected
 * exception (a TypeError inside the verifier says nothing about the signature): that is exit 2,
 * "internal verification error", never a quiet refusal.
 */
export function verdictOf(error: unknown): string {
  if (error instanceof ReleaseGuardError) throw error;
  if (
    error instanceof VerificationError ||
    error instanceof PolicyError ||
    (error instanceof Error && DER_ERRORS.has(error.constructor.name))
  ) {
    return describe(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  throw new ReleaseGuardError(
    'internal_error',
    `internal verification error: ${message}`,
    {},
    { cause: error },
  );
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

export function refuse(
  detail: string,
  base: Pick<SignatureVerdict, 'leaf' | 'identity' | 'key'>,
): SignatureVerdict {
  return { ok: false, detail, root: null, flags: [], ...base };
}
