import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ManifestConflictError } from './errors';
import { FileManifestStore, fileManifestVersion } from './file-store';
import { emptyManifest, parseManifest, serializeManifest } from './schema';
import { updateManifest } from './update';

let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'manifest-file-'));
  file = join(folder, 'manifest.json');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A big manifest, so that a write takes long enough to be interrupted. */
function bigManifestText(entries: number): string {
  const manifest = emptyManifest();
  for (let i = 0; i < entries; i++) {
    manifest.entries.push({
      tag: `v0.${i}.0`,
      run_id: String(100 + i),
      run_attempt: 1,
      artifact_url: `https://github.com/acme/app/actions/runs/${100 + i}/artifacts/1`,
      status: 'success',
      failure_reason: null,
      requeue: false,
      rerun_in_progress: false,
      notify_slack: false,
      slack_retry: 0,
      issue_number: null,
      governance_flag: null,
      verified_at: '2026-05-01T12:00:00.000Z',
      updated_at: '2026-05-01T12:00:00.000Z',
      history: [
        { at: '2026-05-01T12:00:00.000Z', actor: 'ci', from: null, to: 'success', note: 'x'.repeat(200) },
      ],
    });
  }
  return serializeManifest(manifest);
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('FileManifestStore', () => {
  it('reads a missing file as an absent manifest, creating folders on first write', async () => {
    const nested = new FileManifestStore(join(folder, 'docs', 'reports', 'manifest.json'));
    expect(await nested.read()).toEqual({ content: null, version: null });
    const written = await nested.write('{}\n', null, 'create');
    expect(written).toEqual({ ok: true, version: fileManifestVersion('{}\n') });
    expect(await nested.read()).toEqual({ content: '{}\n', version: fileManifestVersion('{}\n') });
  });

  it('writes only when the file is still the version the writer read (compare-and-swap)', async () => {
    const store = new FileManifestStore(file);
    const first = await store.write('one\n', null, 'm');
    expect(first.ok).toBe(true);
    expect(await store.write('two\n', null, 'm')).toEqual({ ok: false, reason: 'conflict' });
    expect(await store.write('two\n', fileManifestVersion('zero\n'), 'm')).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect(readFileSync(file, 'utf8')).toBe('one\n');
    expect((await store.write('two\n', fileManifestVersion('one\n'), 'm')).ok).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('two\n');
    expect(readdirSync(folder)).toEqual(['manifest.json']);
  });

  it('never shows a reader a partly written file', async () => {
    const store = new FileManifestStore(file);
    const texts = [bigManifestText(300), bigManifestText(600)];
    await store.write(texts[0], null, 'm');
    let writing = true;
    const writer = (async () => {
      for (let i = 1; i <= 10; i++) {
        const { version } = await store.read();
        await store.write(texts[i % 2], version, 'm');
      }
      writing = false;
    })();
    let reads = 0;
    while (writing) {
      const seen = readFileSync(file, 'utf8');
      expect(texts).toContain(seen);
      reads++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writer;
    expect(reads).toBeGreaterThan(0);
  });

  it('serialises concurrent writers: 20 updates at once leave 20 entries', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        updateManifest(new FileManifestStore(file), {
          tag: 'v1',
          runId: String(i + 1),
          set: {},
          actor: 'ci',
          backoffBaseMs: 5,
        }),
      ),
    );
    const manifest = parseManifest(readFileSync(file, 'utf8'), file);
    expect(manifest.entries.map((entry) => Number(entry.run_id)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(Math.max(...results.map((result) => result.attempts))).toBeGreaterThan(1);
  });

  it('takes over a lock left by a dead process on this host', async () => {
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: deadPid(), host: hostname(), created_at: new Date().toISOString() }),
    );
    const store = new FileManifestStore(file, { lockTimeoutMs: 2000 });
    expect((await store.write('{}\n', null, 'm')).ok).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over a lock older than staleLockMs', async () => {
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: process.pid, host: 'build-box-7', created_at: '2026-01-01T00:00:00Z' }),
    );
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    const store = new FileManifestStore(file, { staleLockMs: 30_000, lockTimeoutMs: 2000 });
    expect((await store.write('a\n', null, 'm')).ok).toBe(true);
  });

  it('takes over an empty lock (its writer died before naming itself) after a short grace only', async () => {
    const store = new FileManifestStore(file, { staleLockMs: 30_000, lockTimeoutMs: 300 });
    writeFileSync(`${file}.lock`, '');
    await expect(store.write('a\n', null, 'm')).rejects.toThrow(/held by an unknown process/);

    const threeSecondsAgo = new Date(Date.now() - 3000);
    utimesSync(`${file}.lock`, threeSecondsAgo, threeSecondsAgo);
    expect((await store.write('a\n', null, 'm')).ok).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('waits for a live holder, then gives up naming it and what to do', async () => {
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: process.pid, host: hostname(), created_at: '2026-05-01T12:00:00.000Z' }),
    );
    const store = new FileManifestStore(file, { lockTimeoutMs: 200 });
    const write = store.write('{}\n', null, 'm');
    await expect(write).rejects.toBeInstanceOf(ManifestConflictError);
    await expect(store.write('{}\n', null, 'm')).rejects.toThrow(
      new RegExp(
        `held by pid ${process.pid} on ${hostname()} since 2026-05-01T12:00:00.000Z.*delete the lock file`,
      ),
    );
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an unusable path as unreadable input', async () => {
    writeFileSync(join(folder, 'plain-file'), 'x');
    const store = new FileManifestStore(join(folder, 'plain-file', 'manifest.json'));
    await expect(store.write('{}\n', null, 'm')).rejects.toMatchObject({ code: 'unreadable_input' });
    await expect(new FileManifestStore(folder).read()).rejects.toThrow(/cannot read the manifest .*EISDIR/);
  });

  it('leaves the old or the new file whole when a writer is killed mid-write', async () => {
    writeFileSync(file, bigManifestText(2000));
    // Node itself runs the writer (tsx as a loader, not tsx's CLI wrapper), so SIGKILL hits the writer.
    const tsx = pathToFileURL(require.resolve('tsx')).href;
    const fixture = join(__dirname, 'fixtures', 'looping-writer.ts');
    let leftovers = 0;
    let previous = parseManifest(readFileSync(file, 'utf8'), file).entries.length;
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--import', tsx, fixture, file], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => resolve());
        child.on('exit', () => reject(new Error(`writer exited before writing: ${stderr}`)));
      });
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await exited;

      if (readdirSync(folder).some((name) => name !== 'manifest.json')) leftovers++;
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('{') && text.endsWith('}\n')).toBe(true);
      const entries = parseManifest(text, file).entries.length;
      expect(entries).toBeGreaterThan(previous);
      previous = entries;
    }
    // The next writer takes over the dead writer's lock and removes its temporary file.
    const result = await updateManifest(new FileManifestStore(file, { lockTimeoutMs: 5000 }), {
      tag: 'v-after',
      runId: '1',
      set: {},
      actor: 'ci',
    });
    expect(result.written).toBe(true);
    expect(readdirSync(folder)).toEqual(['manifest.json']);
    expect(leftovers).toBeLessThanOrEqual(3);
  });
});
