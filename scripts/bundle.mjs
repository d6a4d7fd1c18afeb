// One place that knows what gets bundled and how: used by build.mjs and check-dist.mjs.
import ncc from '@vercel/ncc';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every bundle: the CLI (not committed) and each action's dist/ (committed, checked by check-dist). */
export function bundleTargets() {
  const targets = [
    { name: 'cli', entry: 'packages/cli/src/index.ts', outDir: 'packages/cli/dist', committed: false },
  ];
  const actionsDir = path.join(root, 'actions');
  const actions = fs.existsSync(actionsDir) ? fs.readdirSync(actionsDir).sort() : [];
  for (const name of actions) {
    const entry = `actions/${name}/src/index.ts`;
    if (fs.existsSync(path.join(root, entry))) {
      targets.push({ name, entry, outDir: `actions/${name}/dist`, committed: true });
    }
  }
  return targets;
}

/** Returns the bundle as a map of relative file name to contents. */
export async function bundle(target) {
  const { code, assets } = await ncc(path.join(root, target.entry), {
    minify: false,
    sourceMap: false,
    quiet: true,
    license: 'licenses.txt',
    target: 'es2022',
    transpileOnly: true,
  });
  const files = new Map([['index.js', code]]);
  for (const [name, asset] of Object.entries(assets)) files.set(name, asset.source);
  return files;
}

export function writeBundle(outDir, files) {
  const dir = path.join(root, outDir);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, contents] of files) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
}
