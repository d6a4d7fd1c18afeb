import type { DemoStage } from './stage';

/** Runs each stage in order and reports whether every verdict was the expected one. */
export async function runDemo(stages: DemoStage[], log: (line: string) => void): Promise<boolean> {
  let allExpected = true;
  for (const [index, stage] of stages.entries()) {
    log(`\n=== ${index + 1}/${stages.length} ${stage.title}\n`);
    const ok = await stage.run(log);
    allExpected &&= ok;
  }
  log(
    allExpected ? '\ndemo: every verdict was as expected\n' : '\ndemo: SOME VERDICTS WERE NOT AS EXPECTED\n',
  );
  return allExpected;
}
