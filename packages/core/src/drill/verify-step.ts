import type { FailureCode } from '../errors';
import { verifyProvenance } from '../verify/verify-provenance';
import { KNOWN_BAD_RELEASE, type KnownBadFiles } from './known-bad-release';

export interface VerifyStepResult {
  ok: boolean;
  detail: string;
  remedy: string | null;
  /** The failure code the altered artifact got (digest_mismatch when the step passes). */
  failureReason: FailureCode | null;
}

function verify(files: KnownBadFiles, artifact: string) {
  return verifyProvenance({
    provenance: files.provenance,
    artifacts: [artifact],
    sourceRepo: KNOWN_BAD_RELEASE.source_repo,
    tag: KNOWN_BAD_RELEASE.tag,
    builderIds: [KNOWN_BAD_RELEASE.builder_id],
    allowSlsaV02: false,
    identity: {},
    skipSignature: false,
    key: files.publicKey,
    noTlog: true,
  });
}

/**
 * The known-bad release through `verify --key --no-tlog`: the artifact as signed must verify (the key
 * and provenance are sound, so a failure below is the alteration's), and the altered one must fail
 * with digest_mismatch.
 */
export async function verifyStep(files: KnownBadFiles): Promise<VerifyStepResult> {
  const original = await verify(files, files.original);
  const altered = await verify(files, files.altered);
  const failureReason = altered.failure_reason;
  if (!original.verified) {
    return {
      ok: false,
      failureReason,
      detail: `the known-bad release's own artifact did not verify (${original.failure_reason}${original.error ? `: ${original.error}` : ''})`,
      remedy:
        'the provenance, its public key or the verifier changed: rebuild the drill release with scripts/make-drill-release.ts, or fix verify',
    };
  }
  if (failureReason !== 'digest_mismatch') {
    return {
      ok: false,
      failureReason,
      detail: altered.verified
        ? 'the altered artifact VERIFIED: verify did not notice the changed bytes'
        : `the altered artifact failed with ${failureReason}, not digest_mismatch`,
      remedy:
        'treat verify as broken: do not trust releases it passed until the subject digest check is fixed',
    };
  }
  return {
    ok: true,
    failureReason,
    detail: 'verify --key --no-tlog: the signed artifact passes, the altered one fails with digest_mismatch',
    remedy: null,
  };
}
