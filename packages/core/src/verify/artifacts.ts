import { echoValue } from '../text/echo-value';
import fs from 'node:fs';
import path from 'node:path';
import { ReleaseGuardError } from '../errors';
import { digestFiles } from '../digest/digest-file';
import type { ArtifactDigest } from '../checks/subjects';
import { signatureFileKind } from './signature-files';

/** A file of an artifacts directory that was not verified, and why. */
export interface ExcludedFile {
  path: string;
  reason: string;
}

export interface ArtifactsDirListing {
  files: string[];
  excluded: ExcludedFile[];
}

export interface ListArtifactsDirOptions {
  /** Descend into subfolders too (else only the files directly in `dir`). */
  recursive?: boolean;
  /** The provenance file given, left out when it sits in the folder. */
  provenance?: string;
}

function samePath(a: string, b: string | undefined): boolean {
  return b !== undefined && path.resolve(a) === path.resolve(b);
}

/**
 * The artifacts of a release download folder: its regular files (subfolders only when `recursive`),
 * minus the provenance file given and every signature or attestation file, each of which is listed
 * in `excluded` with the reason. Symlinks are not followed, so nothing outside is read.
 */
export function listArtifactsDir(dir: string, options: ListArtifactsDirOptions = {}): ArtifactsDirListing {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new ReleaseGuardError('artifact_missing', `artifacts directory not readable: ${dir}`);
  }
  const listing: ArtifactsDirListing = { files: [], excluded: [] };
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!options.recursive) {
        listing.excluded.push({ path: full, reason: 'a subfolder (give --recursive to descend)' });
        continue;
      }
      const inner = listArtifactsDir(full, options);
      listing.files.push(...inner.files);
      listing.excluded.push(...inner.excluded);
    } else if (!entry.isFile()) {
      listing.excluded.push({ path: full, reason: 'not a regular file' });
    } else if (samePath(full, options.provenance)) {
      listing.excluded.push({ path: full, reason: 'the provenance file given' });
    } else {
      const kind = signatureFileKind(entry.name);
      if (kind === null) listing.files.push(full);
      else listing.excluded.push({ path: full, reason: `${kind}, not an artifact` });
    }
  }
  return listing;
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
        `--artifact ${echoValue(argument)}: a digest is sha256: and 64 hex characters`,
      );
    }
  }
}
