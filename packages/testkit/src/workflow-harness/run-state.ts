import type { Value } from './expressions/values';
import type { JobResult, WorkflowSpec } from './model';
import type { OidcGrantor } from './oidc';
import type { StandIn } from './stand-ins/types';

export interface WorkflowRunOptions {
  /** Path of the workflow file. */
  workflowFile: string;
  /** For a `workflow_call` workflow, the caller's `with:` (else the `inputs` context as given). */
  inputs?: Record<string, unknown>;
  /** The caller's `secrets:`; `secrets.GITHUB_TOKEN` is `github.token`. */
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** Fields of the `github` context over the defaults (repository acme/widgets, ref refs/heads/main, …). */
  github?: Record<string, unknown>;
  /**
   * Local folders of repositories (`owner/name`) whose reusable workflows a job calls with
   * `uses: owner/name/.github/workflows/x.yml@ref`, and whose actions a step uses with
   * `uses: owner/name/path@ref` (a stand-in registered under that name wins). `uses: ./.github/…`
   * resolves beside the workflow file.
   */
  repositories?: Record<string, string>;
  /** Third-party actions by `owner/repo[/path]`, the ref left off. */
  standIns?: Record<string, StandIn>;
  /**
   * Variables every job's runner sets besides the harness's own, e.g. the Actions artifact service's
   * `ACTIONS_RESULTS_URL` / `ACTIONS_RUNTIME_TOKEN` from testkit's `startArtifactService().env()`.
   */
  runnerEnv?: Record<string, string>;
  /** Token endpoint for jobs with `id-token: write`, e.g. {@link startOidcServer}. */
  oidc?: OidcGrantor;
  /** Where job workspaces go (a new temp folder by default), left in place for the test to read. */
  workDir?: string;
  stepTimeoutMs?: number;
  /**
   * Jobs cancelled before their first step, as a newer run in their concurrency group cancels them:
   * their result is `cancelled`, which neither success() nor failure() of a later job counts.
   */
  cancelJobs?: string[];
}

/** What the jobs of one workflow run share. */
export interface RunState {
  workflow: WorkflowSpec;
  options: WorkflowRunOptions;
  root: string;
  github: Record<string, Value>;
  /** github, inputs, secrets, vars. */
  contexts: Record<string, Value>;
  /** The workflow's `env:`, evaluated. */
  env: Record<string, string>;
  results: Record<string, JobResult>;
}
