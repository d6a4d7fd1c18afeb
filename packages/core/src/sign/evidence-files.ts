import path from 'node:path';

/**
 * Files a release download holds beside the artifacts: signatures, certificates, attestations and
 * checksum files. They are neither signed as artifacts nor reported as extra files.
 */
const EVIDENCE_SUFFIXES = ['.intoto.jsonl', '.sigstore.json', '.sig', '.pem', '.cert'];

export function isEvidenceFile(name: string, checksums?: string): boolean {
  const base = path.basename(name);
  if (base.startsWith('SHA256SUMS')) return true;
  if (checksums !== undefined && base.startsWith(path.basename(checksums))) return true;
  return EVIDENCE_SUFFIXES.some((suffix) => base.endsWith(suffix));
}
