import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubServer, type GitHubTestServer } from '@release-guard/testkit';

const TOKEN = 'ghs_streamingTestToken';
const MiB = 1024 * 1024;
const LARGE = 160 * MiB;
const probe = join(__dirname, '../../test/upload-rss-probe.ts');

let server: GitHubTestServer;
let dir: string;

/** Peak RSS of a process of its own that attaches `path` to the release of `tag`. */
function uploadInChild(tag: string, path: string): Promise<{ maxRss: number; digestChecked: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), probe, server.url, TOKEN, tag, path]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`probe exited ${status}: ${stderr}`)),
    );
  });
}

beforeAll(async () => {
  server = await startGitHubServer({ token: TOKEN });
  server.repo('acme/widgets');
  dir = mkdtempSync(join(tmpdir(), 'rg-stream-'));
});

afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('streams an upload: a 160 MiB file costs the uploading process far less than 160 MiB of memory', async () => {
  const small = join(dir, 'small.bin');
  writeFileSync(small, 'x'.repeat(1024));
  const large = join(dir, 'large.bin');
  writeFileSync(large, '');
  truncateSync(large, LARGE);

  const baseline = await uploadInChild('v1.0.0', small);
  const measured = await uploadInChild('v2.0.0', large);

  expect(measured.digestChecked).toBe(true);
  expect(
    server.repo('acme/widgets').releases.find((r) => r.tag_name === 'v2.0.0')?.assets[0].data.length,
  ).toBe(LARGE);
  // Holding the file would add at least its size; streaming adds a few buffers.
  expect((measured.maxRss - baseline.maxRss) / MiB).toBeLessThan(64);
});
