import { gzipSync, type ZlibOptions } from 'node:zlib';
import { create } from 'tar';

export interface TarEntry {
  /** Stored as given (at most 100 bytes): `../x` and `/etc/x` are kept for hostile fixtures. */
  name: string;
  data?: string | Buffer;
  type?: 'file' | 'directory' | 'symlink' | 'hardlink';
  linkTarget?: string;
  mode?: number;
  /** Defaults to a fixed date, so the same entries give the same bytes. */
  mtime?: Date;
  uid?: number;
  gid?: number;
}

const FIXED_MTIME = new Date('2024-01-01T00:00:00Z');
const TYPE_FLAGS = { file: '0', hardlink: '1', symlink: '2', directory: '5' } as const;

function field(header: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length)
    throw new Error(`buildTar: ${JSON.stringify(value)} does not fit ${length} bytes`);
  bytes.copy(header, offset);
}

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

/** The 512-byte ustar header of `entry` with `size` bytes of data (for streaming large fixtures). */
export function tarHeader(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(512);
  const type = entry.type ?? 'file';
  field(block, 0, 100, entry.name);
  field(block, 100, 8, octal(entry.mode ?? (type === 'directory' ? 0o755 : 0o644), 8));
  field(block, 108, 8, octal(entry.uid ?? 0, 8));
  field(block, 116, 8, octal(entry.gid ?? 0, 8));
  field(block, 124, 12, octal(size, 12));
  field(block, 136, 12, octal(Math.floor((entry.mtime ?? FIXED_MTIME).getTime() / 1000), 12));
  field(block, 148, 8, '        ');
  field(block, 156, 1, TYPE_FLAGS[type]);
  field(block, 157, 100, entry.linkTarget ?? '');
  field(block, 257, 8, 'ustar\u000000');
  let sum = 0;
  for (const byte of block) sum += byte;
  field(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/**
 * A ustar archive written byte by byte, so tests can build what no archiver would: escaping names,
 * links pointing out, truncated or corrupt archives.
 */
export function buildTar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? '');
    const type = entry.type ?? 'file';
    const size = type === 'file' ? data.length : 0;
    parts.push(tarHeader(entry, size));
    if (size > 0) parts.push(data, Buffer.alloc((512 - (size % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function buildTarGz(entries: TarEntry[], gzip: ZlibOptions = {}): Buffer {
  return gzipSync(buildTar(entries), gzip);
}

/** A tar.gz of a folder's contents made by node-tar itself (portable: no owner, no atime). */
export async function tarGzFolder(folder: string, file: string, mtime = FIXED_MTIME): Promise<void> {
  await create({ gzip: true, file, cwd: folder, portable: true, mtime }, ['.']);
}
