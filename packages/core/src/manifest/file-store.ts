import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ReleaseGuardError } from '../errors';
import { ManifestConflictError } from './errors';
import {
  MANIFEST_STORE_LABEL,
  type ManifestStore,
  type StoreLabel,
  type StoredManifest,
  type WriteResult,
} from './store';

export interface FileManifestStoreOptions {
  /** A lock older than this is taken over even if its holder may still run (default 30 s). */
  staleLockMs?: number;
  /** Give up waiting for a live holder's lock after this long (default 60 s). */
  lockTimeoutMs?: number;
  /** How messages name the file (default: the manifest). */
  label?: StoreLabel;
}

/** How long an empty lock file may be the fresh lock of a live writer (see isStale). */
const EMPTY_LOCK_GRACE_MS = 2000;

interface LockIdentity {
  ino: number;
  mtimeMs: number;
}

interface LockHolder extends LockIdentity {
  pid: number | null;
  host: string | null;
  createdAt: string | null;
}

/** sha256 of the file's bytes: the version token of a file manifest. */
export function fileManifestVersion(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * A manifest in a local file. A write replaces the file atomically (a temp file in the same folder,
 * fsync, rename, fsync of the folder), so a reader or a crash sees the old or the new file whole.
 * Compare-and-swap is by content hash, checked while holding `<file>.lock`, created with O_EXCL so
 * that writers on this machine (or on a shared folder) take turns. A lock whose holder died on this
 * host, that stayed empty (its writer died before naming itself), or that is older than
 * `staleLockMs`, is taken over.
 */
export class FileManifestStore implements ManifestStore {
  readonly location: string;
  private readonly path: string;
  private readonly lockPath: string;
  private readonly staleLockMs: number;
  private readonly lockTimeoutMs: number;
  private readonly label: StoreLabel;

  constructor(path: string, options: FileManifestStoreOptions = {}) {
    this.path = resolve(path);
    this.location = this.path;
    this.lockPath = `${this.path}.lock`;
    this.staleLockMs = options.staleLockMs ?? 30_000;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
    this.label = options.label ?? MANIFEST_STORE_LABEL;
  }

  async read(): Promise<StoredManifest> {
    const bytes = await this.readBytes();
    return bytes === null
      ? { content: null, version: null }
      : { content: bytes.toString('utf8'), version: fileManifestVersion(bytes) };
  }

  async write(content: string, expectedVersion: string | null, _message: string): Promise<WriteResult> {
    const folder = dirname(this.path);
    await this.fsStep('create the folder of', () => mkdir(folder, { recursive: true }));
    const lock = await this.acquireLock();
    let temp: string | null = null;
    try {
      const current = await this.readBytes();
      if ((current === null ? null : fileManifestVersion(current)) !== expectedVersion)
        return { ok: false, reason: 'conflict' };
      await this.removeLeftovers();

      const bytes = Buffer.from(content, 'utf8');
      const mode = await stat(this.path).then(
        (stats) => stats.mode & 0o777,
        () => 0o644,
      );
      temp = join(folder, `.${basename(this.path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      const tempPath = temp;
      await this.fsStep('write a temporary file next to', async () => {
        const handle = await open(tempPath, 'wx', mode);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
      });
      // Our lock may have been taken over as stale while we were slow; then another writer may be in here.
      if (!(await this.holds(lock))) return { ok: false, reason: 'conflict' };
      await this.fsStep('replace', () => rename(tempPath, this.path));
      temp = null;
      await syncFolder(folder);
      return { ok: true, version: fileManifestVersion(bytes) };
    } finally {
      if (temp !== null) await unlink(temp).catch(() => undefined);
      await this.releaseLock(lock);
    }
  }

  private async readBytes(): Promise<Buffer | null> {
    try {
      return await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw this.fsError('read', error);
    }
  }

  private async acquireLock(): Promise<LockIdentity> {
    const deadline = Date.now() + this.lockTimeoutMs;
    let delayMs = 5;
    for (;;) {
      const mine = await this.tryCreateLock();
      if (mine !== null) return mine;
      const holder = await this.lockHolder();
      if (holder === null) continue;
      if (this.isStale(holder)) {
        await this.takeOverStaleLock(holder);
        continue;
      }
      if (Date.now() > deadline) {
        const who =
          holder.pid === null
            ? 'an unknown process'
            : `pid ${holder.pid} on ${holder.host ?? 'an unknown host'}`;
        throw new ManifestConflictError(
          this.location,
          0,
          `${this.lockPath} is held by ${who} since ${holder.createdAt ?? new Date(holder.mtimeMs).toISOString()}; waited ${Math.round(this.lockTimeoutMs / 1000)} s. ` +
            `If no release-guard process is writing this ${this.label.noun}, delete the lock file and run again; nothing was written.`,
        );
      }
      await sleep(delayMs * (0.5 + Math.random()));
      delayMs = Math.min(delayMs * 2, 200);
    }
  }

  private async tryCreateLock(): Promise<LockIdentity | null> {
    let handle;
    try {
      handle = await open(this.lockPath, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
      throw this.fsError('create the lock file of', error);
    }
    try {
      await handle.writeFile(
        JSON.stringify({ pid: process.pid, host: hostname(), created_at: new Date().toISOString() }),
      );
      const stats = await handle.stat();
      return { ino: stats.ino, mtimeMs: stats.mtimeMs };
    } finally {
      await handle.close();
    }
  }

  /** The current lock's identity and owner; null when it vanished meanwhile. */
  private async lockHolder(): Promise<LockHolder | null> {
    try {
      const stats = await stat(this.lockPath);
      const text = await readFile(this.lockPath, 'utf8').catch(() => '');
      let owner: { pid?: unknown; host?: unknown; created_at?: unknown } = {};
      try {
        owner = JSON.parse(text);
      } catch {
        // Created but not written yet, or its writer died in between (see isStale).
      }
      return {
        ino: stats.ino,
        mtimeMs: stats.mtimeMs,
        pid: Number.isSafeInteger(owner.pid) ? (owner.pid as number) : null,
        host: typeof owner.host === 'string' ? owner.host : null,
        createdAt: typeof owner.created_at === 'string' ? owner.created_at : null,
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw this.fsError('inspect the lock file of', error);
    }
  }

  /**
   * Stale: older than staleLockMs; or its holder, on this host, is dead; or it is still empty after
   * EMPTY_LOCK_GRACE_MS (a writer writes its name right after creating the lock, so an empty lock is
   * one whose writer died in between). Taking over a live lock by mistake is caught by `holds`.
   */
  private isStale(holder: LockHolder): boolean {
    const age = Date.now() - holder.mtimeMs;
    if (age > this.staleLockMs) return true;
    if (holder.pid === null) return age > EMPTY_LOCK_GRACE_MS;
    return holder.host === hostname() && !processIsAlive(holder.pid);
  }

  /**
   * Moves the stale lock aside under a unique name (only one contender's rename can succeed), then
   * checks that what it moved is the lock it judged stale: if a fresh lock had replaced it meanwhile,
   * puts that one back.
   */
  private async takeOverStaleLock(stale: LockIdentity): Promise<void> {
    const aside = `${this.lockPath}.stale.${process.pid}.${randomBytes(6).toString('hex')}`;
    try {
      await rename(this.lockPath, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw this.fsError('take over the stale lock of', error);
    }
    const moved = await stat(aside);
    if (!sameLock(moved, stale)) await link(aside, this.lockPath).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
  }

  private async holds(lock: LockIdentity): Promise<boolean> {
    const current = await stat(this.lockPath).catch(() => null);
    return current !== null && sameLock(current, lock);
  }

  private async releaseLock(lock: LockIdentity): Promise<void> {
    if (await this.holds(lock)) await unlink(this.lockPath).catch(() => undefined);
  }

  /** Temp files and moved-aside locks of writers that died; only the lock holder writes either. */
  private async removeLeftovers(): Promise<void> {
    const folder = dirname(this.path);
    const name = basename(this.path);
    const names = await readdir(folder).catch(() => [] as string[]);
    const leftovers = names.filter(
      (entry) =>
        (entry.startsWith(`.${name}.`) && entry.endsWith('.tmp')) || entry.startsWith(`${name}.lock.stale.`),
    );
    await Promise.all(leftovers.map((entry) => unlink(join(folder, entry)).catch(() => undefined)));
  }

  private async fsStep<T>(what: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      throw this.fsError(what, error);
    }
  }

  private fsError(what: string, error: unknown): ReleaseGuardError {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return new ReleaseGuardError(
      'unreadable_input',
      `cannot ${what} the ${this.label.noun} ${this.path} (${code}: ${(error as Error).message}); check the path and its permissions. Nothing was written.`,
      { location: this.path, code },
    );
  }
}

function sameLock(stats: { ino: number; mtimeMs: number }, lock: LockIdentity): boolean {
  return stats.ino === lock.ino && stats.mtimeMs === lock.mtimeMs;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes the rename durable; folders cannot be fsynced on every platform, which only weakens durability. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here (e.g. Windows); the rename itself is still atomic.
  }
}
