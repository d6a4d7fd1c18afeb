import { createHash } from 'node:crypto';
import { resolveWorkflowRun, type GitHubWorkflowRun } from './identity';

export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const IN_TOTO_STATEMENT_V01 = 'https://in-toto.io/Statement/v0.1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const SLSA_PROVENANCE_V02 = 'https://slsa.dev/provenance/v0.2';
/** buildType of actions/attest-build-provenance (`@actions/attest` buildSLSAProvenancePredicate). */
export const GITHUB_WORKFLOW_BUILD_TYPE_V1 = 'https://actions.github.io/buildtypes/workflow/v1';
/** buildType of slsa-github-generator's generic generator. */
export const SLSA_GENERIC_GENERATOR_BUILD_TYPE =
  'https://github.com/slsa-framework/slsa-github-generator/generic@v1';

export interface InTotoSubject {
  name: string;
  digest: Record<string, string>;
}

export interface InTotoStatement<P = unknown> {
  _type: string;
  subject: InTotoSubject[];
  predicateType: string;
  predicate: P;
}

export interface SlsaV1Predicate {
  buildDefinition: {
    buildType: string;
    externalParameters: { workflow: { ref: string; repository: string; path: string } };
    internalParameters: {
      github: {
        event_name: string;
        repository_id: string;
        repository_owner_id: string;
        runner_environment: string;
      };
    };
    resolvedDependencies: { uri: string; digest: Record<string, string> }[];
  };
  runDetails: {
    builder: { id: string };
    metadata: { invocationId: string };
  };
}

export interface SlsaV02Predicate {
  builder: { id: string };
  buildType: string;
  invocation: {
    configSource: { uri: string; digest: Record<string, string>; entryPoint: string };
    parameters?: Record<string, unknown>;
    environment: Record<string, unknown>;
  };
  metadata: {
    buildInvocationID: string;
    completeness: { parameters: boolean; environment: boolean; materials: boolean };
    reproducible: boolean;
  };
  materials: { uri: string; digest: Record<string, string> }[];
}

/** What the build produced plus the run that built it (see {@link GitHubWorkflowRun} for the defaults). */
export interface ProvenanceOptions extends GitHubWorkflowRun {
  subjects: InTotoSubject[];
  /**
   * The builder id the provenance claims. Default `https://github.com/<jobWorkflowRef>`: what both
   * actions/attest-build-provenance and slsa-github-generator write, and the certificate SAN of
   * {@link githubActionsIdentity} for the same run. Set it to make provenance that lies about its builder.
   */
  builderId?: string;
}

/** A subject for `data` under `name`, with the digests asked for (lowercase hex). */
export function subjectFor(
  name: string,
  data: Buffer | string,
  algorithms: ('sha256' | 'sha512')[] = ['sha256'],
): InTotoSubject {
  const digest: Record<string, string> = {};
  for (const algorithm of algorithms) {
    digest[algorithm] = createHash(algorithm).update(data).digest('hex');
  }
  return { name, digest };
}

/** SLSA v1 provenance as actions/attest-build-provenance writes it (see vectors/slsa-verifier/bcr). */
export function slsaV1Statement(options: ProvenanceOptions): InTotoStatement<SlsaV1Predicate> {
  const run = resolveWorkflowRun(options);
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: options.subjects,
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: GITHUB_WORKFLOW_BUILD_TYPE_V1,
        externalParameters: {
          workflow: { ref: run.ref, repository: run.repositoryURL, path: run.workflowPath },
        },
        internalParameters: {
          github: {
            event_name: run.eventName,
            repository_id: run.repositoryId,
            repository_owner_id: run.repositoryOwnerId,
            runner_environment: run.runnerEnvironment,
          },
        },
        resolvedDependencies: [
          { uri: `git+${run.repositoryURL}@${run.ref}`, digest: { gitCommit: run.commit } },
        ],
      },
      runDetails: {
        builder: { id: options.builderId ?? `https://github.com/${run.jobWorkflowRef}` },
        metadata: {
          invocationId: `${run.repositoryURL}/actions/runs/${run.runId}/attempts/${run.runAttempt}`,
        },
      },
    },
  };
}

/**
 * SLSA v0.2 provenance as slsa-github-generator's generic generator writes it (see
 * vectors/slsa-verifier/gha_generic/v2.1.0). For the real builder, pass
 * `jobWorkflowRef: SLSA_GENERIC_GENERATOR_WORKFLOW` in the run.
 */
export function slsaV02Statement(options: ProvenanceOptions): InTotoStatement<SlsaV02Predicate> {
  const run = resolveWorkflowRun(options);
  const owner = run.repository.split('/')[0];
  const source = { uri: `git+${run.repositoryURL}@${run.ref}`, digest: { sha1: run.commit } };
  const refType = run.ref.startsWith('refs/tags/') ? 'tag' : 'branch';
  return {
    _type: IN_TOTO_STATEMENT_V01,
    predicateType: SLSA_PROVENANCE_V02,
    subject: options.subjects,
    predicate: {
      builder: { id: options.builderId ?? `https://github.com/${run.jobWorkflowRef}` },
      buildType: SLSA_GENERIC_GENERATOR_BUILD_TYPE,
      invocation: {
        configSource: { ...source, entryPoint: run.workflowPath },
        environment: {
          github_actor: run.actor,
          github_actor_id: run.actorId,
          github_base_ref: '',
          github_event_name: run.eventName,
          github_event_payload: {
            after: run.commit,
            ref: run.ref,
            repository: {
              full_name: run.repository,
              html_url: run.repositoryURL,
              id: Number(run.repositoryId),
              name: run.repository.split('/')[1],
              owner: { login: owner, id: Number(run.repositoryOwnerId) },
              visibility: run.repositoryVisibility,
            },
            sender: { login: run.actor, id: Number(run.actorId) },
          },
          github_head_ref: '',
          github_ref: run.ref,
          github_ref_type: refType,
          github_repository_id: run.repositoryId,
          github_repository_owner: owner,
          github_repository_owner_id: run.repositoryOwnerId,
          github_run_attempt: run.runAttempt,
          github_run_id: run.runId,
          github_run_number: run.runNumber,
          github_sha1: run.commit,
        },
      },
      metadata: {
        buildInvocationID: `${run.runId}-${run.runAttempt}`,
        completeness: { parameters: true, environment: false, materials: false },
        reproducible: false,
      },
      materials: [source],
    },
  };
}
