import fs from 'node:fs';
import {
  githubActionsIdentity,
  GITHUB_WORKFLOW_BUILD_TYPE_V1,
  SLSA_GENERIC_GENERATOR_BUILD_TYPE,
  SLSA_GENERIC_GENERATOR_WORKFLOW,
  slsaV02Statement,
  slsaV1Statement,
  subjectFor,
  unsignedIdentityToken,
} from './index';
import { vectorPath, withVectors } from '../optional-suite';

const vectors = withVectors();

/** The in-toto statement inside the first bundle of a `.intoto.jsonl` vector. */
function vectorStatement(file: string): Record<string, unknown> {
  const bundle = JSON.parse(fs.readFileSync(vectorPath(file), 'utf8').split('\n')[0]);
  return JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
}

/** Every key path of a JSON value (array items collapse to `[]`), except below the paths in `opaque`. */
function keyPaths(value: unknown, opaque: string[] = [], prefix = ''): string[] {
  if (opaque.includes(prefix) || value === null || typeof value !== 'object') {
    return [prefix];
  }
  if (Array.isArray(value)) {
    return [...new Set(value.flatMap((item) => keyPaths(item, opaque, `${prefix}[]`)))];
  }
  return Object.entries(value).flatMap(([key, item]) =>
    keyPaths(item, opaque, prefix ? `${prefix}.${key}` : key),
  );
}

const commit = '4d329c75e7ec1725f7c9ce917a8799d408d06be3';

describe('SLSA statements', () => {
  vectors.it('writes SLSA v1 with the fields actions/attest-build-provenance writes (bcr vector)', () => {
    const ours = slsaV1Statement({
      repository: 'aspect-build/rules_lint',
      ref: 'refs/heads/publish-to-bcr',
      commit,
      subjects: [subjectFor('MODULE.bazel', 'module(name = "x")\n')],
    });
    const theirs = vectorStatement('slsa-verifier/bcr/MODULE.bazel.intoto.jsonl');
    expect(keyPaths(ours).sort()).toEqual(keyPaths(theirs).sort());
    expect(ours.predicate.buildDefinition.buildType).toBe(GITHUB_WORKFLOW_BUILD_TYPE_V1);
    expect(ours.predicate.buildDefinition.externalParameters.workflow).toEqual({
      ref: 'refs/heads/publish-to-bcr',
      repository: 'https://github.com/aspect-build/rules_lint',
      path: '.github/workflows/release.yml',
    });
    expect(ours.predicate.buildDefinition.resolvedDependencies).toEqual([
      {
        uri: 'git+https://github.com/aspect-build/rules_lint@refs/heads/publish-to-bcr',
        digest: { gitCommit: commit },
      },
    ]);
  });

  vectors.it('writes SLSA v0.2 with the fields slsa-github-generator writes (gha_generic vector)', () => {
    const ours = slsaV02Statement({
      repository: 'slsa-framework/example-package',
      ref: 'refs/tags/v14',
      commit,
      workflowPath: '.github/workflows/verifier-e2e.all.workflow_dispatch.main.all.slsa3.yml',
      jobWorkflowRef: SLSA_GENERIC_GENERATOR_WORKFLOW,
      runId: '13530999509',
      subjects: [subjectFor('gha_generic-binary-linux-amd64-v14', 'binary')],
    });
    const theirs = vectorStatement(
      'slsa-verifier/gha_generic/v2.1.0/binary-linux-amd64-push-v14.intoto.jsonl',
    );
    const payload = ['predicate.invocation.environment.github_event_payload'];
    expect(keyPaths(ours, payload).sort()).toEqual(keyPaths(theirs, payload).sort());
    const predicate = (theirs as { predicate: Record<string, unknown> }).predicate;
    expect(ours.predicate.builder).toEqual(predicate.builder);
    expect(ours.predicate.buildType).toBe(SLSA_GENERIC_GENERATOR_BUILD_TYPE);
    expect(ours.predicate.invocation.configSource).toEqual(
      (predicate.invocation as Record<string, unknown>).configSource,
    );
    expect(ours.predicate.materials).toEqual(predicate.materials);
    expect(ours.predicate.metadata).toEqual({
      ...(predicate.metadata as object),
      buildInvocationID: '13530999509-1',
    });
  });

  it('claims the builder the certificate of the same run names, unless told to lie', () => {
    const run = { repository: 'octo-org/widget', ref: 'refs/tags/v2.0.0', commit, subjects: [] };
    const identity = githubActionsIdentity(run);
    expect(slsaV1Statement(run).predicate.runDetails.builder.id).toBe(identity.san);
    expect(slsaV02Statement(run).predicate.builder.id).toBe(identity.san);
    const lying = slsaV1Statement({
      ...run,
      builderId: 'https://github.com/octo-org/widget-evil/x.yml@refs/tags/v2',
    });
    expect(lying.predicate.runDetails.builder.id).not.toBe(identity.san);
  });

  it('makes subjects with lowercase hex digests', () => {
    expect(subjectFor('empty', Buffer.alloc(0), ['sha256', 'sha512'])).toEqual({
      name: 'empty',
      digest: {
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        sha512:
          'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
      },
    });
  });
});

describe('GitHub Actions identity', () => {
  it('carries the claims of a GitHub OIDC token, with the SAN Fulcio derives from job_workflow_ref', () => {
    const identity = githubActionsIdentity({
      repository: 'octo-org/widget',
      ref: 'refs/tags/v1',
      commit,
      jobWorkflowRef: 'octo-org/shared/.github/workflows/sign.yml@refs/tags/v3',
    });
    expect(identity.san).toBe('https://github.com/octo-org/shared/.github/workflows/sign.yml@refs/tags/v3');
    expect(identity.issuer).toBe('https://token.actions.githubusercontent.com');
    expect(identity.claims).toMatchObject({
      repository: 'octo-org/widget',
      ref: 'refs/tags/v1',
      ref_type: 'tag',
      sha: commit,
      workflow_ref: 'octo-org/widget/.github/workflows/release.yml@refs/tags/v1',
      job_workflow_ref: 'octo-org/shared/.github/workflows/sign.yml@refs/tags/v3',
      runner_environment: 'github-hosted',
    });
    expect(identity.claims?.job_workflow_sha).not.toBe(commit);
  });

  it('encodes an unsigned JWT whose sub and iss are the SAN and issuer', () => {
    const token = unsignedIdentityToken({
      san: 'https://x/y',
      issuer: 'https://issuer',
      claims: { sub: 'ignored' },
    });
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'none', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      sub: 'https://x/y',
      iss: 'https://issuer',
    });
    expect(signature).toBe('');
  });
});
