import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  githubActionsIdentity,
  signProvenance,
  slsaV02Statement,
  slsaV1Statement,
  startSigstoreServer,
  subjectFor,
  type GitHubWorkflowRun,
  type InTotoStatement,
  type SlsaV1Predicate,
  type SigstoreServer,
} from '@release-guard/testkit';
import { verifyProvenance } from './verify-provenance';
import type { VerifyOptions } from './options';
import type { VerifyReport } from './report';

const RUN: GitHubWorkflowRun = {
  repository: 'acme/app',
  ref: 'refs/tags/v1.2.3',
  commit: '8f70009fde0c94ade6ce2a054b94718c819126ec',
};
const BUILDER = 'https://github.com/acme/app/.github/workflows/release.yml';
const SAN = `${BUILDER}@refs/tags/v1.2.3`;

type Bundle = Awaited<ReturnType<typeof signProvenance>>;

function failing(report: VerifyReport): string[] {
  return report.checks.filter((check) => !check.ok).map((check) => check.name);
}

describe('verifyProvenance with bundles signed by a loopback Sigstore', () => {
  let server: SigstoreServer;
  let work: string;
  let artifact: string;
  let trustedRoot: string;
  let data: Buffer;

  beforeAll(async () => {
    server = await startSigstoreServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-verify-'));
    data = Buffer.from('release bytes\n');
    artifact = path.join(work, 'app.tgz');
    fs.writeFileSync(artifact, data);
    trustedRoot = path.join(work, 'trusted_root.json');
    fs.writeFileSync(trustedRoot, JSON.stringify(server.trustedRoot));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  let counter = 0;
  function write(content: unknown): string {
    const file = path.join(work, `provenance-${++counter}.sigstore.json`);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  }

  function statement(run: GitHubWorkflowRun = RUN): InTotoStatement {
    return slsaV1Statement({ ...run, subjects: [subjectFor('app.tgz', data)] });
  }

  async function sign(
    stmt: InTotoStatement = statement(),
    run: GitHubWorkflowRun = RUN,
    extra: { tlog?: boolean } = {},
  ): Promise<Bundle> {
    return signProvenance({ statement: stmt, identity: githubActionsIdentity(run), server, ...extra });
  }

  function options(provenance: string, overrides: Partial<VerifyOptions> = {}): VerifyOptions {
    return {
      provenance,
      artifacts: [artifact],
      sourceRepo: 'acme/app',
      tag: 'v1.2.3',
      commit: RUN.commit,
      builderIds: [BUILDER],
      allowSlsaV02: false,
      identity: { certIdentity: SAN },
      trustedRoot,
      skipSignature: false,
      ...overrides,
    };
  }

  it('verifies a genuine release and reports every check with expected and actual', async () => {
    const report = await verifyProvenance(options(write(await sign())));
    expect(failing(report)).toEqual([]);
    expect(report).toMatchObject({ verified: true, failure_reason: null, signer: { san: SAN } });
    expect(report.checks.map((c) => c.name)).toEqual([
      'predicate_type',
      'subject_digest',
      'builder_id',
      'source_repo',
      'tag',
      'commit',
      'signature',
      'identity',
      'builder_id_certificate',
      'source_repo_certificate',
      'ref_certificate',
      'commit_certificate',
    ]);
    for (const check of report.checks) expect(check.actual).not.toBeNull();
    expect(report.provenance).toMatchObject({
      builderId: SAN,
      sourceRepo: 'https://github.com/acme/app',
      ref: RUN.ref,
      runId: '1234567890',
    });
  });

  it('fails a signature over a payload with one flipped byte', async () => {
    const bundle = await sign();
    const payload = Buffer.from(bundle.dsseEnvelope!.payload, 'base64');
    payload[payload.indexOf('acme')] ^= 0x01;
    bundle.dsseEnvelope!.payload = payload.toString('base64');
    const report = await verifyProvenance(options(write(bundle), { sourceRepo: 'acme/app' }));
    // Nothing in a payload whose signature fails is evidence: authenticity decides the code.
    expect(report).toMatchObject({
      verified: false,
      failure_reason: 'signature_invalid',
      authenticated: false,
    });
    expect(failing(report)).toEqual(expect.arrayContaining(['signature', 'source_repo']));
    const byName = new Map(report.checks.map((c) => [c.name, c]));
    expect(byName.get('source_repo')).toMatchObject({ status: 'fail', authenticated: false });
    expect(byName.get('predicate_type')).toMatchObject({ status: 'pass', authenticated: false });
    for (const name of [
      'builder_id_certificate',
      'source_repo_certificate',
      'ref_certificate',
      'commit_certificate',
    ]) {
      expect(byName.get(name)).toMatchObject({
        status: 'skipped',
        ok: false,
        detail: 'not evaluated: the signature is invalid',
      });
    }
    expect(byName.get('identity')).toMatchObject({ status: 'skipped', ok: false });
    for (const check of report.checks) expect(check.detail).not.toMatch(/--skip-signature/);
  });

  function tamperedPayload(bundle: Bundle, edit: (statement: Record<string, unknown>) => string): Bundle {
    const payload = JSON.parse(
      Buffer.from(bundle.dsseEnvelope!.payload, 'base64').toString('utf8'),
    ) as Record<string, unknown>;
    bundle.dsseEnvelope!.payload = Buffer.from(edit(payload)).toString('base64');
    return bundle;
  }

  it.each([
    ['duplicate keys', (s: Record<string, unknown>) => JSON.stringify(s).replace('{', '{"_type":"x",')],
    [
      'too many subjects',
      (s: Record<string, unknown>) =>
        JSON.stringify({ ...s, subject: Array.from({ length: 1025 }, () => (s.subject as unknown[])[0]) }),
    ],
    ['a payload that is not JSON', () => 'not json'],
  ])(
    'reads an unreadable payload with %s as signature_invalid when its signature fails',
    async (_l, edit) => {
      const provenance = write(tamperedPayload(await sign(), edit));
      const report = await verifyProvenance(options(provenance));
      expect(report.failure_reason).toBe('signature_invalid');
      expect(report.checks.find((c) => c.name === 'source_repo')).toMatchObject({
        status: 'skipped',
        ok: false,
        authenticated: false,
        detail: expect.stringMatching(/^not evaluated: the unsigned payload cannot be read/) as unknown,
      });
      // The same payload with the signature skipped on purpose is what it is: malformed.
      const skipped = await verifyProvenance(options(provenance, { skipSignature: true }));
      expect(skipped.failure_reason).toBe('malformed_provenance');
    },
  );

  it('orders failure codes: identity before certificate binding before claims', async () => {
    const stmt = statement();
    (stmt.predicate as SlsaV1Predicate).buildDefinition.externalParameters.workflow.repository =
      'https://github.com/acme/other';
    const provenance = write(await sign(stmt));
    const wrongSigner = await verifyProvenance(
      options(provenance, { identity: { certIdentity: `${SAN}x` }, tag: 'v0', sourceRepo: 'acme/other' }),
    );
    expect(wrongSigner.failure_reason).toBe('identity_mismatch');
    const lying = await verifyProvenance(options(provenance, { tag: 'v0', sourceRepo: 'acme/other' }));
    expect(lying.failure_reason).toBe('source_mismatch');
    expect(failing(lying)).toEqual(['tag', 'source_repo_certificate']);
    const claims = await verifyProvenance(
      options(write(await sign()), { tag: 'v0', commit: 'c'.repeat(40) }),
    );
    expect(claims.failure_reason).toBe('tag_mismatch');
  });

  it('fails when the log entry belongs to another signature', async () => {
    const genuine = await sign();
    const other = await sign();
    genuine.verificationMaterial.tlogEntries = other.verificationMaterial.tlogEntries;
    const report = await verifyProvenance(options(write(genuine)));
    expect(report).toMatchObject({ verified: false, failure_reason: 'signature_invalid' });
  });

  it('refuses a bundle whose log entry is duplicated: one entry never counts twice', async () => {
    const bundle = await sign();
    const entry = bundle.verificationMaterial.tlogEntries[0];
    bundle.verificationMaterial.tlogEntries = [entry, entry];
    const report = await verifyProvenance(options(write(bundle)));
    expect(report.failure_reason).toBe('signature_invalid');
    expect(report.checks.find((c) => c.name === 'signature')?.detail).toMatch(/duplicate/);
  });

  it('fails against a trusted root that did not issue the certificate', async () => {
    const stranger = await startSigstoreServer();
    const otherRoot = path.join(work, 'other-root.json');
    fs.writeFileSync(otherRoot, JSON.stringify(stranger.trustedRoot));
    await stranger.close();
    const report = await verifyProvenance(options(write(await sign()), { trustedRoot: otherRoot }));
    expect(report.failure_reason).toBe('signature_invalid');
  });

  it('fails a bundle with no log entry and no timestamp, and says why', async () => {
    const report = await verifyProvenance(options(write(await sign(statement(), RUN, { tlog: false }))));
    expect(report.failure_reason).toBe('signature_invalid');
    expect(report.checks.find((c) => c.name === 'signature')?.detail).toMatch(/no transparency-log entry/);
  });

  it('compares the certificate identity exactly: v1 never accepts v10', async () => {
    const run10 = { ...RUN, ref: 'refs/tags/v10' };
    const bundle = await sign(statement(run10), run10);
    const report = await verifyProvenance(options(write(bundle), { tag: undefined }));
    expect(report.failure_reason).toBe('identity_mismatch');
    expect(report.checks.find((c) => c.name === 'identity')).toMatchObject({
      expected: `${SAN} issued by https://token.actions.githubusercontent.com`,
    });
  });

  it('anchors --cert-identity-regexp at the start', async () => {
    const provenance = write(await sign());
    const anchored = await verifyProvenance(
      options(provenance, { identity: { certIdentityRegexp: 'https://github\\.com/acme/app/' } }),
    );
    expect(anchored.verified).toBe(true);
    const unanchored = await verifyProvenance(
      options(provenance, { identity: { certIdentityRegexp: 'acme/app/' } }),
    );
    expect(unanchored.failure_reason).toBe('identity_mismatch');
  });

  it('compares the issuer exactly', async () => {
    const report = await verifyProvenance(
      options(write(await sign()), {
        identity: { certIdentity: SAN, certOidcIssuer: 'https://token.actions.githubusercontent.com/' },
      }),
    );
    expect(report.failure_reason).toBe('identity_mismatch');
  });

  describe('binds the provenance to the certificate', () => {
    it('fails a provenance that claims a builder that did not sign it', async () => {
      const lying = slsaV1Statement({
        ...RUN,
        subjects: [subjectFor('app.tgz', data)],
        builderId: 'https://github.com/trusted/builder/.github/workflows/b.yml@refs/tags/v1.0.0',
      });
      const report = await verifyProvenance(
        options(write(await sign(lying)), {
          builderIds: ['https://github.com/trusted/builder/.github/workflows/b.yml'],
        }),
      );
      expect(report.failure_reason).toBe('builder_mismatch');
      expect(failing(report)).toEqual(['builder_id_certificate']);
    });

    it.each([
      [
        'source repository',
        'source_repo_certificate',
        'source_mismatch',
        (p: SlsaV1Predicate) => {
          p.buildDefinition.externalParameters.workflow.repository = 'https://github.com/acme/other';
        },
        { sourceRepo: 'acme/other' },
      ],
      [
        'ref',
        'ref_certificate',
        'tag_mismatch',
        (p: SlsaV1Predicate) => {
          p.buildDefinition.externalParameters.workflow.ref = 'refs/tags/v9.9.9';
        },
        { tag: 'v9.9.9' },
      ],
      [
        'commit',
        'commit_certificate',
        'commit_mismatch',
        (p: SlsaV1Predicate) => {
          p.buildDefinition.resolvedDependencies[0].digest.gitCommit = 'b'.repeat(40);
        },
        { commit: 'b'.repeat(40) },
      ],
    ])('fails a provenance that lies about its %s', async (_what, check, code, lie, claimed) => {
      const stmt = statement();
      lie(stmt.predicate as SlsaV1Predicate);
      const report = await verifyProvenance(
        options(write(await sign(stmt)), claimed as Partial<VerifyOptions>),
      );
      expect(report.failure_reason).toBe(code);
      expect(failing(report)).toEqual([check]);
    });
  });

  it('accepts SLSA v0.2 only under the override, and flags it', async () => {
    const provenance = write(
      await sign(slsaV02Statement({ ...RUN, subjects: [subjectFor('app.tgz', data)] })),
    );
    expect((await verifyProvenance(options(provenance))).failure_reason).toBe('predicate_mismatch');
    const allowed = await verifyProvenance(options(provenance, { allowSlsaV02: true }));
    expect(allowed).toMatchObject({ verified: true, governance_flags: ['security-backcompat'] });
  });

  it('verifies many artifacts from a directory against one provenance', async () => {
    const dir = path.join(work, 'many');
    fs.mkdirSync(dir);
    const subjects = Array.from({ length: 5 }, (_, i) => {
      fs.writeFileSync(path.join(dir, `a${i}`), `asset ${i}`);
      return subjectFor(`a${i}`, `asset ${i}`);
    });
    const provenance = write(await sign(slsaV1Statement({ ...RUN, subjects })));
    const report = await verifyProvenance(options(provenance, { artifacts: [], artifactsDir: dir }));
    expect(report.verified).toBe(true);
    expect(report.artifacts.map((a) => a.subject)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
  });

  it('fails an empty artifacts directory: nothing to check is never a pass', async () => {
    const empty = fs.mkdtempSync(path.join(work, 'empty-'));
    const report = await verifyProvenance(
      options(write(await sign()), { artifacts: [], artifactsDir: empty }),
    );
    expect(report.failure_reason).toBe('artifact_missing');
  });

  it('takes the attestation that passes when a JSON Lines file holds several', async () => {
    const bad = await sign();
    bad.verificationMaterial.tlogEntries = [];
    const good = await sign();
    const report = await verifyProvenance(
      options(write(`${JSON.stringify(bad)}\n${JSON.stringify(good)}\n`)),
    );
    expect(report.verified).toBe(true);
    expect(report.attestation).toMatchObject({ count: 2 });
  });

  it('reports a broken certificate as a failure, never a crash', async () => {
    const bundle = await sign();
    const material = bundle.verificationMaterial as { certificate?: { rawBytes: string } };
    material.certificate = { rawBytes: Buffer.from('not a certificate').toString('base64') };
    const report = await verifyProvenance(options(write(bundle)));
    expect(report.verified).toBe(false);
    expect(['signature_invalid', 'malformed_provenance']).toContain(report.failure_reason);
  });

  it('marks claims unauthenticated with --skip-signature', async () => {
    const report = await verifyProvenance(
      options(write(await sign(statement(), RUN, { tlog: false })), { skipSignature: true }),
    );
    expect(report).toMatchObject({ verified: true, failure_reason: null, authenticated: false });
    for (const name of ['signature', 'identity', 'builder_id_certificate', 'commit_certificate']) {
      expect(report.checks.find((c) => c.name === name)).toMatchObject({
        status: 'skipped',
        ok: true,
        detail: expect.stringMatching(/^skipped by --skip-signature/) as unknown,
      });
    }
    expect(report.checks.find((c) => c.name === 'tag')).toMatchObject({
      status: 'pass',
      authenticated: false,
    });
  });

  it('gives every check a status, and ok only to a pass or a skip the user asked for', async () => {
    const report = await verifyProvenance(options(write(await sign()), { tag: undefined }));
    expect(report).toMatchObject({ verified: true, authenticated: true });
    for (const check of report.checks) expect(['pass', 'fail', 'skipped']).toContain(check.status);
    expect(report.checks.find((c) => c.name === 'tag')).toMatchObject({
      status: 'skipped',
      ok: true,
      detail: expect.stringMatching(/^not requested: no --tag given/) as unknown,
    });
    expect(report.checks.find((c) => c.name === 'identity')?.detail).toBe(
      'certificate identity matches exactly',
    );
  });

  it.each([
    [
      'transparency log',
      (root: Record<string, Array<Record<string, unknown>>>) =>
        root.tlogs[0].publicKey as Record<string, unknown>,
    ],
    [
      'CT log',
      (root: Record<string, Array<Record<string, unknown>>>) =>
        root.ctlogs[0].publicKey as Record<string, unknown>,
    ],
    [
      'certificate authority',
      (root: Record<string, Array<Record<string, unknown>>>) => root.certificateAuthorities[0],
    ],
    [
      'timestamp authority',
      (root: Record<string, Array<Record<string, unknown>>>) => root.timestampAuthorities[0],
    ],
  ])('refuses a trusted root whose %s has validFor without a start (exit 2)', async (what, holder) => {
    const root = structuredClone(server.trustedRoot) as unknown as Record<
      string,
      Array<Record<string, unknown>>
    >;
    const validFor = holder(root).validFor as Record<string, unknown>;
    delete validFor.start;
    const file = path.join(work, `no-start-${what.replace(/ /g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify(root));
    await expect(verifyProvenance(options(write(await sign()), { trustedRoot: file }))).rejects.toMatchObject(
      {
        code: 'usage_error',
        message: expect.stringContaining(`${what} #1`) as unknown,
      },
    );
  });

  it('refuses a bundle whose certificate chain carries the root, whatever proof its entry has', async () => {
    const bundle = await signProvenance({
      statement: statement(),
      identity: githubActionsIdentity(RUN),
      server,
      bundleVersion: '0.2',
    });
    expect((await verifyProvenance(options(write(bundle)))).verified).toBe(true);
    const chain = server.trustedRoot.certificateAuthorities[0].certChain.certificates;
    bundle.verificationMaterial.x509CertificateChain!.certificates.push(...chain);
    const report = await verifyProvenance(options(write(bundle)));
    expect(report.failure_reason).toBe('signature_invalid');
    expect(report.checks.find((c) => c.name === 'signature')?.detail).toMatch(/includes a root certificate/);
  });

  it('judges a v0.1 bundle whose inclusion proof has no checkpoint by v0.1 rules, never by a TypeError', async () => {
    const bundle = await signProvenance({
      statement: statement(),
      identity: githubActionsIdentity(RUN),
      server,
      bundleVersion: '0.2',
    });
    bundle.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
    const entry = bundle.verificationMaterial.tlogEntries[0];
    delete (entry.inclusionProof as { checkpoint?: unknown }).checkpoint;
    // v0.1 requires only the signed entry timestamp: it decides.
    expect(await verifyProvenance(options(write(bundle)))).toMatchObject({ verified: true });
    const set = Buffer.from(entry.inclusionPromise!.signedEntryTimestamp, 'base64');
    set[set.length - 1] ^= 0x01;
    entry.inclusionPromise!.signedEntryTimestamp = set.toString('base64');
    const tampered = await verifyProvenance(options(write(bundle)));
    expect(tampered.failure_reason).toBe('signature_invalid');
    expect(tampered.checks.find((c) => c.name === 'signature')?.detail).toMatch(
      /^TLOG_INCLUSION_PROMISE_ERROR/,
    );
  });

  it('refuses unusable options with a usage error', async () => {
    const provenance = write(await sign());
    await expect(verifyProvenance(options(provenance, { sourceRepo: '' }))).rejects.toMatchObject({
      code: 'usage_error',
    });
    await expect(verifyProvenance(options(provenance, { commit: 'abc' }))).rejects.toMatchObject({
      code: 'usage_error',
    });
    await expect(
      verifyProvenance(options(provenance, { identity: { certIdentity: SAN, certIdentityRegexp: '.*' } })),
    ).rejects.toMatchObject({ code: 'usage_error' });
    await expect(
      verifyProvenance(options(provenance, { identity: { certIdentityRegexp: '(' } })),
    ).rejects.toMatchObject({ code: 'usage_error' });
    await expect(verifyProvenance(options(provenance, { artifacts: [] }))).rejects.toMatchObject({
      code: 'usage_error',
    });
  });
});
