import { dirname, relative } from 'node:path';
import corePackage from '../../package.json';
import type { ReleaseGuardError } from '../errors';
import { assertActionNotFrozen } from '../freeze/gate';
import { createGitHubClient } from '../github/client';
import { attachReleaseAssets } from '../github/release-assets';
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
  summary: string;
}

/** `evidence-<tag>-<attempt>`: a re-run (a new attempt) never meets the 409 of the first one's name. */
export function evidenceArtifactName(tag: string, runAttempt: string): string {
  return `evidence-${tagFileName(tag)}-${runAttempt}`;
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
  if (inputs.attach && failure === null) {
    const client = createGitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl, retries: 2 });
    try {
      await assertActionNotFrozen(inputs, client, { action: 'evidence-archive', tag });
      const [owner, repo] = inputs.repository.split('/');
      const result = await attachReleaseAssets(client, { owner, repo, tag }, [
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
  const result = {
    evidence,
    bundlePath: relativePath(evidence.bundlePath),
    manifestPath: relativePath(evidence.manifestPath),
    artifact,
    attached,
    notAttached,
    frozen,
    failure,
  };
  return { ...result, summary: renderArchiveSummary(result, inputs) };
}
