/** The parts of a workflow file the harness reads. */
export interface StepSpec {
  id?: string;
  name?: string;
  if?: unknown;
  run?: string;
  uses?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'working-directory'?: string;
  'continue-on-error'?: unknown;
}

export interface JobSpec {
  name?: string;
  needs?: string | string[];
  if?: unknown;
  uses?: string;
  /** For a job that calls a reusable workflow. */
  with?: Record<string, unknown>;
  secrets?: 'inherit' | Record<string, unknown>;
  permissions?: string | Record<string, string>;
  env?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  strategy?: { matrix?: unknown; 'fail-fast'?: unknown };
  defaults?: { run?: { shell?: string; 'working-directory'?: string } };
  'continue-on-error'?: unknown;
  steps?: StepSpec[];
}

export interface WorkflowCallSpec {
  inputs?: Record<string, { type?: string; required?: boolean; default?: unknown }>;
  secrets?: Record<string, { required?: boolean }>;
  outputs?: Record<string, { value?: unknown }>;
}

export interface WorkflowSpec {
  name?: string;
  on?: unknown;
  env?: Record<string, unknown>;
  permissions?: JobSpec['permissions'];
  defaults?: JobSpec['defaults'];
  jobs: Record<string, JobSpec>;
}

export type JobConclusion = 'success' | 'failure' | 'skipped' | 'cancelled';
export type StepConclusion = 'success' | 'failure' | 'skipped';

export interface StepResult {
  id?: string;
  name: string;
  /** Before `continue-on-error`. */
  outcome: StepConclusion;
  /** After `continue-on-error`. */
  conclusion: StepConclusion;
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
  summary: string;
}

export interface JobRun {
  /** The matrix combination, null for a job without a matrix. */
  matrix: Record<string, unknown> | null;
  result: JobConclusion;
  outputs: Record<string, string>;
  steps: StepResult[];
  /** Every step's GITHUB_STEP_SUMMARY, in order. */
  summary: string;
  /** The run's GITHUB_WORKSPACE, left in place for the test to read. */
  workspace: string;
}

export interface JobResult {
  result: JobConclusion;
  /** The job's `outputs:` (of the last matrix run, as on GitHub). */
  outputs: Record<string, string>;
  /** The steps of the first run (the only one without a matrix). */
  steps: StepResult[];
  runs: JobRun[];
  /** For a job that calls a reusable workflow (`uses:`): that workflow's run. */
  workflow?: WorkflowResult;
}

export interface WorkflowResult {
  /** Job ids in the order they ran (or were skipped). */
  order: string[];
  jobs: Record<string, JobResult>;
  /** `on.workflow_call.outputs`, evaluated. */
  outputs: Record<string, string>;
  /** failure when any job failed. */
  result: 'success' | 'failure';
}

export function needsOf(job: JobSpec): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs.map(String) : [String(job.needs)];
}

export function workflowCall(workflow: WorkflowSpec): WorkflowCallSpec | undefined {
  const on = workflow.on;
  if (on && typeof on === 'object' && !Array.isArray(on) && 'workflow_call' in on) {
    return ((on as Record<string, unknown>).workflow_call ?? {}) as WorkflowCallSpec;
  }
  return undefined;
}
