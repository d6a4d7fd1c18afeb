import { usageError } from '../errors';
import type { IdentityPolicy } from '../checks/identity';

/** Everything provenance-validate needs, already typed; the action entry builds it from its inputs. */
export interface ValidateReleaseInputs {
  tag: string;
  runId: string;
  /** `owner/repo` whose run and artifacts are read (GITHUB_REPOSITORY by default). */
  repository: string;
  /** Files already in the workspace (glob patterns, one per line)… */
  artifactPath?: string;
  provenancePath?: string;
  /** …or the artifacts of the workflow run `runId`. */
  artifactName?: string;
  provenanceName?: string;
  /** Recorded in the manifest; defaults to the run's page. */
  artifactUrl?: string;
  sourceRepo: string;
  builderIds: string[];
  allowSlsaV02: boolean;
  identity: IdentityPolicy;
  trustedRoot?: string;
  kpiUrl?: string;
  kpiToken?: string;
  manifestPath: string;
  /** Keep the manifest on this branch of `repository` through the contents API instead of a workspace file. */
  manifestBranch?: string;
  githubToken?: string;
  workspace: string;
  tempDir: string;
  reportPath?: string;
  actor: string;
  serverUrl: string;
}

/** Refuses combinations no run could use (exit 2), before anything is fetched or written. */
export function checkValidateInputs(inputs: ValidateReleaseInputs): void {
  if (!inputs.tag) throw usageError('input `tag` is required');
  if (!/^[0-9]{1,20}$/.test(inputs.runId))
    throw usageError(
      `input \`run-id\` must be a workflow run id (digits), got ${JSON.stringify(inputs.runId)}`,
    );
  const local = inputs.artifactPath !== undefined || inputs.provenancePath !== undefined;
  const remote = inputs.artifactName !== undefined || inputs.provenanceName !== undefined;
  if (local === remote) {
    throw usageError(
      'give either `artifact-path` and `provenance-path` (files in the workspace) or `artifact-name` and `provenance-name` (artifacts of run `run-id`)',
    );
  }
  if (local && (!inputs.artifactPath || !inputs.provenancePath))
    throw usageError('`artifact-path` and `provenance-path` go together');
  if (remote && (!inputs.artifactName || !inputs.provenanceName))
    throw usageError('`artifact-name` and `provenance-name` go together');
  if (remote && !inputs.githubToken)
    throw usageError('`github-token` is needed to download the run artifacts');
  if (!/^[^/\s]+\/[^/\s]+$/.test(inputs.repository))
    throw usageError(`repository must be OWNER/REPO, got ${JSON.stringify(inputs.repository)}`);
  if ((inputs.kpiUrl === undefined) !== (inputs.kpiToken === undefined))
    throw usageError('`kpi-url` and `kpi-token` go together');
  if (inputs.manifestBranch !== undefined && !inputs.githubToken)
    throw usageError('`manifest-branch` needs `github-token` (contents: write)');
}
