import type { Statement, Subject } from './statement';

export const SLSA_V1 = 'https://slsa.dev/provenance/v1';
export const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';

/** One view of SLSA v1 and v0.2 provenance: what the checks compare. */
export interface ProvenanceView {
  predicateType: string;
  slsaVersion: 'v1' | 'v0.2' | null;
  buildType: string | null;
  builderId: string | null;
  /** `https://github.com/owner/repo`, without `git+` or `@ref`. */
  sourceRepo: string | null;
  ref: string | null;
  commit: string | null;
  workflow: string | null;
  runId: string | null;
  invocation: string | null;
  subjects: Subject[];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Normalises a repository URL or `owner/repo` to `https://host/owner/repo` for exact comparison. */
export function normaliseRepo(value: string): string {
  let repo = value.trim().replace(/^git\+/, '');
  // slsa-verifier's form: `github.com/OWNER/REPO`, a URL without its scheme.
  if (/^github\.com\//i.test(repo)) repo = `https://${repo}`;
  if (!/^[a-z]+:\/\//i.test(repo)) repo = `https://github.com/${repo}`;
  return repo.replace(/\/+$/, '').replace(/\.git$/, '');
}

/** Splits `git+https://github.com/o/r@refs/tags/v1` into the repository and the ref. */
function splitSourceUri(uri: string | null): { repo: string | null; ref: string | null } {
  if (!uri) return { repo: null, ref: null };
  const stripped = uri.replace(/^git\+/, '');
  const scheme = stripped.indexOf('://');
  const at = stripped.indexOf('@', scheme >= 0 ? scheme + 3 : 0);
  if (at < 0) return { repo: normaliseRepo(stripped), ref: null };
  return { repo: normaliseRepo(stripped.slice(0, at)), ref: stripped.slice(at + 1) || null };
}

function runIdFromInvocation(invocation: string | null): string | null {
  const match = invocation?.match(/\/actions\/runs\/(\d+)/);
  return match ? match[1] : null;
}

function fromV1(predicate: Record<string, unknown>): Omit<ProvenanceView, 'predicateType' | 'subjects'> {
  const definition = record(predicate.buildDefinition);
  const runDetails = record(predicate.runDetails);
  const external = record(definition.externalParameters);
  const internal = record(definition.internalParameters);
  const workflow = record(external.workflow);
  const dependencies = Array.isArray(definition.resolvedDependencies) ? definition.resolvedDependencies : [];
  const source = record(dependencies[0]);
  const sourceUri = splitSourceUri(text(source.uri));
  const digest = record(source.digest);
  const invocation = text(record(runDetails.metadata).invocationId);
  const workflowRepo = text(workflow.repository);
  return {
    slsaVersion: 'v1',
    buildType: text(definition.buildType),
    builderId: text(record(runDetails.builder).id),
    sourceRepo: workflowRepo ? normaliseRepo(workflowRepo) : sourceUri.repo,
    ref: text(workflow.ref) ?? sourceUri.ref ?? text(internal.GITHUB_REF),
    commit: text(digest.gitCommit) ?? text(digest.sha1),
    workflow: text(workflow.path),
    runId: runIdFromInvocation(invocation) ?? text(internal.GITHUB_RUN_ID),
    invocation,
  };
}

function fromV02(predicate: Record<string, unknown>): Omit<ProvenanceView, 'predicateType' | 'subjects'> {
  const invocationBlock = record(predicate.invocation);
  const configSource = record(invocationBlock.configSource);
  const source = splitSourceUri(text(configSource.uri));
  const environment = record(invocationBlock.environment);
  const runId = text(environment.github_run_id);
  const attempt = text(environment.github_run_attempt);
  return {
    slsaVersion: 'v0.2',
    buildType: text(predicate.buildType),
    builderId: text(record(predicate.builder).id),
    sourceRepo: source.repo,
    ref: source.ref ?? text(environment.github_ref),
    commit: text(record(configSource.digest).sha1) ?? text(environment.github_sha1),
    workflow: text(configSource.entryPoint),
    runId,
    invocation: runId ? `${runId}-${attempt ?? '1'}` : null,
  };
}

/** Normalises a statement's predicate; non-SLSA predicates give a view with only type and subjects. */
export function normaliseProvenance(statement: Statement): ProvenanceView {
  const base = { predicateType: statement.predicateType, subjects: statement.subjects };
  if (statement.predicateType === SLSA_V1) return { ...base, ...fromV1(statement.predicate) };
  if (statement.predicateType === SLSA_V02) return { ...base, ...fromV02(statement.predicate) };
  return {
    ...base,
    slsaVersion: null,
    buildType: null,
    builderId: null,
    sourceRepo: null,
    ref: null,
    commit: null,
    workflow: null,
    runId: null,
    invocation: null,
  };
}
