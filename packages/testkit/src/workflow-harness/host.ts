import type { Value } from './expressions/values';
import type { StandIn } from './stand-ins/types';

/** One job run's runner: its folders, the environment it built up, and the harness's services. */
export interface JobHost {
  jobId: string;
  workspace: string;
  runnerTemp: string;
  /** GITHUB_*, RUNNER_*, PATH, HOME, ACTIONS_ID_TOKEN_* … */
  runnerEnv: Record<string, string>;
  /** What steps wrote to GITHUB_ENV so far. */
  addedEnv: Record<string, string>;
  /** What steps wrote to GITHUB_PATH so far (newest first). */
  addedPath: string[];
  standIns: Record<string, StandIn>;
  /** Local folders of repositories (`owner/name`) whose actions run as they are, without a stand-in. */
  repositories: Record<string, string>;
  stepTimeoutMs: number;
  /** Contexts every expression of this job sees (github, inputs, secrets, vars, needs, runner, matrix, strategy). */
  contexts: Record<string, Value>;
}

export function processEnv(host: JobHost, env: Record<string, string>): Record<string, string> {
  const merged = { ...host.runnerEnv, ...env };
  if (host.addedPath.length > 0) merged.PATH = [...host.addedPath, merged.PATH ?? ''].join(':');
  return merged;
}
