import type { GitHubClient } from '../github/client';
import type { RecoverFallback } from './inputs';
import { describeGitHubFailure, type RunFacts, type RunLocation } from './rerun-request';

/** What was done instead of the re-run GitHub refused. */
export type FallbackOutcome =
  | { kind: 'none' }
  | {
      kind: 'dispatch';
      workflow: string;
      ref: string;
      started: true;
      /** The new run, when GitHub returns it (`return_run_details`); older servers answer 204 without it. */
      runId: string | null;
      runUrl: string | null;
    }
  | { kind: 'dispatch'; workflow: string; ref: string; started: false; error: string }
  /** The tag a release steward must create; provenance-recover never creates tags. */
  | { kind: 'retry-tag'; tag: string; commit: string };

export interface FallbackOptions {
  fallback: RecoverFallback;
  tag: string;
  releaseWorkflow?: string;
  where: RunLocation;
  run: RunFacts;
}

/** The name of the tag that releases `tag` again when its run can no longer be re-run. */
export function retryTagName(tag: string): string {
  return `${tag}-retry`;
}

/**
 * Takes the chosen fallback after a denied re-run. `dispatch` starts the release workflow on
 * `refs/tags/<tag>` (fully qualified, so a branch of the same name cannot be picked) without inputs;
 * a failure to dispatch is returned, not thrown: the denial is the outcome either way.
 */
export async function takeFallback(client: GitHubClient, options: FallbackOptions): Promise<FallbackOutcome> {
  if (options.fallback === 'none') return { kind: 'none' };
  if (options.fallback === 'retry-tag')
    return { kind: 'retry-tag', tag: retryTagName(options.tag), commit: options.run.headSha };
  const workflow = options.releaseWorkflow as string;
  const ref = `refs/tags/${options.tag}`;
  try {
    const response = await client.rest.actions.createWorkflowDispatch({
      owner: options.where.owner,
      repo: options.where.repo,
      workflow_id: workflow,
      ref,
      return_run_details: true,
    });
    const details = (response.data ?? {}) as { workflow_run_id?: unknown; html_url?: unknown };
    return {
      kind: 'dispatch',
      workflow,
      ref,
      started: true,
      runId: typeof details.workflow_run_id === 'number' ? String(details.workflow_run_id) : null,
      runUrl: typeof details.html_url === 'string' ? details.html_url : null,
    };
  } catch (error) {
    return { kind: 'dispatch', workflow, ref, started: false, error: describeGitHubFailure(error) };
  }
}
