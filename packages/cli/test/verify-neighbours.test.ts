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
import { isSignatureOrAttestationFile } from '@release-guard/core';
import { ALIASES } from '../src/commands/aliases';
import { runCli } from './run-cli';
import { BUILDER, RUN } from './signed-release';

const SIDE_FILES = [
  'app.tgz.intoto.jsonl',
  'app.tgz.sigstore.json',
  'app.tgz.sig',
  'app.tgz.pem',
  'app.tgz.cert',
  'SHA256SUMS',
  'SHA256SUMS.asc',
];

interface Report {
  verified: boolean;
  failure_reason: string | null;
  authenticated: boolean;
  governance_flags: string[];
  artifacts: Array<{ path: string; subject: string | null }>;
  excluded?: Array<{ path: string; reason: string }>;
  checks: Array<{ name: string; status: string; actual: string | null }>;
}

/** verify and verify-signature as users of slsa-verifier, cosign and gh type them (issue 12, item 3). */
describe('verify speaks the neighbours’ language', () => {
  let server: SigstoreServer;
  let work: string;
  let dir: string;
  let provenance: string;
  let root: string;

  beforeAll(async () => {
    server = await startSigstoreServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-neighbours-'));
    dir = path.join(work, 'download');
    fs.mkdirSync(path.join(dir, 'nested'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'app.tgz'), 'release bytes');
    fs.writeFileSync(path.join(dir, 'app.zip'), 'zip bytes');
    fs.writeFileSync(path.join(dir, 'nested', 'extra.bin'), 'extra bytes');
    for (const name of SIDE_FILES) fs.writeFileSync(path.join(dir, name), 'not an artifact');
    root = path.join(work, 'root.json');
    fs.writeFileSync(root, JSON.stringify(server.trustedRoot));
    const statement = slsaV1Statement({
      ...RUN,
      subjects: [
        subjectFor('app.tgz', 'release bytes'),
        subjectFor('app.zip', 'zip bytes', ['sha512']),
        subjectFor('extra.bin', 'extra bytes'),
        subjectFor('SHA256SUMS', 'not an artifact'),
      ],
    });
    provenance = path.join(dir, 'multiple.intoto.jsonl');
    const bundle = await signProvenance({ statement, identity: githubActionsIdentity(RUN), server });
    fs.writeFileSync(provenance, `${JSON.stringify(bundle)}\n`);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const trust = () => ['--builder-id', BUILDER, '--trusted-root', root, '--format', 'json'];
  const json = async (argv: string[]) => {
    const result = await runCli(argv);
    return { ...result, report: result.stdout ? (JSON.parse(result.stdout) as Report) : null };
  };

  it('takes the artifacts as positional arguments too, beside --artifact', async () => {
    const { code, report } = await json([
      'verify',
      '--provenance',
      provenance,
      '--source-repo',
      'acme/app',
      path.join(dir, 'app.tgz'),
      path.join(dir, 'app.zip'),
      ...trust(),
    ]);
    expect(code).toBe(0);
    expect(report?.artifacts.map((a) => a.subject)).toEqual(['app.tgz', 'app.zip']);
  });

  it('accepts slsa-verifier’s command line: --provenance-path, --source-uri github.com/OWNER/REPO, --source-tag', async () => {
    const argv = (tag: string) => [
      'verify',
      path.join(dir, 'app.tgz'),
      '--provenance-path',
      provenance,
      '--source-uri',
      'github.com/acme/app',
      '--source-tag',
      tag,
      ...trust(),
    ];
    const good = await json(argv('v1.2.3'));
    expect(good.code).toBe(0);
    expect(good.report?.checks).toContainEqual(
      expect.objectContaining({ name: 'source_repo', status: 'pass', actual: 'https://github.com/acme/app' }),
    );
    const bad = await json(argv('v9'));
    expect(bad.report?.failure_reason).toBe('tag_mismatch');
  });

  it('accepts gh attestation’s and cosign’s names for the bundle, identity and trusted root', async () => {
    const san = `${BUILDER}@refs/tags/v1.2.3`;
    const result = await json([
      'verify',
      path.join(dir, 'app.tgz'),
      '--bundle',
      provenance,
      '--source-repo',
      'https://github.com/acme/app',
      '--certificate-identity',
      san,
      '--certificate-oidc-issuer',
      'https://token.actions.githubusercontent.com',
      '--builder-id',
      BUILDER,
      '--custom-trusted-root',
      root,
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const regexp = await json([
      'verify',
      path.join(dir, 'app.tgz'),
      `--provenance=${provenance}`,
      '--source-repo=acme/app',
      '--cert-identity-regex',
      '^https://github\\.com/evil/',
      ...trust(),
    ]);
    expect(regexp.report?.failure_reason).toBe('identity_mismatch');
  });

  it('refuses an alias and its flag given different values', async () => {
    const result = await runCli([
      'verify',
      path.join(dir, 'app.tgz'),
      '--provenance',
      provenance,
      '--bundle',
      path.join(dir, 'app.tgz.sigstore.json'),
      '--source-repo',
      'acme/app',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--bundle is another name for --provenance');
  });

  it('keeps the aliases out of --help', async () => {
    for (const command of Object.keys(ALIASES)) {
      const help = await runCli([command, '--help']);
      expect(help.code).toBe(0);
      for (const { alias } of ALIASES[command]) {
        expect(help.stdout).not.toMatch(new RegExp(`${alias}\\b(?!-)`));
      }
    }
  });

  it('verifies the files directly in --artifacts-dir, leaving out the provenance and signature files, saying why', async () => {
    const { code, report } = await json([
      'verify',
      '--provenance',
      provenance,
      '--artifacts-dir',
      dir,
      '--source-repo',
      'acme/app',
      ...trust(),
    ]);
    expect(code).toBe(0);
    expect(report?.artifacts.map((a) => path.basename(a.path))).toEqual(['app.tgz', 'app.zip']);
    const excluded = new Map(report?.excluded?.map((e) => [path.basename(e.path), e.reason]));
    expect([...excluded.keys()].sort()).toEqual([...SIDE_FILES, 'multiple.intoto.jsonl', 'nested'].sort());
    expect(excluded.get('multiple.intoto.jsonl')).toBe('the provenance file given');
    expect(excluded.get('SHA256SUMS')).toMatch(/checksum list/);
    expect(excluded.get('nested')).toMatch(/--recursive/);
    const text = await runCli([
      'verify',
      '--provenance',
      provenance,
      '--artifacts-dir',
      dir,
      '--source-repo',
      'acme/app',
      '--builder-id',
      BUILDER,
      '--trusted-root',
      root,
    ]);
    expect(text.stdout).toContain(
      'left out 9 file(s) of the folder that are not artifacts (--verbose lists them)',
    );
    const verbose = await runCli([
      'verify',
      '--provenance',
      provenance,
      '--artifacts-dir',
      dir,
      '--source-repo',
      'acme/app',
      '--builder-id',
      BUILDER,
      '--trusted-root',
      root,
      '--verbose',
    ]);
    expect(verbose.stdout).toMatch(/left out .*app\.tgz\.sig: a signature \(\*\.sig\), not an artifact/);
  });

  it('descends into subfolders with --recursive, and still verifies a side file named with --artifact', async () => {
    const { code, report } = await json([
      'verify',
      '--provenance',
      provenance,
      '--artifacts-dir',
      dir,
      '--recursive',
      '--artifact',
      path.join(dir, 'SHA256SUMS'),
      '--source-repo',
      'acme/app',
      ...trust(),
    ]);
    expect(code).toBe(0);
    expect(report?.artifacts.map((a) => a.subject)).toEqual([
      'SHA256SUMS',
      'app.tgz',
      'app.zip',
      'extra.bin',
    ]);
  });

  it('exports the signature/attestation predicate it uses', () => {
    for (const name of SIDE_FILES) expect(isSignatureOrAttestationFile(name)).toBe(true);
    expect(isSignatureOrAttestationFile('app.tgz')).toBe(false);
    expect(isSignatureOrAttestationFile('signatures.tar')).toBe(false);
  });

  it('marks a --skip-signature report unauthenticated where a script looks', async () => {
    const { code, report } = await json([
      'verify',
      path.join(dir, 'app.tgz'),
      '--provenance',
      provenance,
      '--source-repo',
      'acme/app',
      '--skip-signature',
      ...trust(),
    ]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ verified: true, authenticated: false });
    expect(report?.governance_flags).toContain('unauthenticated');
    const signed = await json([
      'verify',
      path.join(dir, 'app.tgz'),
      '--provenance',
      provenance,
      '--source-repo',
      'acme/app',
      ...trust(),
    ]);
    expect(signed.report).toMatchObject({ authenticated: true });
    expect(signed.report?.governance_flags).not.toContain('unauthenticated');
  });

  it('shows the sha512 as the actual value when the subject matched on sha512', async () => {
    const { report } = await json([
      'verify',
      path.join(dir, 'app.zip'),
      '--provenance',
      provenance,
      '--source-repo',
      'acme/app',
      ...trust(),
    ]);
    const sha512 = subjectFor('x', 'zip bytes', ['sha512']).digest.sha512;
    expect(report?.checks.find((c) => c.name === 'subject_digest')?.actual).toBe(
      `${path.join(dir, 'app.zip')} sha512:${sha512}`,
    );
  });

  it('titles the verify-signature text report with its own name', async () => {
    const result = await runCli([
      'verify-signature',
      '--bundle',
      provenance,
      path.join(dir, 'app.tgz'),
      '--certificate-identity',
      `${BUILDER}@refs/tags/v1.2.3`,
      '--trusted-root',
      root,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^release-guard verify-signature: PASS/);
  });

  it('takes github.com/OWNER/REPO for verify-signature --source-repo too', async () => {
    const argv = (repo: string) => [
      'verify-signature',
      '--bundle',
      provenance,
      path.join(dir, 'app.tgz'),
      '--cert-identity',
      `${BUILDER}@refs/tags/v1.2.3`,
      '--source-repo',
      repo,
      '--trusted-root',
      root,
      '--format',
      'json',
    ];
    expect((await json(argv('github.com/acme/app'))).code).toBe(0);
    expect((await json(argv('github.com/evil/app'))).report?.failure_reason).toBe('identity_mismatch');
  });

  it.each([['--version'], ['-V']])('prints its version with %s', async (flag) => {
    const version = (
      JSON.parse(fs.readFileSync(path.join(__dirname, '../package.json'), 'utf8')) as { version: string }
    ).version;
    const result = await runCli([flag]);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('the README alias table', () => {
  it('lists every alias with the flag it stands for and the commands that take it', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    const rows = new Map(
      [...readme.matchAll(/^\| `(--[\w-]+)` \| `(--[\w-]+)`[^|]*\|[^|]*\| ([^|]+) \|$/gm)].map((m) => [
        m[1],
        { flag: m[2], commands: m[3].match(/`([\w-]+)`/g)?.map((c) => c.slice(1, -1)) ?? [] },
      ]),
    );
    for (const [command, aliases] of Object.entries(ALIASES)) {
      for (const { alias, flag } of aliases) {
        expect({ alias, ...rows.get(alias) }).toMatchObject({
          alias,
          flag,
          commands: expect.arrayContaining([command]),
        });
      }
    }
  });
});
