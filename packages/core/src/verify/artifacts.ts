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

/**
 * Digests every artifact in one streamed read each (sha512 too when a subject carries only that); an
 * artifact given as `sha256:<hex>` is taken as that digest, and keeps that as its name in the report.
 */
export async function digestArtifacts(paths: string[], withSha512: boolean): Promise<ArtifactDigest[]> {
  const files = paths.filter((p) => artifactDigestArgument(p) === null);
  const digests = await digestFiles(files, withSha512 ? ['sha256', 'sha512'] : ['sha256']);
  let next = 0;
  return paths.map((p) => {
    const given = artifactDigestArgument(p);
    if (given !== null) return { path: `sha256:${given}`, sha256: given };
    const digest = digests[next++];
    return {
      path: digest.path,
      sha256: digest.sha256 as string,
      ...(digest.sha512 ? { sha512: digest.sha512 } : {}),
    };
  });
}

const DIGEST_ARGUMENT = /^sha256:([0-9a-fA-F]{64})$/;

/** The lowercase hex of an `--artifact sha256:<64 hex>` given by digest only, or null for a path. */
export function artifactDigestArgument(argument: string): string | null {
  const match = DIGEST_ARGUMENT.exec(argument);
  return match ? match[1].toLowerCase() : null;
}

/** Refuses `sha256:…` that is neither a full digest nor an existing file (a truncated paste, say). */
export function validateArtifactArguments(artifacts: string[]): void {
  for (const argument of artifacts) {
    if (
      argument.startsWith('sha256:') &&
      artifactDigestArgument(argument) === null &&
      !fs.existsSync(argument)
    ) {
      throw new ReleaseGuardError(
        'usage_error',
        `--artifact ${JSON.stringify(argument)}: a digest is sha256: and 64 hex characters`,
      );
    }
  }
}
