import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireOrSkip } from '@release-guard/testkit';
import { demoVectorsDir } from '../src/demo/project-root';
import { runDemo } from '../src/demo/run-demo';
import { skipStage, type DemoStage } from '../src/demo/stage';
import { demoStages } from '../src/demo/stages';
import { runCli } from './run-cli';

const lines = (text: string) => text.trimEnd().split('\n');

describe('release-guard demo', () => {
  it('runs the whole chain on the sample release with every verdict as expected (--verbose)', async () => {
    const result = await runCli(['demo', '--verbose']);
    expect(result.stdout).toContain('demo: every verdict was as expected');
    expect(result.stdout).toMatch(/run \d+: FAILED \(digest_mismatch\)/);
    expect(result.stdout).toMatch(
      /notify #1: fallback issue #(\d+) filed[\s\S]*notify #2: issue #\1 is already recorded/,
    );
    expect(result.stdout).toMatch(/=> rerun-succeeded: re-run attempt 2 of run \d+ succeeded/);
    expect(result.stdout).toMatch(/=> denied: rerun_denied: .* must create tag "v1\.9\.0-retry"/);
    expect(result.stdout).toMatch(
      /while frozen => frozen: release_frozen: re-running run \d+ of v2\.1\.0 refused/,
    );
    expect(result.stdout).toMatch(/after the lift => rerun-succeeded/);
    expect(result.stdout).toMatch(/--key release\.pub: PASS \(3 files match the signed checksums\)/);
    expect(result.stdout).toMatch(
      /after tampering with widgets-2\.0\.0\.zip: FAIL \(digest_mismatch\): widgets-2\.0\.0\.zip/,
    );
    expect(result.stdout).toContain('build-2: reproducible, 2 files compared');
    expect(result.stdout).toMatch(
      /build-3: NOT reproducible \(repro_mismatch\)[\s\S]*content widgets-2\.0\.0\.tgz → package\/index\.js/,
    );
    expect(result.stdout).toContain('freeze: ON (repro mismatch for v2.0.0: 1 file differs)');
    expect(result.stdout).toContain('freeze lifted at the end of the demo: off');
    expect(result.stdout).toMatch(
      /recover v2\.0\.1 run \d+ \(cancelled; no validation recorded it\)[^\n]*\n {2}=> rerun-succeeded/,
    );
    expect(result.stdout).toContain(
      'first history note: recorded by provenance-recover: no validation had recorded this run; run concluded cancelled',
    );
    expect(result.stdout).toMatch(
      /notify #3 \(run \d+\): Slack not reached; issue refused \(403: the token lacks issues: write\); ops summary posted, naming ops-team => notified=ops-summary \(notify_failed\)/,
    );
    expect(result.stdout).toMatch(
      /manifest: escalated_at \d{4}-[^,]+, note "escalated to ops summary: issue creation failed: …"/,
    );
    expect(result.stdout).toMatch(/run 1: pass: 8 rules, 7 items in evidence-v2\.0\.0\.tar\.gz/);
    expect(result.stdout).toContain('FAIL coverage: expected line coverage >= 70 %; actual 65 %');
    expect(result.stdout).toContain(
      'FAIL kev: expected no finding listed in the KEV catalog; actual KEV-listed: CVE-2021-44228',
    );
    expect(result.stdout).toMatch(/verify: pass: .*the altered one fails with digest_mismatch/);
    expect(result.stdout).toMatch(
      /draft v2\.2\.0: release \d+ \(draft: true\), attached widgets-2\.2\.0\.tgz\npublish with evidence not recorded => evidence_fail\npublish after evidence recorded pass => published/,
    );
    expect(result.stdout).toContain('Slack received 1 message(s); the planted token reads ***');
    expect(result.stdout).toMatch(
      /manifest: drill-\d{4}-\d{2}-\d{2} run 31415, governance_flag drill, status success/,
    );
    expect(result.stdout).toContain('## Release posture: posture: v2.0.0 provenance digest\\_mismatch');
    expect(result.stdout).not.toContain('ghs_demoToken');
    expect(result.stdout).toMatch(/^STAGE +WHAT IT SHOWED +VERDICT$/m);
    expect(result.code).toBe(0);
  }, 120_000);

  it('is short without --verbose: each stage’s conclusion, then the table, under 60 lines', async () => {
    const result = await runCli([
      'demo',
      '--vectors-dir',
      fs.mkdtempSync(path.join(os.tmpdir(), 'rg-novec-')),
    ]);
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out.length).toBeLessThan(60);
    // The vectors are absent: that stage says so on its own line, and the closing line does not claim it.
    expect(out).toContainEqual(expect.stringMatching(/^skipped: the third-party vectors are not at /));
    expect(out).toContainEqual(expect.stringMatching(/^1\. verify +a real release .* +skipped$/));
    expect(out).toContainEqual(expect.stringMatching(/^2\. provenance-validate +.* +as expected$/));
    // The posture verdict of the sample releases, and where its pages are; the Markdown only with --verbose.
    expect(out).toContainEqual(
      expect.stringMatching(
        /^expected: posture: v2\.0\.0 provenance digest_mismatch \(exit 1\); see \S+posture\.md and \S+posture\.html$/,
      ),
    );
    expect(result.stdout).not.toContain('## Release posture');
    expect(result.stdout).not.toContain('every verdict was as expected');
    const stages = demoStages('').length;
    expect(out[out.length - 1]).toMatch(
      new RegExp(`^demo: ${stages - 1} of ${stages} stages ran, each as expected; 1 skipped`),
    );
    expect(result.stdout).not.toContain('[pass]');
  }, 120_000);

  // What a newcomer's clone has: ../shared/vectors beside the project (RG_VECTORS_DIR may point elsewhere).
  const besideProject = demoVectorsDir(os.tmpdir(), undefined, {});
  requireOrSkip(
    fs.existsSync(path.join(besideProject, 'expected.json')),
    `the third-party vectors are not beside the project at ${besideProject}`,
  ).it(
    'finds the vectors beside the project, whatever the current folder',
    async () => {
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-cwd-'));
      const env = { ...process.env };
      delete env.RG_VECTORS_DIR;
      const result = await runCli(['demo'], elsewhere, env);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain('skipped');
      expect(lines(result.stdout)).toContainEqual(expect.stringMatching(/^1\. verify +.* +as expected$/));
      expect(result.stdout).toContain('demo: every verdict was as expected');
    },
    120_000,
  );
});

describe('runDemo', () => {
  const stage = (title: string, run: DemoStage['run']): DemoStage => ({ title, run });

  it('never reads a skipped or broken stage as expected, and says which', async () => {
    const out: string[] = [];
    const ok = await runDemo(
      [
        stage('one: passes', async (log) => (log('detail'), log('expected: it passed'), true)),
        stage('two: cannot run', async () => skipStage('no tool here')),
        stage('three: breaks', async () => {
          throw new Error('boom');
        }),
      ],
      (line) => out.push(line),
    );
    expect(ok).toBe(false);
    const text = out.join('\n');
    expect(text).toContain('expected: it passed');
    expect(text).not.toContain('detail');
    expect(text).toContain('skipped: no tool here');
    expect(text).toContain('UNEXPECTED ERROR: boom');
    expect(text).toMatch(/^1\. one +passes +as expected$/m);
    expect(text).toMatch(/^2\. two +cannot run +skipped$/m);
    expect(text).toMatch(/^3\. three +breaks +NOT AS EXPECTED$/m);
    expect(text).toMatch(/demo: SOME VERDICTS WERE NOT AS EXPECTED \(1 of 3 stages\)/);
  });
});
