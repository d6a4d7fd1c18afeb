import { safeText } from '../text/safe-text';
import type { DrillResult } from './drill';

/** The drill for people: the verdict, one line per step (what to do under a step that did not pass), where it was recorded. */
export function renderDrillText(result: DrillResult): string {
  const lines = [`release-guard drill ${result.tag} run ${result.run_id}: ${result.status.toUpperCase()}`];
  for (const step of result.steps) {
    lines.push(`  ${step.name.padEnd(9)} ${step.outcome.padEnd(4)} ${safeText(step.detail)}`);
    if (step.remedy) lines.push(`  ${''.padEnd(14)} to do: ${safeText(step.remedy)}`);
  }
  const { manifest } = result;
  lines.push(
    manifest.problem
      ? `NOT recorded as asked in ${manifest.location}: ${safeText(manifest.problem)}`
      : `recorded in ${manifest.location} (entry ${result.tag} run ${result.run_id}, governance_flag drill)`,
  );
  if (result.status === 'fail')
    lines.push(
      'The drill FAILED: the path a bad release takes is broken; do what the failing step says, then run it again.',
    );
  return `${lines.join('\n')}\n`;
}

/** The drill as `--format json` prints it. */
export function drillJson(result: DrillResult) {
  return {
    status: result.status,
    tag: result.tag,
    run_id: result.run_id,
    steps: result.steps,
    drill: result.record,
    alert: result.alert,
    manifest: {
      location: result.manifest.location,
      problem: result.manifest.problem,
      status: result.manifest.entry?.status ?? null,
      governance_flag: result.manifest.entry?.governance_flag ?? null,
    },
  };
}
