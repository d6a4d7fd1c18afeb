// `pnpm check-dist`: fails when a committed actions/*/dist differs from a fresh build.
import fs from 'node:fs';
import path from 'node:path';
import { bundle, bundleTargets, root } from './bundle.mjs';

function listFiles(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
}

let stale = 0;
for (const target of bundleTargets().filter((t) => t.committed)) {
  const fresh = await bundle(target);
  const dir = path.join(root, target.outDir);
  const committed = new Set(listFiles(dir));
  for (const [name, contents] of fresh) {
    const file = path.join(dir, name);
    if (!committed.has(name)) {
      console.error(`${target.outDir}/${name}: missing from the committed dist`);
      stale++;
    } else if (!Buffer.from(contents).equals(fs.readFileSync(file))) {
      console.error(`${target.outDir}/${name}: differs from a fresh build`);
      stale++;
    }
    committed.delete(name);
  }
  for (const name of committed) {
    console.error(`${target.outDir}/${name}: committed but not produced by the build`);
    stale++;
  }
}
if (stale > 0) {
  console.error(`check-dist: ${stale} stale file(s). Run \`pnpm build\` and commit actions/*/dist.`);
  process.exit(1);
}
console.error('check-dist: every committed dist/ equals a fresh build');
