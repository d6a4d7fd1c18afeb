import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runEvidence, type EvidenceOutcome } from '@release-guard/core/evidence/run-evidence';
import cliPackage from '../../package.json';
import { KEV_CVE, writeEvidenceSamples } from './evidence-samples';
import type { DemoStage } from './stage';

const TAG = 'v2.0.0';

function failing(outcome: EvidenceOutcome): string[] {
  return outcome.manifest.evaluations
    .filter((evaluation) => evaluation.result === 'fail')
    .map(
      (evaluation) =>
        `  FAIL ${evaluation.rule}: expected ${evaluation.expected}; actual ${evaluation.actual}`,
    );
}

async function twoRuns(log: (line: string) => void, workspace: string): Promise<boolean> {
  const env = { SOURCE_DATE_EPOCH: '1764547200' };
  const common = { tag: TAG, workspace, toolVersion: cliPackage.version, env };
  const low = [{ id: 'GHSA-demo-low0-0001', severity: 'Low', name: 'semver' }];
  const good = await runEvidence({
    ...common,
    ...writeEvidenceSamples(workspace, { covered: 86, findings: low }),
  });
  const { manifest } = good;
  log(
    `run 1: ${manifest.result}: ${manifest.evaluations.length} rules, ${manifest.items.length} items in ` +
      `${path.basename(good.bundlePath)} (sha256 ${manifest.bundle_sha256.slice(0, 12)}…)`,
  );
  const log4shell = [...low, { id: KEV_CVE, severity: 'Critical', name: 'log4js-demo' }];
  const bad = await runEvidence({
    ...common,
    outDir: 'second-run',
    ...writeEvidenceSamples(workspace, { covered: 65, findings: log4shell }),
  });
  log(
    `run 2 (65 % coverage, ${KEV_CVE} in the scan): ${bad.manifest.result} (evidence_${bad.manifest.result})`,
  );
  for (const line of failing(bad)) log(line);
  const failed = new Set(bad.manifest.evaluations.filter((e) => e.result === 'fail').map((e) => e.rule));
  const ok =
    manifest.result === 'pass' &&
    bad.manifest.result === 'fail' &&
    failed.has('coverage') &&
    failed.has('kev');
  log(
    ok
      ? 'expected: the first passes; the second fails on coverage and KEV, so promotion halts'
      : 'UNEXPECTED verdicts',
  );
  return ok;
}

/** evidence-archive: the sample release's evidence passes; a run with 65 % coverage and a KEV-listed CVE fails. */
export function evidenceStage(): DemoStage {
  return {
    title: 'evidence: the release evidence passes the policy; 65 % coverage and a KEV-listed CVE fail',
    run: async (log) => {
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-evidence-'));
      try {
        return await twoRuns(log, workspace);
      } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
      }
    },
  };
}
