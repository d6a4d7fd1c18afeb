import fs from 'node:fs';
import path from 'node:path';
import release from './drill-release.json';

/**
 * The release the drill feeds through the real path: its provenance (a Sigstore bundle over a DSSE
 * envelope, signed with a key made for the purpose by scripts/make-drill-release.ts, without a log
 * entry), the public key that verifies it, and the artifact's bytes. The private key was never kept.
 */
export const KNOWN_BAD_RELEASE = release;

/** The files of the known-bad release in `dir`: the artifact as signed, and as the drill alters it. */
export interface KnownBadFiles {
  provenance: string;
  publicKey: string;
  /** The artifact with the bytes the provenance names: it verifies. */
  original: string;
  /** The same file name with one line added: its digest is not the subject's. */
  altered: string;
}

export function writeKnownBadRelease(dir: string): KnownBadFiles {
  const files: KnownBadFiles = {
    provenance: path.join(dir, `${release.artifact.name}.sigstore.json`),
    publicKey: path.join(dir, 'drill.pub'),
    original: path.join(dir, 'original', release.artifact.name),
    altered: path.join(dir, 'altered', release.artifact.name),
  };
  fs.mkdirSync(path.dirname(files.original), { recursive: true });
  fs.mkdirSync(path.dirname(files.altered), { recursive: true });
  fs.writeFileSync(files.provenance, `${JSON.stringify(release.provenance)}\n`);
  fs.writeFileSync(files.publicKey, release.public_key);
  fs.writeFileSync(files.original, release.artifact.content);
  fs.writeFileSync(files.altered, `${release.artifact.content}altered by release-guard drill\n`);
  return files;
}
