import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  githubActionsIdentity,
  signProvenance,
  slsaV1Statement,
  startSigstoreServer,
  subjectFor,
  type SigstoreServer,
} from '@release-guard/testkit';
import { loadAttestations } from '../attestation/load';
import { loadTrustRoots, type TrustRoot } from './trust';
import { verifyAttestationSignature } from './verify-signature';

const RUN = {
  repository: 'acme/app',
  ref: 'refs/tags/v1.2.3',
  commit: '8f70009fde0c94ade6ce2a054b94718c819126ec',
};

describe('verifyAttestationSignature', () => {
  let server: SigstoreServer;
  let work: string;
  let roots: TrustRoot[];
  let provenance: string;

  beforeAll(async () => {
    server = await startSigstoreServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-sig-'));
    const rootFile = path.join(work, 'root.json');
    fs.writeFileSync(rootFile, JSON.stringify(server.trustedRoot));
    roots = loadTrustRoots(rootFile);
    provenance = path.join(work, 'p.json');
    const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor('a', 'x')] });
    fs.writeFileSync(
      provenance,
      JSON.stringify(await signProvenance({ statement, identity: githubActionsIdentity(RUN), server })),
    );
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('gives the verdict of the library on a genuine bundle', () => {
    const [attestation] = loadAttestations(provenance);
    expect(verifyAttestationSignature(attestation, roots)).toMatchObject({ ok: true });
  });

  it('turns an unexpected exception inside the library into an internal error, never a refusal', async () => {
    const [attestation] = loadAttestations(provenance);
    // Trust material the library trips over: its TypeError says nothing about the signature.
    const broken: TrustRoot = {
      ...roots[0],
      material: { ...roots[0].material, tlogs: undefined as unknown as TrustRoot['material']['tlogs'] },
    };
    expect(() => verifyAttestationSignature(attestation, [broken])).toThrow(
      expect.objectContaining({
        code: 'internal_error',
        message: expect.stringMatching(/^internal verification error: /) as unknown,
      }) as Error,
    );
    // Even when another root was tried first and refused: an internal error is never swallowed.
    const stranger = await startSigstoreServer();
    const strangerFile = path.join(work, 'stranger.json');
    fs.writeFileSync(strangerFile, JSON.stringify(stranger.trustedRoot));
    await stranger.close();
    const [strangerRoot] = loadTrustRoots(strangerFile);
    expect(verifyAttestationSignature(attestation, [strangerRoot])).toMatchObject({ ok: false });
    expect(() =>
      verifyAttestationSignature(attestation, [strangerRoot, { ...broken, caSubjects: [] }]),
    ).toThrow(/internal verification error/);
  });
});
