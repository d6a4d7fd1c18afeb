/**
 * Files that sit beside the artifacts in a release download folder but are not artifacts themselves:
 * signatures, certificates, attestations and checksum lists. `--artifacts-dir` leaves them out (they
 * are the evidence, not the thing it vouches for); `verify-signature --checksums` reuses the rule.
 */
const SIGNATURE_FILE_KINDS: Array<[RegExp, string]> = [
  [/\.intoto\.jsonl$/i, 'an attestation (*.intoto.jsonl)'],
  [/\.sigstore\.json$/i, 'a Sigstore bundle (*.sigstore.json)'],
  [/\.sig$/i, 'a signature (*.sig)'],
  [/\.pem$/i, 'a certificate or key (*.pem)'],
  [/\.cert$/i, 'a certificate (*.cert)'],
  [/^SHA256SUMS/, 'a checksum list (SHA256SUMS*)'],
];

/** What kind of signature or attestation file `fileName` (a base name) is, or null for anything else. */
export function signatureFileKind(fileName: string): string | null {
  return SIGNATURE_FILE_KINDS.find(([pattern]) => pattern.test(fileName))?.[1] ?? null;
}

/** True for a signature, certificate, attestation or checksum file: not an artifact of the release. */
export function isSignatureOrAttestationFile(fileName: string): boolean {
  return signatureFileKind(fileName) !== null;
}
