import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import {
  createRekorV2Log,
  generateSigningKey,
  githubActionsIdentity,
  keySignProvenance,
  signProvenance,
  slsaV1Statement,
  startSigstoreServer,
  subjectFor,
  withRekorV2Log,
  type RekorV2Log,
  type SigstoreServer,
} from '@release-guard/testkit';
import { runCli } from './run-cli';
import { BUILDER, RUN } from './signed-release';

const SAN = `${BUILDER}@refs/tags/v1.2.3`;
const DATA = 'release bytes';

interface Report {
  verified: boolean;
  failure_reason: string | null;
  checks: Array<{ name: string; status: string; detail: string }>;
}

/**
 * Bundles logged in a Rekor v2 log (the testkit's: RFC 6962 proof, Ed25519 checkpoint, no SET, the
 * time from the TSA), as the public log2025 instances write them.
 */
describe('verify: Rekor v2 entries for DSSE envelopes', () => {
  let server: SigstoreServer;
  let log: RekorV2Log;
  let work: string;
  let root: string;
  let artifact: string;
  /** Signed keyless, with an RFC 3161 timestamp and no log entry yet. */
  let unlogged: SerializedBundle;
  let counter = 0;

  beforeAll(async () => {
    server = await startSigstoreServer();
    log = createRekorV2Log(server.trustedRoot.tlogs[0].publicKey.validFor.start);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-rekor2-'));
    root = path.join(work, 'root.json');
    fs.writeFileSync(root, JSON.stringify(withRekorV2Log(server.trustedRoot, log)));
    artifact = path.join(work, 'app.tgz');
    fs.writeFileSync(artifact, DATA);
    const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor('app.tgz', DATA)] });
    unlogged = await signProvenance({
      statement,
      identity: githubActionsIdentity(RUN),
      server,
      tsa: true,
      tlog: false,
    });
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

  async function run(argv: string[], trustedRoot = root): Promise<{ code: number; report: Report }> {
    const result = await runCli([...argv, '--trusted-root', trustedRoot, '--format', 'json']);
    return { code: result.code, report: JSON.parse(result.stdout) as Report };
  }

  const verify = (bundle: unknown, trustedRoot?: string) =>
    run(
      [
        'verify',
        '--provenance',
        write(bundle),
        '--artifact',
        artifact,
        '--source-repo',
        'acme/app',
        '--builder-id',
        BUILDER,
      ],
      trustedRoot,
    );

  const signatureDetail = (report: Report) => report.checks.find((c) => c.name === 'signature')?.detail;

  it('@sigstore/verify 3.1.1 alone refuses a hashedrekord entry over the PAE (when this fails, drop the adapter)', () => {
    const bundle = bundleFromJSON(log.logBundle(unlogged));
    const trust = toTrustMaterial(TrustedRoot.fromJSON(withRekorV2Log(server.trustedRoot, log)));
    expect(() => new Verifier(trust).verify(toSignedEntity(bundle))).toThrow(/digest mismatch/);
  });

  it('verifies a DSSE bundle logged as hashedrekord 0.0.2 over the PAE, and as dsse 0.0.2', async () => {
    for (const kind of ['hashedrekord', 'dsse'] as const) {
      const logged = log.logBundle(unlogged, { kind });
      expect(logged.verificationMaterial.tlogEntries[0]).toMatchObject({
        kindVersion: { kind, version: '0.0.2' },
      });
      const result = await verify(logged);
      expect({ kind, code: result.code, reason: result.report.failure_reason }).toEqual({
        kind,
        code: 0,
        reason: null,
      });
      expect(result.report.verified).toBe(true);
    }
    const signature = await run([
      'verify-signature',
      '--bundle',
      write(log.logBundle(unlogged)),
      '--artifact',
      artifact,
      '--cert-identity',
      SAN,
    ]);
    expect(signature.code).toBe(0);
  });

  it('still verifies a Rekor v1 bundle (@sigstore/mock) against the same root', async () => {
    const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor('app.tgz', DATA)] });
    const v1 = await signProvenance({ statement, identity: githubActionsIdentity(RUN), server });
    expect(v1.verificationMaterial.tlogEntries[0]).toMatchObject({
      kindVersion: { kind: 'dsse', version: '0.0.1' },
    });
    const result = await verify(v1);
    expect(result.code).toBe(0);
  });

  it('checks every entry of a bundle logged more than once, each against what its kind records', async () => {
    const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor('app.tgz', DATA)] });
    const v1 = await signProvenance({ statement, identity: githubActionsIdentity(RUN), server, tsa: true });
    const both = log.logBundle(v1, { keepEntries: true });
    expect(both.verificationMaterial.tlogEntries.map((entry) => entry.kindVersion)).toEqual([
      { kind: 'dsse', version: '0.0.1' },
      { kind: 'hashedrekord', version: '0.0.2' },
    ]);
    expect((await verify(both)).code).toBe(0);
    const v2Twice = log.logBundle(log.logBundle(unlogged), { kind: 'dsse', keepEntries: true });
    expect((await verify(v2Twice)).code).toBe(0);
    // One bad entry fails the bundle, whichever pass holds it.
    const badDsse = log.logBundle(log.logBundle(unlogged), {
      kind: 'dsse',
      keepEntries: true,
      fault: 'wrong-proof',
    });
    expect((await verify(badDsse)).report.failure_reason).toBe('signature_invalid');
    const badPae = log.logBundle(v1, { keepEntries: true, fault: 'payload-digest' });
    const result = await verify(badPae);
    expect(result.report.failure_reason).toBe('signature_invalid');
    expect(signatureDetail(result.report)).toMatch(/TLOG_BODY_ERROR: digest mismatch/);
  });

  it('fails signature_invalid for a payload changed after it was logged', async () => {
    const logged = log.logBundle(unlogged) as SerializedBundle & { dsseEnvelope: { payload: string } };
    const payload = Buffer.from(logged.dsseEnvelope.payload, 'base64').toString('utf8');
    expect(payload).toContain('acme/app');
    const tampered = structuredClone(logged);
    tampered.dsseEnvelope.payload = Buffer.from(payload.replace('acme/app', 'acme/apq')).toString('base64');
    const result = await verify(tampered);
    expect(result.code).toBe(1);
    expect(result.report.failure_reason).toBe('signature_invalid');
  });

  it('fails signature_invalid for a wrong inclusion proof or a checkpoint signed by another key', async () => {
    const proof = await verify(log.logBundle(unlogged, { fault: 'wrong-proof' }));
    expect(proof.report.failure_reason).toBe('signature_invalid');
    expect(signatureDetail(proof.report)).toMatch(/TLOG_INCLUSION_PROOF_ERROR: calculated root hash/);
    const checkpoint = await verify(log.logBundle(unlogged, { fault: 'foreign-checkpoint-key' }));
    expect(checkpoint.report.failure_reason).toBe('signature_invalid');
    expect(signatureDetail(checkpoint.report)).toMatch(/invalid checkpoint signature/);
  });

  it('binds the hashedrekord digest to the PAE only: a digest of the payload fails', async () => {
    const result = await verify(log.logBundle(unlogged, { fault: 'payload-digest' }));
    expect(result.report.failure_reason).toBe('signature_invalid');
    expect(signatureDetail(result.report)).toMatch(/TLOG_BODY_ERROR: digest mismatch/);
  });

  it('fails signature_invalid against a root that does not list the Rekor v2 log', async () => {
    const v1Only = path.join(work, 'v1-only.json');
    fs.writeFileSync(v1Only, JSON.stringify(server.trustedRoot));
    const result = await verify(log.logBundle(unlogged), v1Only);
    expect(result.report.failure_reason).toBe('signature_invalid');
  });

  it('verifies a --key signature logged in Rekor v2, and refuses an entry that records another key', async () => {
    const key = generateSigningKey('p256');
    const keyFile = path.join(work, 'release.pub');
    fs.writeFileSync(keyFile, key.publicKeyPem);
    const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor('app.tgz', DATA)] });
    const bundle = await keySignProvenance({ statement, key });
    const verifyKey = (logged: SerializedBundle) =>
      run(['verify-signature', '--bundle', write(logged), '--artifact', artifact, '--key', keyFile]);
    const ok = await verifyKey(log.logBundle(bundle, { publicKeyPem: key.publicKeyPem }));
    expect(ok.code).toBe(0);
    const other = generateSigningKey('p256');
    const foreign = await verifyKey(log.logBundle(bundle, { publicKeyPem: other.publicKeyPem }));
    expect(foreign.report.failure_reason).toBe('signature_invalid');
    expect(signatureDetail(foreign.report)).toMatch(/records another key/);
  });
});
