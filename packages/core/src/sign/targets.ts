import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { ReleaseGuardError } from '../errors';
import { hostileName } from './checksums';
import { isReleaseEvidenceFile } from '../verify/signature-files';

/** A file to sign: where it is, the name the checksum file gives it, and where its bundle goes. */
export interface SignTarget {
  path: string;
  name: string;
  bundle: string;
  /** The stem of the legacy `.sig` / `.pem` files. */
  stem: string;
}

function outputStem(file: string, name: string, outputDir: string | undefined): string {
  return outputDir === undefined ? file : path.join(outputDir, name);
}

/** The files of a run, their checksum names and bundle paths; a name given twice is a usage error. */
export function resolveTargets(
  artifacts: readonly string[],
  artifactsDir: string | undefined,
  outputDir: string | undefined,
  checksums: string | undefined,
): SignTarget[] {
  const found: { path: string; name: string }[] = artifacts.map((file) => ({
    path: file,
    name: path.basename(file),
  }));
  if (artifactsDir !== undefined) {
    if (!fs.statSync(artifactsDir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new ReleaseGuardError('usage_error', `--artifacts-dir ${artifactsDir} is not a directory`);
    }
    const names = fg.sync('**/*', {
      cwd: artifactsDir,
      onlyFiles: true,
      dot: true,
      followSymbolicLinks: false,
    });
    for (const name of names.sort()) {
      const file = path.join(artifactsDir, name);
      if (
        isReleaseEvidenceFile(name, checksums) ||
        (checksums && path.resolve(file) === path.resolve(checksums))
      )
        continue;
      found.push({ path: file, name });
    }
  }
  if (found.length === 0) {
    throw new ReleaseGuardError(
      'usage_error',
      'nothing to sign: give --artifact PATH or --artifacts-dir DIR',
    );
  }
  const seen = new Map<string, string>();
  for (const target of found) {
    const hostile = hostileName(target.name);
    if (hostile !== null) {
      throw new ReleaseGuardError('usage_error', `${JSON.stringify(target.path)} has a name with ${hostile}`);
    }
    const other = seen.get(target.name);
    if (other !== undefined) {
      throw new ReleaseGuardError(
        'usage_error',
        `${other} and ${target.path} have the same name ${target.name}: their checksum lines and bundles would collide`,
      );
    }
    seen.set(target.name, target.path);
  }
  return found.map((target) => {
    const stem = outputStem(target.path, target.name, outputDir);
    return { ...target, stem, bundle: `${stem}.sigstore.json` };
  });
}
