import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  githubActionsIdentity,
  startSigstoreServer,
  unsignedIdentityToken,
  type SigstoreServer,
} from '@release-guard/testkit';
import { runCli } from './run-cli';
import { everythingWritten, listFiles, sigstoreJsVerify, writeRelease, type SignJson } from './sign-helpers';

const identity = githubActionsIdentity({
  repository: 'acme/app',
  ref: 'refs/tags/v1.0.0',
  commit: '8f70009fde0c94ade6ce2a054b94718c819126ec',
});

describe('release-guard sign --keyless', () => {
  let server: SigstoreServer;
  let work: string;
  let root: string;
  let token: string;
  let counter = 0;

  beforeAll(async () => {
    server = await startSigstoreServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-sign-keyless-'));
    root = path.join(work, 'root.json');
    fs.writeFileSync(root, JSON.stringify(server.trustedRoot));
    token = unsignedIdentityToken(identity);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  function release(): string {
    const dir = path.join(work, `release-${++counter}`);
    writeRelease(dir);
    return dir;
  }

  function sign(dir: string, extra: string[], env: NodeJS.ProcessEnv = {}) {
    return runCli(
      [
        'sign',
        '--artifacts-dir',
        dir,
        '--keyless',
        '--identity-token-env',
        'RG_TEST_OIDC_TOKEN',
        '--fulcio-url',
        server.fulcioURL,
        '--rekor-url',
        server.rekorURL,
        '--freeze-file',
        path.join(work, 'no-freeze.json'),
        '--format',
        'json',
        ...extra,
      ],
      work,
      { RG_TEST_OIDC_TOKEN: token, ...env },
    );
  }

  it('signs three files and the checksum file with one certificate, and every bundle verifies', async () => {
    const dir = release();
    const checksums = path.join(dir, 'SHA256SUMS');
    const result = await sign(dir, ['--checksums', checksums, '--tsa-url', server.tsaURL]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as SignJson;
    expect(json.failure_reason).toBeNull();
    expect(json.identity).toEqual({ san: identity.san, issuer: identity.issuer });
    expect(json.checksums).toBe(checksums);
    expect(json.signed.map((s) => path.relative(dir, s.path))).toEqual([
      'app-1.0.0.tgz',
      'app-1.0.0.zip',
      'docs/manual.pdf',
      'SHA256SUMS',
    ]);
    expect(json.signed.every((s) => s.signature === 'keyless' && s.tlog)).toBe(true);
    // One OIDC exchange, one certificate for the whole run.
    expect(server.requests.filter((r) => r.service === 'fulcio')).toHaveLength(1);
    const sums = fs.readFileSync(checksums, 'utf8');
    expect(sums).toBe(
      json.signed
        .slice(0, 3)
        .map((s) => `${s.sha256}  ${path.relative(dir, s.path)}\n`)
        .join(''),
    );
    for (const signed of json.signed) {
      const bundle = JSON.parse(fs.readFileSync(signed.bundle, 'utf8')) as { mediaType: string };
      expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      sigstoreJsVerify(signed.bundle, fs.readFileSync(signed.path), server.trustedRoot);
      const verified = await runCli([
        'verify-signature',
        '--bundle',
        signed.bundle,
        '--artifact',
        signed.path,
        '--trusted-root',
        root,
        '--cert-identity',
        identity.san,
        '--source-repo',
        'acme/app',
      ]);
      expect(verified.stdout).toContain('PASS');
      expect(verified.code).toBe(0);
    }
    const download = await runCli(
      ['verify-signature', '--checksums', checksums, '--bundle', `${checksums}.sigstore.json`]
        .concat(['--artifacts-dir', dir, '--trusted-root', root, '--strict'])
        .concat(['--cert-identity', identity.san, '--source-repo', 'acme/app']),
    );
    expect(download.stdout).toContain('PASS');
    expect(download.code).toBe(0);
  });

  it('a tampered file fails verification against its bundle', async () => {
    const dir = release();
    expect((await sign(dir, [])).code).toBe(0);
    const file = path.join(dir, 'app-1.0.0.tgz');
    fs.appendFileSync(file, 'tampered');
    const verified = await runCli([
      'verify-signature',
      '--bundle',
      `${file}.sigstore.json`,
      '--artifact',
      file,
      '--trusted-root',
      root,
      '--cert-identity',
      identity.san,
    ]);
    expect(verified.code).toBe(1);
    expect(() =>
      sigstoreJsVerify(`${file}.sigstore.json`, fs.readFileSync(file), server.trustedRoot),
    ).toThrow();
  });

  it('writes legacy .sig and .pem files and bundles into --output-dir', async () => {
    const dir = release();
    const out = path.join(work, `out-${counter}`);
    const result = await sign(dir, ['--legacy-signatures', '--output-dir', out]);
    expect(result.code).toBe(0);
    expect(listFiles(out)).toEqual(
      ['app-1.0.0.tgz', 'app-1.0.0.zip', 'docs/manual.pdf']
        .flatMap((name) => [`${name}.pem`, `${name}.sig`, `${name}.sigstore.json`].map((f) => path.join(f)))
        .sort(),
    );
    expect(fs.readFileSync(path.join(out, 'app-1.0.0.tgz.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(listFiles(dir)).toEqual(['app-1.0.0.tgz', 'app-1.0.0.zip', 'docs/manual.pdf']);
  });

  it('refuses --no-tlog without --tsa-url (exit 2), writing nothing', async () => {
    const dir = release();
    const result = await sign(dir, ['--no-tlog']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--tsa-url');
    expect(listFiles(dir)).toEqual(['app-1.0.0.tgz', 'app-1.0.0.zip', 'docs/manual.pdf']);
  });

  it('never prints a malformed token: the library error is redacted (exit 2)', async () => {
    const dir = release();
    const malformed = 'not-a-jwt-but-a-secret-value-1234567890';
    const result = await sign(dir, [], { RG_TEST_OIDC_TOKEN: malformed });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('IDENTITY_TOKEN_PARSE_ERROR');
    expect(everythingWritten(dir, result.stdout, result.stderr)).not.toContain(malformed);
    expect(listFiles(dir)).toEqual(['app-1.0.0.tgz', 'app-1.0.0.zip', 'docs/manual.pdf']);
  });

  it('the token appears in no output and no written file', async () => {
    const dir = release();
    const result = await sign(dir, ['--checksums', path.join(dir, 'SHA256SUMS'), '--format', 'text']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`identity: ${identity.san}`);
    expect(everythingWritten(dir, result.stdout, result.stderr)).not.toContain(token);
  });

  it('a transparency log that refuses the entry fails the run (signature_invalid) and writes nothing', async () => {
    const dir = release();
    const result = await sign(dir, [
      '--checksums',
      path.join(dir, 'SHA256SUMS'),
      '--rekor-url',
      `${server.rekorURL}/missing`,
    ]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as SignJson;
    expect(json.failure_reason).toBe('signature_invalid');
    expect(json.error).toContain('TLOG_CREATE_ENTRY_ERROR');
    expect(json.signed).toEqual([]);
    expect(listFiles(dir)).toEqual(['app-1.0.0.tgz', 'app-1.0.0.zip', 'docs/manual.pdf']);
    expect(everythingWritten(dir, result.stdout, result.stderr)).not.toContain(token);
  });

  it('refuses while the release is frozen: release_frozen, exit 1, nothing written', async () => {
    const dir = release();
    const before = server.requests.length;
    const result = await sign(dir, ['--tag', 'v1.0.0'], { RELEASE_FREEZE: 'true' });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as SignJson).failure_reason).toBe('release_frozen');
    expect(listFiles(dir)).toEqual(['app-1.0.0.tgz', 'app-1.0.0.zip', 'docs/manual.pdf']);
    expect(server.requests.length).toBe(before);
  });
});
