import fs from 'node:fs';
import path from 'node:path';
import { ReleaseGuardError } from '../errors';
import { digestFiles } from '../digest/digest-file';
import type { ArtifactDigest } from '../checks/subjects';

/** Regular files under `dir` (recursively); symlinks are not followed, so nothing outside is read. */
export function listArtifactsDir(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new ReleaseGuardError('artifact_missing', `artifacts directory not readable: ${dir}`);
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listArtifactsDir(full);
      return entry.isFile() ? [full] : [];
    });
}

/** Digests every artifact in one streamed read each (sha512 too when a subject carries only that). */
export async function digestArtifacts(paths: string[], withSha512: boolean): Promise<ArtifactDigest[]> {
  const digests = await digestFiles(paths, withSha512 ? ['sha256', 'sha512'] : ['sha256']);
  return digests.map((digest) => ({
    path: digest.path,
    sha256: digest.sha256 as string,
    ...(digest.sha512 ? { sha512: digest.sha512 } : {}),
  }));
}
