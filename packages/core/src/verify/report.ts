import type { FailureCode } from '../errors';
import type { Check } from '../checks/check';
import type { ProvenanceView } from '../attestation/provenance';
import type { ExcludedFile } from './artifacts';

/** The JSON report of `verify` (the shape the spec's CLI contract fixes; extra fields only add). */
export interface VerifyReport {
  verified: boolean;
  failure_reason: FailureCode | null;
  /**
   * True only when a signature was verified; false under `--skip-signature` (a passing report then says
   * what the payload claims, not who vouches for it) and whenever the signature failed.
   */
  authenticated: boolean;
  /** What went wrong before any check could run (a missing file, unreadable provenance). */
  error: string | null;
  checks: Check[];
  artifacts: Array<{ path: string; sha256: string; sha512?: string; subject: string | null }>;
  /** With `--artifacts-dir`: each entry of the folder that was not verified, and why. */
  excluded?: ExcludedFile[];
  provenance: {
    predicateType: string | null;
    builderId: string | null;
    sourceRepo: string | null;
    ref: string | null;
    commit: string | null;
    workflow: string | null;
    runId: string | null;
  } | null;
  /**
   * `security-backcompat` when SLSA v0.2 passed under the governance override; `unauthenticated` under
   * `--skip-signature`; `no-tlog` when a key signature passed without a log entry.
   */
  governance_flags: string[];
  attestation: { where: string; format: string; mediaType: string; count: number } | null;
  signer: {
    san: string | null;
    issuer: string | null;
    /** `sha256:` fingerprint of the `--key` that signed, for key signatures. */
    key: string | null;
    trustedRoot: string | null;
  } | null;
}

export function provenanceSummary(view: ProvenanceView): NonNullable<VerifyReport['provenance']> {
  return {
    predicateType: view.predicateType,
    builderId: view.builderId,
    sourceRepo: view.sourceRepo,
    ref: view.ref,
    commit: view.commit,
    workflow: view.workflow,
    runId: view.runId,
  };
}

/** A report for a verification that stopped before its checks (missing or unreadable input; null: unusable input, exit 2). */
export function inputFailureReport(code: FailureCode | null, message: string): VerifyReport {
  return {
    verified: false,
    failure_reason: code,
    authenticated: false,
    error: message,
    checks: [],
    artifacts: [],
    provenance: null,
    governance_flags: [],
    attestation: null,
    signer: null,
  };
}
