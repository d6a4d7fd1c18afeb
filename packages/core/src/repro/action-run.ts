import fs from 'node:fs';
import type { ActionOutcome } from '../action/outcome';
import { openActionFreezeStore } from '../freeze/store';
import { createGitHubClient, type GitHubClient } from '../github/client';
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
    return reproVerifyOutcome(run, inputs.secrets ?? []);
  } finally {
    if (builds.downloads !== null) fs.rmSync(builds.downloads, { recursive: true, force: true });
  }
}
