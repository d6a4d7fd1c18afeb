import { BUNDLE_V01_MEDIA_TYPE, type Bundle } from '@sigstore/bundle';

/**
 * Judges a bundle by the rules of its version before `@sigstore/verify` sees it. A v0.1 bundle needs
 * only the signed entry timestamp (the inclusion promise); early clients wrote inclusion proofs
 * without a checkpoint into it, which `@sigstore/verify` 3.1 reads as a TypeError. Such a proof
 * proves nothing without its checkpoint, so it is left out and the promise must verify; a v0.1 proof
 * with its checkpoint is still verified. Later versions require the checkpoint when parsed.
 */
export function withVersionRules(bundle: Bundle): Bundle {
  if (bundle.mediaType !== BUNDLE_V01_MEDIA_TYPE) return bundle;
  const entries = bundle.verificationMaterial.tlogEntries;
  if (!entries.some((entry) => entry.inclusionProof && !entry.inclusionProof.checkpoint)) return bundle;
  // The bundle types intersect per version; the shape is unchanged but for the dropped proofs.
  return {
    ...bundle,
    verificationMaterial: {
      ...bundle.verificationMaterial,
      tlogEntries: entries.map((entry) =>
        entry.inclusionProof && !entry.inclusionProof.checkpoint
          ? { ...entry, inclusionProof: undefined }
          : entry,
      ),
    },
  } as Bundle;
}
