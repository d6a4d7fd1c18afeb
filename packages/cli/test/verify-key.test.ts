import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  generateSigningKey,
  githubActionsIdentity,
  keySignBlob,
  keySignEnvelope,
  keySignProvenance,
  signProvenance,
  slsaV1Statement,
  startSigstoreServer,
  subjectFor,
  type SigningKey,
  type SigningKeyType,
  type SigstoreServer,
} from '@release-guard/testkit';
import { runCli } from './run-cli';
import { BUILDER, RUN } from './signed-release';

const DATA = 'release bytes';

interface Report {
  verified: boolean;
  failure_reason: string | null;
  authenticated: boolean;
  governance_flags: string[];
  signer: { key: string | null } | null;
  checks: Array<{ name: string; status: string; ok: boolean; detail: string }>;
}

describe('public-key signatures (--key), as cosign --key checks them', () => {
  let server: SigstoreServer;
  let work: string;
  let artifact: string;
  let root: string;
  const keys = new Map<SigningKeyType, SigningKey>();
  const keyFiles = new Map<SigningKeyType, string>();
  let counter = 0;

  beforeAll(async () => {
    server = await startSigstoreServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-key-'));
    artifact = path.join(work, 'app.tgz');
    fs.writeFileSync(artifact, DATA);
    root = path.join(work, 'root.json');
    fs.writeFileSync(root, JSON.stringify(server.trustedRoot));
    for (const type of ['p256', 'p384', 'p521', 'ed25519', 'rsa2048', 'rsa1024'] as const) {
      const key = generateSigningKey(type);
      keys.set(type, key);
      const file = path.join(work, `${type}.pub`);
      fs.writeFileSync(file, key.publicKeyPem);
      keyFiles.set(type, file);
    }
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const key = (type: SigningKeyType) => keys.get(type)!;
  const keyFile = (type: SigningKeyType) => keyFiles.get(type)!;
  const statement = () => slsaV1Statement({ ...RUN, subjects: [subjectFor('app.tgz', DATA)] });

  function write(content: unknown): string {
    const file = path.join(work, `signed-${++counter}.intoto.jsonl`);
    fs.writeFileSync(file, `${JSON.stringify(content)}\n`);
    return file;
  }

  async function verify(
    provenance: string,
    ...flags: string[]
  ): Promise<{ code: number; report: Report; stderr: string }> {
    const result = await runCli([
      'verify',
      '--provenance',
      provenance,
      '--artifact',
      artifact,
      '--source-repo',
      'acme/app',
      '--builder-id',
      BUILDER,
      '--tag',
      'v1.2.3',
      '--trusted-root',
      root,
      ...flags,
      '--format',
      'json',
    ]);
    return {
      code: result.code,
      report: (result.stdout ? JSON.parse(result.stdout) : null) as Report,
      stderr: result.stderr,
    };
  }

  const signature = (report: Report) => report.checks.find((c) => c.name === 'signature')!;

  it('refuses a key signature without a log entry unless --no-tlog, then flags it', async () => {
    const envelope = write(keySignEnvelope(statement(), [key('p256')]));
    const strict = await verify(envelope, '--key', keyFile('p256'));
    expect(strict.code).toBe(1);
    expect(strict.report.failure_reason).toBe('signature_invalid');
    expect(signature(strict.report).detail).toBe(
      'no transparency-log entry: pass --no-tlog to accept a key signature without one',
    );
    const relaxed = await verify(envelope, '--key', keyFile('p256'), '--no-tlog');
    expect(relaxed.code).toBe(0);
    expect(relaxed.report).toMatchObject({
      verified: true,
      authenticated: true,
      governance_flags: ['no-tlog'],
    });
    expect(signature(relaxed.report).detail).toMatch(/signing time is not proven/);
    expect(relaxed.report.signer?.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(relaxed.report.checks.find((c) => c.name === 'source_repo_certificate')).toMatchObject({
      status: 'skipped',
      ok: true,
    });
  });

  it.each(['p256', 'p384', 'ed25519', 'rsa2048'] as const)('verifies a %s-signed envelope', async (type) => {
    const result = await verify(
      write(keySignEnvelope(statement(), [key(type)])),
      '--key',
      keyFile(type),
      '--no-tlog',
    );
    expect(result.report).toMatchObject({ verified: true, failure_reason: null });
  });

  it('accepts an envelope with several signatures when any one is by the key', async () => {
    const other = generateSigningKey('p256');
    const envelope = write(keySignEnvelope(statement(), [other, key('p256')]));
    expect((await verify(envelope, '--key', keyFile('p256'), '--no-tlog')).report.verified).toBe(true);
    const onlyOther = write(keySignEnvelope(statement(), [other]));
    expect((await verify(onlyOther, '--key', keyFile('p256'), '--no-tlog')).report.failure_reason).toBe(
      'signature_invalid',
    );
  });

  it.each(['0.3', '0.2'] as const)(
    'verifies a logged key-signed DSSE bundle v%s without --no-tlog',
    async (version) => {
      const bundle = await keySignProvenance({ statement: statement(), key: key('p256'), server });
      expect(bundle.verificationMaterial.publicKey).toEqual({ hint: 'release-signing-key' });
      bundle.mediaType = `application/vnd.dev.sigstore.bundle.v${version}+json`;
      const result = await verify(write(bundle), '--key', keyFile('p256'));
      expect(result.report).toMatchObject({ verified: true, governance_flags: [] });
      expect(signature(result.report).detail).toMatch(/logged, verified against/);
    },
  );

  it('refuses a log entry that records another key or signature', async () => {
    const ours = await keySignProvenance({ statement: statement(), key: key('p256'), server });
    const theirs = await keySignProvenance({
      statement: statement(),
      key: generateSigningKey('p256'),
      server,
    });
    ours.verificationMaterial.tlogEntries = theirs.verificationMaterial.tlogEntries;
    const result = await verify(write(ours), '--key', keyFile('p256'));
    expect(result.report.failure_reason).toBe('signature_invalid');
    expect(signature(result.report).detail).toMatch(/records another key/);
  });

  describe('negatives fail signature_invalid', () => {
    it('a flipped payload byte', async () => {
      const envelope = keySignEnvelope(statement(), [key('p256')]);
      const payload = Buffer.from(envelope.payload, 'base64');
      payload[payload.indexOf('acme/app') + 7] ^= 0x01;
      envelope.payload = payload.toString('base64');
      const result = await verify(write(envelope), '--key', keyFile('p256'), '--no-tlog');
      expect(result.report.failure_reason).toBe('signature_invalid');
    });

    it('another key', async () => {
      const envelope = write(keySignEnvelope(statement(), [key('p256')]));
      const other = path.join(work, 'other.pub');
      fs.writeFileSync(other, generateSigningKey('p256').publicKeyPem);
      const result = await verify(envelope, '--key', other, '--no-tlog');
      expect(result.report.failure_reason).toBe('signature_invalid');
    });

    it('a truncated signature', async () => {
      const envelope = keySignEnvelope(statement(), [key('p256')]);
      const sig = Buffer.from(envelope.signatures[0].sig, 'base64');
      envelope.signatures[0].sig = sig.subarray(0, sig.length - 4).toString('base64');
      const result = await verify(write(envelope), '--key', keyFile('p256'), '--no-tlog');
      expect(result.report.failure_reason).toBe('signature_invalid');
    });

    it('a wrong curve', async () => {
      const envelope = write(keySignEnvelope(statement(), [key('p521')]));
      const result = await verify(envelope, '--key', keyFile('p521'), '--no-tlog');
      expect(result.report.failure_reason).toBe('signature_invalid');
      expect(signature(result.report).detail).toMatch(/curve secp521r1 is not accepted/);
    });

    it('an RSA-1024 key', async () => {
      const envelope = write(keySignEnvelope(statement(), [key('rsa1024')]));
      const result = await verify(envelope, '--key', keyFile('rsa1024'), '--no-tlog');
      expect(result.report.failure_reason).toBe('signature_invalid');
      expect(signature(result.report).detail).toMatch(/shorter than 2048 bits/);
    });
  });

  it('fails a key-signed file checked without --key, naming --key', async () => {
    const result = await verify(
      write(keySignEnvelope(statement(), [key('p256')])),
      '--cert-identity',
      `${BUILDER}@x`,
    );
    expect(result.report.failure_reason).toBe('signature_invalid');
    expect(signature(result.report).detail).toMatch(/pass --key FILE/);
  });

  it('fails a keyless bundle checked with --key', async () => {
    const keyless = await signProvenance({
      statement: statement(),
      identity: githubActionsIdentity(RUN),
      server,
    });
    const result = await verify(write(keyless), '--key', keyFile('p256'));
    expect(result.report.failure_reason).toBe('signature_invalid');
    expect(signature(result.report).detail).toMatch(/drop --key/);
  });

  it('checks the claims of a key-signed envelope under --skip-signature', async () => {
    const envelope = write(keySignEnvelope(statement(), [key('p256')]));
    const result = await verify(envelope, '--skip-signature');
    expect(result.report).toMatchObject({ verified: true, authenticated: false });
    const wrongTag = await verify(envelope, '--skip-signature', '--tag', 'v9');
    expect(wrongTag.report.failure_reason).toBe('tag_mismatch');
  });

  it.each([
    ['--key with --cert-identity', ['--key', 'K', '--cert-identity', 'x']],
    ['--key with --cert-identity-regexp', ['--key', 'K', '--cert-identity-regexp', 'x']],
    [
      '--key with an explicit --cert-oidc-issuer',
      ['--key', 'K', '--cert-oidc-issuer', 'https://token.actions.githubusercontent.com'],
    ],
    ['--no-tlog without --key', ['--no-tlog']],
    ['a --key file that is no public key', ['--key', 'ARTIFACT']],
    ['a --key file that holds a private key', ['--key', 'PRIVATE']],
  ])('exits 2 on %s', async (_label, flags) => {
    const privateFile = path.join(work, 'private.pem');
    fs.writeFileSync(privateFile, key('p256').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const envelope = write(keySignEnvelope(statement(), [key('p256')]));
    const mapped = flags.map((f) =>
      f === 'K' ? keyFile('p256') : f === 'ARTIFACT' ? artifact : f === 'PRIVATE' ? privateFile : f,
    );
    const result = await verify(envelope, ...mapped);
    fs.rmSync(privateFile);
    expect(result.code).toBe(2);
    expect(result.report).toBeNull();
    expect(result.stderr).toMatch(/usage_error/);
  });

  describe('verify-signature --key', () => {
    async function verifySignature(bundle: string, file: string, ...flags: string[]) {
      const result = await runCli([
        'verify-signature',
        '--bundle',
        bundle,
        '--artifact',
        file,
        '--trusted-root',
        root,
        ...flags,
        '--format',
        'json',
      ]);
      return {
        code: result.code,
        report: (result.stdout ? JSON.parse(result.stdout) : null) as Report,
        stderr: result.stderr,
      };
    }

    it('verifies a logged message signature over the file, and fails another file', async () => {
      const bundle = path.join(work, 'blob.sigstore.json');
      fs.writeFileSync(
        bundle,
        JSON.stringify(await keySignBlob({ artifact: Buffer.from(DATA), key: key('p256'), server })),
      );
      const ok = await verifySignature(bundle, artifact, '--key', keyFile('p256'));
      expect(ok.code).toBe(0);
      const other = path.join(work, 'other.tgz');
      fs.writeFileSync(other, 'other bytes');
      const bad = await verifySignature(bundle, other, '--key', keyFile('p256'));
      expect(bad.report.failure_reason).toBe('signature_invalid');
    });

    it('verifies an unlogged message signature only with --no-tlog', async () => {
      const bundle = path.join(work, 'blob-unlogged.sigstore.json');
      fs.writeFileSync(
        bundle,
        JSON.stringify(await keySignBlob({ artifact: Buffer.from(DATA), key: key('rsa2048') })),
      );
      expect(
        (await verifySignature(bundle, artifact, '--key', keyFile('rsa2048'))).report.failure_reason,
      ).toBe('signature_invalid');
      const relaxed = await verifySignature(bundle, artifact, '--key', keyFile('rsa2048'), '--no-tlog');
      expect(relaxed.report).toMatchObject({ verified: true, governance_flags: ['no-tlog'] });
    });

    it('verifies a key-signed envelope and its subjects', async () => {
      const envelope = write(keySignEnvelope(statement(), [key('ed25519')]));
      const result = await verifySignature(envelope, artifact, '--key', keyFile('ed25519'), '--no-tlog');
      expect(result.report).toMatchObject({ verified: true, failure_reason: null });
    });

    it('refuses an Ed25519 message signature with a clear message (exit 2)', async () => {
      const bundle = path.join(work, 'blob-ed25519.sigstore.json');
      fs.writeFileSync(
        bundle,
        JSON.stringify(await keySignBlob({ artifact: Buffer.from(DATA), key: key('ed25519') })),
      );
      const result = await verifySignature(bundle, artifact, '--key', keyFile('ed25519'), '--no-tlog');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Ed25519/);
    });

    it('refuses --key with --cert-identity or --source-repo (exit 2)', async () => {
      const envelope = write(keySignEnvelope(statement(), [key('p256')]));
      expect(
        (await verifySignature(envelope, artifact, '--key', keyFile('p256'), '--cert-identity', 'x')).code,
      ).toBe(2);
      expect(
        (await verifySignature(envelope, artifact, '--key', keyFile('p256'), '--source-repo', 'acme/app'))
          .code,
      ).toBe(2);
    });
  });
});
