import { ReleaseGuardError } from '../errors';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'unknown';
export type VulnerabilityFormat = 'grype' | 'trivy' | 'osv-scanner' | 'cyclonedx';

/** One finding of a scanner, normalised: its id, the other ids it is known by, severity and package. */
export interface Finding {
  id: string;
  aliases: string[];
  severity: Severity;
  package: string;
}

export interface VulnerabilityReport {
  format: VulnerabilityFormat;
  findings: Finding[];
  /** Ids a VEX statement (CycloneDX analysis.state `not_affected`) declares not affecting the release. */
  notAffected: string[];
}

type Json = Record<string, unknown>;

function severity(value: unknown): Severity {
  const word = String(value ?? '').toLowerCase();
  if (word === 'critical' || word === 'high' || word === 'medium' || word === 'low') return word;
  if (word === 'moderate') return 'medium';
  return 'unknown';
}

function array(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter((item) => item && typeof item === 'object') as Json[]) : [];
}

function fromGrype(document: Json): VulnerabilityReport {
  const findings = array(document.matches).map((match) => {
    const vulnerability = (match.vulnerability ?? {}) as Json;
    const related = array(match.relatedVulnerabilities).map((item) => String(item.id));
    const artifact = (match.artifact ?? {}) as Json;
    return {
      id: String(vulnerability.id),
      aliases: related,
      severity: severity(vulnerability.severity),
      package: `${String(artifact.name ?? '')}@${String(artifact.version ?? '')}`,
    };
  });
  return { format: 'grype', findings, notAffected: [] };
}

function fromTrivy(document: Json): VulnerabilityReport {
  const findings = array(document.Results).flatMap((result) =>
    array(result.Vulnerabilities).map((item) => ({
      id: String(item.VulnerabilityID),
      aliases: [],
      severity: severity(item.Severity),
      package: `${String(item.PkgName ?? '')}@${String(item.InstalledVersion ?? '')}`,
    })),
  );
  return { format: 'trivy', findings, notAffected: [] };
}

/** OSV-Scanner keeps the severity on the group of aliases (`max_severity`, a CVSS score) of a package. */
function osvSeverity(groups: Json[], id: string): Severity {
  const group = groups.find((item) => Array.isArray(item.ids) && (item.ids as unknown[]).includes(id));
  const score = Number(group?.max_severity);
  if (!Number.isFinite(score) || group?.max_severity === '') return 'unknown';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

function fromOsv(document: Json): VulnerabilityReport {
  const findings = array(document.results).flatMap((result) =>
    array(result.packages).flatMap((entry) => {
      const pkg = (entry.package ?? {}) as Json;
      const groups = array(entry.groups);
      return array(entry.vulnerabilities).map((item) => {
        const specific = (item.database_specific ?? {}) as Json;
        const id = String(item.id);
        const fromGroup = osvSeverity(groups, id);
        return {
          id,
          aliases: Array.isArray(item.aliases) ? item.aliases.map(String) : [],
          severity: fromGroup === 'unknown' ? severity(specific.severity) : fromGroup,
          package: `${String(pkg.name ?? '')}@${String(pkg.version ?? '')}`,
        };
      });
    }),
  );
  return { format: 'osv-scanner', findings, notAffected: [] };
}

function fromCycloneDx(document: Json): VulnerabilityReport {
  const findings: Finding[] = [];
  const notAffected: string[] = [];
  for (const item of array(document.vulnerabilities)) {
    const id = String(item.id);
    const analysis = (item.analysis ?? {}) as Json;
    if (analysis.state === 'not_affected') {
      notAffected.push(id);
      continue;
    }
    const ratings = array(item.ratings).map((rating) => severity(rating.severity));
    const order: Severity[] = ['critical', 'high', 'medium', 'low'];
    const worst = order.find((level) => ratings.includes(level)) ?? 'unknown';
    const affects = array(item.affects).map((entry) => String(entry.ref));
    findings.push({ id, aliases: [], severity: worst, package: affects.join(',') });
  }
  return { format: 'cyclonedx', findings, notAffected };
}

/** Reads a Grype, Trivy, OSV-Scanner or CycloneDX (`vulnerabilities`, VEX included) JSON report. */
export function parseVulnerabilityReport(text: string, source: string): VulnerabilityReport {
  let document: Json;
  try {
    document = JSON.parse(text) as Json;
  } catch {
    throw new ReleaseGuardError('unreadable_input', `${source} is not JSON`, { file: source });
  }
  if (document && typeof document === 'object') {
    if (Array.isArray(document.matches)) return fromGrype(document);
    if ('SchemaVersion' in document && 'ArtifactName' in document) return fromTrivy(document);
    if (Array.isArray(document.results)) return fromOsv(document);
    if (document.bomFormat === 'CycloneDX') return fromCycloneDx(document);
  }
  throw new ReleaseGuardError(
    'unreadable_input',
    `${source} is not a vulnerability report: expected Grype, Trivy, OSV-Scanner or CycloneDX JSON`,
    { file: source },
  );
}
