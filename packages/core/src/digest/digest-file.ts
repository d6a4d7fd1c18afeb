import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import { ReleaseGuardError } from '../errors';
import { HashWorkers, hashWorkerCount, WorkerHashError } from './hash-workers';

export type DigestAlgorithm = 'sha256' | 'sha512';

export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['sha256', 'sha512'];

/** Lowercase hex digests of a file (only the algorithms asked for) and the number of bytes read. */
export interface FileDigest {
  sha256?: string;
  sha512?: string;
  size: number;
}

export interface PathDigest extends FileDigest {
  path: string;
}

export interface DigestFilesOptions {
  /** Files hashed at the same time, each on its own worker thread. Default: one per core. */
  concurrency?: number;
}

/** Bytes per read: large enough to keep the hash functions busy, small enough for a 2 GiB artifact. */
export const DIGEST_CHUNK_SIZE = 1024 * 1024;

/** A single file at least this large is hashed on a worker thread (see digestFiles). */
export const WORKER_MIN_BYTES = 32 * 1024 * 1024;

// O_NONBLOCK makes opening a FIFO return at once (so we can refuse it) instead of waiting for a writer.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Opens `path` for reading and checks that it is a regular file. A file that is missing, unreadable, a
 * directory or not a regular file is `artifact_missing`, naming the path.
 */
async function openRegularFile(path: string): Promise<{ handle: fs.promises.FileHandle; size: number }> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(path, OPEN_FLAGS);
  } catch (err) {
    throw unreadable(path, errno(err));
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw unreadable(path, 'EISDIR');
    if (!stat.isFile()) {
      throw new ReleaseGuardError('artifact_missing', `artifact is not a regular file: ${path}`, {
        path,
        expected: 'regular file',
        actual: fileType(stat),
      });
    }
    return { handle, size: stat.size };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err instanceof ReleaseGuardError ? err : unreadable(path, errno(err));
  }
}

/**
 * Hashes a file in one streamed read: every chunk feeds all requested hash functions, so a file is read
 * once whatever the number of algorithms, and never held in memory whole. A file that is missing,
 * unreadable, a directory or not a regular file is `artifact_missing`, naming the path.
 */
export async function digestFile(path: string, algorithms: readonly DigestAlgorithm[]): Promise<FileDigest> {
  const wanted = checkAlgorithms(algorithms);
  const { handle } = await openRegularFile(path);
  return streamOpenFile(handle, path, wanted);
}

/** Streams an opened file through every hash on this thread, then closes it. */
async function streamOpenFile(
  handle: fs.promises.FileHandle,
  path: string,
  wanted: DigestAlgorithm[],
): Promise<FileDigest> {
  const hashes = new Map<DigestAlgorithm, Hash>(
    wanted.map((algorithm) => [algorithm, createHash(algorithm)]),
  );
  let size = 0;
  try {
    const stream = handle.createReadStream({ highWaterMark: DIGEST_CHUNK_SIZE, autoClose: false });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      for (const hash of hashes.values()) {
        hash.update(chunk);
      }
    }
  } catch (err) {
    throw unreadable(path, errno(err));
  } finally {
    await handle.close().catch(() => undefined);
  }
  const digest: FileDigest = { size };
  for (const [algorithm, hash] of hashes) {
    digest[algorithm] = hash.digest('hex');
  }
  return digest;
}

/** One file hashed on a worker thread; the file is opened and checked, and closed, on this one. */
async function digestOnWorker(
  workers: HashWorkers,
  path: string,
  algorithms: DigestAlgorithm[],
  opened?: fs.promises.FileHandle,
): Promise<PathDigest> {
  const handle = opened ?? (await openRegularFile(path)).handle;
  try {
    const { size, digests } = await workers.hash(handle.fd, algorithms);
    const digest: PathDigest = { path, size };
    algorithms.forEach((algorithm, index) => (digest[algorithm] = digests[index]));
    return digest;
  } catch (err) {
    throw unreadable(path, err instanceof WorkerHashError ? err.code : errno(err));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * {@link digestFile} for many files, on worker threads (one per core unless `concurrency` says how many
 * files at a time), so hashing uses every core; each file is still read once. Results in the order of
 * `paths`. Rejects with the first file's error and starts no further file after it. Zero paths give
 * zero results: deciding that nothing to check is a failure is the caller's job.
 */
export async function digestFiles(
  paths: readonly string[],
  algorithms: readonly DigestAlgorithm[],
  options: DigestFilesOptions = {},
): Promise<PathDigest[]> {
  const wanted = checkAlgorithms(algorithms);
  const concurrency = options.concurrency ?? hashWorkerCount(paths.length);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ReleaseGuardError('usage_error', `digest concurrency must be a whole number of at least 1`, {
      expected: '>= 1',
      actual: concurrency,
    });
  }
  // A small file alone is hashed here, without a worker's start-up; a large one goes to a worker too,
  // whose plain read loop outruns a stream on the main thread.
  if (paths.length === 0) return [];
  if (paths.length === 1) return [await digestSingle(paths[0], wanted)];
  const workers = new HashWorkers(Math.min(concurrency, paths.length), DIGEST_CHUNK_SIZE);
  const results: PathDigest[] = new Array(paths.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < paths.length) {
      const index = next++;
      try {
        results[index] = await digestOnWorker(workers, paths[index], wanted);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, lane));
  } finally {
    await workers.close();
  }
  return results;
}

/** One file: streamed here when small, else on a single worker; opened (and its size read) once. */
async function digestSingle(path: string, wanted: DigestAlgorithm[]): Promise<PathDigest> {
  const { handle, size } = await openRegularFile(path);
  if (size < WORKER_MIN_BYTES) return { path, ...(await streamOpenFile(handle, path, wanted)) };
  const workers = new HashWorkers(1, DIGEST_CHUNK_SIZE);
  try {
    return await digestOnWorker(workers, path, wanted, handle);
  } finally {
    await workers.close();
  }
}

function checkAlgorithms(algorithms: readonly DigestAlgorithm[]): DigestAlgorithm[] {
  const unknown = algorithms.filter((algorithm) => !DIGEST_ALGORITHMS.includes(algorithm));
  if (algorithms.length === 0 || unknown.length > 0) {
    throw new ReleaseGuardError(
      'usage_error',
      `digest algorithms must be one or more of ${DIGEST_ALGORITHMS.join(', ')}; got [${algorithms.join(', ')}]`,
      { expected: DIGEST_ALGORITHMS, actual: algorithms },
    );
  }
  return [...new Set(algorithms)];
}

const REASONS: Record<string, string> = {
  ENOENT: 'artifact not found',
  ENOTDIR: 'artifact not found (a parent is not a directory)',
  EACCES: 'artifact not readable (permission denied)',
  EPERM: 'artifact not readable (operation not permitted)',
  EISDIR: 'artifact is a directory, not a file',
  ELOOP: 'artifact not readable (too many symbolic links)',
};

function errno(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : String(err);
}

function unreadable(path: string, code: string): ReleaseGuardError {
  const reason = REASONS[code] ?? `artifact could not be read (${code})`;
  return new ReleaseGuardError('artifact_missing', `${reason}: ${path}`, { path, errno: code });
}

function fileType(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  return 'unknown';
}
