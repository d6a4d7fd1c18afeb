/**
 * The repro row of `pnpm bench`: `release-guard repro` on two generated tar.gz builds of RG_BENCH_SIZE_MIB
 * each (one large member of random data, differing in one byte, so both archives are opened and
 * explained), against `sha256sum` of both sides.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { tarHeader } from '@release-guard/testkit';
import { compare, mb, node, type Comparison } from './measure';

/** A tar.gz holding one member of `mib` MiB: random blocks, with `mark` in the last one. */
async function writeTarGz(file: string, mib: number, block: Buffer, mark: number): Promise<void> {
  const size = mib * 1024 * 1024;
  const header = tarHeader({ name: 'release/app.bin' }, size);
  async function* tar(): AsyncGenerator<Buffer> {
    yield header;
    for (let i = 0; i < mib; i++) {
      const chunk = Buffer.from(block);
      chunk[0] = i & 0xff;
      if (i === mib - 1) chunk[chunk.length - 1] = mark;
      yield chunk;
    }
    yield Buffer.alloc(1024);
  }
  // Level 1: what a release build uses when it cares about time; random data does not shrink anyway.
  await pipeline(tar(), createGzip({ level: 1 }), fs.createWriteStream(file));
}

export interface ReproInputs {
  first: string;
  second: string;
  attestation: string;
}

export async function writeReproInputs(work: string, sizeMiB: number): Promise<ReproInputs> {
  const block = crypto.randomBytes(1 << 20);
  for (const side of ['first', 'second']) fs.mkdirSync(path.join(work, side), { recursive: true });
  const first = path.join(work, 'first', 'release.tar.gz');
  const second = path.join(work, 'second', 'release.tar.gz');
  await writeTarGz(first, sizeMiB, block, 1);
  await writeTarGz(second, sizeMiB, block, 2);
  return { first, second, attestation: path.join(work, 'repro.json') };
}

/** `repro` of the two builds (exit 1: the changed byte is found) against `sha256sum` of both. */
export function reproComparison(
  cli: string,
  inputs: ReproInputs,
  runs: number,
): { result: Comparison; rss: string } {
  const args = ['repro', path.dirname(inputs.first), path.dirname(inputs.second)];
  const flags = [
    '--attestation',
    inputs.attestation,
    '--no-freeze',
    '--diffoscope',
    'never',
    '--format',
    'json',
  ];
  const result = compare(
    { ...node(cli, [...args, ...flags]), okStatus: [1] },
    { command: 'sha256sum', args: [inputs.first, inputs.second] },
    runs,
  );
  return { result, rss: mb(result.ours.maxRss) };
}
