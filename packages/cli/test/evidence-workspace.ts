import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from './run-cli';

export const FIXTURES = join(__dirname, 'fixtures', 'evidence');

/** A fresh workspace folder; `put` copies a fixture into it (or writes text) at a path of its own. */
export function evidenceWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'rg-evidence-'));
  const put = (path: string, fixtureOrText: { fixture: string } | string) => {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof fixtureOrText === 'string') writeFileSync(target, fixtureOrText);
    else copyFileSync(join(FIXTURES, fixtureOrText.fixture), target);
    return path;
  };
  const env = { PATH: process.env.PATH, HOME: dir, SOURCE_DATE_EPOCH: '1764547200' };
  const evidence = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    runCli(['evidence', ...args], dir, { ...env, ...extraEnv });
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  /** The bundle's listing (`tar -tvz`: modes, owners, times) and its members' concatenated bytes. */
  const bundle = (path: string) => ({
    listing: execFileSync('tar', ['-tvzf', join(dir, path)], { encoding: 'utf8' }),
    contents: execFileSync('tar', ['-xOzf', join(dir, path)], { encoding: 'utf8' }),
  });
  return { dir, put, evidence, read, bundle };
}

/** Every fixture a passing release gives: tests, coverage, SBOM, a clean scan, KEV, EPSS, verify. */
export function passingInputs(ws: ReturnType<typeof evidenceWorkspace>): string[] {
  return [
    '--junit',
    ws.put('reports/TEST-app.xml', { fixture: 'surefire-3.2-TEST-com.example.AppTest.xml' }),
    '--coverage',
    ws.put('reports/coverage.txt', 'Lines        : 85.71% ( 6/7 )\n'),
    '--sbom',
    ws.put('sbom/bom.cdx.json', { fixture: 'cyclonedx-npm-1.19-bom-1.5.json' }),
    '--vulns',
    ws.put('scans/grype.json', { fixture: 'grype-0.84-clean.json' }),
    '--kev',
    ws.put('feeds/kev.json', { fixture: 'cisa-kev-2026.11-known_exploited_vulnerabilities.json' }),
    '--epss',
    ws.put('feeds/epss.csv', { fixture: 'epss-v2025.03.14-scores.csv' }),
    '--provenance-report',
    ws.put('reports/verify.json', { fixture: 'verify-report-verified.json' }),
  ];
}
