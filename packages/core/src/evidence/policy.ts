import { parseDocument } from 'yaml';
import { ReleaseGuardError } from '../errors';
import {
  describeInstancePath,
  describeSchemaError,
  lazyJsonSchema,
  withoutAnyOfBranches,
} from '../schema/json-schema';
import policySchema from './policy.schema.json';

export type Level = 'fail' | 'warn' | 'off';

export const EVIDENCE_RULES = policySchema.properties.rules.propertyNames.enum as readonly RuleId[];
export type RuleId =
  'coverage' | 'tests' | 'vulnerabilities' | 'kev' | 'epss' | 'provenance' | 'sbom' | 'secrets';

/** A whole policy: the default with a policy file's rules laid over it. */
export interface EvidencePolicy {
  version: 1;
  rules: {
    coverage: { min_line_percent: number; severity: Level; missing: Level };
    tests: { severity: Level; missing: Level };
    vulnerabilities: { critical: Level; high: Level; medium: Level; low: Level; missing: Level };
    kev: { severity: Level; missing: Level };
    epss: { threshold: number; severity: Level; missing: Level };
    provenance: { severity: Level; missing: Level };
    sbom: { min_components: number; severity: Level; missing: Level };
    secrets: { severity: 'fail' };
  };
}

export const EVIDENCE_POLICY_SCHEMA = policySchema;

/** The default policy, as `release-guard evidence --print-policy` prints it. */
export const DEFAULT_POLICY_YAML = `# release-guard evidence policy. Each rule may be left out (this default applies) or
# changed field by field; a level is fail, warn or off.
version: 1
rules:
  coverage:
    min_line_percent: 70 # line coverage below this ...
    severity: fail # ... fails
    missing: warn # no coverage report given
  tests:
    severity: fail # a failed or errored test, or JUnit reports holding zero tests
    missing: warn # no JUnit report given
  vulnerabilities:
    critical: fail
    high: warn
    medium: off
    low: off
    missing: warn # no vulnerability report given
  kev:
    severity: fail # a finding listed in the CISA KEV catalog (--kev)
    missing: warn # vulnerability reports given without a KEV catalog
  epss:
    threshold: 0.5 # a finding whose EPSS score is at or above this ...
    severity: warn # ... warns
    missing: warn # vulnerability reports given without an EPSS file
  provenance:
    severity: fail # a verify report that is not verified
    missing: warn # no verify report given
  sbom:
    min_components: 1 # an SBOM listing fewer components ...
    severity: fail # ... fails
    missing: warn # no SBOM given
  secrets:
    severity: fail # a collected file holding a secret: left out of the bundle; always fail
`;

const policyJsonSchema = lazyJsonSchema(policySchema);

function unusable(source: string, problem: string): ReleaseGuardError {
  return new ReleaseGuardError('usage_error', `the evidence policy ${source} is not usable: ${problem}`, {
    file: source,
  });
}

function readYaml(text: string, source: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) throw unusable(source, document.errors[0].message);
  return document.toJS() as unknown;
}

function validate(document: unknown, source: string): void {
  const { validate: check } = policyJsonSchema();
  if (check(document)) return;
  const problems = withoutAnyOfBranches(check.errors ?? []).map((error) =>
    error.keyword === 'propertyNames'
      ? ''
      : `${describeInstancePath(error.instancePath)}: ${describeSchemaError(error)}`,
  );
  const unknownRule = (check.errors ?? []).find(
    (error) => error.instancePath === '/rules' && error.keyword === 'enum',
  );
  if (unknownRule) {
    problems.unshift(
      `unknown rule ${JSON.stringify(unknownRule.data)}; the rules are ${EVIDENCE_RULES.join(', ')}`,
    );
  }
  throw unusable(source, problems.filter(Boolean).join('; '));
}

let defaultPolicy: EvidencePolicy | undefined;

export function loadDefaultPolicy(): EvidencePolicy {
  defaultPolicy ??= parsePolicyOver(DEFAULT_POLICY_YAML, 'default policy', null);
  return structuredClone(defaultPolicy);
}

function parsePolicyOver(text: string, source: string, base: EvidencePolicy | null): EvidencePolicy {
  const document = readYaml(text, source);
  validate(document, source);
  const given = document as { version: 1; rules?: Record<string, Record<string, unknown>> };
  const merged = (base ?? { version: 1, rules: {} }) as { rules: Record<string, Record<string, unknown>> };
  for (const [rule, fields] of Object.entries(given.rules ?? {})) {
    merged.rules[rule] = { ...(merged.rules[rule] ?? {}), ...(fields ?? {}) };
  }
  return merged as unknown as EvidencePolicy;
}

/** Parses a policy file's YAML and lays it over the default. Unknown rules and fields are usage errors. */
export function parsePolicy(text: string, source: string): EvidencePolicy {
  return parsePolicyOver(text, source, loadDefaultPolicy());
}
