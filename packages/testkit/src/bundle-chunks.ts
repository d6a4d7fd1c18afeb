import { spawnSync } from 'node:child_process';
import path from 'node:path';

const probe = path.join(__dirname, 'load-probe.cjs');

export interface ChunksLoaded {
  status: number | null;
  stdout: string;
  /** The chunk files (`<id>.index.js`) the bundle loaded, in order. */
  chunks: string[];
}

/**
 * Runs a built bundle (`dist/index.js`) with `args` and `env`, and tells which of its chunks it
 * loaded: how a start-up test sees that a command or an action left its work unloaded.
 */
export function bundleChunksLoaded(
  bundle: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = { PATH: process.env.PATH },
): ChunksLoaded {
  const run = spawnSync(process.execPath, ['--require', probe, bundle, ...args], { encoding: 'utf8', env });
  return {
    status: run.status,
    stdout: run.stdout,
    chunks: [...run.stderr.matchAll(/^RG_LOADED=(.+)$/gm)].map((match) => match[1]),
  };
}
