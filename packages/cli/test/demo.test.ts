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
    expect(result.stdout).toMatch(/run 1: pass: 8 rules, 7 items in evidence-v2\.0\.0\.tar\.gz/);
    expect(result.stdout).toContain('FAIL coverage: expected line coverage >= 70 %; actual 65 %');
    expect(result.stdout).toContain(
      'FAIL kev: expected no finding listed in the KEV catalog; actual KEV-listed: CVE-2021-44228',
    );
    expect(result.stdout).not.toContain('ghs_demoToken');
    expect(result.code).toBe(0);
  }, 120_000);
});
