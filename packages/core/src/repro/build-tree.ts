import fs from 'node:fs';
import path from 'node:path';
import { ReleaseGuardError } from '../errors';

/** One build as compared: a single file, or every regular file below a folder by relative path. */
export interface BuildTree {
  root: string;
  kind: 'file' | 'directory';
  /** Relative paths with `/`, sorted. */
  files: string[];
}

function unreadable(field: string, message: string): ReleaseGuardError {
  return new ReleaseGuardError('unreadable_input', `${field}: ${message}`, { field });
}

/**
 * Lists a build. A symbolic link or anything but a regular file or folder is unusable input: a build
 * output compared through a link could compare something else than what ships.
 */
export async function readBuildTree(root: string, field: 'FIRST' | 'SECOND'): Promise<BuildTree> {
  const stat = await fs.promises.lstat(root).catch(() => null);
  if (stat === null) throw unreadable(field, `${root} does not exist`);
  if (stat.isFile()) return { root, kind: 'file', files: [path.basename(root)] };
  if (!stat.isDirectory()) throw unreadable(field, `${root} is neither a regular file nor a folder`);
  const files: string[] = [];
  const walk = async (dir: string, prefix: string) => {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), relative);
      else if (entry.isFile()) files.push(relative);
      else
        throw unreadable(
          field,
          `${relative} is not a regular file (symbolic link, device or socket): refusing to follow it`,
        );
    }
  };
  await walk(root, '');
  return { root, kind: 'directory', files: files.sort() };
}

/** The file on disk for a relative path of the tree. */
export function treeFile(tree: BuildTree, relative: string): string {
  return tree.kind === 'file' ? tree.root : path.join(tree.root, ...relative.split('/'));
}
