import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { archiveKind } from './archive-kind';
import { entryCounter, type ExpansionBudget } from './budget';
import type { ArchiveListing, ArchiveMember } from './member';
import { unsafeLinkTarget, unsafeMemberName } from './member-name';
import { ArchiveRefusal } from './refusal';

export interface ListingOptions {
  /** How messages name the archive (its path, nested members joined with `!/`). */
  label: string;
  budget: ExpansionBudget;
  /** Where members that are archives themselves are spooled for the next level; null: none are. */
  spoolDir: string | null;
}

const TYPES: Record<string, ArchiveMember['type']> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'directory',
  SymbolicLink: 'symlink',
  Link: 'hardlink',
};

/**
 * Reads a tar (or a gzip-compressed tar) in one streamed pass through node-tar's Parser, hashing each
 * member and never writing a member to its own path. Any parser warning (bad checksum, truncated
 * input, unknown format) refuses the archive: half a listing must never read as identical.
 */
export async function listTar(file: string, gzip: boolean, options: ListingOptions): Promise<ArchiveListing> {
  const { label } = options;
  const size = (await fs.promises.stat(file)).size;
  const expand = options.budget.archive(label, size);
  const members: ArchiveMember[] = [];
  let failure: unknown = null;
  const parser = new Parser({ strict: false });
  parser.on('warn', (code: string, message: string | Error) => {
    failure ??= new ArchiveRefusal(label, `corrupt or truncated tar (${code}: ${String(message)})`);
  });
  const count = entryCounter(label, options.budget.limits);
  parser.on('entry', (entry: ReadEntry) => {
    try {
      count();
      readEntry(entry, members, options);
    } catch (error) {
      failure ??= error;
      entry.resume();
    }
  });
  const ended = once(parser, 'end');
  const source = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
  const stream = gzip ? source.pipe(createGunzip()) : source;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (gzip) expand(chunk.length);
      if (!parser.write(chunk)) await once(parser, 'drain');
      if (failure !== null) break;
    }
  } catch (error) {
    throw error instanceof ArchiveRefusal
      ? error
      : new ArchiveRefusal(
          label,
          `not a readable ${gzip ? 'gzip' : 'tar'} stream (${(error as Error).message})`,
          {
            cause: error,
          },
        );
  } finally {
    source.destroy();
  }
  if (failure !== null) throw failure;
  parser.end();
  await ended;
  if (failure !== null) throw failure;
  return { members, container: gzip ? await gzipHeader(file) : {} };
}

function readEntry(entry: ReadEntry, members: ArchiveMember[], options: ListingOptions): void {
  const name = entry.path;
  const unsafe = unsafeMemberName(name);
  if (unsafe !== null) throw new ArchiveRefusal(options.label, unsafe);
  const type = TYPES[entry.type] ?? 'other';
  const linkTarget = entry.linkpath ?? null;
  if ((type === 'symlink' || type === 'hardlink') && linkTarget !== null) {
    const outside = unsafeLinkTarget(name, linkTarget, type);
    if (outside !== null) throw new ArchiveRefusal(options.label, outside);
  }
  const member: ArchiveMember = {
    name,
    type,
    sha256: null,
    size: entry.size,
    mode: entry.mode ?? null,
    mtime: entry.mtime?.toISOString() ?? null,
    owner: ownerOf(entry),
    linkTarget,
    compression: null,
    spooled: null,
  };
  const hash = createHash('sha256');
  const spool =
    type === 'file' && options.spoolDir !== null && archiveKind(name) !== null
      ? path.join(options.spoolDir, `${members.length}-${path.posix.basename(name)}`)
      : null;
  const fd = spool === null ? null : fs.openSync(spool, 'wx', 0o600);
  entry.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    // Synchronous, so a slow disk holds the parser back instead of filling memory.
    if (fd !== null) fs.writeSync(fd, chunk);
  });
  entry.on('end', () => {
    if (fd !== null) fs.closeSync(fd);
    members.push({
      ...member,
      sha256: type === 'file' || type === 'other' ? hash.digest('hex') : null,
      spooled: spool,
    });
  });
}

function ownerOf(entry: ReadEntry): string {
  const ids = `${entry.uid ?? '?'}:${entry.gid ?? '?'}`;
  return entry.uname || entry.gname ? `${ids} (${entry.uname ?? ''}:${entry.gname ?? ''})` : ids;
}

/** The gzip header fields that differ between otherwise equal streams (RFC 1952 section 2.3). */
async function gzipHeader(file: string): Promise<Record<string, string>> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const header = Buffer.alloc(10);
    await handle.read(header, 0, 10, 0);
    return {
      'gzip header mtime': String(header.readUInt32LE(4)),
      'gzip extra flags (level)': String(header[8]),
      'gzip header OS': String(header[9]),
      'gzip header flags': String(header[3]),
    };
  } finally {
    await handle.close();
  }
}
