import { ZipFile } from 'yazl';

export interface ZipEntry {
  /** Name stored in the archive, used as given: `../x`, `/etc/x` and `a\\b` are kept for zip-slip fixtures. */
  name: string;
  data: string | Buffer;
  /** Unix mode bits, e.g. `0o100755`; `0o120777` marks a symlink whose data is its target. */
  mode?: number;
  /** Defaults to a fixed date so that the same entries always give the same bytes (and digest). */
  mtime?: Date;
  /** Deflate the entry (default true). */
  compress?: boolean;
}

const FIXED_MTIME = new Date('2024-01-01T00:00:00Z');

/**
 * Builds a zip archive in memory, e.g. the bytes of an Actions artifact. The same entries always give
 * the same bytes.
 */
export async function buildZip(entries: ZipEntry[] | Record<string, string | Buffer>): Promise<Buffer> {
  const list: ZipEntry[] = Array.isArray(entries)
    ? entries
    : Object.entries(entries).map(([name, data]) => ({ name, data }));
  const zip = new ZipFile();
  // yazl refuses names that escape the archive; such entries are written under a stand-in name of
  // the same byte length, and the real name is written over it in the finished bytes.
  const unsafeNames = new Map<number, string>();
  list.forEach((entry, index) => {
    let stored = entry.name;
    if (!yazlAccepts(entry.name)) {
      stored = standInFor(entry.name, index);
      unsafeNames.set(index, entry.name);
    }
    zip.addBuffer(Buffer.from(entry.data), stored, {
      mtime: entry.mtime ?? FIXED_MTIME,
      mode: entry.mode ?? 0o100644,
      compress: entry.compress ?? true,
    });
  });
  zip.end();
  const chunks: Buffer[] = [];
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
  if (unsafeNames.size > 0) writeNames(bytes, unsafeNames);
  return bytes;
}

function yazlAccepts(name: string): boolean {
  const normalised = name.replace(/\\/g, '/');
  return (
    name !== '' &&
    !name.includes('\\') &&
    !/^[a-zA-Z]:/.test(normalised) &&
    !normalised.startsWith('/') &&
    !normalised.endsWith('/') &&
    !normalised.split('/').includes('..')
  );
}

function standInFor(name: string, index: number): string {
  const length = Buffer.byteLength(name);
  const standIn = `n${index}`.padEnd(length, '_');
  if (standIn.length !== length)
    throw new Error(`buildZip: entry name too short to be written as given: ${JSON.stringify(name)}`);
  return standIn;
}

/** Writes each entry's real name over its stand-in, in the central directory and in the local header. */
function writeNames(bytes: Buffer, names: Map<number, string>): void {
  const endOfDirectory = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(endOfDirectory + 10);
  let at = bytes.readUInt32LE(endOfDirectory + 16);
  for (let index = 0; index < count; index++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50)
      throw new Error('buildZip: unexpected central directory layout');
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = names.get(index);
    if (name !== undefined) {
      const localHeader = bytes.readUInt32LE(at + 42);
      Buffer.from(name).copy(bytes, at + 46);
      Buffer.from(name).copy(bytes, localHeader + 30);
    }
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}
