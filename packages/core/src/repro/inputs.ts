import { checkActionContext, type ActionContext } from '../action/context';
import { InputError } from '../errors';
import { DIFFOSCOPE_MODES, type DiffoscopeMode } from './types';

/** repro-verify's options on the action context. */
export interface ReproVerifyInputs extends ActionContext {
  /** The two builds: workspace paths (files or folders), or artifacts of this run (exactly one of each pair). */
  first?: string;
  second?: string;
  firstArtifact?: string;
  secondArtifact?: string;
  /** Default `artifacts/repro/attestations/<tag>.json` in the workspace. */
  attestationPath?: string;
  /** Set the release freeze on a mismatch. */
  setFreeze: boolean;
  freezeFile: string;
  freezeBranch?: string;
  diffoscope: DiffoscopeMode;
}

/** Refuses inputs no run could use (exit 2), before anything is read. */
export function checkReproVerifyInputs(inputs: ReproVerifyInputs): void {
  checkActionContext(inputs);
  for (const [field, artifact] of [
    ['first', 'firstArtifact'],
    ['second', 'secondArtifact'],
  ] as const) {
    const given = [inputs[field], inputs[artifact]].filter(
      (value) => value !== undefined && value.trim() !== '',
    );
    if (given.length !== 1)
      throw new InputError(
        field,
        `or \`${field}-artifact\`: give exactly one (a workspace path, or an artifact of this run)`,
      );
    if (inputs[artifact] !== undefined && !inputs.githubToken)
      throw new InputError('github-token', `is needed to download \`${field}-artifact\` (actions: read)`);
  }
  if (!(DIFFOSCOPE_MODES as readonly string[]).includes(inputs.diffoscope))
    throw new InputError(
      'diffoscope',
      `must be one of ${DIFFOSCOPE_MODES.join(', ')}, got ${JSON.stringify(inputs.diffoscope.slice(0, 50))}`,
    );
  if (inputs.setFreeze && !inputs.githubToken)
    throw new InputError(
      'github-token',
      'is needed to set the freeze on a mismatch (contents: write), or set `set-freeze` to false',
    );
  if (inputs.freezeFile === '') throw new InputError('freeze-file', 'must name a file');
}
