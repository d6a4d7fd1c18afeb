import path from 'node:path';
import fg from 'fast-glob';

/**
 * Resolves an action's path input: one pattern per line (as actions/upload-artifact takes them),
 * relative to the workspace. Only regular files; symbolic links are not followed.
 */
export async function resolvePathInput(input: string, workspace: string): Promise<string[]> {
  const patterns = input
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const found = new Set<string>();
  for (const pattern of patterns) {
    const absolute = path.isAbsolute(pattern);
    const cwd = absolute ? path.parse(pattern).root : workspace;
    const relative = absolute ? path.relative(cwd, pattern) : pattern;
    const matches = fg.isDynamicPattern(relative)
      ? await fg(relative, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: false, dot: true })
      : [path.resolve(cwd, relative)];
    for (const match of matches.sort()) found.add(match);
  }
  return [...found];
}
