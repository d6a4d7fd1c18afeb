import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { evidenceWorkspace, passingInputs } from './evidence-workspace';
import { runCli } from './run-cli';

interface Manifest {
  result: string;
  evaluations: { rule: string; result: string; expected: string; actual: string }[];
  items: { kind: string; path: string; sha256: string; size: number }[];
  images: { ref: string }[];
  bundle_sha256: string;
}

function rule(manifest: Manifest, id: string) {
  return manifest.evaluations.find((evaluation) => evaluation.rule === id);
}

describe('release-guard evidence: policy and formats', () => {
  it('passes a release whose evidence meets the default policy, and writes the bundle and manifest', async () => {
    const ws = evidenceWorkspace();
    const image = `ghcr.io/example/app@sha256:${'a'.repeat(64)}`;
    const result = await ws.evidence(['--tag', 'v1.4.0', '--image', image, ...passingInputs(ws)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('evidence for v1.4.0: pass');
    const manifest = parse(ws.read('evidence/manifests/v1.4.0.yaml')) as Manifest;
    expect(manifest.result).toBe('pass');
    expect(manifest.images.map((item) => item.ref)).toEqual([image]);
    expect(manifest.items.map((item) => item.path)).toEqual([
      'feeds/epss.csv',
      'feeds/kev.json',
      'reports/TEST-app.xml',
      'reports/coverage.txt',
      'reports/verify.json',
      'sbom/bom.cdx.json',
      'scans/grype.json',
    ]);
    expect(rule(manifest, 'tests')).toMatchObject({
      result: 'pass',
      actual: '3 tests, 0 failed, 0 errored, 1 skipped',
    });
    expect(rule(manifest, 'coverage')).toMatchObject({ result: 'pass', expected: 'line coverage >= 70 %' });
    expect(rule(manifest, 'sbom')?.actual).toBe('cyclonedx-json 1.5: 3 components');
    const { listing, contents } = ws.bundle('evidence-v1.4.0.tar.gz');
    expect(listing).toContain('items/scans/grype.json');
    expect(listing).toContain('evidence.yaml');
    expect(contents).not.toContain('bundle_sha256');
  });

  it('fails on a critical or KEV-listed vulnerability, warns on a high one, and says so', async () => {
    const ws = evidenceWorkspace();
    // Every passing input but the scan, which each case replaces.
    const inputs = passingInputs(ws);
    const at = inputs.indexOf('--vulns');
    const base = [...inputs.slice(0, at), ...inputs.slice(at + 2)];
    const critical = await ws.evidence([
      '--tag',
      'v1',
      ...base,
      '--vulns',
      ws.put('g.json', { fixture: 'grype-0.84-critical.json' }),
      '--format',
      'json',
    ]);
    expect(critical.code).toBe(1);
    const criticalReport = JSON.parse(critical.stdout) as Manifest & { code: string };
    expect(criticalReport.code).toBe('evidence_fail');
    expect(rule(criticalReport, 'vulnerabilities')).toMatchObject({
      result: 'fail',
      actual: expect.stringContaining('GHSA-35jh-r3h4-6jhm'),
    });

    const kev = await ws.evidence([
      '--tag',
      'v1',
      ...base,
      '--vulns',
      ws.put('o.json', { fixture: 'osv-scanner-1.9-kev.json' }),
      '--format',
      'json',
    ]);
    const kevReport = JSON.parse(kev.stdout) as Manifest;
    expect(kev.code).toBe(1);
    expect(rule(kevReport, 'kev')).toMatchObject({ result: 'fail', actual: 'KEV-listed: CVE-2021-44228' });
    expect(rule(kevReport, 'epss')).toMatchObject({
      result: 'warn',
      actual: expect.stringContaining('CVE-2021-44228 (0.94358)'),
    });
    expect(rule(kevReport, 'vulnerabilities')?.result).toBe('pass');

    const high = await ws.evidence([
      '--tag',
      'v1',
      ...base,
      '--vulns',
      ws.put('t.json', { fixture: 'trivy-0.57-high.json' }),
    ]);
    expect(high.code).toBe(1);
    expect(high.stdout).toContain('evidence for v1: warn (evidence_warn)');
    expect(high.stdout).toMatch(/WARN {2}vulnerabilities .*CVE-2024-21538/);
    const allowed = await ws.evidence(['--tag', 'v1', ...base, '--vulns', 't.json', '--allow-warn']);
    expect(allowed.code).toBe(0);
  });

  it('suppresses a finding a VEX statement declares not_affected, and the report says so', async () => {
    const ws = evidenceWorkspace();
    const inputs = passingInputs(ws);
    const vex = ws.put('scans/vex.cdx.json', { fixture: 'cyclonedx-1.6-vex.json' });
    const trivy = ws.put('scans/trivy.json', { fixture: 'trivy-0.57-high.json' });
    const result = await ws.evidence([
      '--tag',
      'v1',
      ...inputs,
      '--vulns',
      trivy,
      '--vulns',
      vex,
      '--format',
      'json',
    ]);
    const report = JSON.parse(result.stdout) as Manifest;
    expect(rule(report, 'vulnerabilities')).toMatchObject({
      result: 'pass',
      actual: expect.stringContaining('suppressed by VEX not_affected: CVE-2024-21538'),
    });
    expect(result.code).toBe(0);
  });

  it('reads the pytest, Surefire and gotestsum JUnit flavours, and fails a failed or errored test', async () => {
    const ws = evidenceWorkspace();
    ws.put('junit/pytest.xml', { fixture: 'pytest-8.3-junit.xml' });
    ws.put('junit/surefire.xml', { fixture: 'surefire-3.2-TEST-com.example.AppTest.xml' });
    ws.put('junit/go.xml', { fixture: 'gotestsum-1.12-junit.xml' });
    const result = await ws.evidence(['--tag', 'v1', '--junit', 'junit/*.xml', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Manifest;
    expect(rule(report, 'tests')).toEqual({
      rule: 'tests',
      result: 'fail',
      expected: 'at least one test, none failed or errored',
      actual: '11 tests, 2 failed, 1 errored, 2 skipped',
    });
    expect(result.code).toBe(1);
    const empty = await ws.evidence([
      '--tag',
      'v1',
      '--junit',
      ws.put('none.xml', '<testsuites tests="0"></testsuites>'),
      '--format',
      'json',
    ]);
    expect(rule(JSON.parse(empty.stdout) as Manifest, 'tests')).toMatchObject({
      result: 'fail',
      actual: '0 tests, 0 failed, 0 errored, 0 skipped',
    });
  });

  it('counts components of CycloneDX XML and SPDX 2.3 SBOMs and refuses one that is not an SBOM', async () => {
    const ws = evidenceWorkspace();
    const xml = ws.put('bom.xml', { fixture: 'cyclonedx-1.6-bom.xml' });
    const spdx = ws.put('spdx.json', { fixture: 'syft-1.16-spdx-2.3.json' });
    const result = await ws.evidence(['--tag', 'v1', '--sbom', xml, '--sbom', spdx, '--format', 'json']);
    expect(rule(JSON.parse(result.stdout) as Manifest, 'sbom')?.actual).toBe(
      'cyclonedx-xml 1.6: 2 components; spdx-json 2.3: 2 components',
    );
    const old = ws.put(
      'old.json',
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.2', components: [] }),
    );
    const refused = await ws.evidence(['--tag', 'v1', '--sbom', old]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('old.json is not a usable SBOM');
  });

  it("matches each SBOM's subject against the --artifact files: by its sha256, else by name and version", async () => {
    const ws = evidenceWorkspace();
    const sbom = ws.put('sbom/bom.cdx.json', { fixture: 'cyclonedx-npm-1.19-bom-1.5.json' });
    const sbomRule = async (args: string[]) => {
      const result = await ws.evidence(['--tag', 'v1.4.0', '--sbom', sbom, ...args, '--format', 'json']);
      return rule(JSON.parse(result.stdout) as Manifest, 'sbom');
    };
    const named = ws.put('dist/sample-app-1.4.0.tgz', 'tarball\n');
    const other = ws.put('dist/other-2.0.0.tgz', 'other\n');
    expect(await sbomRule(['--artifact', 'dist/*.tgz'])).toMatchObject({
      result: 'pass',
      expected: 'an SBOM with at least 1 component, whose subject is one of the release files',
      actual: `cyclonedx-json 1.5: 3 components, subject sample-app@1.4.0 names ${named}`,
    });
    expect(await sbomRule(['--artifact', other])).toMatchObject({
      result: 'fail',
      actual: 'cyclonedx-json 1.5: 3 components, subject sample-app@1.4.0 names none of the release files',
    });
    // Without --artifact nothing is matched, as before.
    expect((await sbomRule([]))?.actual).toBe('cyclonedx-json 1.5: 3 components');

    const bom = JSON.parse(ws.read(sbom)) as { metadata: { component: Record<string, unknown> } };
    bom.metadata.component.hashes = [
      { alg: 'SHA-256', content: createHash('sha256').update('other\n').digest('hex') },
    ];
    const hashed = ws.put('sbom/hashed.cdx.json', JSON.stringify(bom));
    const byDigest = await ws.evidence([
      '--tag',
      'v1',
      '--sbom',
      hashed,
      '--artifact',
      other,
      '--format',
      'json',
    ]);
    expect(rule(JSON.parse(byDigest.stdout) as Manifest, 'sbom')).toMatchObject({
      result: 'pass',
      actual: `cyclonedx-json 1.5: 3 components, subject sample-app@1.4.0 is ${other} (sha256)`,
    });
    // A recorded digest wins over the name: the file named after the subject holds other bytes.
    const wrong = await ws.evidence([
      '--tag',
      'v1',
      '--sbom',
      hashed,
      '--artifact',
      named,
      '--format',
      'json',
    ]);
    expect(rule(JSON.parse(wrong.stdout) as Manifest, 'sbom')?.result).toBe('fail');
    const missing = await ws.evidence(['--tag', 'v1', '--sbom', sbom, '--artifact', 'dist/none-*.tgz']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('dist/none-*.tgz matches no file in the workspace');
  });

  it('fails a verify report that is not verified, and warns when none is given', async () => {
    const ws = evidenceWorkspace();
    const unverified = ws.put('verify.json', { fixture: 'verify-report-unverified.json' });
    const failed = await ws.evidence(['--tag', 'v1', '--provenance-report', unverified, '--format', 'json']);
    expect(rule(JSON.parse(failed.stdout) as Manifest, 'provenance')?.result).toBe('fail');
    const none = await ws.evidence(['--tag', 'v1', '--format', 'json']);
    expect(rule(JSON.parse(none.stdout) as Manifest, 'provenance')).toMatchObject({
      result: 'warn',
      actual: 'no verify report given',
    });
    expect(none.code).toBe(1);
  });

  it('prints the default policy, takes it back as --policy, and applies changed thresholds', async () => {
    const ws = evidenceWorkspace();
    const printed = await ws.evidence(['--print-policy']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('min_line_percent: 70');
    ws.put('policy.yaml', printed.stdout);
    const same = await ws.evidence(['--tag', 'v1', '--policy', 'policy.yaml', ...passingInputs(ws)]);
    expect(same.code).toBe(0);
    ws.put('strict.yaml', 'version: 1\nrules:\n  coverage:\n    min_line_percent: 90\n');
    const strict = await ws.evidence([
      '--tag',
      'v1',
      '--policy',
      'strict.yaml',
      ...passingInputs(ws),
      '--format',
      'json',
    ]);
    expect(rule(JSON.parse(strict.stdout) as Manifest, 'coverage')).toMatchObject({
      result: 'fail',
      expected: 'line coverage >= 90 %',
      actual: '85.71 % (6/7 lines, istanbul-text-summary)',
    });
  });

  it('documents the default policy in the README as --print-policy prints it', async () => {
    const printed = await evidenceWorkspace().evidence(['--print-policy']);
    const body = printed.stdout.slice(printed.stdout.indexOf('version: 1'));
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${body}\`\`\``);
  });

  it('refuses an unknown rule, an unknown field and a relaxed secrets rule with exit 2', async () => {
    const ws = evidenceWorkspace();
    for (const [name, text, problem] of [
      ['unknown.yaml', 'version: 1\nrules:\n  licences: { severity: fail }\n', 'unknown rule "licences"'],
      ['field.yaml', 'version: 1\nrules:\n  coverage: { minimum: 3 }\n', 'unknown field "minimum"'],
      ['secrets.yaml', 'version: 1\nrules:\n  secrets: { severity: warn }\n', 'must be "fail"'],
    ]) {
      ws.put(name, text);
      const result = await ws.evidence(['--tag', 'v1', '--policy', name]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(problem);
    }
  });

  it('still writes the evidence while the release is frozen, and says that nothing is attached', async () => {
    const ws = evidenceWorkspace();
    const frozen = await runCli(
      ['freeze', 'on', '--file', 'freeze.json', '--reason', 'incident', '--actor', 'ops'],
      ws.dir,
      { PATH: process.env.PATH, HOME: ws.dir },
    );
    expect(frozen.code).toBe(0);
    const result = await ws.evidence(['--tag', 'v1', ...passingInputs(ws), '--freeze-file', 'freeze.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'release frozen: the evidence is written here; nothing is attached or uploaded.',
    );
    expect(ws.read('evidence/manifests/v1.yaml')).toContain('result: pass');
  });

  it('refuses an image that is not NAME@sha256 with 64 lowercase hex digits', async () => {
    const ws = evidenceWorkspace();
    const result = await ws.evidence(['--tag', 'v1', '--image', `app@sha256:${'A'.repeat(64)}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--image must be NAME@sha256');
  });
});
