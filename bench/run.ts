/**
 * `pnpm bench` (after `pnpm build`): release-guard's costs against the tools it is measured by, each
 * the median of 5 runs interleaved with its baseline, the minimum beside it. Five rows:
 *  1. start-up: `release-guard --help` against `node -e 0`;
 *  2. the slowest action entry with no inputs against `node -e 0`;
 *  3. `verify --skip-signature` of one 1 GiB artifact against `openssl dgst -sha256` of it;
 *  4. `verify --skip-signature` of 8 artifacts of 128 MiB against `openssl dgst -sha256` of the 8 in sequence;
 *  5. the time per artifact when 1,000 small artifacts are verified against one signed provenance;
 *  6. `sign --key --no-tlog` of the 1 GiB artifact against `openssl dgst -sha256` of it (streamed:
 *     hashed and signed in one pass, peak RSS goal < 150 MB);
 *  7. `repro` of two 1 GiB tar.gz builds whose member differs against `sha256sum` of both (bench/repro.ts).
 * RG_BENCH_SIZE_MIB changes the large size (default 1024). Nothing here is asserted: the goals are printed
 * beside the numbers, and the README's table is copied from this output.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSigstoreServer } from '@release-guard/testkit';
import { BUILDER, RUN, writeArtifact, writeSignedProvenance, writeSmallArtifacts } from './fixtures';
import { reproComparison, writeReproInputs } from './repro';
import { compare, compareSlowest, mb, ms, node, printTable, type Command, type Comparison } from './measure';

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'packages/cli/dist/index.js');
const sizeMiB = Number(process.env.RG_BENCH_SIZE_MIB ?? 1024);
const RUNS = 5;
const nodeBare: Command = { command: process.execPath, args: ['-e', '0'] };
const openssl = (files: string[]): Command => ({ command: 'openssl', args: ['dgst', '-sha256', ...files] });

interface Row {
  measure: string;
  result: Comparison;
  goal: string;
  rss?: string;
}

function actionEntries(): { name: string; cmd: Command }[] {
  const actions = fs.readdirSync(path.join(root, 'actions')).sort();
  // No inputs at all: each entry reads its context, finds its required inputs missing and fails (exit 1 or 2).
  const env = { PATH: process.env.PATH };
  return actions
    .map((name) => ({ name, script: path.join(root, 'actions', name, 'dist', 'index.js') }))
    .filter(({ script }) => fs.existsSync(script))
    .map(({ name, script }) => ({ name, cmd: { ...node(script, [], env), okStatus: [1, 2] } }));
}

function verifySkippingSignature(provenance: string, artifacts: string[]): Command {
  const flags = [
    '--source-repo',
    RUN.repository,
    '--builder-id',
    BUILDER,
    '--format',
    'json',
    '--skip-signature',
  ];
  return node(cli, [
    'verify',
    '--provenance',
    provenance,
    ...artifacts.flatMap((a) => ['--artifact', a]),
    ...flags,
  ]);
}

interface Inputs {
  big: string;
  bigProvenance: string;
  eight: string[];
  eightProvenance: string;
  smallDir: string;
  smallProvenance: string;
  trustedRoot: string;
}

/** Writes every input, signing the provenances with the loopback Sigstore, which is closed before timing. */
async function writeInputs(work: string): Promise<Inputs> {
  const block = crypto.randomBytes(1 << 20);
  const big = path.join(work, 'artifact.bin');
  const bigSubject = await writeArtifact(big, sizeMiB, block);
  const eightSubjects = [];
  for (let i = 0; i < 8; i++)
    eightSubjects.push(await writeArtifact(path.join(work, `part-${i}.bin`), sizeMiB / 8, block));
  const smallDir = path.join(work, 'many');
  const smallSubjects = writeSmallArtifacts(smallDir, 1000);
  const inputs: Inputs = {
    big,
    bigProvenance: path.join(work, 'big.sigstore.json'),
    eight: eightSubjects.map((subject) => path.join(work, subject.name)),
    eightProvenance: path.join(work, 'eight.sigstore.json'),
    smallDir,
    smallProvenance: path.join(work, 'many.sigstore.json'),
    trustedRoot: path.join(work, 'trusted_root.json'),
  };
  const server = await startSigstoreServer();
  try {
    fs.writeFileSync(inputs.trustedRoot, JSON.stringify(server.trustedRoot));
    await writeSignedProvenance(server, [bigSubject], inputs.bigProvenance);
    await writeSignedProvenance(server, eightSubjects, inputs.eightProvenance);
    await writeSignedProvenance(server, smallSubjects, inputs.smallProvenance);
  } finally {
    await server.close();
  }
  return inputs;
}

function largeArtifactRows(inputs: Inputs): Row[] {
  const one = compare(
    verifySkippingSignature(inputs.bigProvenance, [inputs.big]),
    openssl([inputs.big]),
    RUNS,
  );
  const many = compare(
    verifySkippingSignature(inputs.eightProvenance, inputs.eight),
    openssl(inputs.eight),
    RUNS,
  );
  return [
    {
      measure: `verify --skip-signature, 1 × ${sizeMiB} MiB / openssl dgst -sha256`,
      result: one,
      goal: '≤ 1.15×, RSS < 150 MB',
      rss: mb(one.ours.maxRss),
    },
    {
      measure: `verify --skip-signature, 8 × ${sizeMiB / 8} MiB / openssl dgst -sha256 of the 8 in sequence`,
      result: many,
      goal: `≤ 0.75× (${os.availableParallelism()} cores)`,
      rss: mb(many.ours.maxRss),
    },
  ];
}

function signRow(inputs: Inputs, work: string): Row {
  const key = path.join(work, 'signing.key');
  const pair = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  fs.writeFileSync(key, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const args = ['sign', '--artifact', inputs.big, '--key', key, '--no-tlog'];
  const where = [
    '--freeze-file',
    path.join(work, 'no-freeze.json'),
    '--output-dir',
    path.join(work, 'signed'),
  ];
  const result = compare(node(cli, [...args, ...where]), openssl([inputs.big]), RUNS);
  return {
    measure: `sign --key --no-tlog, 1 × ${sizeMiB} MiB / openssl dgst -sha256`,
    result,
    goal: 'RSS < 150 MB',
    rss: mb(result.ours.maxRss),
  };
}

async function reproRow(work: string): Promise<Row> {
  const inputs = await writeReproInputs(path.join(work, 'repro'), sizeMiB);
  // Three runs: each reads 2 × the large size twice (hash, then gunzip and parse).
  const { result, rss } = reproComparison(cli, inputs, 3);
  return {
    measure: `repro, 2 × ${sizeMiB} MiB tar.gz, a member differs / sha256sum of both`,
    result,
    goal: 'RSS < 200 MB',
    rss,
  };
}

function smallArtifactsRow(inputs: Inputs): { perArtifact: Comparison; rss: string } {
  const flags = [
    '--source-repo',
    RUN.repository,
    '--builder-id',
    BUILDER,
    '--trusted-root',
    inputs.trustedRoot,
  ];
  const args = [
    'verify',
    '--provenance',
    inputs.smallProvenance,
    '--artifacts-dir',
    inputs.smallDir,
    '--format',
    'json',
  ];
  const result = compare(node(cli, [...args, ...flags]), nodeBare, RUNS);
  // Reported per artifact: the whole run (signature, start-up and all) divided by 1,000.
  const per = (seconds: number) => seconds / 1000;
  return {
    perArtifact: {
      ...result,
      ours: { ...result.ours, median: per(result.ours.median), min: per(result.ours.min) },
    },
    rss: mb(result.ours.maxRss),
  };
}

function render(rows: Row[], small: { perArtifact: Comparison; rss: string }): void {
  const ratio = (c: Comparison) => `${c.ratio.toFixed(2)}× (min ${c.ratioMin.toFixed(2)}×)`;
  const timing = (c: Comparison['ours']) => `${ms(c.median)} (min ${ms(c.min)})`;
  printTable([
    ['measure', 'release-guard', 'baseline', 'ratio', 'goal', 'peak RSS'],
    ...rows.map((row) => [
      row.measure,
      timing(row.result.ours),
      timing(row.result.baseline),
      ratio(row.result),
      row.goal,
      row.rss ?? '-',
    ]),
    [
      'verify, 1,000 small artifacts, one signed provenance: per artifact',
      `${(small.perArtifact.ours.median * 1000).toFixed(2)} ms (min ${(small.perArtifact.ours.min * 1000).toFixed(2)} ms)`,
      '-',
      '-',
      '≤ 2 ms',
      small.rss,
    ],
  ]);
}

async function main(): Promise<void> {
  if (!fs.existsSync(cli)) throw new Error('run `pnpm build` first: packages/cli/dist/index.js is missing');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-'));
  try {
    const help = compare(node(cli, ['--help']), nodeBare, RUNS);
    const action = compareSlowest(actionEntries(), nodeBare, RUNS);
    const inputs = await writeInputs(work);
    const large = largeArtifactRows(inputs);
    const small = smallArtifactsRow(inputs);
    render(
      [
        { measure: 'release-guard --help / node -e 0', result: help, goal: '≤ 1.5×' },
        {
          measure: `slowest action entry, no inputs (${action.name}) / node -e 0`,
          result: action,
          goal: '≤ 2×',
        },
        ...large,
        signRow(inputs, work),
        await reproRow(work),
      ],
      small,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
