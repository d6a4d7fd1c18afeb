import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

export interface BundleEntry {
  name: string;
  content: Buffer;
}

/** Byte 9 of a gzip header names the OS that wrote it; "unknown" keeps the bytes the same everywhere. */
const GZIP_OS_UNKNOWN = 255;

/**
 * A reproducible .tar.gz: entries sorted by name, every mtime `mtime`, mode 0644, uid and gid 0 with
 * no owner names, and a gzip header with neither a file name nor a time. The same entries and time
 * give the same bytes.
 */
export async function deterministicTarGz(entries: BundleEntry[], mtime: Date): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    tar.on('end', resolve);
    tar.on('error', reject);
  });
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of sorted) {
    tar.entry(
      {
        name: entry.name,
        size: entry.content.length,
        mtime,
        mode: 0o644,
        uid: 0,
        gid: 0,
        uname: '',
        gname: '',
        type: 'file',
      },
      entry.content,
    );
  }
  tar.finalize();
  await done;
  const gzip = gzipSync(Buffer.concat(chunks), { level: 9 });
  gzip[9] = GZIP_OS_UNKNOWN;
  return gzip;
}
