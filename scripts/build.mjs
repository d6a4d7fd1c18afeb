// `pnpm build`: bundles the CLI and every action with ncc.
import { bundle, bundleTargets, writeBundle } from './bundle.mjs';

for (const target of bundleTargets()) {
  const started = Date.now();
  writeBundle(target.outDir, await bundle(target));
  process.stderr.write(`built ${target.outDir} (${Date.now() - started} ms)\n`);
}
