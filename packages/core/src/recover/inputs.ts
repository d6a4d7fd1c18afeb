import { usageError } from '../errors';
import { manifestFieldProblem } from '../manifest/schema';

/** What provenance-recover does when GitHub refuses the re-run. */
export const RECOVER_FALLBACKS = ['none', 'dispatch', 'retry-tag'] as const;
export type RecoverFallback = (typeof RECOVER_FALLBACKS)[number];

/** Everything provenance-recover needs, already typed; the action entry builds it from its inputs. */
export interface RecoverInputs {
  /** The failed workflow run to re-run; with `tag` it names the manifest entry. */
  runId: string;
  tag: string;
  /** Why the on-call asks for the re-run. Untrusted text: redacted and escaped wherever it is written. */
  reason: string;
  /** `owner/repo` of the run (GITHUB_REPOSITORY). */
  repository: string;
  githubToken?: string;
  manifestPath: string;
  /** Keep the manifest on this branch of `repository` through the contents API instead of a workspace file. */
  manifestBranch?: string;
  fallback: RecoverFallback;
  /** Workflow file name (`release.yml`) or id that `dispatch` starts for the tag. */
  releaseWorkflow?: string;
  /** Follow the new attempt until it completes (or `timeoutMinutes`) and record its outcome. */
  wait: boolean;
  timeoutMinutes: number;
  /** First wait between two polls of the new attempt; later waits grow by half each time, up to 8×. */
  pollIntervalSeconds: number;
  workspace: string;
  tempDir: string;
  reportPath?: string;
  /** Who asked (GITHUB_ACTOR), for the manifest history. */
  actor: string;
}

export const RECOVER_DEFAULTS = {
  manifestPath: 'docs/reports/manifest.json',
  fallback: 'none' as RecoverFallback,
  wait: true,
  timeoutMinutes: 60,
  pollIntervalSeconds: 15,
};

/** A workflow file name as the dispatch API takes it (`release.yml`), or a workflow id. */
const WORKFLOW_ID = /^(?:[1-9][0-9]{0,19}|[A-Za-z0-9_.-]+\.ya?ml)$/;

/** Refuses inputs no run could use (exit 2), before the manifest or GitHub is touched. */
export function checkRecoverInputs(inputs: RecoverInputs): void {
  if (!/^[1-9][0-9]{0,19}$/.test(inputs.runId))
    throw usageError(
      `input \`run-id\` must be a workflow run id (digits), got ${JSON.stringify(inputs.runId)}`,
    );
  const tagProblem = manifestFieldProblem('tag', inputs.tag);
  if (tagProblem !== null) throw usageError(`input \`tag\` is not usable: ${tagProblem}`);
  if (inputs.reason.trim() === '')
    throw usageError('input `reason` is required: say why the run is re-run (it is kept in the manifest)');
  if (!/^[^/\s]+\/[^/\s]+$/.test(inputs.repository))
    throw usageError(`repository must be OWNER/REPO, got ${JSON.stringify(inputs.repository)}`);
  if (!inputs.githubToken)
    throw usageError('`github-token` is needed to re-run the workflow run (actions: write)');
  if (!(RECOVER_FALLBACKS as readonly string[]).includes(inputs.fallback))
    throw usageError(
      `input \`fallback\` must be one of ${RECOVER_FALLBACKS.join(', ')}, got ${JSON.stringify(inputs.fallback)}`,
    );
  if (inputs.fallback === 'dispatch' && inputs.releaseWorkflow === undefined)
    throw usageError(
      '`fallback: dispatch` needs `release-workflow`: the workflow file (e.g. release.yml) to start for the tag',
    );
  if (inputs.releaseWorkflow !== undefined && !WORKFLOW_ID.test(inputs.releaseWorkflow))
    throw usageError(
      `input \`release-workflow\` must be a workflow file name in .github/workflows (e.g. release.yml) or a workflow id, got ${JSON.stringify(inputs.releaseWorkflow)}`,
    );
  for (const [name, value] of [
    ['timeout-minutes', inputs.timeoutMinutes],
    ['poll-interval-seconds', inputs.pollIntervalSeconds],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0)
      throw usageError(`input \`${name}\` must be a positive number, got ${JSON.stringify(value)}`);
  }
}
