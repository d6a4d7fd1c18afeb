import path from 'node:path';

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

/**
 * The same rule for a path, also counting the checksum file a run names (`--checksums`, which need
 * not be called SHA256SUMS) and its companions (`<checksums>.sigstore.json`, `<checksums>.pub`):
 * neither signed as artifacts by `sign` nor reported as extra by `verify-signature --checksums`.
 */
export function isReleaseEvidenceFile(file: string, checksums?: string): boolean {
  const base = path.basename(file);
  if (checksums !== undefined && base.startsWith(path.basename(checksums))) return true;
  return isSignatureOrAttestationFile(base);
}
