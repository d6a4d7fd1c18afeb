// `pnpm build`: bundles the CLI and every action with ncc. `node scripts/build.mjs NAME...` builds only
// those targets (`cli`, or an action's folder name).
import { bundle, bundleTargets, writeBundle } from './bundle.mjs';

const only = process.argv.slice(2);
for (const target of bundleTargets().filter((t) => only.length === 0 || only.includes(t.name))) {
  const started = Date.now();
  writeBundle(target.outDir, await bundle(target));
  process.stderr.write(`built ${target.outDir} (${Date.now() - started} ms)\n`);
}
