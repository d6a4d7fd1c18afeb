import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';
import { writeRelease } from './sign-helpers';

interface ChecksumsJson {
  verified: boolean;
  failure_reason: string | null;
  checksums: {
    verified: string[];
    missing: string[];
    mismatched: Array<{ name: string }>;
    extra: string[];
    not_checked: string[];
  } | null;
}

describe('verify-signature --checksums: a whole download against signed checksums', () => {
  let work: string;
  let key: string;
  let pub: string;
  let counter = 0;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-sums-'));
    const pair = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    key = path.join(work, 'release.key');
    pub = path.join(work, 'release.pub');
    fs.writeFileSync(key, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    fs.writeFileSync(pub, pair.publicKey.export({ type: 'spki', format: 'pem' }));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  async function signedRelease(make: (dir: string) => void = writeRelease): Promise<string> {
    const dir = path.join(work, `download-${++counter}`);
    fs.mkdirSync(dir);
    make(dir);
    const signed = await runCli(
      [
        'sign',
        '--artifacts-dir',
        dir,
        '--key',
        key,
        '--no-tlog',
        '--checksums',
        path.join(dir, 'SHA256SUMS'),
      ].concat(['--freeze-file', path.join(work, 'none.json')]),
      work,
      {},
    );
    expect(signed.code).toBe(0);
    return dir;
  }

  async function verify(dir: string, extra: string[] = []) {
    const result = await runCli([
      'verify-signature',
      '--checksums',
      path.join(dir, 'SHA256SUMS'),
      '--bundle',
      path.join(dir, 'SHA256SUMS.sigstore.json'),
      '--artifacts-dir',
      dir,
      '--key',
      pub,
      '--no-tlog',
      '--format',
      'json',
      ...extra,
    ]);
    return { ...result, json: JSON.parse(result.stdout || 'null') as ChecksumsJson };
  }

  it('passes when every listed file matches; the bundles beside them are not extra', async () => {
    const dir = await signedRelease();
    const result = await verify(dir, ['--strict']);
    expect(result.code).toBe(0);
    expect(result.json.checksums?.verified).toEqual(['app-1.0.0.tgz', 'app-1.0.0.zip', 'docs/manual.pdf']);
    expect(result.json.checksums?.extra).toEqual([]);
  });

  it('names a differing file (digest_mismatch) and a missing one (artifact_missing)', async () => {
    const dir = await signedRelease();
    fs.appendFileSync(path.join(dir, 'docs/manual.pdf'), 'tampered');
    fs.rmSync(path.join(dir, 'app-1.0.0.zip'));
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.json.failure_reason).toBe('digest_mismatch');
    expect(result.json.checksums?.mismatched.map((m) => m.name)).toEqual(['docs/manual.pdf']);
    expect(result.json.checksums?.missing).toEqual(['app-1.0.0.zip']);
    const text = await runCli(
      ['verify-signature', '--checksums', path.join(dir, 'SHA256SUMS'), '--bundle'].concat([
        path.join(dir, 'SHA256SUMS.sigstore.json'),
        '--artifacts-dir',
        dir,
        '--key',
        pub,
        '--no-tlog',
      ]),
    );
    expect(text.stdout).toContain('docs/manual.pdf');
    expect(text.stdout).toContain('app-1.0.0.zip');
  });

  it('reports an extra file, and fails on it only with --strict', async () => {
    const dir = await signedRelease();
    fs.writeFileSync(path.join(dir, 'surprise.bin'), 'not signed');
    const lenient = await verify(dir);
    expect(lenient.code).toBe(0);
    expect(lenient.json.checksums?.extra).toEqual(['surprise.bin']);
    const strict = await verify(dir, ['--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('surprise.bin');
  });

  it('a checksum file signed by another key fails the signature before any file is read', async () => {
    const dir = await signedRelease();
    const other = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const otherPub = path.join(work, 'other.pub');
    fs.writeFileSync(otherPub, other.export({ type: 'spki', format: 'pem' }));
    const result = await runCli([
      'verify-signature',
      '--checksums',
      path.join(dir, 'SHA256SUMS'),
      '--bundle',
      path.join(dir, 'SHA256SUMS.sigstore.json'),
      '--artifacts-dir',
      dir,
      '--key',
      otherPub,
      '--no-tlog',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as ChecksumsJson).failure_reason).toBe('signature_invalid');
  });

  it('--fail-fast stops at the first bad file and lists the rest as not checked', async () => {
    const dir = await signedRelease((d) => {
      for (let i = 0; i < 64; i++)
        fs.writeFileSync(path.join(d, `part-${String(i).padStart(2, '0')}.bin`), `${i}`);
    });
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.bin')))
      fs.appendFileSync(path.join(dir, name), 'x');
    const result = await verify(dir, ['--fail-fast']);
    expect(result.code).toBe(1);
    const sums = result.json.checksums;
    expect(sums?.mismatched.length).toBeGreaterThan(0);
    expect(sums?.not_checked.length).toBeGreaterThan(0);
    expect((sums?.mismatched.length ?? 0) + (sums?.not_checked.length ?? 0)).toBe(64);
  });

  it.each([
    ['..', '../outside.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a backslash', 'dir\\file.txt'],
    ['a NUL', 'a\u0000b'],
  ])('refuses a listed name with %s (malformed_provenance, exit 1)', async (_, name) => {
    const dir = path.join(work, `hostile-${++counter}`);
    fs.mkdirSync(dir);
    const sums = path.join(dir, 'SHA256SUMS');
    fs.writeFileSync(sums, `${'a'.repeat(64)}  ${name}\n`);
    const signed = await runCli(
      ['sign', '--artifact', sums, '--key', key, '--no-tlog', '--freeze-file', path.join(work, 'none.json')],
      work,
      {},
    );
    expect(signed.code).toBe(0);
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.json.failure_reason).toBe('malformed_provenance');
  });
});
