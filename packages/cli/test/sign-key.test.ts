import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cosignKeyFile, startSigstoreServer, type SigstoreServer } from '@release-guard/testkit';
import { runCli } from './run-cli';
import { everythingWritten, listFiles, sigstoreJsVerify, writeRelease, type SignJson } from './sign-helpers';

const PASSWORD = 'correct horse battery staple 42';
const RELEASE = ['app-1.0.0.tgz', 'app-1.0.0.zip', 'docs/manual.pdf'];

describe('release-guard sign --key', () => {
  let server: SigstoreServer;
  let work: string;
  let root: string;
  let counter = 0;
  const p256 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicPem = p256.publicKey.export({ type: 'spki', format: 'pem' }).toString();

  beforeAll(async () => {
    server = await startSigstoreServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-sign-key-'));
    root = path.join(work, 'root.json');
    fs.writeFileSync(root, JSON.stringify(server.trustedRoot));
    fs.writeFileSync(path.join(work, 'key.pub'), publicPem);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** A key file outside the release directory (mode 0600, as a runner would write it). */
  function keyFile(content: string): string {
    const file = path.join(work, `key-${++counter}.pem`);
    fs.writeFileSync(file, content, { mode: 0o600 });
    return file;
  }

  function release(): string {
    const dir = path.join(work, `release-${++counter}`);
    writeRelease(dir);
    return dir;
  }

  function sign(dir: string, key: string, extra: string[], env: NodeJS.ProcessEnv = {}) {
    return runCli(
      ['sign', '--artifacts-dir', dir, '--key', key, '--freeze-file', path.join(work, 'none.json')].concat(
        ['--format', 'json'],
        extra,
      ),
      work,
      env,
    );
  }

  async function verifyWithKey(file: string, bundle: string, pub: string, extra: string[] = []) {
    return runCli([
      'verify-signature',
      '--bundle',
      bundle,
      '--artifact',
      file,
      '--key',
      pub,
      '--trusted-root',
      root,
      ...extra,
    ]);
  }

  it('signs with a PKCS#8 key, logs each signature in Rekor, and everything verifies with --key', async () => {
    const dir = release();
    const key = keyFile(p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const checksums = path.join(dir, 'SHA256SUMS');
    const result = await sign(dir, key, ['--rekor-url', server.rekorURL, '--checksums', checksums]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as SignJson;
    expect(json.identity).toBeNull();
    expect(json.signed).toHaveLength(4);
    expect(json.tlog_entries).toHaveLength(4);
    const spki = p256.publicKey.export({ type: 'spki', format: 'der' });
    for (const signed of json.signed) {
      expect(signed).toMatchObject({ signature: 'key', tlog: true });
      const bundle = JSON.parse(fs.readFileSync(signed.bundle, 'utf8')) as {
        verificationMaterial: { publicKey: { hint: string } };
      };
      expect(bundle.verificationMaterial.publicKey.hint).toBe(
        crypto.createHash('sha256').update(spki).digest('base64'),
      );
      sigstoreJsVerify(signed.bundle, fs.readFileSync(signed.path), server.trustedRoot, publicPem);
      const verified = await verifyWithKey(signed.path, signed.bundle, path.join(work, 'key.pub'));
      expect(verified.stdout).toContain('PASS');
      expect(verified.code).toBe(0);
    }
  });

  it('--no-tlog signs fully offline; the bundle verifies with --key --no-tlog, and a tampered file fails', async () => {
    const dir = release();
    const key = keyFile(p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const before = server.requests.length;
    const result = await sign(dir, key, ['--no-tlog', '--format', 'text']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no transparency-log entry');
    expect(server.requests.length).toBe(before);
    const file = path.join(dir, 'app-1.0.0.zip');
    const pub = path.join(work, 'key.pub');
    expect((await verifyWithKey(file, `${file}.sigstore.json`, pub, ['--no-tlog'])).code).toBe(0);
    fs.appendFileSync(file, '!');
    expect((await verifyWithKey(file, `${file}.sigstore.json`, pub, ['--no-tlog'])).code).toBe(1);
  });

  it.each([
    [
      'an encrypted PKCS#8 key',
      () =>
        p256.privateKey
          .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSWORD })
          .toString(),
    ],
    ['a cosign key file', () => cosignKeyFile(p256.privateKey, PASSWORD)],
  ])('%s: signs with the right password, refuses a wrong one (exit 2), never prints it', async (_, make) => {
    const key = keyFile(make());
    const dir = release();
    const good = await sign(dir, key, ['--no-tlog', '--key-password-env', 'RG_KEY_PASSWORD'], {
      RG_KEY_PASSWORD: PASSWORD,
    });
    expect(good.code).toBe(0);
    const file = path.join(dir, 'app-1.0.0.tgz');
    expect(
      (await verifyWithKey(file, `${file}.sigstore.json`, path.join(work, 'key.pub'), ['--no-tlog'])).code,
    ).toBe(0);
    const other = release();
    const wrong = 'wrong password for this key';
    const bad = await sign(other, key, ['--no-tlog', '--key-password-env', 'RG_KEY_PASSWORD'], {
      RG_KEY_PASSWORD: wrong,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/wrong password/);
    expect(listFiles(other)).toEqual(RELEASE);
    const written =
      everythingWritten(dir, good.stdout, good.stderr, bad.stdout, bad.stderr) + everythingWritten(other);
    expect(written).not.toContain(PASSWORD);
    expect(written).not.toContain(wrong);
  });

  it.each([
    ['ECDSA P-384', () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' })],
    ['RSA-2048', () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })],
  ])('signs with %s and verifies with --key and with @sigstore/verify', async (_, make) => {
    const other = make();
    const key = keyFile(other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const otherPem = other.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const pub = path.join(work, `other-${counter}.pub`);
    fs.writeFileSync(pub, otherPem);
    const dir = release();
    expect((await sign(dir, key, ['--rekor-url', server.rekorURL])).code).toBe(0);
    const file = path.join(dir, 'docs/manual.pdf');
    sigstoreJsVerify(`${file}.sigstore.json`, fs.readFileSync(file), server.trustedRoot, otherPem);
    expect((await verifyWithKey(file, `${file}.sigstore.json`, pub)).code).toBe(0);
  });

  it('refuses cosign scrypt parameters above the stated bound', async () => {
    const key = keyFile(cosignKeyFile(p256.privateKey, PASSWORD, { N: 1 << 20, r: 8, p: 1 }));
    const result = await sign(release(), key, ['--no-tlog', '--key-password-env', 'P'], { P: PASSWORD });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('exceed the accepted bound');
  });

  it('refuses an Ed25519 key and says why', async () => {
    const ed = crypto.generateKeyPairSync('ed25519');
    const key = keyFile(ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const result = await sign(release(), key, ['--no-tlog']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Ed25519.*streamed.*hashedrekord/s);
  });

  it('is all or nothing: a file that cannot be read leaves no bundle behind', async () => {
    const dir = release();
    const key = keyFile(p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const result = await runCli(
      ['sign', '--artifact', path.join(dir, 'app-1.0.0.tgz'), '--artifact', path.join(dir, 'missing.tgz')]
        .concat(['--key', key, '--no-tlog', '--checksums', path.join(dir, 'SHA256SUMS')])
        .concat(['--freeze-file', path.join(work, 'none.json'), '--format', 'json']),
      work,
      {},
    );
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as SignJson).failure_reason).toBe('artifact_missing');
    expect(listFiles(dir)).toEqual(RELEASE);
  });

  it('refuses two --artifact files with one name (exit 2)', async () => {
    const a = release();
    const b = release();
    const key = keyFile(p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const result = await runCli(
      [
        'sign',
        '--artifact',
        path.join(a, 'app-1.0.0.tgz'),
        '--artifact',
        path.join(b, 'app-1.0.0.tgz'),
      ].concat(['--key', key, '--no-tlog', '--freeze-file', path.join(work, 'none.json')]),
      work,
      {},
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('same name');
  });
});
