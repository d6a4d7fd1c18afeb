import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { githubActionsIdentity, signBlob, requireOrSkip, type SigstoreServer } from '@release-guard/testkit';
import { runCli } from './run-cli';
import { BUILDER, RUN, signedRelease, type SignedRelease } from './signed-release';

describe('release-guard verify and verify-signature', () => {
  let release: SignedRelease;
  let server: SigstoreServer;
  let work: string;
  let artifact: string;
  let provenance: string;
  let blobBundle: string;
  let root: string;

  beforeAll(async () => {
    release = await signedRelease('rg-cli-');
    ({ server, work, artifact, provenance, root } = release);
    blobBundle = path.join(work, 'app.tgz.sigstore.json');
    fs.writeFileSync(
      blobBundle,
      JSON.stringify(
        await signBlob({
          artifact: Buffer.from('release bytes'),
          identity: githubActionsIdentity(RUN),
          server,
        }),
      ),
    );
  });
  afterAll(() => release.close());

  const base = () => [
    'verify',
    '--provenance',
    provenance,
    '--artifact',
    artifact,
    '--source-repo',
    'acme/app',
    '--builder-id',
    BUILDER,
    '--trusted-root',
    root,
  ];

  it('exits 0 and prints only one JSON object on stdout with --format json', async () => {
    const result = await runCli([...base(), '--tag', 'v1.2.3', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ verified: true, failure_reason: null });
  });

  it('prints every check with expected and actual in text', async () => {
    const result = await runCli([...base(), '--tag', 'v1.2.4']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL (tag_mismatch)');
    expect(result.stdout).toMatch(
      /\[fail\] tag: built from a different tag\n\s+expected: refs\/tags\/v1\.2\.4\n\s+actual:\s+refs\/tags\/v1\.2\.3/,
    );
    expect(result.stdout).toMatch(/\[pass\] signature/);
    const labels = [...result.stdout.matchAll(/^ {2}\[(\w+)\]/gm)].map((m) => m[1]);
    expect(new Set(labels)).toEqual(new Set(['pass', 'fail', 'skip']));
  });

  it('prints a passing verify short: the verdict, then one line per check; --verbose adds every detail', async () => {
    const json = JSON.parse((await runCli([...base(), '--tag', 'v1.2.3', '--format', 'json'])).stdout) as {
      checks: Array<{ name: string; status: string }>;
    };
    const short = await runCli([...base(), '--tag', 'v1.2.3']);
    expect(short.code).toBe(0);
    const lines = short.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('release-guard verify: PASS');
    expect(lines.slice(1).map((line) => /^ {2}\[(\w+)\] ([\w]+)/.exec(line)?.slice(1))).toEqual(
      json.checks.map((check) => [check.status === 'skipped' ? 'skip' : check.status, check.name]),
    );
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(140);
    const verbose = await runCli([...base(), '--tag', 'v1.2.3', '--verbose']);
    expect(verbose.stdout).toMatch(
      /\[pass\] tag: tag matches exactly\n\s+expected: refs\/tags\/v1\.2\.3\n\s+actual:\s+refs\/tags\/v1\.2\.3/,
    );
    expect(verbose.stdout).toMatch(/^ {2}signer: {6}https:\/\/github\.com\/acme\/app/m);
    expect(verbose.stdout).toMatch(/^ {2}artifact .*app\.tgz sha256:[0-9a-f]{64} -> app\.tgz$/m);
  });

  it('labels skipped checks skip and says a --skip-signature pass is not authenticated', async () => {
    const result = await runCli([...base(), '--skip-signature']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('NOT AUTHENTICATED');
    expect(result.stdout).toMatch(/\[skip\] signature: skipped by --skip-signature/);
    expect(result.stdout).toMatch(/\[pass\] source_repo \(unauthenticated\)/);
    const json = await runCli([...base(), '--skip-signature', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ verified: true, authenticated: false });
  });

  it.each([
    ['a missing required flag', ['verify', '--provenance', 'x']],
    ['an unknown flag', ['verify', '--nope']],
    ['a short commit', ['--commit', 'abc']],
    ['both identity flags', ['--cert-identity', 'a', '--cert-identity-regexp', 'b']],
    ['a bad format', ['--format', 'yaml']],
    ['an unreadable trusted root', ['--trusted-root', '/nonexistent/root.json']],
  ])('exits 2 on %s, with a message and no stack trace', async (_label, args) => {
    const argv = args[0] === 'verify' ? args : [...base(), ...args];
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.length).toBeGreaterThan(0);
  });

  // Issue 12: a path typed on the command line that cannot be read is unusable input (exit 2, no
  // failure code), not a failed check; provenance_missing/artifact_missing stay for the actions.
  it('exits 2, failure_reason null, for a provenance file that does not exist', async () => {
    const result = await runCli([
      ...base().map((a) => (a === provenance ? path.join(work, 'nope.jsonl') : a)),
      '--format',
      'json',
    ]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ verified: false, failure_reason: null });
  });

  it('exits 2, failure_reason null, for an artifact that does not exist', async () => {
    const result = await runCli([...base(), '--artifact', path.join(work, 'gone.tgz'), '--format', 'json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ verified: false, failure_reason: null });
  });

  it.each(['v1$(id)', '`touch pwned`', 'v1;rm -rf ~', '--upload-pack=x', 'v1\u202e', `v${'1'.repeat(300)}`])(
    'treats the tag %j as data',
    async (tag) => {
      const result = await runCli([...base(), '--tag', tag, '--format', 'json']);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as {
        failure_reason: string;
        checks: Array<{ name: string; expected: string }>;
      };
      expect(report.failure_reason).toBe('tag_mismatch');
      expect(report.checks.find((c) => c.name === 'tag')?.expected).toBe(`refs/tags/${tag}`);
      expect(fs.existsSync(path.join(process.cwd(), 'pwned'))).toBe(false);
    },
  );

  it('escapes control characters of untrusted values in text output', async () => {
    const result = await runCli([...base(), '--tag', 'v1\u202e']);
    expect(result.stdout).toContain('refs/tags/v1\\u202e');
    expect(result.stdout).not.toContain('\u202e');
  });

  it('verify-signature checks a message signature over a file, streamed', async () => {
    const ok = await runCli([
      'verify-signature',
      '--bundle',
      blobBundle,
      '--artifact',
      artifact,
      '--trusted-root',
      root,
      '--cert-identity',
      `${BUILDER}@refs/tags/v1.2.3`,
      '--format',
      'json',
    ]);
    expect(ok.code).toBe(0);
    const other = path.join(work, 'other.tgz');
    fs.writeFileSync(other, 'other bytes');
    const signatureArgs = [
      'verify-signature',
      '--bundle',
      blobBundle,
      '--artifact',
      other,
      '--trusted-root',
      root,
    ];
    const bad = await runCli([
      ...signatureArgs,
      '--cert-identity',
      `${BUILDER}@refs/tags/v1.2.3`,
      '--format',
      'json',
    ]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ failure_reason: 'signature_invalid' });
    // No signer is trusted by default: without an identity flag or --key it is a usage error.
    const anySigner = await runCli([...signatureArgs, '--format', 'json']);
    expect(anySigner.code).toBe(2);
    expect(anySigner.stdout).toBe('');
    expect(anySigner.stderr).toMatch(/--cert-identity.*--cert-identity-regexp.*--key/);
  });

  it('verify-signature checks that an attestation covers the artifacts', async () => {
    const other = path.join(work, 'other2.tgz');
    fs.writeFileSync(other, 'not in the provenance');
    const args = ['verify-signature', '--bundle', provenance, '--artifact', other, '--trusted-root', root];
    const result = await runCli([
      ...args,
      '--cert-identity',
      `${BUILDER}@refs/tags/v1.2.3`,
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ verified: false, failure_reason: 'digest_mismatch' });
    expect((await runCli([...args, '--format', 'json'])).code).toBe(2);
  });

  it('verify-signature binds a reusable-workflow signer to the repository that ran it', async () => {
    // Every caller of a reusable workflow gets that workflow's SAN: only the repository tells them apart.
    const reusable = 'release-guard/release-guard/.github/workflows/release-sign.yml@' + 'a'.repeat(40);
    const san = `https://github.com/${reusable}`;
    const signedBy = async (repository: string) => {
      const file = path.join(work, `${repository.replace('/', '-')}.sigstore.json`);
      const run = { ...RUN, repository, jobWorkflowRef: reusable };
      const bundle = await signBlob({
        artifact: Buffer.from('release bytes'),
        identity: githubActionsIdentity(run),
        server,
      });
      fs.writeFileSync(file, JSON.stringify(bundle));
      return file;
    };
    const ours = await signedBy('acme/app');
    const theirs = await signedBy('evil/app');
    const argv = (bundle: string, ...more: string[]) => [
      'verify-signature',
      '--bundle',
      bundle,
      '--artifact',
      artifact,
      '--trusted-root',
      root,
      '--cert-identity',
      san,
      ...more,
      '--format',
      'json',
    ];
    // The SAN alone accepts both: that is why --source-repo exists.
    expect((await runCli(argv(theirs))).code).toBe(0);
    const good = await runCli(argv(ours, '--source-repo', 'acme/app'));
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).checks).toContainEqual(
      expect.objectContaining({
        name: 'identity_source_repo',
        status: 'pass',
        actual: 'https://github.com/acme/app',
      }),
    );
    const bad = await runCli(argv(theirs, '--source-repo', 'acme/app'));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ verified: false, failure_reason: 'identity_mismatch' });
    const alias = await runCli(argv(theirs, '--certificate-github-workflow-repository', 'acme/app'));
    expect(JSON.parse(alias.stdout)).toMatchObject({ failure_reason: 'identity_mismatch' });
    const conflict = await runCli(
      argv(ours, '--source-repo', 'acme/app', '--certificate-github-workflow-repository', 'evil/app'),
    );
    expect(conflict.code).toBe(2);
  });

  it('reports a one-byte-tampered bundle as signature_invalid, its claims unauthenticated', async () => {
    const bundle = JSON.parse(fs.readFileSync(provenance, 'utf8')) as { dsseEnvelope: { payload: string } };
    const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64');
    // Inside the source repository name: `acme/app` becomes `acme/apq`.
    payload[payload.indexOf('acme/app') + 7] ^= 0x01;
    bundle.dsseEnvelope.payload = payload.toString('base64');
    const tampered = path.join(work, 'tampered.intoto.jsonl');
    fs.writeFileSync(tampered, JSON.stringify(bundle));
    const result = await runCli([
      ...base().map((a) => (a === provenance ? tampered : a)),
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      failure_reason: string;
      authenticated: boolean;
      checks: Array<{ name: string; status: string; ok: boolean; detail: string; authenticated?: boolean }>;
    };
    expect(report).toMatchObject({ failure_reason: 'signature_invalid', authenticated: false });
    expect(report.checks.find((c) => c.name === 'source_repo')).toMatchObject({
      status: 'fail',
      authenticated: false,
    });
    expect(report.checks.find((c) => c.name === 'source_repo_certificate')).toMatchObject({
      status: 'skipped',
      ok: false,
      detail: 'not evaluated: the signature is invalid',
    });
    expect(result.stdout).not.toContain('--skip-signature');
  });

  const bin = path.resolve(__dirname, '../bin/release-guard.js');
  const built = fs.existsSync(path.resolve(__dirname, '../dist/index.js'));
  requireOrSkip(built, 'the CLI bundle is not built (run pnpm build)').it(
    'runs as the built release-guard binary with the same exit codes',
    () => {
      const ok = spawnSync(process.execPath, [bin, ...base(), '--format', 'json'], { encoding: 'utf8' });
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ verified: true });
      const usage = spawnSync(process.execPath, [bin, 'verify'], { encoding: 'utf8' });
      expect(usage.status).toBe(2);
    },
  );
});
