import type { Level, RuleId } from './policy';

export type RuleResult = 'pass' | 'warn' | 'fail' | 'off';
export type EvidenceResult = 'pass' | 'warn' | 'fail';

/** One rule's verdict, with what the policy expects and what the evidence showed. */
export interface Evaluation {
  rule: RuleId;
  result: RuleResult;
  expected: string;
  actual: string;
}

/** The verdict of a rule that found a violation at `level` (or none, when `violated` is false). */
export function verdict(violated: boolean, level: Level): RuleResult {
  if (!violated) return 'pass';
  return level;
}

/** fail if any rule failed, else warn if any warned, else pass. */
export function overallResult(evaluations: Evaluation[]): EvidenceResult {
  if (evaluations.some((evaluation) => evaluation.result === 'fail')) return 'fail';
  if (evaluations.some((evaluation) => evaluation.result === 'warn')) return 'warn';
  return 'pass';
}
