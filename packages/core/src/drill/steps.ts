/** The steps of a drill, in the order they run. */
export const DRILL_STEPS = ['verify', 'alert', 'redaction', 'freeze'] as const;
export type DrillStepName = (typeof DRILL_STEPS)[number];

export type DrillOutcome = 'pass' | 'warn' | 'fail';

/** One step as the manifest history and the report record it. */
export interface DrillStep {
  name: DrillStepName;
  /** RFC 3339 date-time the step ended. */
  at: string;
  actor: string;
  outcome: DrillOutcome;
  /** What happened, in one line. */
  detail: string;
  /** What to do when the outcome is not pass; null otherwise. */
  remedy: string | null;
}

/** The drill's verdict: the worst of its steps. */
export function drillOutcome(steps: readonly DrillStep[]): DrillOutcome {
  if (steps.some((step) => step.outcome === 'fail')) return 'fail';
  return steps.some((step) => step.outcome === 'warn') ? 'warn' : 'pass';
}

/**
 * The history note of a step: `drill <step>: <outcome>: <detail>[; to do: <remedy>]`. A protocol read
 * by nobody but people: the step's data is in the entry's drill record too.
 */
export function drillStepNote(step: DrillStep): string {
  return `drill ${step.name}: ${step.outcome}: ${step.detail}${step.remedy ? `; to do: ${step.remedy}` : ''}`;
}
