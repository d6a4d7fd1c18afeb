import fs from 'node:fs';
import type { ActionOutcome } from '../action/outcome';
import { openActionFreezeStore } from '../freeze/store';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { recordActionControl } from '../manifest/action-control';
import { markdownCell } from '../text/markdown';
import { actionBuilds } from './action-builds';
import { reproVerifyOutcome } from './action';
import { checkReproVerifyInputs, type ReproVerifyInputs } from './inputs';
import { reproVerify } from './repro';

/** repro-verify's work: fetch or find the two builds, compare them, set the freeze on a mismatch. */
export async function runReproVerify(inputs: ReproVerifyInputs): Promise<ActionOutcome> {
  checkReproVerifyInputs(inputs);
  let github: GitHubClient | undefined;
  const client = () => (github ??= createGitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl }));
  const builds = await actionBuilds(inputs, client);
  try {
    const freeze = inputs.setFreeze
      ? { store: openActionFreezeStore(inputs, client()), actor: inputs.actor }
      : { skipped: '`set-freeze` is false' };
    const run = await reproVerify({
      first: builds.first,
      second: builds.second,
      tag: inputs.tag,
      attestationPath: inputs.attestationPath,
      cwd: inputs.workspace,
      freeze,
      diffoscope: inputs.diffoscope,
      env: process.env,
      tempDir: inputs.tempDir,
    });
    const recorded = await recordActionControl(inputs, client, 'repro', {
      status: run.report.reproducible ? 'pass' : 'fail',
      failureReason: run.report.reproducible ? null : 'repro_mismatch',
      detail: run.report.reproducible
        ? `${run.report.compared} files identical`
        : `${run.comparison.artifacts.filter((a) => a.first !== a.second).length} of ${run.report.compared} files differ`,
    });
    const outcome = reproVerifyOutcome(run, inputs.secrets ?? []);
    return {
      ...outcome,
      summary: `${outcome.summary.trimEnd()}\n\n${markdownCell(recorded.note)}\n`,
      log: [...outcome.log, recorded.note],
    };
  } finally {
    if (builds.downloads !== null) fs.rmSync(builds.downloads, { recursive: true, force: true });
  }
}
