import { dirname, relative } from 'node:path';
import corePackage from '../../package.json';
import { isFailureCode, type ReleaseGuardError } from '../errors';
import { assertActionNotFrozen } from '../freeze/gate';
import { createGitHubClient } from '../github/client';
import { attachReleaseAssets } from '../github/release-assets';
import { recordActionControl } from '../manifest/action-control';
import type { ControlOutcome } from '../manifest/controls';
import { tagFileName } from '../text/tag-file-name';
import { uploadEvidenceArtifact, type UploadedArtifact } from './artifact-upload';
import { renderArchiveSummary } from './archive-summary';
import { checkEvidenceArchiveInputs, type EvidenceArchiveInputs } from './inputs';
import { runEvidence, type EvidenceOutcome } from './run-evidence';

/** What became of the release's evidence: judged, uploaded, attached (or why not). */
export interface EvidenceArchiveResult {
  evidence: EvidenceOutcome;
  /** Workspace-relative paths, for the outputs. */
  bundlePath: string;
  manifestPath: string;
  artifact: UploadedArtifact | null;
  /** Names of the release assets attached; null when nothing was attached. */
  attached: string[] | null;
  /** Why nothing was attached: `attach` false, or the freeze's refusal. */
  notAttached: string | null;
  /** Whether the freeze refused the attachment (the artifact was uploaded all the same). */
  frozen: boolean;
  /** A failure of the upload or the attachment (the evaluation's own result is in `evidence`). */
  failure: ReleaseGuardError | null;
  /** What was recorded as `controls.evidence` in the release manifest, or why not. */
  controlNote: string;
  summary: string;
}

/** `evidence-<tag>-<attempt>`: a re-run (a new attempt) never meets the 409 of the first one's name. */
export function evidenceArtifactName(tag: string, runAttempt: string): string {
  return `evidence-${tagFileName(tag)}-${runAttempt}`;
}

/**
 * `controls.evidence`, the only place the posture reads the evidence status from: the policy's
 * verdict, or fail when the evidence could not be archived.
 */
function evidenceControl(evidence: EvidenceOutcome, failure: ReleaseGuardError | null): ControlOutcome {
  const { manifest } = evidence;
  if (failure !== null)
    return {
      status: 'fail',
      failureReason: isFailureCode(failure.code) ? failure.code : 'evidence_fail',
      detail: `not archived: ${failure.message}`,
    };
  const findings = manifest.evaluations
    .filter((e) => e.result !== 'pass')
    .map((e) => `${e.rule} ${e.result}`);
  return {
    status: manifest.result,
    failureReason: manifest.result === 'pass' ? null : `evidence_${manifest.result}`,
    detail: `${manifest.result} by the policy (${findings.join(', ') || 'every rule passed'})`,
  };
}

/**
 * evidence-archive: collect and judge the evidence in the workspace (secrets left out before
 * anything is written), upload the bundle and its manifest as a workflow artifact (never refused by
 * the freeze: it publishes nothing), then, with `attach` and unless the release is frozen, attach
 * both to the release's draft.
 */
export async function evidenceArchive(inputs: EvidenceArchiveInputs): Promise<EvidenceArchiveResult> {
  checkEvidenceArchiveInputs(inputs);
  const tag = inputs.tag as string;
  const evidence = await runEvidence({
    tag,
    workspace: inputs.workspace,
    policy: inputs.policy,
    junit: inputs.junit,
    coverage: inputs.coverage,
    sbom: inputs.sbom,
    vulns: inputs.vulns,
    kev: inputs.kev,
    epss: inputs.epss,
    images: inputs.images,
    artifacts: inputs.artifacts,
    policyLogs: inputs.policyLogs,
    provenanceReport: inputs.provenanceReport,
    signatures: inputs.signatures,
    toolVersion: corePackage.version,
    env: process.env,
  });
  let failure: ReleaseGuardError | null = null;
  let artifact: UploadedArtifact | null = null;
  const root = dirname(evidence.bundlePath);
  try {
    artifact = await uploadEvidenceArtifact(
      evidenceArtifactName(tag, inputs.runAttempt),
      [evidence.bundlePath, evidence.manifestPath],
      root,
    );
  } catch (error) {
    failure = error as ReleaseGuardError;
  }
  let attached: string[] | null = null;
  let notAttached: string | null = inputs.attach ? null : '`attach` is false';
  let frozen = false;
  let github: ReturnType<typeof createGitHubClient> | undefined;
  const client = () =>
    (github ??= createGitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl, retries: 2 }));
  if (inputs.attach && failure === null) {
    try {
      await assertActionNotFrozen(inputs, client(), { action: 'evidence-archive', tag });
      const [owner, repo] = inputs.repository.split('/');
      const result = await attachReleaseAssets(client(), { owner, repo, tag }, [
        { path: evidence.bundlePath, contentType: 'application/gzip' },
        {
          path: evidence.manifestPath,
          name: `evidence-${tagFileName(tag)}.yaml`,
          contentType: 'application/yaml',
        },
      ]);
      attached = result.assets.map((asset) => asset.name);
    } catch (error) {
      const refusal = error as ReleaseGuardError;
      if (refusal.code === 'release_frozen') {
        frozen = true;
        notAttached = refusal.message;
      } else failure = refusal;
    }
  }
  const relativePath = (path: string) => relative(inputs.workspace, path).split('\\').join('/');
  const recorded = await recordActionControl(inputs, client, 'evidence', evidenceControl(evidence, failure));
  const result = {
    evidence,
    bundlePath: relativePath(evidence.bundlePath),
    manifestPath: relativePath(evidence.manifestPath),
    artifact,
    attached,
    notAttached,
    frozen,
    failure,
    controlNote: recorded.note,
  };
  return { ...result, summary: `${renderArchiveSummary(result, inputs).trimEnd()}\n\n${recorded.note}\n` };
}
