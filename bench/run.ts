/**
 * `pnpm bench`: the cost of verification, printed as a table.
 *  1. digest throughput of `release-guard verify --skip-signature` on a generated 1 GiB artifact,
 *     against `sha256sum` of the same file (ratio and peak RSS);
 *  2. the time per artifact when 1,000 artifacts are verified against one signed provenance;
 *  3. `release-guard repro` on two tar.gz builds of that size against `sha256sum` of both (bench/repro.ts).
 * Runs the built CLI (`pnpm build` first). Set RG_BENCH_SIZE_MIB to change the artifact size, and
 * RG_BENCH_ONLY=verify or RG_BENCH_ONLY=repro to run one part.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  githubActionsIdentity,
  signProvenance,
  slsaV1Statement,
  startSigstoreServer,
  type GitHubWorkflowRun,
} from '@release-guard/testkit';
import { reproRows, type Timed } from './repro';

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'packages/cli/dist/index.js');
const rssProbe = path.join(__dirname, 'report-rss.cjs');
const sizeMiB = Number(process.env.RG_BENCH_SIZE_MIB ?? 1024);
const only = process.env.RG_BENCH_ONLY;
const RUN: GitHubWorkflowRun = { repository: 'acme/app', ref: 'refs/tags/v1.0.0', commit: 'a'.repeat(40) };
const BUILDER = 'https://github.com/acme/app/.github/workflows/release.yml';

function timed(command: string, args: string[]): Timed {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /RG_BENCH_MAX_RSS=(\d+)/.exec(result.stderr ?? '');
  return { seconds, maxRss: rss ? Number(rss[1]) : null, status: result.status };
}

function best(runs: number, fn: () => Timed): Timed {
  const results = Array.from({ length: runs }, fn);
  return results.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

/** The generated artifact: `mib` blocks of 1 MiB, each a random block with its index in the first byte. */
function* artifactBlocks(mib: number, block: Buffer): Generator<Buffer> {
  for (let i = 0; i < mib; i++) {
    block[0] = i & 0xff;
    yield block;
  }
}

async function writeArtifact(file: string, mib: number, block: Buffer): Promise<void> {
  const out = fs.createWriteStream(file);
  for (const chunk of artifactBlocks(mib, block)) {
    if (!out.write(Buffer.from(chunk)))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function signedProvenance(
  server: Awaited<ReturnType<typeof startSigstoreServer>>,
  subjects: { name: string; digest: Record<string, string> }[],
  file: string,
): Promise<void> {
  const bundle = await signProvenance({
    statement: slsaV1Statement({ ...RUN, subjects }),
    identity: githubActionsIdentity(RUN),
    server,
  });
  fs.writeFileSync(file, JSON.stringify(bundle));
}

function mb(bytes: number | null): string {
  return bytes === null ? '-' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function verifyRows(work: string): Promise<string[][]> {
  // The large artifact is written and hashed (by sha256sum, which is measured anyway) before the
  // loopback Sigstore starts, so nothing stalls this process while the signer talks to it.
  const big = path.join(work, 'artifact.bin');
  await writeArtifact(big, sizeMiB, crypto.randomBytes(1 << 20));
  const sha256sum = best(3, () => timed('sha256sum', [big]));
  const bigSha256 = spawnSync('sha256sum', [big], { encoding: 'utf8' }).stdout.split(' ')[0];
  const server = await startSigstoreServer();
  try {
    const trustedRoot = path.join(work, 'trusted_root.json');
    fs.writeFileSync(trustedRoot, JSON.stringify(server.trustedRoot));
    const common = ['--source-repo', RUN.repository, '--builder-id', BUILDER, '--format', 'json'];

    // 1. Throughput on one large artifact.
    const bigProvenance = path.join(work, 'big.sigstore.json');
    await signedProvenance(server, [{ name: 'artifact.bin', digest: { sha256: bigSha256 } }], bigProvenance);
    const verifyArgs = [
      '-r',
      rssProbe,
      cli,
      'verify',
      '--provenance',
      bigProvenance,
      '--artifact',
      big,
      '--skip-signature',
      ...common,
    ];
    timed(process.execPath, verifyArgs); // warm the page cache
    const ours = best(3, () => timed(process.execPath, verifyArgs));
    if (ours.status !== 0) throw new Error('verify of the large artifact did not pass');

    // 2. Many artifacts against one signed provenance (signature verified once).
    const dir = path.join(work, 'many');
    fs.mkdirSync(dir);
    const subjects = Array.from({ length: 1000 }, (_, i) => {
      const data = crypto.randomBytes(4096);
      fs.writeFileSync(path.join(dir, `asset-${i}.bin`), data);
      return {
        name: `asset-${i}.bin`,
        digest: { sha256: crypto.createHash('sha256').update(data).digest('hex') },
      };
    });
    const manyProvenance = path.join(work, 'many.sigstore.json');
    await signedProvenance(server, subjects, manyProvenance);
    const manyArgs = [
      '-r',
      rssProbe,
      cli,
      'verify',
      '--provenance',
      manyProvenance,
      '--artifacts-dir',
      dir,
      '--trusted-root',
      trustedRoot,
      ...common,
    ];
    const many = best(3, () => timed(process.execPath, manyArgs));
    if (many.status !== 0) throw new Error('verify of 1,000 artifacts did not pass');
    const one = best(3, () =>
      timed(process.execPath, [
        '-r',
        rssProbe,
        cli,
        'verify',
        '--provenance',
        manyProvenance,
        '--artifact',
        path.join(dir, 'asset-0.bin'),
        '--trusted-root',
        trustedRoot,
        ...common,
      ]),
    );

    const gib = sizeMiB / 1024;
    return [
      [
        `sha256sum, ${sizeMiB} MiB`,
        `${(gib / sha256sum.seconds).toFixed(2)} GiB/s (${sha256sum.seconds.toFixed(2)} s)`,
        '-',
      ],
      [
        `verify --skip-signature, ${sizeMiB} MiB`,
        `${(gib / ours.seconds).toFixed(2)} GiB/s (${ours.seconds.toFixed(2)} s)`,
        mb(ours.maxRss),
      ],
      ['ratio verify / sha256sum', `${(ours.seconds / sha256sum.seconds).toFixed(2)}x (goal <= 1.2x)`, ''],
      ['verify, 1 artifact, signed provenance', `${(one.seconds * 1000).toFixed(0)} ms`, mb(one.maxRss)],
      [
        'verify, 1,000 artifacts, signed provenance',
        `${(many.seconds * 1000).toFixed(0)} ms total`,
        mb(many.maxRss),
      ],
      ['  per artifact', `${((many.seconds * 1000) / 1000).toFixed(2)} ms`, ''],
    ];
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(cli)) throw new Error('run `pnpm build` first: packages/cli/dist/index.js is missing');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-'));
  try {
    const rows = [['measure', 'value', 'peak RSS']];
    if (only === undefined || only === 'verify') rows.push(...(await verifyRows(work)));
    // Each side of the comparison is measured once: two GiB-sized gunzips are long enough to be stable.
    if (only === undefined || only === 'repro')
      rows.push(...(await reproRows(path.join(work, 'repro'), sizeMiB, timed, cli, rssProbe)));
    const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
    for (const [index, row] of rows.entries()) {
      console.log(`| ${row.map((cell, col) => cell.padEnd(widths[col])).join(' | ')} |`);
      if (index === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof Error
      ? `${error.message}${error.cause ? ` (${String((error.cause as Error).message ?? error.cause)})` : ''}`
      : error,
  );
  process.exitCode = 1;
});
