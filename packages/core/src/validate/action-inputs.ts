import { actionReader } from '../action/context';
import type { ValidateReleaseInputs } from './inputs';

/** provenance-validate's inputs (named as in its action.yml) on the action context. Checks nothing. */
export const readValidateInputs = actionReader<ValidateReleaseInputs>(
  {
    action: 'provenance-validate',
    tag: 'required',
    runId: 'input-or-current',
    secretInputs: ['kpi-token', 'kpi-url'],
  },
  (input, context) => {
    return {
      ...context,
      tag: context.tag ?? '',
      artifactPath: input.optional('artifact-path'),
      provenancePath: input.optional('provenance-path'),
      artifactName: input.optional('artifact-name'),
      provenanceName: input.optional('provenance-name'),
      artifactUrl: input.optional('artifact-url'),
      sourceRepo: input.optional('source-repo') ?? context.repository,
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
    };
  },
);
