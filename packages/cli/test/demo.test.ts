import { runCli } from './run-cli';

describe('release-guard demo', () => {
  it('runs the whole chain on the sample release with every verdict as expected', async () => {
    const result = await runCli(['demo']);
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
    expect(result.stdout).not.toContain('ghs_demoToken');
    expect(result.code).toBe(0);
  }, 120_000);
});
