import { runCli } from './run-cli';

describe('release-guard demo', () => {
  it('runs the whole chain on the sample release with every verdict as expected', async () => {
    const result = await runCli(['demo']);
    expect(result.stdout).toContain('demo: every verdict was as expected');
    expect(result.stdout).toMatch(/run \d+: FAILED \(digest_mismatch\)/);
    expect(result.stdout).not.toContain('ghs_demoToken');
    expect(result.code).toBe(0);
  }, 120_000);
});
