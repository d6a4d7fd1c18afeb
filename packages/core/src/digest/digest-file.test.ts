import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReleaseGuardError } from '../errors';
import {
  DIGEST_CHUNK_SIZE,
  digestFile,
  digestFiles,
  WORKER_MIN_BYTES,
  type DigestAlgorithm,
} from './digest-file';
import { HashWorkers, hashWorkerCount } from './hash-workers';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const EMPTY_SHA512 =
  'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';
const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const ABC_SHA512 =
  'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-digest-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

/** A file of `block` repeated `times` times, written block by block, and its digests computed the same way. */
function repeatedFile(name: string, block: Buffer, times: number) {
  const target = path.join(dir, name);
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  const fd = fs.openSync(target, 'w');
  try {
    for (let i = 0; i < times; i++) {
      fs.writeSync(fd, block);
      sha256.update(block);
      sha512.update(block);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { target, size: block.length * times, sha256: sha256.digest('hex'), sha512: sha512.digest('hex') };
}

async function failure(promise: Promise<unknown>): Promise<ReleaseGuardError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ReleaseGuardError);
  return err as ReleaseGuardError;
}

describe('digestFile', () => {
  it('hashes an empty file to the well-known empty digests', async () => {
    const empty = file('empty', '');
    await expect(digestFile(empty, ['sha256', 'sha512'])).resolves.toEqual({
      sha256: EMPTY_SHA256,
      sha512: EMPTY_SHA512,
      size: 0,
    });
  });

  it('hashes "abc" to the FIPS 180 test vectors, in lowercase hex', async () => {
    const abc = file('abc', 'abc');
    await expect(digestFile(abc, ['sha256', 'sha512'])).resolves.toEqual({
      sha256: ABC_SHA256,
      sha512: ABC_SHA512,
      size: 3,
    });
  });

  it('computes only the algorithms asked for', async () => {
    const abc = file('abc-only', 'abc');
    await expect(digestFile(abc, ['sha512'])).resolves.toEqual({ sha512: ABC_SHA512, size: 3 });
    await expect(digestFile(abc, ['sha256', 'sha256'])).resolves.toEqual({ sha256: ABC_SHA256, size: 3 });
  });

  it('hashes a file of many chunks, not a multiple of the chunk size, like crypto over its blocks', async () => {
    // 100003-byte blocks: chunk boundaries never line up with block boundaries.
    const block = Buffer.from(Array.from({ length: 100_003 }, (_, i) => (i * 31 + 7) % 251));
    const expected = repeatedFile('multi-chunk.bin', block, 37);
    expect(expected.size).toBeGreaterThan(3 * DIGEST_CHUNK_SIZE);
    await expect(digestFile(expected.target, ['sha256', 'sha512'])).resolves.toEqual({
      sha256: expected.sha256,
      sha512: expected.sha512,
      size: expected.size,
    });
  });

  it('reads the file once for both algorithms, in chunks of the configured size', async () => {
    const expected = repeatedFile('once.bin', Buffer.alloc(DIGEST_CHUNK_SIZE / 2, 0x5a), 5);
    const probe = await fs.promises.open(expected.target, 'r');
    const fileHandlePrototype = Object.getPrototypeOf(probe) as fs.promises.FileHandle;
    await probe.close();
    const opened = jest.spyOn(fs.promises, 'open');
    const streamed = jest.spyOn(fileHandlePrototype, 'createReadStream');
    try {
      await expect(digestFile(expected.target, ['sha256', 'sha512'])).resolves.toMatchObject({
        sha256: expected.sha256,
        sha512: expected.sha512,
      });
      expect(opened).toHaveBeenCalledTimes(1);
      expect(streamed).toHaveBeenCalledTimes(1);
      expect(streamed.mock.calls[0][0]).toMatchObject({ highWaterMark: DIGEST_CHUNK_SIZE });
      const handle = await (opened.mock.results[0].value as Promise<fs.promises.FileHandle>);
      expect(handle.fd).toBe(-1); // closed again
    } finally {
      opened.mockRestore();
      streamed.mockRestore();
    }
  });

  it('streams a large file without holding it in memory', async () => {
    const size = 256 * 1024 * 1024;
    const sparse = path.join(dir, 'sparse.bin');
    fs.writeFileSync(sparse, '');
    fs.truncateSync(sparse, size); // a hole: no disk used, reads as zeros
    const zeros = Buffer.alloc(DIGEST_CHUNK_SIZE);
    const expected = createHash('sha256');
    for (let i = 0; i < size / DIGEST_CHUNK_SIZE; i++) expected.update(zeros);

    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
    }, 1);
    try {
      await expect(digestFile(sparse, ['sha256'])).resolves.toEqual({ sha256: expected.digest('hex'), size });
    } finally {
      clearInterval(sampler);
      fs.rmSync(sparse);
    }
    expect(peak).toBeLessThan(size / 4);
  });

  it('reports a missing file as artifact_missing, naming the path', async () => {
    const missing = path.join(dir, 'no-such-file.tgz');
    const err = await failure(digestFile(missing, ['sha256']));
    expect(err.code).toBe('artifact_missing');
    expect(err.message).toBe(`artifact not found: ${missing}`);
    expect(err.details).toEqual({ path: missing, errno: 'ENOENT' });
  });

  it('reports a directory as artifact_missing, naming the path', async () => {
    const err = await failure(digestFile(dir, ['sha256']));
    expect(err.code).toBe('artifact_missing');
    expect(err.message).toBe(`artifact is a directory, not a file: ${dir}`);
    expect(err.details.errno).toBe('EISDIR');
  });

  it('reports a file it may not read as artifact_missing, naming the path', async () => {
    // Root reads a chmod 000 file anyway, so the refusal comes from the file system call itself.
    const secret = file('unreadable', 'x');
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${secret}'`), {
      code: 'EACCES',
    });
    const opened = jest.spyOn(fs.promises, 'open').mockRejectedValueOnce(denied);
    try {
      const err = await failure(digestFile(secret, ['sha256']));
      expect(err.code).toBe('artifact_missing');
      expect(err.message).toBe(`artifact not readable (permission denied): ${secret}`);
      expect(err.details).toEqual({ path: secret, errno: 'EACCES' });
    } finally {
      opened.mockRestore();
    }
  });

  const hasMkfifo = process.platform !== 'win32';
  (hasMkfifo ? it : it.skip)('refuses a FIFO instead of waiting for a writer', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const err = await failure(digestFile(fifo, ['sha256']));
    expect(err.code).toBe('artifact_missing');
    expect(err.message).toBe(`artifact is not a regular file: ${fifo}`);
    expect(err.details).toMatchObject({ expected: 'regular file', actual: 'fifo' });
  });

  it('follows a symbolic link to a regular file', async () => {
    const target = file('link-target', 'abc');
    const link = path.join(dir, 'link');
    fs.symlinkSync(target, link);
    await expect(digestFile(link, ['sha256'])).resolves.toEqual({ sha256: ABC_SHA256, size: 3 });
  });

  it('rejects an empty or unknown algorithm list as a usage error', async () => {
    const abc = file('abc-usage', 'abc');
    expect((await failure(digestFile(abc, []))).code).toBe('usage_error');
    expect((await failure(digestFile(abc, ['md5' as DigestAlgorithm]))).code).toBe('usage_error');
  });
});

describe('digestFiles', () => {
  it('digests every file, results in the order given', async () => {
    const paths = ['c', 'a', 'b', 'empty-2'].map((name) =>
      file(`many-${name}`, name.startsWith('empty') ? '' : name),
    );
    const results = await digestFiles(paths, ['sha256'], { concurrency: 2 });
    expect(results.map((r) => r.path)).toEqual(paths);
    expect(results[3]).toEqual({ path: paths[3], sha256: EMPTY_SHA256, size: 0 });
    for (const result of results.slice(0, 3)) {
      const content = fs.readFileSync(result.path);
      expect(result.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    }
  });

  it('never has more files open than the concurrency allows', async () => {
    const paths = Array.from(
      { length: 12 },
      (_, i) => repeatedFile(`bounded-${i}`, Buffer.alloc(65_536, i), 8).target,
    );
    let open = 0;
    let peak = 0;
    const realOpen = fs.promises.open;
    const opened = jest.spyOn(fs.promises, 'open').mockImplementation(async (...args) => {
      const handle = await realOpen(...args);
      open++;
      peak = Math.max(peak, open);
      const close = handle.close.bind(handle);
      handle.close = () => {
        open--;
        return close();
      };
      return handle;
    });
    try {
      const results = await digestFiles(paths, ['sha256', 'sha512'], { concurrency: 3 });
      expect(results).toHaveLength(12);
    } finally {
      opened.mockRestore();
    }
    expect(peak).toBe(3);
  });

  it('returns nothing for no paths (the caller decides that nothing to check fails)', async () => {
    await expect(digestFiles([], ['sha256'])).resolves.toEqual([]);
  });

  it('rejects with the error of the file that cannot be read', async () => {
    const good = file('good', 'abc');
    const missing = path.join(dir, 'missing-in-batch');
    const err = await failure(digestFiles([good, missing, good], ['sha256'], { concurrency: 1 }));
    expect(err.code).toBe('artifact_missing');
    expect(err.message).toContain(missing);
  });

  it('rejects a concurrency below 1 as a usage error', async () => {
    expect((await failure(digestFiles([], ['sha256'], { concurrency: 0 }))).code).toBe('usage_error');
    expect((await failure(digestFiles([], ['sha256'], { concurrency: 1.5 }))).code).toBe('usage_error');
  });

  it('hashes a batch on worker threads, each file once, like crypto over its bytes', async () => {
    const block = Buffer.from(Array.from({ length: 100_003 }, (_, i) => (i * 17 + 3) % 253));
    const big = repeatedFile('worker-multi-chunk.bin', block, 23);
    const small = file('worker-abc', 'abc');
    const empty = file('worker-empty', '');
    const hashed = jest.spyOn(HashWorkers.prototype, 'hash');
    try {
      const results = await digestFiles([big.target, small, empty], ['sha256', 'sha512'], { concurrency: 2 });
      expect(results).toEqual([
        { path: big.target, size: big.size, sha256: big.sha256, sha512: big.sha512 },
        { path: small, size: 3, sha256: ABC_SHA256, sha512: ABC_SHA512 },
        { path: empty, size: 0, sha256: EMPTY_SHA256, sha512: EMPTY_SHA512 },
      ]);
      expect(hashed).toHaveBeenCalledTimes(3);
    } finally {
      hashed.mockRestore();
    }
  });

  it('hashes a single file without starting a worker', async () => {
    const hashed = jest.spyOn(HashWorkers.prototype, 'hash');
    try {
      const only = file('single', 'abc');
      await expect(digestFiles([only], ['sha256'])).resolves.toEqual([
        { path: only, size: 3, sha256: ABC_SHA256 },
      ]);
      expect(hashed).not.toHaveBeenCalled();
    } finally {
      hashed.mockRestore();
    }
  });

  it('hashes a single large file on a worker, to the same digest', async () => {
    const sparse = path.join(dir, 'single-large.bin');
    fs.writeFileSync(sparse, '');
    fs.truncateSync(sparse, WORKER_MIN_BYTES); // a hole: reads as zeros
    const expected = await digestFile(sparse, ['sha256']);
    const hashed = jest.spyOn(HashWorkers.prototype, 'hash');
    try {
      await expect(digestFiles([sparse], ['sha256'])).resolves.toEqual([{ path: sparse, ...expected }]);
      expect(hashed).toHaveBeenCalledTimes(1);
    } finally {
      hashed.mockRestore();
    }
  });

  it('starts one worker per core, never more than there are files', () => {
    expect(hashWorkerCount(8, 2)).toBe(2);
    expect(hashWorkerCount(1, 16)).toBe(1);
    expect(hashWorkerCount(0, 4)).toBe(1);
  });
});
