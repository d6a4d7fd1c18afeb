/**
 * The repro part of `pnpm bench`: `release-guard repro` on two generated tar.gz builds of RG_BENCH_SIZE_MIB
 * each (one large member of random data, differing in one byte, so both archives are opened and
 * explained), against `sha256sum` of both sides.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { tarHeader } from '@release-guard/testkit';

export interface Timed {
  seconds: number;
  maxRss: number | null;
  status: number | null;
}

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

/** The rows of the repro comparison: both sides hashed by sha256sum, and `repro` on them. */
export async function reproRows(
  work: string,
  sizeMiB: number,
  run: (command: string, args: string[]) => Timed,
  cli: string,
  rssProbe: string,
): Promise<string[][]> {
  const block = crypto.randomBytes(1 << 20);
  for (const side of ['first', 'second']) fs.mkdirSync(path.join(work, side), { recursive: true });
  const first = path.join(work, 'first', 'release.tar.gz');
  const second = path.join(work, 'second', 'release.tar.gz');
  await writeTarGz(first, sizeMiB, block, 1);
  await writeTarGz(second, sizeMiB, block, 2);
  const sums = run('sha256sum', [first, second]);
  const args = ['-r', rssProbe, cli, 'repro', path.dirname(first), path.dirname(second)];
  const flags = [
    '--attestation',
    path.join(work, 'repro.json'),
    '--no-freeze',
    '--diffoscope',
    'never',
    '--format',
    'json',
  ];
  const ours = run(process.execPath, [...args, ...flags]);
  // Exit 1: the one changed byte is found; anything else means the comparison did not run through.
  if (ours.status !== 1) throw new Error(`repro of the two tar.gz builds exited ${ours.status}, expected 1`);
  const gib = (2 * sizeMiB) / 1024;
  return [
    [
      `sha256sum, 2 x ${sizeMiB} MiB tar.gz`,
      `${(gib / sums.seconds).toFixed(2)} GiB/s (${sums.seconds.toFixed(2)} s)`,
      '-',
    ],
    [
      `repro, 2 x ${sizeMiB} MiB tar.gz, member differs`,
      `${(gib / ours.seconds).toFixed(2)} GiB/s (${ours.seconds.toFixed(2)} s)`,
      ours.maxRss === null ? '-' : `${(ours.maxRss / 1024 / 1024).toFixed(0)} MB (goal < 200 MB)`,
    ],
    [
      'ratio repro / sha256sum',
      `${(ours.seconds / sums.seconds).toFixed(2)}x (hashes, then gunzips and parses both)`,
      '',
    ],
  ];
}
