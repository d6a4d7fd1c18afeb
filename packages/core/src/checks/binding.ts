import { normaliseRepo, type ProvenanceView } from '../attestation/provenance';
import type { FulcioIdentity } from '../sigstore/certificate';
import { failed, notEvaluated, passed, skippedByRequest, type Check } from './check';
import { SIGNATURE_INVALID, SKIPPED_BY_FLAG, type SignerState } from './signer';

/** slsa-github-generator's BYOB delegators sign for the builder named in the predicate. */
const TRUSTED_DELEGATOR =
  /^https:\/\/github\.com\/slsa-framework\/slsa-github-generator\/\.github\/workflows\/delegator_(generic|lowperms-generic)_slsa3\.yml@refs\/tags\/v\d+\.\d+\.\d+$/;
/** The builder ids GitHub's own attestations use; the signer is then the workflow itself. */
const RUNNER_BUILDERS: Record<string, string> = {
  'https://github.com/actions/runner/github-hosted': 'github-hosted',
  'https://github.com/actions/runner/self-hosted': 'self-hosted',
};

function bindBuilder(view: ProvenanceView, cert: FulcioIdentity): Check {
  const name = 'builder_id_certificate';
  const actual = view.builderId;
  const runner = actual ? RUNNER_BUILDERS[actual] : undefined;
  if (runner) {
    if (cert.runnerEnvironment === null) {
      return passed(
        name,
        'builder_mismatch',
        runner,
        null,
        'certificate predates the runner-environment extension; signer bound by source checks',
      );
    }
    return cert.runnerEnvironment === runner
      ? passed(
          name,
          'builder_mismatch',
          runner,
          cert.runnerEnvironment,
          'runner environment in the certificate matches the builder',
        )
      : failed(
          name,
          'builder_mismatch',
          runner,
          cert.runnerEnvironment,
          'the certificate says the build ran on another kind of runner',
        );
  }
  if (cert.san && TRUSTED_DELEGATOR.test(cert.san)) {
    return passed(
      name,
      'builder_mismatch',
      actual,
      cert.san,
      'signed by the SLSA BYOB delegator on behalf of this builder',
    );
  }
  return actual !== null && cert.san === actual
    ? passed(
        name,
        'builder_mismatch',
        actual,
        cert.san,
        'the certificate was issued to the builder the provenance names',
      )
    : failed(
        name,
        'builder_mismatch',
        actual,
        cert.san,
        'the provenance claims a builder that did not sign it',
      );
}

function bindValue(
  name: string,
  code: Check['code'],
  claimed: string | null,
  certified: string | null,
  what: string,
): Check {
  if (claimed === null)
    return notEvaluated(
      name,
      code,
      `not evaluated: the provenance names no ${what}, so no certificate can back it`,
      null,
      certified,
    );
  if (certified === null)
    return failed(
      name,
      code,
      claimed,
      null,
      `the certificate carries no ${what}: it was not issued to a GitHub Actions workflow`,
    );
  return claimed === certified
    ? passed(name, code, claimed, certified, `${what} in the provenance matches the certificate`)
    : failed(name, code, claimed, certified, `${what} in the provenance differs from the certificate`);
}

/**
 * A valid signature over lying provenance is still a forgery: each claim the checks
 * rely on is compared with what Fulcio certified about the signing workflow.
 */
export function checkCertificateBinding(view: ProvenanceView | null, signer: SignerState): Check[] {
  const names: Array<[string, Check['code']]> = [
    ['builder_id_certificate', 'builder_mismatch'],
    ['source_repo_certificate', 'source_mismatch'],
    ['ref_certificate', 'tag_mismatch'],
    ['commit_certificate', 'commit_mismatch'],
  ];
  if (signer.kind === 'skipped')
    return names.map(([name, code]) => skippedByRequest(name, code, SKIPPED_BY_FLAG));
  if (signer.kind === 'key') {
    // The user chose to trust whoever holds the key: there is no certificate to compare claims with.
    return names.map(([name, code]) =>
      skippedByRequest(name, code, 'not applicable: signed with --key, no certificate describes the signer'),
    );
  }
  if (signer.kind === 'invalid' || view === null)
    return names.map(([name, code]) => notEvaluated(name, code, SIGNATURE_INVALID));
  if (view.slsaVersion === null) {
    return names.map(([name, code]) => notEvaluated(name, code, 'not evaluated: not SLSA provenance'));
  }
  const cert = signer.identity;
  return [
    bindBuilder(view, cert),
    bindValue(
      'source_repo_certificate',
      'source_mismatch',
      view.sourceRepo,
      cert.sourceRepositoryURI ? normaliseRepo(cert.sourceRepositoryURI) : null,
      'source repository',
    ),
    bindValue('ref_certificate', 'tag_mismatch', view.ref, cert.sourceRepositoryRef, 'source ref'),
    bindValue(
      'commit_certificate',
      'commit_mismatch',
      view.commit,
      cert.sourceRepositoryDigest,
      'source commit',
    ),
  ];
}
