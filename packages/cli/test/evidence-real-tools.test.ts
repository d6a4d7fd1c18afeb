import { readFileSync, symlinkSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { writeJestProject, PLANTED_AWS_SECRET } from './evidence-jest-project';
import { writeCycloneDxSboms } from './evidence-sbom-tool';
import { evidenceWorkspace, passingInputs } from './evidence-workspace';

interface Manifest {
  result: string;
  evaluations: { rule: string; result: string; actual: string }[];
  items: { path: string }[];
  redactions: { path: string; line: number; rule: string; action: string }[];
}

const SLACK_WEBHOOK = 'https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMN/q1w2e3r4t5y6u7i8o9p0a1s2';
const PEM_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';

describe('release-guard evidence on reports written by jest, jest-junit and jest coverage', () => {
  const ws = evidenceWorkspace();
  beforeAll(() => writeJestProject(ws.dir), 120_000);

  it.each([
    ['coverage-summary.json', 'istanbul-summary'],
    ['lcov.info', 'lcov'],
    ['cobertura-coverage.xml', 'cobertura'],
    ['summary.txt', 'istanbul-text-summary'],
  ])('reads line coverage from jest %s', async (file, format) => {
    const result = await ws.evidence([
      '--tag',
      'v1',
      '--junit',
      'reports/junit.xml',
      '--coverage',
      `reports/coverage/${file}`,
      '--format',
      'json',
    ]);
    const manifest = JSON.parse(result.stdout) as Manifest;
    expect(manifest.evaluations.find((e) => e.rule === 'coverage')).toMatchObject({
      result: 'pass',
      actual: `80 % (4/5 lines, ${format})`,
    });
    expect(manifest.evaluations.find((e) => e.rule === 'tests')).toMatchObject({
      result: 'pass',
      actual: '4 tests, 0 failed, 0 errored, 1 skipped',
    });
  });

  it('leaves out a JUnit report whose system-out holds an AWS key, fails, and never repeats the key', async () => {
    const result = await ws.evidence([
      '--tag',
      'v2',
      '--junit',
      'reports/junit-console.xml',
      '--coverage',
      'reports/coverage/lcov.info',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('evidence for v2: fail (evidence_fail)');
    expect(result.stdout).toMatch(/reports\/junit-console\.xml line \d+: release-guard\/aws-credentials/);
    const manifestText = ws.read('evidence/manifests/v2.yaml');
    const manifest = parse(manifestText) as Manifest;
    expect(manifest.items.map((item) => item.path)).toEqual(['reports/coverage/lcov.info']);
    expect(manifest.evaluations.find((e) => e.rule === 'tests')?.actual).toBe(
      'the JUnit report was left out: it holds a secret',
    );
    const { contents, listing } = ws.bundle('evidence-v2.tar.gz');
    expect(listing).not.toContain('junit-console');
    for (const text of [result.stdout, result.stderr, manifestText, contents])
      expect(text).not.toContain(PLANTED_AWS_SECRET);
  });
});

describe('release-guard evidence on SBOMs written by @cyclonedx/cyclonedx-npm', () => {
  it('checks CycloneDX 1.4 and 1.6 JSON and 1.5 XML and counts their components', async () => {
    const ws = evidenceWorkspace();
    const files = writeCycloneDxSboms(ws.dir, [
      { spec: '1.4', format: 'JSON' },
      { spec: '1.6', format: 'JSON' },
      { spec: '1.5', format: 'XML' },
    ]);
    const result = await ws.evidence([
      '--tag',
      'v1',
      ...files.flatMap((file) => ['--sbom', file]),
      '--format',
      'json',
    ]);
    expect(result.stderr).toBe('');
    const manifest = JSON.parse(result.stdout) as Manifest;
    expect(manifest.evaluations.find((e) => e.rule === 'sbom')).toMatchObject({
      result: 'pass',
      actual:
        'cyclonedx-json 1.4: 2 components; cyclonedx-xml 1.5: 2 components; cyclonedx-json 1.6: 2 components',
    });
  }, 120_000);
});

describe('release-guard evidence and secrets', () => {
  it('leaves out a log with a Slack webhook and a PEM key file, and the secrets appear nowhere', async () => {
    const ws = evidenceWorkspace();
    const log = ws.put('logs/deploy.log', `deploying\nnotify ${SLACK_WEBHOOK}\n`);
    ws.put('signatures/app.sigstore.json', '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}\n');
    ws.put('signatures/signing.key', `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\n-----END PRIVATE KEY-----\n`);
    ws.put('logs/conftest.json', { fixture: 'conftest-0.56-results.json' });
    const args = [
      '--tag',
      'v1',
      ...passingInputs(ws),
      '--policy-log',
      log,
      '--policy-log',
      'logs/conftest.json',
      '--signatures',
      'signatures',
    ];
    const result = await ws.evidence([...args, '--format', 'json']);
    expect(result.code).toBe(1);
    const manifestText = ws.read('evidence/manifests/v1.yaml');
    const manifest = parse(manifestText) as Manifest;
    expect(manifest.result).toBe('fail');
    expect(manifest.redactions).toEqual(
      expect.arrayContaining([
        { path: 'logs/deploy.log', line: 2, rule: '@secretlint/secretlint-rule-slack', action: 'left_out' },
        { path: 'logs/deploy.log', line: 2, rule: 'release-guard/webhook-url', action: 'left_out' },
        {
          path: 'signatures/signing.key',
          line: 1,
          rule: 'release-guard/pem-private-key',
          action: 'left_out',
        },
      ]),
    );
    const paths = manifest.items.map((item) => item.path);
    expect(paths).toEqual(expect.arrayContaining(['logs/conftest.json', 'signatures/app.sigstore.json']));
    expect(paths).not.toEqual(expect.arrayContaining(['logs/deploy.log']));
    expect(paths).not.toEqual(expect.arrayContaining(['signatures/signing.key']));
    const { contents } = ws.bundle('evidence-v1.tar.gz');
    const text = await ws.evidence(args);
    for (const output of [result.stdout, result.stderr, text.stdout, text.stderr, manifestText, contents]) {
      expect(output).not.toContain('q1w2e3r4t5y6u7i8o9p0a1s2');
      expect(output).not.toContain(PEM_BODY);
    }
  });

  it('finds .npmrc auth tokens and credentials in a git remote URL', async () => {
    const ws = evidenceWorkspace();
    ws.put('logs/npmrc.txt', '//registry.npmjs.org/:_authToken=npm_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78\n');
    ws.put(
      'logs/gitconfig.txt',
      '[remote "origin"]\n\turl = https://ci-bot:ghp_notreallyatoken1234567890@github.com/o/r.git\n',
    );
    ws.put('logs/ok.txt', 'registry=${NPM_REGISTRY}\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n');
    const result = await ws.evidence(['--tag', 'v1', '--policy-log', 'logs/*.txt', '--format', 'json']);
    const manifest = JSON.parse(result.stdout) as Manifest;
    const rules = manifest.redactions.map((r) => `${r.path}:${r.line}:${r.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'logs/npmrc.txt:1:release-guard/npmrc-auth-token',
        'logs/gitconfig.txt:2:release-guard/git-url-credentials',
      ]),
    );
    expect(manifest.redactions.some((r) => r.path === 'logs/ok.txt')).toBe(false);
    expect(manifest.items.map((item) => item.path)).toEqual(['logs/ok.txt']);
  });

  it('does not follow a symbolic link out of the workspace, nor a path that leaves it', async () => {
    const ws = evidenceWorkspace();
    const outside = mkdtempSync(join(tmpdir(), 'rg-outside-'));
    writeFileSync(join(outside, 'junit.xml'), '<testsuites/>');
    symlinkSync(join(outside, 'junit.xml'), join(ws.dir, 'linked.xml'));
    const linked = await ws.evidence(['--tag', 'v1', '--junit', 'linked.xml']);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain(
      '--junit linked.xml is a symbolic link out of the workspace; it is not followed',
    );
    const globbed = await ws.evidence(['--tag', 'v1', '--junit', '*.xml']);
    expect(globbed.stderr).toContain('--junit *.xml matches no file in the workspace');
    const escaped = await ws.evidence(['--tag', 'v1', '--junit', `../${outside.split('/').pop()}/junit.xml`]);
    expect(escaped.code).toBe(2);
    expect(escaped.stderr).toContain('is outside the workspace');
    expect(existsSync(join(ws.dir, 'evidence'))).toBe(false);
  });
});

describe('release-guard evidence bundles and XML', () => {
  it('writes byte-identical bundles on two runs, with fixed times, no owners and a bare gzip header', async () => {
    const ws = evidenceWorkspace();
    const inputs = passingInputs(ws);
    await ws.evidence(['--tag', 'v1/rc', ...inputs, '--out-dir', 'one']);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await ws.evidence(['--tag', 'v1/rc', ...inputs, '--out-dir', 'two']);
    const one = readFileSync(join(ws.dir, 'one', 'evidence-v1%2Frc.tar.gz'));
    const two = readFileSync(join(ws.dir, 'two', 'evidence-v1%2Frc.tar.gz'));
    expect(one.equals(two)).toBe(true);
    expect(ws.read('one/evidence/manifests/v1%2Frc.yaml')).toBe(
      ws.read('two/evidence/manifests/v1%2Frc.yaml'),
    );
    expect(one[3]).toBe(0); // FLG: no file name, no comment
    expect(one.readUInt32LE(4)).toBe(0); // MTIME
    const { listing } = ws.bundle('one/evidence-v1%2Frc.tar.gz');
    const lines = listing.trim().split('\n');
    expect(lines.every((line) => line.startsWith('-rw-r--r-- 0/0'))).toBe(true);
    expect(lines.every((line) => line.includes('2025-12-01'))).toBe(true);
    expect(lines.map((line) => line.split(' ').pop())).toEqual(
      [...lines.map((line) => line.split(' ').pop())].sort(),
    );
  });

  it.each([
    ['an internal subset', '<?xml version="1.0"?>\n<!DOCTYPE t [ <!ELEMENT t ANY> ]>\n<testsuites/>'],
    [
      'an ENTITY (billion laughs)',
      '<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n<testsuites>&b;</testsuites>',
    ],
    [
      'an external entity',
      '<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuites>&x;</testsuites>',
    ],
    ['an undeclared entity reference', '<testsuites><testsuite name="&x;"/></testsuites>'],
  ])('refuses JUnit XML with %s (exit 2, nothing written)', async (_, xml) => {
    const ws = evidenceWorkspace();
    const result = await ws.evidence(['--tag', 'v1', '--junit', ws.put('junit.xml', xml)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('junit.xml is not usable XML');
    expect(existsSync(join(ws.dir, 'evidence-v1.tar.gz'))).toBe(false);
  });

  it('ignores an external DOCTYPE without fetching it', async () => {
    const ws = evidenceWorkspace();
    const cobertura =
      '<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "http://127.0.0.1:9/coverage-04.dtd">\n<coverage lines-valid="10" lines-covered="7" line-rate="0.7"></coverage>\n';
    const result = await ws.evidence([
      '--tag',
      'v1',
      '--coverage',
      ws.put('cobertura.xml', cobertura),
      '--format',
      'json',
    ]);
    const manifest = JSON.parse(result.stdout) as Manifest;
    expect(manifest.evaluations.find((e) => e.rule === 'coverage')).toMatchObject({
      result: 'pass',
      actual: '70 % (7/10 lines, cobertura)',
    });
  });
});
