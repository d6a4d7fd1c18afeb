import fg from 'fast-glob';
import { lstat, readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors';

export type ItemKind =
  | 'junit'
  | 'coverage'
  | 'sbom'
  | 'vulnerabilities'
  | 'kev'
  | 'epss'
  | 'policy'
  | 'policy-log'
  | 'provenance-report'
  | 'signature';

/** A file of the workspace taken as evidence: its kind, path inside the workspace (posix) and bytes. */
export interface CollectedFile {
  kind: ItemKind;
  path: string;
  content: Buffer;
}

/** What to collect: per kind, the patterns (files or globs) given, and the flag that gave them. */
export interface CollectRequest {
  kind: ItemKind;
  field: string;
  patterns: string[];
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

async function matches(workspace: string, pattern: string, field: string): Promise<string[]> {
  const absolute = resolve(workspace, pattern);
  if (!inside(workspace, absolute)) throw new InputError(field, `${pattern} is outside the workspace`);
  const relativePattern = relative(workspace, absolute).split(sep).join('/');
  const found = await fg(fg.isDynamicPattern(pattern) ? relativePattern : fg.escapePath(relativePattern), {
    cwd: workspace,
    onlyFiles: true,
    dot: true,
    followSymbolicLinks: false,
    unique: true,
  });
  if (found.length === 0 && !fg.isDynamicPattern(pattern) && (await isLink(absolute))) {
    // Globs never descend links; a link named outright is read if it stays inside (readInside checks).
    return [relativePattern];
  }
  if (found.length === 0) throw new InputError(field, `${pattern} matches no file in the workspace`);
  return found.sort();
}

async function isLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Reads one match, refusing a symbolic link (or a link on its way) that leads out of the workspace. */
async function readInside(workspace: string, path: string, field: string): Promise<Buffer> {
  const absolute = resolve(workspace, path);
  const real = await realpath(absolute);
  if (!inside(workspace, real)) {
    throw new InputError(field, `${path} is a symbolic link out of the workspace; it is not followed`);
  }
  if (!(await lstat(real)).isFile()) throw new InputError(field, `${path} is not a regular file`);
  return readFile(real);
}

/**
 * Resolves every pattern inside the workspace (globs with fast-glob, links not followed) and reads
 * the files. A pattern matching nothing, or leading out of the workspace, is a usage error.
 * A file given under two kinds is taken once, under the first.
 */
export async function collectEvidence(
  workspaceDir: string,
  requests: CollectRequest[],
): Promise<CollectedFile[]> {
  const workspace = await realpath(workspaceDir);
  const files = new Map<string, CollectedFile>();
  for (const { kind, field, patterns } of requests) {
    for (const pattern of patterns) {
      for (const path of await matches(workspace, pattern, field)) {
        if (files.has(path)) continue;
        files.set(path, { kind, path, content: await readInside(workspace, path, field) });
      }
    }
  }
  return [...files.values()];
}

/**
 * The files the patterns name inside the workspace, as collectEvidence resolves them (links not
 * followed out of it), without reading them: `[workspace path, real absolute path]`, in order.
 */
export async function resolveEvidenceFiles(
  workspaceDir: string,
  patterns: readonly string[],
  field: string,
): Promise<[string, string][]> {
  const workspace = await realpath(workspaceDir);
  const files = new Map<string, string>();
  for (const pattern of patterns) {
    for (const path of await matches(workspace, pattern, field)) {
      const real = await realpath(resolve(workspace, path));
      if (!inside(workspace, real)) {
        throw new InputError(field, `${path} is a symbolic link out of the workspace; it is not followed`);
      }
      if (!(await lstat(real)).isFile()) throw new InputError(field, `${path} is not a regular file`);
      files.set(path, real);
    }
  }
  return [...files.entries()];
}
