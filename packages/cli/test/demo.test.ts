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
    expect(result.stdout).not.toContain('ghs_demoToken');
    expect(result.code).toBe(0);
  }, 120_000);
});
