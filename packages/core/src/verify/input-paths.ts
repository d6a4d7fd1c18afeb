import fs from 'node:fs';
import { ReleaseGuardError } from '../errors';
import { clipValue } from '../text/echo-value';

/** A path the user typed, and what it is for (`provenance`, `artifact`, `trusted root`…). */
export interface InputPath {
  role: string;
  path: string;
  /** A folder (`--artifacts-dir`) rather than a file. */
  folder?: boolean;
  /** An empty file is usable (an artifact may be empty: it has a digest all the same). */
  mayBeEmpty?: boolean;
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a parent of it is not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'it is a folder, not a file',
};

/** An errno in words, for a person: `permission denied`, never `EACCES: …`. */
export function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code !== undefined && ERRNO_WORDS[code]) || `cannot be opened (${code ?? String(error)})`;
}

function refuse(input: InputPath, why: string): ReleaseGuardError {
  return new ReleaseGuardError(
    'unreadable_input',
    `cannot read ${input.role} ${clipValue(input.path)}: ${why}`,
    { path: input.path, role: input.role },
  );
}

function checkFolder(input: InputPath): void {
  try {
    fs.closeSync(fs.openSync(input.path, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw refuse(
      input,
      code === 'ENOTDIR' && fs.existsSync(input.path) ? 'it is a file, not a folder' : describeErrno(error),
    );
  }
}

/** Opens the file to learn what a read would: a missing, unreadable, empty file or a folder is refused. */
function checkFile(input: InputPath): void {
  let fd: number;
  try {
    fd = fs.openSync(input.path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw refuse(input, describeErrno(error));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw refuse(input, 'it is a folder, not a file');
    if (!stat.isFile()) throw refuse(input, 'not a regular file');
    if (stat.size === 0 && !input.mayBeEmpty) throw refuse(input, 'the file is empty');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Refuses (exit 2, `unreadable_input`) a path given on the command line that cannot be what it names:
 * missing, unreadable, empty (but an artifact), or a folder where a file is wanted. One line, in words, so a person can
 * act on it. (What the actions download is judged by the verification instead: `provenance_missing`,
 * `artifact_missing`.)
 */
export function checkInputPaths(inputs: InputPath[]): void {
  for (const input of inputs) {
    if (input.folder) checkFolder(input);
    else checkFile(input);
  }
}
