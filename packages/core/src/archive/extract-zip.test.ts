import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildZip } from '@release-guard/testkit';
import { ReleaseGuardError } from '../errors';
import { entryTarget, extractZip } from './extract-zip';

describe('safe zip extraction', () => {
  let work: string;
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-zip-'));
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  async function zipOf(entries: Parameters<typeof buildZip>[0]): Promise<string> {
    const file = path.join(work, 'artifact.zip');
    fs.writeFileSync(file, await buildZip(entries));
    return file;
  }

  it('extracts ordinary entries, nested folders included', async () => {
    const zip = await zipOf({ 'app.tgz': 'binary', 'nested/app.intoto.jsonl': '{}' });
    const out = path.join(work, 'out');
    fs.mkdirSync(out);
    const files = await extractZip(zip, out);
    expect(files.map((f) => path.relative(out, f)).sort()).toEqual(['app.tgz', 'nested/app.intoto.jsonl']);
    expect(fs.readFileSync(path.join(out, 'app.tgz'), 'utf8')).toBe('binary');
  });

  it.each(['../escape.txt', 'a/../../escape.txt', '/etc/escape.txt', 'a\\..\\escape.txt', 'C:/escape.txt'])(
    'refuses the entry name %j and writes nothing outside',
    async (name) => {
      const zip = await zipOf([
        { name: 'ok.txt', data: 'fine' },
        { name, data: 'evil' },
      ]);
      const out = path.join(work, 'out');
      fs.mkdirSync(out);
      await expect(extractZip(zip, out)).rejects.toThrow(ReleaseGuardError);
      expect(fs.existsSync(path.join(work, 'escape.txt'))).toBe(false);
      expect(fs.readdirSync(out)).toEqual([]);
    },
  );

  it('refuses symbolic links', async () => {
    const zip = await zipOf([{ name: 'link', data: '/etc/passwd', mode: 0o120777 }]);
    const out = path.join(work, 'out');
    fs.mkdirSync(out);
    await expect(extractZip(zip, out)).rejects.toMatchObject({ code: 'artifact_missing' });
  });

  it('refuses more entries than the limit', async () => {
    const zip = await zipOf(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x'])));
    const out = path.join(work, 'out');
    fs.mkdirSync(out);
    await expect(extractZip(zip, out, { maxEntries: 10, maxTotalBytes: 1e9 })).rejects.toThrow(/20 entries/);
  });

  it('refuses an archive that expands beyond the byte limit (zip bomb)', async () => {
    const zip = await zipOf({ 'bomb.bin': Buffer.alloc(5 * 1024 * 1024) });
    expect(fs.statSync(zip).size).toBeLessThan(100 * 1024);
    const out = path.join(work, 'out');
    fs.mkdirSync(out);
    await expect(extractZip(zip, out, { maxEntries: 10, maxTotalBytes: 1024 * 1024 })).rejects.toThrow(
      /more than/,
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('refuses a file that is not a zip', async () => {
    const file = path.join(work, 'not.zip');
    fs.writeFileSync(file, 'hello');
    await expect(extractZip(file, work)).rejects.toMatchObject({ code: 'artifact_missing' });
  });

  it('keeps entry names inside the folder', () => {
    expect(entryTarget('/tmp/x', 'a/b.txt')).toBe('/tmp/x/a/b.txt');
    expect(entryTarget('/tmp/x', '..')).toBeNull();
  });
});
