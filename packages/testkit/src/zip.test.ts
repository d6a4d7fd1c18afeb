import yauzl from 'yauzl';
import { buildZip } from './zip';

interface Read {
  name: string;
  data: string;
  mode: number;
}

async function readZip(bytes: Buffer): Promise<Read[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    // Names are checked by the consumer, not here: the fixtures are meant to carry bad ones.
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: false },
      (error, file) => (error ? reject(error) : resolve(file as yauzl.ZipFile)),
    ),
  );
  const entries: Read[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.push({
            name: (entry.fileName as unknown as Buffer).toString('utf8'),
            data: Buffer.concat(chunks).toString('utf8'),
            mode: entry.externalFileAttributes >>> 16,
          });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}

describe('buildZip', () => {
  it('builds an archive that a standard reader reads back', async () => {
    const bytes = await buildZip({
      'app.tar.gz': Buffer.from([1, 2, 3]),
      'nested/provenance.intoto.jsonl': '{"a":1}\n',
    });
    expect(await readZip(bytes)).toEqual([
      { name: 'app.tar.gz', data: '\u0001\u0002\u0003', mode: 0o100644 },
      { name: 'nested/provenance.intoto.jsonl', data: '{"a":1}\n', mode: 0o100644 },
    ]);
  });

  it('gives the same bytes for the same entries', async () => {
    const entries = { 'a.txt': 'same' };
    expect((await buildZip(entries)).equals(await buildZip(entries))).toBe(true);
  });

  it('keeps names that escape the archive, for zip-slip fixtures', async () => {
    const bytes = await buildZip([
      { name: '../../etc/evil', data: 'x' },
      { name: '/abs/olute.txt', data: 'y' },
      { name: 'dir\\back.txt', data: 'z' },
      { name: 'link', data: '../../outside', mode: 0o120777 },
    ]);
    expect(await readZip(bytes)).toEqual([
      { name: '../../etc/evil', data: 'x', mode: 0o100644 },
      { name: '/abs/olute.txt', data: 'y', mode: 0o100644 },
      { name: 'dir\\back.txt', data: 'z', mode: 0o100644 },
      { name: 'link', data: '../../outside', mode: 0o120777 },
    ]);
  });
});
