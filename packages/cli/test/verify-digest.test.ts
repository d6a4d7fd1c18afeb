import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  generateSigningKey,
  githubActionsIdentity,
  keySignBlob,
  signBlob,
  signProvenance,
  slsaV1Statement,
  startSigstoreServer,
  subjectFor,
  type SigstoreServer,
} from '@release-guard/testkit';
import { runCli } from './run-cli';
import { BUILDER, RUN } from './signed-release';

const SAN = `${BUILDER}@refs/tags/v1.2.3`;
const DATA = 'release bytes';
const sha256 = (data: string) => crypto.createHash('sha256').update(data).digest('hex');

interface Report {
  verified: boolean;
  failure_reason: string | null;
  artifacts: Array<{ path: string; sha256: string; subject: string | null }>;
  checks: Array<{ name: string; detail: string }>;
}

/** Artifacts given by digest only, as `cosign verify-blob` and `gh attestation verify --digest` take them. */
describe('--artifact sha256:<hex>', () => {
  let server: SigstoreServer;
  let work: string;
  let root: string;
  let provenance: string;
  let blob: { messageSignature: { messageDigest: { digest: string } } } & Record<string, unknown>;
  let counter = 0;

  beforeAll(async () => {
    server = await startSigstoreServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-digest-'));
    root = path.join(work, 'root.json');
    fs.writeFileSync(root, JSON.stringify(server.trustedRoot));
    const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor('app.tgz', DATA)] });
    provenance = write(await signProvenance({ statement, identity: githubActionsIdentity(RUN), server }));
    blob = (await signBlob({
      artifact: Buffer.from(DATA),
      identity: githubActionsIdentity(RUN),
      server,
    })) as unknown as typeof blob;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  function write(content: unknown): string {
    const file = path.join(work, `b-${++counter}.json`);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  }

  async function run(argv: string[]): Promise<{ code: number; report: Report | null; stderr: string }> {
    const result = await runCli([...argv, '--trusted-root', root, '--format', 'json']);
    return {
      code: result.code,
      report: result.stdout ? (JSON.parse(result.stdout) as Report) : null,
      stderr: result.stderr,
    };
  }

  const verify = (digest: string) =>
    run([
      'verify',
      '--provenance',
      provenance,
      '--artifact',
      digest,
      '--source-repo',
      'acme/app',
      '--builder-id',
      BUILDER,
    ]);
  const verifySignature = (bundle: string, digest: string, ...flags: string[]) =>
    run(['verify-signature', '--bundle', bundle, '--artifact', digest, ...flags]);

  it('verify matches the digest against the signed subjects, and shows it', async () => {
    const ok = await verify(`sha256:${sha256(DATA)}`);
    expect(ok.code).toBe(0);
    expect(ok.report?.artifacts).toEqual([
      { path: `sha256:${sha256(DATA)}`, sha256: sha256(DATA), subject: 'app.tgz' },
    ]);
    const upper = await verify(`sha256:${sha256(DATA).toUpperCase()}`);
    expect(upper.code).toBe(0);
    const other = await verify(`sha256:${sha256('other')}`);
    expect(other.report?.failure_reason).toBe('digest_mismatch');
  });

  it('verify-signature matches an attestation by digest', async () => {
    expect((await verifySignature(provenance, `sha256:${sha256(DATA)}`, '--cert-identity', SAN)).code).toBe(
      0,
    );
    const other = await verifySignature(provenance, `sha256:${sha256('other')}`, '--cert-identity', SAN);
    expect(other.report?.failure_reason).toBe('digest_mismatch');
  });

  it('verify-signature checks a message signature over the given digest (prehashed ECDSA)', async () => {
    const bundle = write(blob);
    const ok = await verifySignature(bundle, `sha256:${sha256(DATA)}`, '--cert-identity', SAN);
    expect(ok.code).toBe(0);
    expect(ok.report?.artifacts[0]).toMatchObject({ path: `sha256:${sha256(DATA)}` });
    const other = await verifySignature(bundle, `sha256:${sha256('other')}`, '--cert-identity', SAN);
    expect(other.report?.failure_reason).toBe('signature_invalid');
  });

  it('never takes the bundle messageDigest field as what is signed: editing it fails', async () => {
    const edited = structuredClone(blob);
    edited.messageSignature.messageDigest.digest = Buffer.from(sha256('other'), 'hex').toString('base64');
    const bundle = write(edited);
    // The edited field now names the other file: the signature over that digest still fails.
    const byDigest = await verifySignature(bundle, `sha256:${sha256('other')}`, '--cert-identity', SAN);
    expect(byDigest.report?.failure_reason).toBe('signature_invalid');
    // And the genuine file or digest fails too: the bundle misstates what it signs.
    const file = path.join(work, 'app.tgz');
    fs.writeFileSync(file, DATA);
    const byFile = await verifySignature(bundle, file, '--cert-identity', SAN);
    expect(byFile.report?.failure_reason).toBe('signature_invalid');
    expect(byFile.report?.checks.find((c) => c.name === 'signature')?.detail).toMatch(/messageDigest/);
    const genuine = await verifySignature(bundle, `sha256:${sha256(DATA)}`, '--cert-identity', SAN);
    expect(genuine.report?.failure_reason).toBe('signature_invalid');
  });

  it('verifies a --key ECDSA message signature by digest, and refuses key types that cannot (exit 2)', async () => {
    for (const type of ['p256', 'p384'] as const) {
      const key = generateSigningKey(type);
      const keyFile = path.join(work, `${type}.pub`);
      fs.writeFileSync(keyFile, key.publicKeyPem);
      const bundle = write(await keySignBlob({ artifact: Buffer.from(DATA), key, server }));
      expect((await verifySignature(bundle, `sha256:${sha256(DATA)}`, '--key', keyFile)).code).toBe(0);
    }
    const rsa = generateSigningKey('rsa2048');
    const rsaFile = path.join(work, 'rsa.pub');
    fs.writeFileSync(rsaFile, rsa.publicKeyPem);
    const bundle = write(await keySignBlob({ artifact: Buffer.from(DATA), key: rsa, server }));
    const refused = await verifySignature(bundle, `sha256:${sha256(DATA)}`, '--key', rsaFile);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot be verified over a digest alone/);
  });

  it.each(['sha256:abc', `sha256:${'g'.repeat(64)}`])(
    'exits 2 on %s, which is neither a digest nor a file',
    async (arg) => {
      expect((await verify(arg)).code).toBe(2);
    },
  );
});
