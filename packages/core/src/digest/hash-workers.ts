import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DigestAlgorithm } from './digest-file';

/**
 * The worker's whole program. It is source text, not a module of ours: a bundled action or CLI has
 * no file to point a Worker at, and the worker needs nothing but Node's own modules. It reads the
 * file descriptor it is given (opened and checked by the main thread, which also closes it) from
 * offset 0 in chunks, feeds every hash, and answers with the digests or the error's code.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const chunk = Buffer.allocUnsafe(workerData.chunkSize);
parentPort.on('message', ({ id, fd, algorithms }) => {
  try {
    const hashes = algorithms.map((algorithm) => createHash(algorithm));
    let size = 0;
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, size);
      if (read === 0) break;
      size += read;
      const bytes = read === chunk.length ? chunk : chunk.subarray(0, read);
      for (const hash of hashes) hash.update(bytes);
    }
    parentPort.postMessage({ id, size, digests: hashes.map((hash) => hash.digest('hex')) });
  } catch (error) {
    parentPort.postMessage({ id, error: (error && error.code) || String(error) });
  }
});
`;

export interface WorkerDigest {
  size: number;
  /** Hex digests, in the order of the algorithms asked for. */
  digests: string[];
}

/** A read or hash error inside a worker: the errno code (`EIO`, …) or the error's text. */
export class WorkerHashError extends Error {
  constructor(readonly code: string) {
    super(`hashing failed: ${code}`);
  }
}

type Answer = { id: number; size: number; digests: string[] } | { id: number; error: string };

interface Pending {
  resolve: (digest: WorkerDigest) => void;
  reject: (error: Error) => void;
}

/** Worker threads that hash open files, so many artifacts use every core while each is read once. */
export class HashWorkers {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(count: number, chunkSize: number) {
    this.workers = Array.from({ length: count }, () => this.start(chunkSize));
    this.idle = [...this.workers];
  }

  /** Hashes the open file `fd` from its start with `algorithms` on the next free worker. */
  async hash(fd: number, algorithms: readonly DigestAlgorithm[]): Promise<WorkerDigest> {
    const worker = await this.acquire();
    try {
      const id = this.nextId++;
      return await new Promise<WorkerDigest>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        worker.postMessage({ id, fd, algorithms });
      });
    } finally {
      this.release(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private start(chunkSize: number): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { chunkSize } });
    worker.on('message', (answer: Answer) => {
      const pending = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if ('error' in answer) pending?.reject(new WorkerHashError(answer.error));
      else pending?.resolve({ size: answer.size, digests: answer.digests });
    });
    worker.on('error', (error) => this.failAll(error));
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private async acquire(): Promise<Worker> {
    while (this.idle.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.idle.pop() as Worker;
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }
}

/** Threads worth starting for `files` files: one per core, never more than there are files. */
export function hashWorkerCount(files: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(cores, files));
}
