import fs from 'node:fs';
import path from 'node:path';
import { describeWithVectors, VECTORS_DIR, vectorPath, vectorsPresent } from '@release-guard/testkit';
import { runCli } from './run-cli';

/**
 * Interop suite: every case of ../shared/vectors/expected.json through the CLI, reading the vectors
 * in place. Skipped (with a notice) where the folder is absent, failed instead under RG_REQUIRE_ALL=1;
 * set RG_VECTORS_DIR to move it.
 */
const vectorsDir = VECTORS_DIR;
const present = vectorsPresent();

interface VectorCase {
  id: string;
  command: 'verify' | 'verify-signature';
  provenance: string;
  artifacts: string[];
  trustedRoot?: string;
  params: Record<string, unknown>;
  expect: {
    verified: boolean;
    failureReason?: string | null;
    failureReasonAnyOf?: string[];
    failingChecks?: string[];
  };
}

function argvFor(c: VectorCase): string[] {
  const at = (file: string) => path.join(vectorsDir, file);
  const p = c.params;
  const argv: string[] = [c.command];
  argv.push(c.command === 'verify' ? '--provenance' : '--bundle', at(c.provenance));
  for (const artifact of c.artifacts ?? []) argv.push('--artifact', at(artifact));
  if (c.trustedRoot) argv.push('--trusted-root', at(c.trustedRoot));
  if (typeof p.sourceRepo === 'string') argv.push('--source-repo', p.sourceRepo);
  for (const id of (p.builderIds as string[] | undefined) ?? []) argv.push('--builder-id', id);
  if (typeof p.tag === 'string') argv.push('--tag', p.tag);
  if (typeof p.commit === 'string') argv.push('--commit', p.commit);
  if (p.allowSlsaV02 === true) argv.push('--allow-slsa-v0.2');
  if (typeof p.certIdentity === 'string') argv.push('--cert-identity', p.certIdentity);
  if (typeof p.certIdentityRegexp === 'string') argv.push('--cert-identity-regexp', p.certIdentityRegexp);
  if (typeof p.certOidcIssuer === 'string') argv.push('--cert-oidc-issuer', p.certOidcIssuer);
  if (p.offline === true) argv.push('--offline');
  if (p.skipSignature === true) argv.push('--skip-signature');
  argv.push('--format', 'json');
  return argv;
}

const cases: VectorCase[] = present
  ? (JSON.parse(fs.readFileSync(vectorPath('expected.json'), 'utf8')) as { cases: VectorCase[] }).cases
  : [];

/**
 * Cases where release-guard deliberately refuses what the vector's upstream accepted, each with the
 * reason. Sigstore's shared conformance suite requires these refusals.
 */
const DIVERGENCES: Record<string, { expect: VectorCase['expect']; why: string }> = {
  'sigstore-js-bundleV01-full-cert-chain': {
    expect: { verified: false, failureReason: 'signature_invalid', failingChecks: ['signature'] },
    why: 'its certificate chain carries the root certificate: roots come from the trusted root only',
  },
};

describeWithVectors('third-party vectors through the CLI', () => {
  it('has the 72 cases of expected.json', () => {
    expect(cases).toHaveLength(72);
  });

  it.each(
    cases.map((c) => [c.id, DIVERGENCES[c.id] ? { ...c, expect: DIVERGENCES[c.id].expect } : c] as const),
  )('%s', async (_id, c) => {
    const result = await runCli(argvFor(c));
    expect(result.stderr).not.toMatch(/internal error|at .+\(.+:\d+:\d+\)/);
    const report = JSON.parse(result.stdout) as {
      verified: boolean;
      failure_reason: string | null;
      checks: Array<{ name: string; ok: boolean }>;
    };
    expect({ verified: report.verified, code: result.code }).toEqual({
      verified: c.expect.verified,
      code: c.expect.verified ? 0 : 1,
    });
    if (c.expect.failureReasonAnyOf) expect(c.expect.failureReasonAnyOf).toContain(report.failure_reason);
    else expect(report.failure_reason).toBe(c.expect.failureReason ?? null);
    const failing = report.checks.filter((check) => !check.ok).map((check) => check.name);
    for (const name of c.expect.failingChecks ?? []) expect(failing).toContain(name);
  });
});
