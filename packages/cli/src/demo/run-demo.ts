import { isSkip, stageLabels, type DemoStage } from './stage';
import { renderDemoTable, type DemoRow } from './demo-table';

export interface RunDemoOptions {
  /** Every line each stage logs; else one line per stage (its conclusion), then the table. */
  verbose?: boolean;
}

/** The last line a stage logged: its conclusion ("expected: …" or "UNEXPECTED …"). */
function lastLine(lines: string[]): string {
  const all = lines.flatMap((line) => line.split('\n')).filter((line) => line.trim() !== '');
  return all.length > 0 ? all[all.length - 1] : '(no output)';
}

async function runStage(stage: DemoStage, log: (line: string) => void, verbose: boolean): Promise<DemoRow> {
  const { name, shows } = stageLabels(stage);
  const lines: string[] = [];
  let verdict: DemoRow['verdict'];
  try {
    const outcome = await stage.run((line) => (verbose ? log(line) : lines.push(line)));
    if (isSkip(outcome)) {
      log(`skipped: ${outcome.skipped}`);
      return { name, shows, verdict: 'skipped' };
    }
    verdict = outcome ? 'as expected' : 'NOT AS EXPECTED';
  } catch (error) {
    // A stage that breaks is a verdict that was not the expected one, said in one line.
    lines.push(`UNEXPECTED ERROR: ${error instanceof Error ? error.message : String(error)}`);
    if (verbose) log(lines[lines.length - 1]);
    verdict = 'NOT AS EXPECTED';
  }
  if (!verbose) log(lastLine(lines));
  return { name, shows, verdict };
}

/**
 * Runs each stage in order and reports whether every verdict was the expected one. A stage that could
 * not run says so on its own line and in the table, and the closing line never counts it as expected.
 */
export async function runDemo(
  stages: DemoStage[],
  log: (line: string) => void,
  options: RunDemoOptions = {},
): Promise<boolean> {
  const rows: DemoRow[] = [];
  for (const [index, stage] of stages.entries()) {
    log(
      `${options.verbose ? '\n' : ''}=== ${index + 1}/${stages.length} ${stage.title}${options.verbose ? '\n' : ''}`,
    );
    rows.push(await runStage(stage, log, options.verbose === true));
  }
  log(`\n${renderDemoTable(rows)}`);
  const failed = rows.filter((row) => row.verdict === 'NOT AS EXPECTED').length;
  const skipped = rows.filter((row) => row.verdict === 'skipped').length;
  if (failed > 0) log(`\ndemo: SOME VERDICTS WERE NOT AS EXPECTED (${failed} of ${rows.length} stages)\n`);
  else if (skipped > 0)
    log(
      `\ndemo: ${rows.length - skipped} of ${rows.length} stages ran, each as expected; ${skipped} skipped (not run, so not shown)\n`,
    );
  else log('\ndemo: every verdict was as expected\n');
  return failed === 0;
}
