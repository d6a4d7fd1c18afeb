import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SigstoreServer } from '../../sigstore/server';
import { signProvenance } from '../../sigstore/sign';
import { slsaV1Statement } from '../../sigstore/statements';
import { globFiles } from '../glob';
import type { StandIn, StandInContext } from './types';

export interface AttestStandInOptions {
  sigstore: Pick<SigstoreServer, 'fulcioURL' | 'rekorURL' | 'tsaURL'>;
}

async function idTokenClaims(context: StandInContext): Promise<Record<string, string>> {
  const url = context.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = context.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) {
    throw new Error(
      'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable (does the job have id-token: write?)',
    );
  }
  const response = await fetch(`${url}&audience=sigstore`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  if (!response.ok) throw new Error(`Failed to get ID Token: HTTP ${response.status}`);
  const { value } = (await response.json()) as { value: string };
  const payload = JSON.parse(Buffer.from(value.split('.')[1], 'base64url').toString()) as Record<
    string,
    unknown
  >;
  return Object.fromEntries(Object.entries(payload).map(([key, claim]) => [key, String(claim)]));
}

/**
 * actions/attest-build-provenance: asks the job's OIDC endpoint for a `sigstore` token, builds the SLSA v1
 * statement @actions/attest builds from its claims (builder id `https://github.com/<job_workflow_ref>`),
 * signs it through the loopback Sigstore with that identity, and writes the bundle where `bundle-path` says.
 */
export function attestStandIn(options: AttestStandInOptions): StandIn {
  return async (context) => {
    const files = globFiles(context.with['subject-path'] ?? '', context.workspace);
    if (files.length === 0) throw new Error(`Could not find subject at path ${context.with['subject-path']}`);
    const subjects = files.map((file) => ({
      name: path.basename(file),
      digest: { sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') },
    }));
    const claims = await idTokenClaims(context);
    const workflowPath = /^[^/]+\/[^/]+\/([^@]+)@/.exec(claims.workflow_ref ?? '')?.[1];
    const statement = slsaV1Statement({
      subjects,
      repository: claims.repository,
      ref: claims.ref,
      commit: claims.sha,
      workflowPath,
      jobWorkflowRef: claims.job_workflow_ref,
      eventName: claims.event_name,
      runId: claims.run_id,
      runAttempt: claims.run_attempt,
      repositoryId: claims.repository_id,
      repositoryOwnerId: claims.repository_owner_id,
    });
    const rest = Object.fromEntries(
      Object.entries(claims).filter(([key]) => !['iss', 'sub', 'aud'].includes(key)),
    );
    const bundle = await signProvenance({
      statement,
      identity: { san: `https://github.com/${claims.job_workflow_ref}`, issuer: claims.iss, claims: rest },
      server: options.sigstore,
    });
    const bundlePath = path.join(context.runnerTemp, 'attestation.json');
    fs.appendFileSync(bundlePath, `${JSON.stringify(bundle)}\n`);
    return { outputs: { 'bundle-path': bundlePath, 'attestation-id': '', 'attestation-url': '' } };
  };
}
