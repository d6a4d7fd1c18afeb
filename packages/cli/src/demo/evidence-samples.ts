import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceOptions } from '@release-guard/core';

/** The CVE the second run's scan finds: Log4Shell, listed in the KEV catalog. */
export const KEV_CVE = 'CVE-2021-44228';

function write(workspace: string, file: string, text: string): string {
  fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
  fs.writeFileSync(path.join(workspace, file), text);
  return file;
}

function junit(tests: number): string {
  const cases = Array.from(
    { length: tests },
    (_, i) => `    <testcase classname="app" name="case ${i + 1}" time="0.001"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="jest tests" tests="${tests}" failures="0" errors="0">\n  <testsuite name="app" tests="${tests}" failures="0" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

function coverageSummary(covered: number, total: number): string {
  const lines = { total, covered, skipped: 0, pct: Math.round((covered / total) * 10000) / 100 };
  return `${JSON.stringify({ total: { lines, statements: lines, functions: lines, branches: lines } })}\n`;
}

function grype(findings: { id: string; severity: string; name: string }[]): string {
  const matches = findings.map((finding) => ({
    vulnerability: { id: finding.id, severity: finding.severity },
    relatedVulnerabilities: [],
    artifact: { name: finding.name, version: '1.0.0', type: 'npm' },
  }));
  return `${JSON.stringify({ matches, descriptor: { name: 'grype', version: '0.84.0' } })}\n`;
}

const SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: { component: { type: 'application', name: 'sample-app', version: '2.0.0' } },
  components: [
    { type: 'library', name: 'lodash', version: '4.17.21' },
    { type: 'library', name: 'semver', version: '7.6.3' },
  ],
};

/**
 * The sample release's evidence, as its CI would leave it in the workspace. `coverage` and `findings`
 * vary between the demo's two runs; the rest is the same. Returns what `evidence` is to collect.
 */
export function writeEvidenceSamples(
  workspace: string,
  run: { covered: number; findings: { id: string; severity: string; name: string }[] },
): Pick<EvidenceOptions, 'junit' | 'coverage' | 'sbom' | 'vulns' | 'kev' | 'epss' | 'provenanceReport'> {
  const kev = { catalogVersion: '2026.11.30', vulnerabilities: [{ cveID: KEV_CVE }] };
  return {
    junit: [write(workspace, 'reports/junit.xml', junit(12))],
    coverage: write(workspace, 'coverage/coverage-summary.json', coverageSummary(run.covered, 100)),
    sbom: [write(workspace, 'sbom.cdx.json', `${JSON.stringify(SBOM)}\n`)],
    vulns: [write(workspace, 'scans/grype.json', grype(run.findings))],
    kev: write(workspace, 'feeds/kev.json', `${JSON.stringify(kev)}\n`),
    epss: write(workspace, 'feeds/epss.csv', `cve,epss,percentile\n${KEV_CVE},0.94358,0.99957\n`),
    provenanceReport: write(workspace, 'reports/verify.json', '{"verified": true}\n'),
  };
}
