import os from 'node:os';
import { ActionInputs } from '../action/action-input';
import { usageError } from '../errors';
import { RECOVER_DEFAULTS, type RecoverFallback, type RecoverInputs } from './inputs';

function positiveNumber(input: ActionInputs, name: string, fallback: number): number {
  const text = input.optional(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^[0-9]*\.?[0-9]+$/.test(text) || !(value > 0))
    throw usageError(`input \`${name}\` must be a positive number, got ${JSON.stringify(text)}`);
  return value;
}

/** provenance-recover's inputs (named as in its action.yml) and the runner's context, typed. */
export function readRecoverInputs(env: NodeJS.ProcessEnv): RecoverInputs {
  const input = new ActionInputs(env);
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) throw usageError('GITHUB_REPOSITORY is not set: run this inside a GitHub Actions job');
  return {
    runId: input.required('run-id'),
    tag: input.required('tag'),
    reason: input.required('reason'),
    repository,
    githubToken: input.optional('github-token'),
    manifestPath: input.optional('manifest-path') ?? RECOVER_DEFAULTS.manifestPath,
    manifestBranch: input.optional('manifest-branch'),
    fallback: (input.optional('fallback') ?? RECOVER_DEFAULTS.fallback) as RecoverFallback,
    releaseWorkflow: input.optional('release-workflow'),
    wait: input.boolean('wait', RECOVER_DEFAULTS.wait),
    timeoutMinutes: positiveNumber(input, 'timeout-minutes', RECOVER_DEFAULTS.timeoutMinutes),
    pollIntervalSeconds: positiveNumber(input, 'poll-interval-seconds', RECOVER_DEFAULTS.pollIntervalSeconds),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? os.tmpdir(),
    reportPath: input.optional('report-path'),
    actor: env.GITHUB_ACTOR || 'provenance-recover',
  };
}
