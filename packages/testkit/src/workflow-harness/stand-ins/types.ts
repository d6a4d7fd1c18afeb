/** What a stand-in for a third-party action gets: its evaluated `with:` and the job's runner. */
export interface StandInContext {
  /** The action reference as written, e.g. `actions/checkout@11bd…`. */
  uses: string;
  with: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  /** The step's process environment (runner variables, env: and ACTIONS_ID_TOKEN_* when granted). */
  env: Record<string, string>;
  /** The `github` context of the job. */
  github: Record<string, unknown>;
  jobId: string;
}

export interface StandInResult {
  outputs?: Record<string, string>;
  stdout?: string;
  summary?: string;
}

/** Replaces one pinned third-party action. Throwing fails the step with the error's message. */
export type StandIn = (context: StandInContext) => Promise<StandInResult | void> | StandInResult | void;

/** `owner/repo[/path]@ref` → `owner/repo[/path]`, the name a stand-in is registered under. */
export function standInName(uses: string): string {
  const at = uses.lastIndexOf('@');
  return at < 0 ? uses : uses.slice(0, at);
}
