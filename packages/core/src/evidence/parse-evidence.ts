import { ReleaseGuardError } from '../errors';
import type { CollectedFile } from './collect';
import { parseCoverage } from './coverage';
import type { ParsedEvidence, ReleaseFile } from './evaluate';
import { addTotals, NO_TESTS, parseJUnit } from './junit';
import { parseSbom } from './sbom';
import type { SecretFinding } from './secrets';
import { parseEpssCsv, parseKevCatalog } from './threat-feeds';
import { parseVulnerabilityReport, type Finding } from './vulnerabilities';

/** `verified` of a `release-guard verify --format json` report (provenance-validate writes the same). */
export function parseVerifyReport(text: string, source: string): boolean {
  let report: { verified?: unknown };
  try {
    report = JSON.parse(text) as typeof report;
  } catch {
    throw new ReleaseGuardError('unreadable_input', `${source} is not JSON`, { file: source });
  }
  if (typeof report?.verified !== 'boolean') {
    throw new ReleaseGuardError(
      'unreadable_input',
      `${source} is not a verify report: it has no boolean "verified" (write it with release-guard verify --format json)`,
      { file: source },
    );
  }
  return report.verified;
}

function findingsOf(files: CollectedFile[]): Pick<ParsedEvidence, 'findings' | 'suppressed'> {
  if (files.length === 0) return { findings: null, suppressed: [] };
  const reports = files.map((file) => parseVulnerabilityReport(file.content.toString('utf8'), file.path));
  const notAffected = new Set(reports.flatMap((report) => report.notAffected));
  const all: Finding[] = reports.flatMap((report) => report.findings);
  const unique = new Map(all.map((finding) => [`${finding.id}\u0000${finding.package}`, finding]));
  const suppressed = new Set<string>();
  const findings = [...unique.values()].filter((finding) => {
    const hit = [finding.id, ...finding.aliases].find((id) => notAffected.has(id));
    if (hit) suppressed.add(finding.id);
    return !hit;
  });
  return { findings, suppressed: [...suppressed].sort() };
}

/** Parses every clean collected file by its kind; policy logs and signature bundles are archived only. */
export function parseEvidence(
  files: CollectedFile[],
  secrets: SecretFinding[],
  leftOut: Set<string>,
  artifacts: ReleaseFile[] | null = null,
): ParsedEvidence {
  const of = (kind: CollectedFile['kind']) => files.filter((file) => file.kind === kind);
  const text = (file: CollectedFile) => file.content.toString('utf8');
  const junit = of('junit');
  const coverage = of('coverage');
  const [kev] = of('kev');
  const [epss] = of('epss');
  if (coverage.length > 1) {
    throw new ReleaseGuardError('usage_error', 'give one coverage report (--coverage), not several');
  }
  return {
    tests: junit.length
      ? junit.map((file) => parseJUnit(text(file), file.path)).reduce(addTotals, NO_TESTS)
      : null,
    coverage: coverage.length ? parseCoverage(text(coverage[0]), coverage[0].path) : null,
    sboms: of('sbom').map((file) => parseSbom(text(file), file.path)),
    ...findingsOf(of('vulnerabilities')),
    kev: kev ? parseKevCatalog(text(kev), kev.path) : null,
    epss: epss ? parseEpssCsv(text(epss), epss.path) : null,
    provenance: of('provenance-report').map((file) => parseVerifyReport(text(file), file.path)),
    secrets,
    artifacts,
    leftOut,
  };
}
