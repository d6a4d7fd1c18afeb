import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ReleaseGuardError } from '../errors';

export interface ZipLimits {
  /** Most entries a zip may hold (a million tiny entries is an attack, not an artifact). */
  maxEntries: number;
  /** Most bytes all entries may expand to. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 8 * 1024 ** 3 };

function refuse(zipFile: string, message: string): ReleaseGuardError {
  return new ReleaseGuardError(
    'artifact_missing',
    `${path.basename(zipFile)}: ${message}; nothing was extracted from it`,
  );
}

/**
 * Resolves a zip entry name inside `dir`, refusing zip-slip (`../`, absolute and drive paths,
 * backslashes) so no entry can be written outside the folder.
 */
export function entryTarget(dir: string, name: string): string | null {
  if (name.includes('\\') || name.includes('\0') || path.isAbsolute(name) || /^[a-zA-Z]:/.test(name))
    return null;
  const parts = name.split('/');
  if (parts.some((part) => part === '..')) return null;
  const target = path.resolve(dir, name);
  return target.startsWith(path.resolve(dir) + path.sep) ? target : null;
}

function isSymlink(entry: yauzl.Entry): boolean {
  const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
  return mode === 0o120000;
}

/**
 * Extracts a zip into `dir` (which must be new and empty), streaming each entry to disk. Refuses
 * zip-slip names, symlinks, too many entries and more bytes than the limit; yauzl checks that every
 * entry expands to exactly the size it declares. On refusal `dir` is emptied again.
 */
export async function extractZip(
  zipFile: string,
  dir: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<string[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(
        zipFile,
        { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true },
        (error, opened) => (error || !opened ? reject(error ?? new Error('no zip')) : resolve(opened)),
      ),
    );
  } catch (error) {
    throw refuse(zipFile, `not a readable zip archive (${(error as Error).message})`);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw refuse(zipFile, `${zip.entryCount} entries exceed the limit of ${limits.maxEntries}`);
  }
  const written: string[] = [];
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        const handle = async () => {
          if (entry.fileName.endsWith('/')) return;
          if (isSymlink(entry))
            throw refuse(zipFile, `entry ${JSON.stringify(entry.fileName)} is a symbolic link`);
          const target = entryTarget(dir, entry.fileName);
          if (!target)
            throw refuse(
              zipFile,
              `entry ${JSON.stringify(entry.fileName)} would be written outside the folder`,
            );
          total += entry.uncompressedSize;
          if (total > limits.maxTotalBytes)
            throw refuse(zipFile, `expands to more than ${limits.maxTotalBytes} bytes`);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          const stream = await new Promise<NodeJS.ReadableStream>((res, rej) =>
            zip.openReadStream(entry, (error, opened) =>
              error || !opened ? rej(error ?? new Error('no stream')) : res(opened),
            ),
          );
          await pipeline(stream, fs.createWriteStream(target, { flags: 'wx' }));
          written.push(target);
        };
        handle().then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    for (const file of written) fs.rmSync(file, { force: true });
    if (error instanceof ReleaseGuardError) throw error;
    throw refuse(zipFile, `broken archive (${(error as Error).message})`);
  }
  return written;
}
