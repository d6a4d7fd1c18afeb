import os from 'node:os';
import { ActionInputs } from '../action/action-input';
import { usageError } from '../errors';
import type { ValidateReleaseInputs } from './inputs';

/** provenance-validate's inputs (named as in its action.yml) and the runner's context, typed. */
export function readValidateInputs(env: NodeJS.ProcessEnv): ValidateReleaseInputs {
  const input = new ActionInputs(env);
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) throw usageError('GITHUB_REPOSITORY is not set: run this inside a GitHub Actions job');
  return {
    tag: input.required('tag'),
    runId: input.optional('run-id') ?? env.GITHUB_RUN_ID ?? '',
    repository,
    artifactPath: input.optional('artifact-path'),
    provenancePath: input.optional('provenance-path'),
    artifactName: input.optional('artifact-name'),
    provenanceName: input.optional('provenance-name'),
    artifactUrl: input.optional('artifact-url'),
    sourceRepo: input.optional('source-repo') ?? repository,
    builderIds: input.list('builder-id'),
    allowSlsaV02: input.boolean('allow-slsa-v0.2'),
    identity: {
      certIdentity: input.optional('cert-identity'),
      certIdentityRegexp: input.optional('cert-identity-regexp'),
      certOidcIssuer: input.optional('cert-oidc-issuer'),
    },
    trustedRoot: input.optional('trusted-root'),
    kpiUrl: input.optional('kpi-url'),
    kpiToken: input.optional('kpi-token'),
    manifestPath: input.optional('manifest-path') ?? 'docs/reports/manifest.json',
    manifestBranch: input.optional('manifest-branch'),
    githubToken: input.optional('github-token'),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? os.tmpdir(),
    reportPath: input.optional('report-path'),
    actor: env.GITHUB_ACTOR ?? 'provenance-validate',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
  };
}
