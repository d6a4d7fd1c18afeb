import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { archiveKind } from './archive-kind';
import { entryCounter } from './budget';
import type { ArchiveListing, ArchiveMember } from './member';
import { unsafeLinkTarget, unsafeMemberName } from './member-name';
import { ArchiveRefusal } from './refusal';
import type { ListingOptions } from './tar-listing';

const METHODS: Record<number, string> = {
  0: 'stored',
  8: 'deflate',
  9: 'deflate64',
  12: 'bzip2',
  14: 'lzma',
};

function openZip(file: string, label: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) =>
        error || !zip
          ? reject(
              new ArchiveRefusal(label, `not a readable zip (${error?.message ?? 'no zip'})`, {
                cause: error,
              }),
            )
          : resolve(zip),
    ),
  );
}

/**
 * Reads a zip's central directory and streams every entry through sha256 (yauzl checks each entry
 * expands to exactly its declared size). Entry count and declared sizes are checked against the
 * limits before any byte is inflated.
 */
export async function listZip(file: string, options: ListingOptions): Promise<ArchiveListing> {
  const { label } = options;
  const size = (await fs.promises.stat(file)).size;
  const zip = await openZip(file, label);
  try {
    if (zip.entryCount > options.budget.limits.maxEntries)
      throw new ArchiveRefusal(
        label,
        `holds ${zip.entryCount} entries, more than the limit of ${options.budget.limits.maxEntries}`,
      );
    const count = entryCounter(label, options.budget.limits);
    const expand = options.budget.archive(label, size);
    const members: ArchiveMember[] = [];
    for (;;) {
      const entry = await nextEntry(zip, label);
      if (entry === null) break;
      count();
      expand(entry.uncompressedSize);
      members.push(await readEntry(zip, entry, members.length, options));
    }
    return { members, container: { 'zip comment': zip.comment } };
  } finally {
    zip.close();
  }
}

function nextEntry(zip: yauzl.ZipFile, label: string): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (error: Error) => (
      cleanup(),
      reject(new ArchiveRefusal(label, `corrupt zip (${error.message})`, { cause: error }))
    );
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  index: number,
  options: ListingOptions,
): Promise<ArchiveMember> {
  const name = entry.fileName;
  const unsafe =
    unsafeMemberName(name) ??
    (name.includes('\\') ? `entry ${JSON.stringify(name)} has a backslash in its name` : null);
  if (unsafe !== null) throw new ArchiveRefusal(options.label, unsafe);
  const unixMode = (entry.externalFileAttributes >>> 16) & 0xffff;
  const symlink = (unixMode & 0o170000) === 0o120000;
  const directory = name.endsWith('/');
  const spool =
    !symlink && !directory && options.spoolDir !== null && archiveKind(name) !== null
      ? path.join(options.spoolDir, `${index}-${path.posix.basename(name)}`)
      : null;
  const { sha256, bytes } = await hashEntry(zip, entry, spool, symlink, options.label);
  if (symlink) {
    const outside = unsafeLinkTarget(name, bytes.toString('utf8'), 'symlink');
    if (outside !== null) throw new ArchiveRefusal(options.label, outside);
  }
  return {
    name,
    type: symlink ? 'symlink' : directory ? 'directory' : 'file',
    sha256: symlink || directory ? null : sha256,
    size: entry.uncompressedSize,
    mode: unixMode === 0 ? null : unixMode,
    mtime: entry.getLastModDate({ timezone: 'UTC' }).toISOString(),
    owner: null,
    linkTarget: symlink ? bytes.toString('utf8') : null,
    compression: METHODS[entry.compressionMethod] ?? `method ${entry.compressionMethod}`,
    spooled: spool,
  };
}

function hashEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  spool: string | null,
  keep: boolean,
  label: string,
): Promise<{ sha256: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) =>
      reject(
        new ArchiveRefusal(label, `corrupt entry ${JSON.stringify(entry.fileName)} (${error.message})`, {
          cause: error,
        }),
      );
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return fail(error ?? new Error('no stream'));
      const hash = createHash('sha256');
      const kept: Buffer[] = [];
      let keptBytes = 0;
      const fd = spool === null ? null : fs.openSync(spool, 'wx', 0o600);
      stream.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        if (fd !== null) fs.writeSync(fd, chunk);
        // A link target: keep only what a path can be.
        if (keep && keptBytes < 4096) {
          kept.push(chunk);
          keptBytes += chunk.length;
        }
      });
      stream.on('error', (streamError: Error) => {
        if (fd !== null) fs.closeSync(fd);
        fail(streamError);
      });
      stream.on('end', () => {
        if (fd !== null) fs.closeSync(fd);
        resolve({ sha256: hash.digest('hex'), bytes: Buffer.concat(kept) });
      });
    });
  });
}
