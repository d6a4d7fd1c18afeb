import fs from 'node:fs';
import path from 'node:path';
import {
  applyManifestEntryUpdate,
  emptyManifest,
  serializeManifest,
  type ControlRecord,
  type Manifest,
  type ManifestEntryChanges,
  type ProvenanceSummary,
} from '@release-guard/core';

const DAY = 86_400_000;
/** A date-time `days` before now: the fixtures stay as old as they are whenever the tests run. */
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

export const control = (
  status: ControlRecord['status'],
  at: string,
  extra: Partial<ControlRecord> = {},
): ControlRecord => ({
  status,
  failure_reason: null,
  at,
  run_url: 'https://github.com/acme/widgets/actions/runs/1',
  detail: null,
  ...extra,
});

export const summary = (builder: string, workflow = '.github/workflows/release.yml'): ProvenanceSummary => ({
  builder_id: builder,
  source_repo: 'git+https://github.com/acme/widgets',
  workflow_path: workflow,
  commit: 'a'.repeat(40),
  signer_san: 'https://github.com/acme/widgets/.github/workflows/release.yml@refs/heads/main',
});

type Step = { tag: string; runId: string; at: string; set: ManifestEntryChanges; note?: string };

export function buildManifest(steps: Step[]): Manifest {
  return steps.reduce(
    (manifest, step) =>
      applyManifestEntryUpdate(
        manifest,
        { tag: step.tag, runId: step.runId, set: step.set, actor: 'ci', note: step.note ?? null },
        step.at,
      ).manifest,
    emptyManifest(),
  );
}

/**
 * Two releases (v1.0.0 all green; v1.1.0 with provenance failed digest_mismatch, issue #7, and a
 * builder that changed) and a drill 5 days ago, plus `tag`/`detail` to plant hostile text.
 */
export function drifted(options: { tag?: string; detail?: string } = {}): Manifest {
  const tag = options.tag ?? 'v1.1.0';
  const first = daysAgo(20);
  const second = daysAgo(10);
  return buildManifest([
    {
      tag: 'v1.0.0',
      runId: '100',
      at: first,
      set: {
        status: 'success',
        controls: {
          provenance: control('pass', first),
          signature: control('pass', first),
          repro: control('pass', first),
          evidence: control('pass', first),
        },
        provenance_summary: summary('https://github.com/slsa-framework/builder@v1'),
      },
    },
    {
      tag,
      runId: '200',
      at: second,
      set: {
        status: 'failure',
        failure_reason: 'digest_mismatch',
        issue_number: 7,
        controls: {
          provenance: control('fail', second, {
            failure_reason: 'digest_mismatch',
            detail: options.detail ?? 'subject_digest: sha256 differs',
          }),
          signature: control('pass', second),
        },
        provenance_summary: summary('https://github.com/evil/builder@v9'),
      },
      note: options.detail ?? 'provenance validation failed',
    },
    {
      tag: `drill-${daysAgo(5).slice(0, 10)}`,
      runId: '300',
      at: daysAgo(5),
      set: { status: 'success', governance_flag: 'drill', controls: { drill: control('pass', daysAgo(5)) } },
    },
  ]);
}

export function writeJson(file: string, manifest: Manifest): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, serializeManifest(manifest));
  return file;
}
