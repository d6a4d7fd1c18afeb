import { failed, passed, skippedByRequest, type Check } from '../checks/check';
import { SKIPPED_BY_FLAG, type SignerState } from '../checks/signer';
import type { SignatureVerdict } from '../sigstore/verify-signature';

/** The `signature` check of a report, from the verdict (null under `--skip-signature`). */
export function signatureCheck(verdict: SignatureVerdict | null, envelope: string): Check {
  if (!verdict)
    return skippedByRequest(
      'signature',
      'signature_invalid',
      `${SKIPPED_BY_FLAG}: the claims below are NOT authenticated`,
    );
  const expected = verdict.key
    ? `${envelope} signature by --key ${verdict.key.fingerprint}; every transparency-log entry valid and bound to it`
    : `${envelope} signature, certificate chain and transparency log valid`;
  return verdict.ok
    ? passed('signature', 'signature_invalid', expected, verdict.root, verdict.detail)
    : failed('signature', 'signature_invalid', expected, verdict.root, verdict.detail);
}

/** What the verdict established about the signer, for the identity and binding checks. */
export function signerState(verdict: SignatureVerdict | null): SignerState {
  if (!verdict) return { kind: 'skipped' };
  if (!verdict.ok) return { kind: 'invalid', identity: verdict.identity };
  if (verdict.key) return { kind: 'key', fingerprint: verdict.key.fingerprint, file: verdict.key.file };
  if (!verdict.identity) return { kind: 'invalid', identity: null };
  return { kind: 'certificate', identity: verdict.identity };
}
