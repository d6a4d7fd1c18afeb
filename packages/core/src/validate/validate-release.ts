import path from 'node:path';
import { ReleaseGuardError, type FailureCode } from '../errors';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { openActionManifestStore } from '../manifest/action-store';
import { controlRecord, manifestProvenanceSummary } from '../manifest/controls';
import { ManifestRecorder } from '../manifest/recorder';
import type { ManifestEntry, ManifestEntryChanges } from '../manifest/types';
import type { ManifestUpdateMetrics } from '../manifest/update';
import { postKpi, type KpiResult } from '../kpi/post-kpi';
import { renderVerifyMarkdown } from '../report/verify-markdown';
import { writeFileAtomic } from '../report/write-file-atomic';
import { inputFailureReport, type VerifyReport } from '../verify/report';
import { verifyProvenance } from '../verify/verify-provenance';
import { checkValidateInputs, type ValidateReleaseInputs } from './inputs';
import { gatherFiles, type GatheredFiles } from './gather-files';
import { markdownCell } from '../text/markdown';

export interface ValidateManifestOutcome {
  location: string;
  entry: ManifestEntry | null;
  /** Why the entry was not written as asked (an illegal transition, a lost race, an unreadable file). */
  problem: string | null;
  metrics: ManifestUpdateMetrics | null;
}

export interface ValidateReleaseResult {
  report: VerifyReport;
  reportPath: string;
  summary: string;
  manifest: ValidateManifestOutcome;
  kpi: KpiResult | null;
  downloads: GatheredFiles['downloads'];
  metrics: Record<string, number | boolean>;
}

export interface ValidateReleaseDeps {
  /** A GitHub client (tests point it at the loopback server); built from the inputs otherwise. */
  client?: GitHubClient;
  now?: () => Date;
}

/** The verdict as the manifest records it: success, or failure with its reason and a re-queue. */
async function recordInManifest(
  inputs: ValidateReleaseInputs,
  report: VerifyReport,
  recorder: ManifestRecorder,
): Promise<ValidateManifestOutcome> {
  const artifactUrl =
    inputs.artifactUrl ?? `${inputs.serverUrl}/${inputs.repository}/actions/runs/${inputs.runId}`;
  const set: ManifestEntryChanges = report.verified
    ? { status: 'success', failure_reason: null, requeue: false, artifact_url: artifactUrl }
    : { status: 'failure', failure_reason: report.failure_reason, requeue: true, artifact_url: artifactUrl };
  if (report.governance_flags.includes('security-backcompat')) set.governance_flag = 'security-backcompat';
  const runUrl = `${inputs.serverUrl}/${inputs.repository}/actions/runs/${inputs.runId}`;
  set.controls = {
    provenance: controlRecord(
      {
        status: report.verified ? 'pass' : 'fail',
        failureReason: report.failure_reason,
        runUrl,
        detail: verifyDetail(report),
      },
      recorder.now().toISOString(),
    ),
  };
  if (report.provenance !== null || report.signer !== null) {
    set.provenance_summary = manifestProvenanceSummary({
      builder_id: report.provenance?.builderId,
      source_repo: report.provenance?.sourceRepo,
      workflow_path: report.provenance?.workflow,
      commit: report.provenance?.commit,
      signer_san: report.signer?.san,
    });
  }
  const note = report.verified
    ? 'provenance verified'
    : `provenance validation failed: ${report.failure_reason}`;
  // An entry further along (a re-run in progress) keeps its status: recover records the outcome.
  const result = await recorder.record(set, note, { keepStatus: true });
  return {
    location: recorder.location,
    entry: result.entry,
    problem: result.problem,
    metrics: result.entry ? recorder.metrics : null,
  };
}

/** The control record's detail: what stopped the verification, or the failed checks, or the checks that passed. */
function verifyDetail(report: VerifyReport): string {
  if (report.error) return report.error;
  const failed = report.checks.filter((check) => check.status === 'fail');
  if (failed.length > 0) return failed.map((check) => `${check.name}: ${check.detail}`).join('; ');
  return `${report.checks.filter((check) => check.status === 'pass').length} checks passed`;
}

function summaryOf(result: Omit<ValidateReleaseResult, 'summary'>, inputs: ValidateReleaseInputs): string {
  const lines = [
    renderVerifyMarkdown(
      result.report,
      `provenance-validate ${markdownCell(inputs.tag)} (run ${inputs.runId})`,
    ),
  ];
  const entry = result.manifest.entry;
  lines.push(
    entry
      ? `Manifest: entry ${markdownCell(entry.tag)} / ${entry.run_id} is now \`${entry.status}\` in ${markdownCell(result.manifest.location)}.`
      : `Manifest: **not written** (${markdownCell(result.manifest.problem)}).`,
  );
  if (result.manifest.entry && result.manifest.problem)
    lines.push(`Manifest note: ${markdownCell(result.manifest.problem)}`);
  if (result.kpi) {
    lines.push(
      result.kpi.delivered
        ? 'KPI: recorded.'
        : `KPI: not recorded (${markdownCell(result.kpi.error)}); the job does not fail for it.`,
    );
  }
  lines.push(`Report: ${markdownCell(result.reportPath)}`, '');
  return lines.join('\n\n');
}

/**
 * provenance-validate: fetch (or find) the artifacts and provenance of a release run, verify them,
 * record the verdict in the release manifest, post the KPI record and write the JSON report.
 * Throws ReleaseGuardError('usage_error') for unusable inputs; every other problem is in the result.
 */
export async function validateRelease(
  inputs: ValidateReleaseInputs,
  deps: ValidateReleaseDeps = {},
): Promise<ValidateReleaseResult> {
  checkValidateInputs(inputs);
  const now = deps.now ?? (() => new Date());
  let client = deps.client;
  const github = () => (client ??= createGitHubClient({ token: inputs.githubToken, retries: 0 }));

  let report: VerifyReport;
  let downloads: GatheredFiles['downloads'] = [];
  try {
    const files = await gatherFiles(inputs, github);
    downloads = files.downloads;
    report = await verifyProvenance({
      provenance: files.provenance,
      artifacts: files.artifacts,
      sourceRepo: inputs.sourceRepo,
      tag: inputs.tag,
      builderIds: inputs.builderIds,
      allowSlsaV02: inputs.allowSlsaV02,
      identity: inputs.identity,
      trustedRoot: inputs.trustedRoot,
      skipSignature: false,
    });
  } catch (error) {
    if (!(error instanceof ReleaseGuardError) || error.exitCode === 2) throw error;
    report = inputFailureReport(error.code as FailureCode, error.message);
  }

  const recorder = new ManifestRecorder(
    openActionManifestStore(inputs, github),
    { tag: inputs.tag, runId: inputs.runId, actor: inputs.actor },
    now,
  );
  const manifest = await recordInManifest(inputs, report, recorder);
  const verifiedAt = manifest.entry?.verified_at ?? now().toISOString();
  const metrics: Record<string, number | boolean> = {
    'security_ci.predicate_validation_pass_rate': report.verified ? 1 : 0,
    ...(manifest.metrics ?? {}),
  };
  let kpi: KpiResult | null = null;
  if (inputs.kpiUrl && inputs.kpiToken) {
    kpi = await postKpi(
      {
        tag: inputs.tag,
        run_id: inputs.runId,
        status: report.verified ? 'success' : 'failure',
        ...(report.verified
          ? { verified_at: verifiedAt }
          : { failure_reason: report.failure_reason as FailureCode }),
        metrics,
      },
      { url: inputs.kpiUrl, token: inputs.kpiToken },
    );
    metrics['security_ci.kpi_ingest_success'] = kpi.delivered;
  }
  const reportPath = path.resolve(
    inputs.workspace,
    inputs.reportPath ?? path.join(inputs.tempDir, `provenance-validate-${inputs.runId}.json`),
  );
  const partial = { report, reportPath, manifest, kpi, downloads, metrics };
  await writeFileAtomic(
    reportPath,
    `${JSON.stringify({ tag: inputs.tag, run_id: inputs.runId, ...report, metrics, manifest: { location: manifest.location, problem: manifest.problem, status: manifest.entry?.status ?? null }, kpi, downloads }, null, 2)}\n`,
  );
  return { ...partial, summary: summaryOf(partial, inputs) };
}
