import type { LineCoverage } from './coverage';
import { verdict, type Evaluation } from './evaluation';
import type { TestTotals } from './junit';
import type { EvidencePolicy, Level } from './policy';
import type { SbomSummary } from './sbom';
import type { SecretFinding } from './secrets';
import type { Finding, Severity } from './vulnerabilities';

/** A release file named by `--artifact`: its workspace path and sha256. */
export interface ReleaseFile {
  path: string;
  sha256: string;
}

/** Everything the rules judge, parsed from the collected files (null: none of that kind given). */
export interface ParsedEvidence {
  tests: TestTotals | null;
  coverage: LineCoverage | null;
  sboms: SbomSummary[];
  /** Findings left after VEX suppression, or null when no vulnerability report was given. */
  findings: Finding[] | null;
  suppressed: string[];
  kev: Set<string> | null;
  epss: Map<string, number> | null;
  /** `verified` of each verify report given. */
  provenance: boolean[];
  secrets: SecretFinding[];
  /** The release's files (`--artifact`), each SBOM's subject is matched against; null when none given. */
  artifacts: ReleaseFile[] | null;
  /** Kinds of which a file was given but left out because it holds a secret. */
  leftOut: Set<string>;
}

function missing(
  rule: Evaluation['rule'],
  level: Level,
  expected: string,
  what: string,
  leftOut = false,
): Evaluation {
  const actual = leftOut ? `the ${what} was left out: it holds a secret` : `no ${what} given`;
  return { rule, result: level, expected, actual };
}

function ids(finding: Finding): string[] {
  return [finding.id, ...finding.aliases];
}

function list(values: string[]): string {
  const unique = [...new Set(values)].sort();
  return unique.length <= 5
    ? unique.join(', ')
    : `${unique.slice(0, 5).join(', ')} and ${unique.length - 5} more`;
}

function coverageRule(policy: EvidencePolicy, evidence: ParsedEvidence): Evaluation {
  const { min_line_percent: min, severity, missing: absent } = policy.rules.coverage;
  const expected = `line coverage >= ${min} %`;
  if (!evidence.coverage)
    return missing('coverage', absent, expected, 'coverage report', evidence.leftOut.has('coverage'));
  const { percent, covered, total, format } = evidence.coverage;
  return {
    rule: 'coverage',
    result: verdict(percent < min, severity),
    expected,
    actual: `${percent} % (${covered}/${total} lines, ${format})`,
  };
}

function testsRule(policy: EvidencePolicy, evidence: ParsedEvidence): Evaluation {
  const { severity, missing: absent } = policy.rules.tests;
  const expected = 'at least one test, none failed or errored';
  if (!evidence.tests)
    return missing('tests', absent, expected, 'JUnit report', evidence.leftOut.has('junit'));
  const { tests, failures, errors, skipped } = evidence.tests;
  return {
    rule: 'tests',
    result: verdict(tests === 0 || failures > 0 || errors > 0, severity),
    expected,
    actual: `${tests} tests, ${failures} failed, ${errors} errored, ${skipped} skipped`,
  };
}

const SEVERITIES: Exclude<Severity, 'unknown'>[] = ['critical', 'high', 'medium', 'low'];

function vulnerabilitiesRule(policy: EvidencePolicy, evidence: ParsedEvidence): Evaluation {
  const levels = policy.rules.vulnerabilities;
  const judged = SEVERITIES.filter((severity) => levels[severity] !== 'off');
  const expected = `no ${judged.join(' or ')} vulnerability`;
  if (!evidence.findings)
    return missing(
      'vulnerabilities',
      levels.missing,
      expected,
      'vulnerability report',
      evidence.leftOut.has('vulnerabilities'),
    );
  const findings = evidence.findings;
  const counts = SEVERITIES.map(
    (severity) => `${findings.filter((f) => f.severity === severity).length} ${severity}`,
  );
  const worst = judged
    .map((severity) => ({ severity, level: levels[severity] }))
    .filter(({ severity }) => findings.some((finding) => finding.severity === severity));
  const result = worst.some(({ level }) => level === 'fail') ? 'fail' : worst.length > 0 ? 'warn' : 'pass';
  const flagged = findings.filter((finding) => worst.some(({ severity }) => severity === finding.severity));
  const suppressed = evidence.suppressed.length
    ? `; suppressed by VEX not_affected: ${list(evidence.suppressed)}`
    : '';
  const named = flagged.length ? `: ${list(flagged.map((finding) => finding.id))}` : '';
  return { rule: 'vulnerabilities', result, expected, actual: `${counts.join(', ')}${named}${suppressed}` };
}

function kevRule(policy: EvidencePolicy, evidence: ParsedEvidence): Evaluation {
  const { severity, missing: absent } = policy.rules.kev;
  const expected = 'no finding listed in the KEV catalog';
  if (!evidence.findings) return missing('kev', absent, expected, 'vulnerability report');
  const kev = evidence.kev;
  if (!kev) return missing('kev', absent, expected, 'KEV catalog (--kev)');
  const listed = evidence.findings.filter((finding) => ids(finding).some((id) => kev.has(id)));
  return {
    rule: 'kev',
    result: verdict(listed.length > 0, severity),
    expected,
    actual: listed.length
      ? `KEV-listed: ${list(listed.flatMap(ids).filter((id) => kev.has(id)))}`
      : 'none KEV-listed',
  };
}

function epssRule(policy: EvidencePolicy, evidence: ParsedEvidence): Evaluation {
  const { threshold, severity, missing: absent } = policy.rules.epss;
  const expected = `no finding with EPSS >= ${threshold}`;
  if (!evidence.findings) return missing('epss', absent, expected, 'vulnerability report');
  const epss = evidence.epss;
  if (!epss) return missing('epss', absent, expected, 'EPSS file (--epss)');
  const scored = evidence.findings.flatMap(ids).filter((id) => (epss.get(id) ?? 0) >= threshold);
  return {
    rule: 'epss',
    result: verdict(scored.length > 0, severity),
    expected,
    actual: scored.length
      ? `EPSS >= ${threshold}: ${list(scored.map((id) => `${id} (${epss.get(id)})`))}`
      : `none >= ${threshold}`,
  };
}

function provenanceRule(policy: EvidencePolicy, evidence: ParsedEvidence): Evaluation {
  const { severity, missing: absent } = policy.rules.provenance;
  const expected = 'a verify report with verified: true';
  if (evidence.provenance.length === 0)
    return missing(
      'provenance',
      absent,
      expected,
      'verify report',
      evidence.leftOut.has('provenance-report'),
    );
  const unverified = evidence.provenance.filter((verified) => !verified).length;
  return {
    rule: 'provenance',
    result: verdict(unverified > 0, severity),
    expected,
    actual: unverified ? 'the verify report says verified: false' : 'verified: true',
  };
}

function sbomRule(policy: EvidencePolicy, evidence: ParsedEvidence): Evaluation {
  const { min_components: min, severity, missing: absent } = policy.rules.sbom;
  const expected = `an SBOM with at least ${min} component${min === 1 ? '' : 's'}`;
  if (evidence.sboms.length === 0)
    return missing('sbom', absent, expected, 'SBOM', evidence.leftOut.has('sbom'));
  const short = evidence.sboms.filter((sbom) => sbom.components < min);
  const subjects =
    evidence.artifacts === null
      ? null
      : evidence.sboms.map((sbom) => subjectMatch(sbom, evidence.artifacts ?? []));
  const unmatched = (subjects ?? []).filter((match) => !match.matched).length;
  return {
    rule: 'sbom',
    result: verdict(short.length > 0 || unmatched > 0, severity),
    expected: subjects === null ? expected : `${expected}, whose subject is one of the release files`,
    actual: evidence.sboms
      .map(
        (sbom, index) =>
          `${sbom.format} ${sbom.specVersion}: ${sbom.components} components${subjects === null ? '' : `, ${subjects[index].text}`}`,
      )
      .join('; '),
  };
}

/** The file base name's form of a package name: `@acme/app` is packed as `acme-app-<version>.tgz`. */
function packedName(name: string): string {
  return name.replace(/^@/, '').replace(/\//g, '-').toLowerCase();
}

/**
 * Whether an SBOM describes one of the release files: a SHA-256 it records for its subject is a
 * file's, or (without digests) a file's base name holds the subject's name and version.
 */
function subjectMatch(sbom: SbomSummary, files: ReleaseFile[]): { matched: boolean; text: string } {
  if (sbom.format === 'cyclonedx-xml') return { matched: true, text: 'subject not matched (CycloneDX XML)' };
  const subject = sbom.subject ?? 'no subject';
  if (sbom.subjectSha256.length > 0) {
    const file = files.find((candidate) => sbom.subjectSha256.includes(candidate.sha256));
    return file
      ? { matched: true, text: `subject ${subject} is ${file.path} (sha256)` }
      : { matched: false, text: `the sha256 of subject ${subject} is none of the release files'` };
  }
  const name = sbom.subjectName === null ? null : packedName(sbom.subjectName);
  const version = sbom.subjectVersion;
  const file =
    name === null || version === null
      ? undefined
      : files.find((candidate) => {
          const base = candidate.path.split('/').pop()?.toLowerCase() ?? '';
          return base.startsWith(name) && base.includes(version.toLowerCase());
        });
  return file
    ? { matched: true, text: `subject ${subject} names ${file.path}` }
    : { matched: false, text: `subject ${subject} names none of the release files` };
}

function secretsRule(evidence: ParsedEvidence): Evaluation {
  const files = [...new Set(evidence.secrets.map((finding) => finding.path))];
  return {
    rule: 'secrets',
    result: files.length > 0 ? 'fail' : 'pass',
    expected: 'no collected file holds a secret',
    actual: files.length ? `secrets in ${files.join(', ')}: left out of the bundle` : 'none found',
  };
}

/** Every rule of the policy over the parsed evidence, in the policy's order. */
export function evaluateEvidence(policy: EvidencePolicy, evidence: ParsedEvidence): Evaluation[] {
  return [
    testsRule(policy, evidence),
    coverageRule(policy, evidence),
    vulnerabilitiesRule(policy, evidence),
    kevRule(policy, evidence),
    epssRule(policy, evidence),
    provenanceRule(policy, evidence),
    sbomRule(policy, evidence),
    secretsRule(evidence),
  ];
}
