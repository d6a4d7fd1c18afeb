import os from 'node:os';
import { ActionInputs } from '../action/action-input';
import { usageError } from '../errors';
import { DEFAULT_ISSUE_LABELS, parseFailureReason, type NotifyInputs } from './inputs';

function seconds(input: ActionInputs, name: string, fallback: number): number {
  const value = input.optional(name);
  if (value === undefined) return fallback;
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value))
    throw usageError(`input \`${name}\` must be a number of seconds, got ${JSON.stringify(value)}`);
  return Number(value);
}

function wholeNumber(input: ActionInputs, name: string, fallback: number): number {
  const value = input.optional(name);
  if (value === undefined) return fallback;
  if (!/^[0-9]{1,3}$/.test(value))
    throw usageError(`input \`${name}\` must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * The runbook section of release-guard's README at the version of the action in use, when the runner
 * says which (`github.action_repository` / `github.action_ref`, passed by action.yml).
 */
function defaultRunbookUrl(env: NodeJS.ProcessEnv, serverUrl: string): string | undefined {
  const repository = env.RELEASE_GUARD_ACTION_REPOSITORY;
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined;
  const ref = env.RELEASE_GUARD_ACTION_REF || 'HEAD';
  return `${serverUrl}/${repository}/blob/${encodeURIComponent(ref)}/README.md#runbook-a-release-failed-validation`;
}

/** notify-on-failure's inputs (named as in its action.yml) and the runner's context, typed. */
export function readNotifyInputs(env: NodeJS.ProcessEnv): NotifyInputs {
  const input = new ActionInputs(env);
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) throw usageError('GITHUB_REPOSITORY is not set: run this inside a GitHub Actions job');
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const labels = input.list('issue-labels');
  return {
    tag: input.required('tag'),
    runId: input.optional('run-id') ?? env.GITHUB_RUN_ID ?? '',
    repository,
    ...parseFailureReason(input.optional('failure-reason')),
    artifactUrl: input.optional('artifact-url'),
    slackWebhookUrl: input.optional('slack-webhook-url'),
    opsNotifyUrl: input.optional('ops-notify-url'),
    opsNotifyToken: input.optional('ops-notify-token'),
    githubToken: input.optional('github-token'),
    issueLabels: labels.length > 0 ? labels : [...DEFAULT_ISSUE_LABELS],
    manifestPath: input.optional('manifest-path') ?? 'docs/reports/manifest.json',
    manifestBranch: input.optional('manifest-branch'),
    runbookUrl: input.optional('runbook-url') ?? defaultRunbookUrl(env, serverUrl),
    timeoutMs: Math.round(seconds(input, 'timeout-seconds', 10) * 1000),
    slackAttempts: wholeNumber(input, 'slack-attempts', 3),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? os.tmpdir(),
    reportPath: input.optional('report-path'),
    actor: env.GITHUB_ACTOR ?? 'notify-on-failure',
    serverUrl,
  };
}
