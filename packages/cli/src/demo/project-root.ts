import fs from 'node:fs';
import path from 'node:path';

/**
 * The release-guard checkout this CLI runs from (source or built bundle alike): the nearest folder
 * above this file with the workspace's pnpm-workspace.yaml. Null when the CLI runs outside one.
 */
export function projectRoot(from = __dirname): string | null {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * Where the demo reads the third-party vectors: `--vectors-dir` or `$RG_VECTORS_DIR` (relative to the
 * current folder, as typed), else `../shared/vectors` beside the project, wherever it is run from.
 */
export function demoVectorsDir(cwd: string, flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const given = flag ?? env.RG_VECTORS_DIR;
  if (given !== undefined && given !== '') return path.resolve(cwd, given);
  const root = projectRoot();
  return path.resolve(root ?? cwd, '../shared/vectors');
}
