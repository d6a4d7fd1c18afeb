import { HashWorkers, WorkerHashError } from './hash-workers';

/** A descriptor number no test process has open. */
const NOT_OPEN = 1_000_000;

describe('HashWorkers', () => {
  it('answers a read error with its errno code, and keeps serving', async () => {
    const workers = new HashWorkers(1, 1024);
    try {
      const error = await workers.hash(NOT_OPEN, ['sha256']).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(WorkerHashError);
      expect((error as WorkerHashError).code).toBe('EBADF');
      await expect(workers.hash(NOT_OPEN, ['sha512'])).rejects.toThrow('hashing failed: EBADF');
    } finally {
      await workers.close();
    }
  });
});
