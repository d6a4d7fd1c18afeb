/** OIDC issuer of GitHub Actions tokens (github.com). */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

const GITHUB_URL = 'https://github.com';

/**
 * Who signs. The loopback Fulcio puts `san` in the certificate's Subject Alternative Name (as a URI),
 * `issuer` in the OIDC-issuer extensions, and maps the GitHub claims it knows (repository, ref, sha,
 * job_workflow_ref, job_workflow_sha, workflow_ref, workflow_sha, event_name, runner_environment,
 * repository_id, repository_owner, repository_owner_id, repository_visibility, run_id + run_attempt,
 * workflow) to the Fulcio certificate extensions, exactly as real Fulcio does for a GitHub token.
 */
export interface SigningIdentity {
  san: string;
  issuer: string;
  /** Further token claims, GitHub's snake_case names. `sub` and `iss` are always `san` and `issuer`. */
  claims?: Record<string, string>;
}

/** A GitHub Actions workflow run: the one description both the token claims and the provenance derive from. */
export interface GitHubWorkflowRun {
  /** `owner/name`. */
  repository: string;
  /** Full git ref the workflow ran on: `refs/tags/v1.2.3` or `refs/heads/main`. */
  ref: string;
  /** The resolved git commit (40 hex). */
  commit: string;
  /** Caller workflow file. Default `.github/workflows/release.yml`. */
  workflowPath?: string;
  /** Workflow display name (the `workflow` claim). Default `Release`. */
  workflowName?: string;
  /**
   * The workflow that holds the signing job, `owner/repo/.github/workflows/file.yml@ref` (GitHub's
   * `job_workflow_ref`; a reusable workflow when the caller delegates). Default: the caller workflow.
   * Real Fulcio derives the certificate SAN and the Build Signer URI from it.
   */
  jobWorkflowRef?: string;
  /** Commit of the job workflow. Default: `commit` when the job workflow is the caller's, else a fixed sha. */
  jobWorkflowSha?: string;
  /** Default `push`. */
  eventName?: string;
  /** Default `1234567890`. */
  runId?: string;
  /** Default `1`. */
  runAttempt?: string;
  /** Default `42`. */
  runNumber?: string;
  /** Default `github-hosted`. */
  runnerEnvironment?: 'github-hosted' | 'self-hosted';
  /** Default `123456789`. */
  repositoryId?: string;
  /** Default `98765432`. */
  repositoryOwnerId?: string;
  /** Default `public`. */
  repositoryVisibility?: 'public' | 'private' | 'internal';
  /** Default `octocat`. */
  actor?: string;
  /** Default `583231`. */
  actorId?: string;
  /** OIDC issuer. Default `https://token.actions.githubusercontent.com` (GHE.com uses a per-enterprise one). */
  issuer?: string;
}

/** Every field of a {@link GitHubWorkflowRun}, defaults applied. */
export type ResolvedWorkflowRun = Required<GitHubWorkflowRun> & {
  /** `owner/repo/.github/workflows/file.yml@ref` of the caller workflow (GitHub's `workflow_ref`). */
  workflowRef: string;
  /** `https://github.com/owner/repo`. */
  repositoryURL: string;
};

/** The GitHub job workflow of slsa-github-generator's generic generator v2.1.0 (the builder of the upstream vectors). */
export const SLSA_GENERIC_GENERATOR_WORKFLOW =
  'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0';

const OTHER_REPOSITORY_WORKFLOW_SHA = '5a775b367a56d5bd118a224a811bba288150a563';

export function resolveWorkflowRun(run: GitHubWorkflowRun): ResolvedWorkflowRun {
  const workflowPath = run.workflowPath ?? '.github/workflows/release.yml';
  const workflowRef = `${run.repository}/${workflowPath}@${run.ref}`;
  const jobWorkflowRef = run.jobWorkflowRef ?? workflowRef;
  const sameRepository = jobWorkflowRef.startsWith(`${run.repository}/`);
  return {
    repository: run.repository,
    ref: run.ref,
    commit: run.commit,
    workflowPath,
    workflowName: run.workflowName ?? 'Release',
    jobWorkflowRef,
    jobWorkflowSha: run.jobWorkflowSha ?? (sameRepository ? run.commit : OTHER_REPOSITORY_WORKFLOW_SHA),
    eventName: run.eventName ?? 'push',
    runId: run.runId ?? '1234567890',
    runAttempt: run.runAttempt ?? '1',
    runNumber: run.runNumber ?? '42',
    runnerEnvironment: run.runnerEnvironment ?? 'github-hosted',
    repositoryId: run.repositoryId ?? '123456789',
    repositoryOwnerId: run.repositoryOwnerId ?? '98765432',
    repositoryVisibility: run.repositoryVisibility ?? 'public',
    actor: run.actor ?? 'octocat',
    actorId: run.actorId ?? '583231',
    issuer: run.issuer ?? GITHUB_ACTIONS_ISSUER,
    workflowRef,
    repositoryURL: `${GITHUB_URL}/${run.repository}`,
  };
}

/**
 * The identity a GitHub Actions run presents to Fulcio: the claims of its OIDC token, and the SAN real
 * Fulcio issues for it (`https://github.com/<job_workflow_ref>`).
 */
export function githubActionsIdentity(run: GitHubWorkflowRun): SigningIdentity {
  const r = resolveWorkflowRun(run);
  const owner = r.repository.split('/')[0];
  const refType = r.ref.startsWith('refs/tags/') ? 'tag' : 'branch';
  return {
    san: `${GITHUB_URL}/${r.jobWorkflowRef}`,
    issuer: r.issuer,
    claims: {
      actor: r.actor,
      actor_id: r.actorId,
      event_name: r.eventName,
      job_workflow_ref: r.jobWorkflowRef,
      job_workflow_sha: r.jobWorkflowSha,
      ref: r.ref,
      ref_type: refType,
      repository: r.repository,
      repository_id: r.repositoryId,
      repository_owner: owner,
      repository_owner_id: r.repositoryOwnerId,
      repository_visibility: r.repositoryVisibility,
      run_attempt: r.runAttempt,
      run_id: r.runId,
      run_number: r.runNumber,
      runner_environment: r.runnerEnvironment,
      sha: r.commit,
      workflow: r.workflowName,
      workflow_ref: r.workflowRef,
      workflow_sha: r.commit,
    },
  };
}

/**
 * An unsigned JWT (`alg: none`) carrying the identity. Fulcio in this test kit decodes tokens without
 * checking a signature, which is what lets a test pick any identity.
 */
export function unsignedIdentityToken(identity: SigningIdentity, now: Date = new Date()): string {
  const iat = Math.floor(now.getTime() / 1000);
  const payload = {
    ...identity.claims,
    aud: 'sigstore',
    iat,
    nbf: iat,
    exp: iat + 300,
    iss: identity.issuer,
    sub: identity.san,
  };
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}
