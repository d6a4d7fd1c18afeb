import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors';
import { DEFAULT_MANIFEST_PATH, RUN_ID_PATTERN } from '../manifest/location';
import { manifestFieldProblem } from '../manifest/schema';
import { readRunContext } from '../github/run-context';
import { ActionInputs } from './inputs';

/**
 * What every action knows before its own options: who, where and which release, read from the
 * inputs and the runner's environment once, each field by one rule (`checkActionContext`). An
 * action's inputs type extends this with its own options.
 */
export interface ActionContext {
  /** The release tag; release-freeze and posture-report have none. */
  tag?: string;
  /** The workflow run, as decimal digits (a string: no JSON reader rounds it). */
  runId: string;
  /** `owner/repo` of the run (GITHUB_REPOSITORY). */
  repository: string;
  githubToken?: string;
  /** The release manifest: a workspace file, or with `manifestBranch` that path on a branch. */
  manifestPath: string;
  manifestBranch?: string;
  workspace: string;
  tempDir: string;
  /** Where the JSON report goes; a file under `tempDir` named after the action and run by default. */
  reportPath?: string;
  /** Who acts (GITHUB_ACTOR), for the manifest history. */
  actor: string;
  serverUrl: string;
  /** The REST API's base URL (GITHUB_API_URL); the GitHub client reads it itself when unset. */
  apiUrl?: string;
  /** The secret input values: masked before core runs and redacted from everything written. */
  secrets?: string[];
}

export interface ContextSpec {
  /** The action's name: the actor when GITHUB_ACTOR is unset. */
  action: string;
  /** `required` (validate, notify, recover, manifest-record), `optional`, or `none`. */
  tag: 'required' | 'optional' | 'none';
  /**
   * `input-or-current`: the `run-id` input, else the current run; `required`: the `run-id` input must
   * be given; `current`: the current run, for an action without a `run-id` input (release-freeze).
   */
  runId: 'input-or-current' | 'required' | 'current';
  /** Input names whose values are secrets (besides `github-token`). */
  secretInputs?: readonly string[];
  /** Whether the action has the `manifest-path` / `manifest-branch` inputs (default true). */
  manifest?: boolean;
  /** Whether the action has the `report-path` input (default true). */
  report?: boolean;
}

/** Reads the common part of an action's inputs and the runner's environment; checks only that it runs in a job. */
export function readActionContext(
  input: ActionInputs,
  env: NodeJS.ProcessEnv,
  spec: ContextSpec,
): ActionContext {
  const githubToken = input.optional('github-token');
  const secrets = [githubToken, ...(spec.secretInputs ?? []).map((name) => input.optional(name))];
  const manifest = spec.manifest ?? true;
  // Through @actions/github's context: run ids stay strings, URLs lose their trailing slash.
  const run = readRunContext(env);
  if (!run.repository)
    throw new InputError(
      'repository',
      'is not set: GITHUB_REPOSITORY is empty; run this inside a GitHub Actions job',
    );
  return {
    ...(spec.tag === 'none'
      ? {}
      : { tag: spec.tag === 'required' ? input.required('tag') : input.optional('tag') }),
    runId:
      (spec.runId === 'current'
        ? undefined
        : spec.runId === 'required'
          ? input.required('run-id')
          : input.optional('run-id')) ??
      run.runId ??
      '',
    repository: `${run.repository.owner}/${run.repository.repo}`,
    githubToken,
    manifestPath: (manifest ? input.optional('manifest-path') : undefined) ?? DEFAULT_MANIFEST_PATH,
    manifestBranch: manifest ? input.optional('manifest-branch') : undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || os.tmpdir(),
    reportPath: spec.report === false ? undefined : input.optional('report-path'),
    actor: run.actor ?? spec.action,
    serverUrl: run.serverUrl,
    apiUrl: run.apiUrl,
    secrets: secrets.filter((value): value is string => value !== undefined && value !== ''),
  };
}

/** Refuses a context no run could use (exit 2): one rule per field, the manifest schema's where it has one. */
export function checkActionContext(context: ActionContext): void {
  if (context.tag !== undefined) {
    if (context.tag === '') throw new InputError('tag', 'is required');
    const problem = manifestFieldProblem('tag', context.tag);
    if (problem !== null) throw new InputError('tag', `is not usable: ${problem}`);
  }
  if (!RUN_ID_PATTERN.test(context.runId))
    throw new InputError(
      'run-id',
      `must be a workflow run id (digits, no leading zero), got ${JSON.stringify(context.runId.slice(0, 200))}`,
    );
  if (!/^[^/\s]+\/[^/\s]+$/.test(context.repository))
    throw new InputError(
      'repository',
      `must be OWNER/REPO, got ${JSON.stringify(context.repository.slice(0, 200))}`,
    );
  if (context.manifestPath === '') throw new InputError('manifest-path', 'must name a file');
  if (context.manifestBranch !== undefined && !context.githubToken)
    throw new InputError('manifest-branch', 'needs `github-token` (contents: write)');
}

/** The JSON report's path: as given (inside the workspace when relative), else `<action>-<run>.json` in the temp dir. */
export function reportPathOf(
  context: Pick<ActionContext, 'workspace' | 'tempDir' | 'reportPath' | 'runId'>,
  action: string,
): string {
  return path.resolve(
    context.workspace,
    context.reportPath ?? path.join(context.tempDir, `${action}-${context.runId}.json`),
  );
}

/**
 * An action's reader: the common context by `spec`, then the action's own options by `options`. The
 * result is what `ActionDefinition.read` is; `input` is for the contract test's recording inputs.
 */
export function actionReader<Inputs extends ActionContext>(
  spec: ContextSpec,
  options: (input: ActionInputs, context: ActionContext, env: NodeJS.ProcessEnv) => Inputs,
): (env: NodeJS.ProcessEnv, input?: ActionInputs) => Inputs {
  return (env, input = new ActionInputs(env)) => options(input, readActionContext(input, env, spec), env);
}
