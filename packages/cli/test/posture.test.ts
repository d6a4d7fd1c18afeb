import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGitHubServer, type GitHubTestServer } from '@release-guard/testkit';
import { buildManifest, control, daysAgo, drifted, writeJson } from './posture-fixture';
import { runCli } from './run-cli';

let folder: string;
const env = (): NodeJS.ProcessEnv => {
  const copy: NodeJS.ProcessEnv = { ...process.env, USER: 'oncall' };
  delete copy.RELEASE_FREEZE;
  delete copy.RELEASE_GUARD_FREEZE_FILE;
  delete copy.GITHUB_ACTOR;
  return copy;
};
const cli = (args: string[], extra: NodeJS.ProcessEnv = {}) => runCli(args, folder, { ...env(), ...extra });
const read = (name: string) => fs.readFileSync(path.join(folder, 'out', name), 'utf8');

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-posture-'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('release-guard posture', () => {
  it('no manifest: exit 0, every section unknown with the reason and the runbook, all three files written', async () => {
    const result = await cli(['posture', '--manifest', 'missing.json', '--out-dir', 'out']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('posture: ok (1 warning)');
    const json = JSON.parse(read('posture.json'));
    expect(json.manifest).toMatchObject({
      state: 'unknown',
      reason: expect.stringContaining('no manifest at'),
    });
    expect(json.drill).toMatchObject({ state: 'unknown', runbook: expect.stringContaining('runbook') });
    expect(json.secrets).toMatchObject({
      state: 'not checked',
      reason: expect.stringContaining('--secrets-token-env'),
    });
    expect(read('posture.md')).toContain('unknown: no manifest at');
    expect(read('posture.html')).toContain('unknown</span>: no manifest at');
  });

  it('frozen, drifted, a failed control on the newest release: exit 1, the first line names each', async () => {
    writeJson(path.join(folder, 'manifest.json'), drifted());
    const on = await cli([
      'freeze',
      'on',
      '--file',
      'freeze.json',
      '--reason',
      'incident 42',
      '--incident',
      'https://status.example/42',
    ]);
    expect(on.code).toBe(0);
    const result = await cli([
      'posture',
      '--manifest',
      'manifest.json',
      '--freeze-file',
      'freeze.json',
      '--out-dir',
      'out',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('posture: frozen; v1.1.0 provenance digest_mismatch');
    const json = JSON.parse(read('posture.json'));
    // Newest first; the drill entry is not a release, an incident or a drift.
    expect(json.releases.map((row: { tag: string }) => row.tag)).toEqual(['v1.1.0', 'v1.0.0']);
    expect(json.releases[0].controls.repro).toEqual({ state: 'no data' });
    expect(json.incidents).toEqual([
      expect.objectContaining({ tag: 'v1.1.0', issue_number: 7, age_days: 10 }),
    ]);
    expect(json.drift).toEqual([
      {
        previous_tag: 'v1.0.0',
        tag: 'v1.1.0',
        field: 'builder_id',
        previous: 'https://github.com/slsa-framework/builder@v1',
        current: 'https://github.com/evil/builder@v9',
      },
    ]);
    expect(json.drill).toMatchObject({ state: 'pass', age_days: 5, overdue: false });
    expect(json.metrics['security_ci.predicate_validation_pass_rate']).toEqual({
      value: 0.5,
      unit: 'ratio',
      samples: 2,
    });
    expect(json.freeze).toMatchObject({ state: 'on', reason: 'incident 42' });
    const md = read('posture.md');
    expect(md).toContain('**🧊 Freeze ON**: incident 42');
    expect(md).toContain('⚠️ v1.0.0 → v1.1.0: builder_id');
    // --format picks stdout; the verdict line then goes first on stderr.
    const html = await cli([
      'posture',
      '--manifest',
      'manifest.json',
      '--freeze-file',
      'freeze.json',
      '--out-dir',
      'out',
      '--format',
      'html',
    ]);
    expect(html.stdout).toBe(read('posture.html'));
    expect(html.stderr.split('\n')[0]).toBe('posture: frozen; v1.1.0 provenance digest_mismatch');
    const asJson = await cli([
      'posture',
      '--manifest',
      'manifest.json',
      '--out-dir',
      'out',
      '--format',
      'json',
    ]);
    expect(JSON.parse(asJson.stdout).verdict.line).toBe('posture: v1.1.0 provenance digest_mismatch');
  });

  it('a semver downgrade is drift; a failed or overdue drill exits 1; warnings alone exit 0', async () => {
    const at = daysAgo(3);
    const steps = [
      {
        tag: 'v2.0.0',
        runId: '1',
        at: daysAgo(4),
        set: { controls: { provenance: control('pass', daysAgo(4)) } },
      },
      { tag: 'v1.9.0', runId: '2', at, set: { controls: { provenance: control('warn', at) } } },
    ];
    writeJson(path.join(folder, 'm.json'), buildManifest(steps));
    const warned = await cli(['posture', '--manifest', 'm.json', '--out-dir', 'out', '--format', 'json']);
    expect(warned.code).toBe(0);
    const json = JSON.parse(warned.stdout);
    expect(json.drift).toEqual([
      expect.objectContaining({ field: 'version', previous: 'v2.0.0', current: 'v1.9.0' }),
    ]);
    expect(json.warnings).toEqual(expect.arrayContaining(['v1.9.0 provenance warn', 'no drill recorded']));

    const drill = (days: number, status: 'pass' | 'fail') => ({
      tag: `drill-${daysAgo(days).slice(0, 10)}`,
      runId: '9',
      at: daysAgo(days),
      set: { governance_flag: 'drill' as const, controls: { drill: control(status, daysAgo(days)) } },
    });
    writeJson(path.join(folder, 'm.json'), buildManifest([...steps, drill(45, 'pass')]));
    const overdue = await cli(['posture', '--manifest', 'm.json', '--out-dir', 'out']);
    expect(overdue.code).toBe(1);
    expect(overdue.stdout.split('\n')[0]).toBe('posture: drill overdue (45 days)');
    writeJson(path.join(folder, 'm.json'), buildManifest([...steps, drill(2, 'fail')]));
    const failed = await cli(['posture', '--manifest', 'm.json', '--out-dir', 'out']);
    expect(failed.stdout.split('\n')[0]).toMatch(/^posture: drill drill-\d{4}-\d{2}-\d{2} failed$/);
  });

  it('only http(s) URLs become links: a javascript: incident is text', async () => {
    const on = await cli([
      'freeze',
      'on',
      '--file',
      'freeze.json',
      '--reason',
      '<i>x</i>',
      '--incident',
      'javascript:alert(1)',
    ]);
    expect(on.code).toBe(0);
    await cli(['posture', '--manifest', 'missing.json', '--freeze-file', 'freeze.json', '--out-dir', 'out']);
    const html = read('posture.html');
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain('javascript:alert(1)');
    expect(html).toContain('&lt;i&gt;x&lt;/i&gt;');
    expect(html).not.toContain('<i>x</i>');
  });

  it('a corrupt freeze file is unknown (fail closed, exit 1) with the reason', async () => {
    writeJson(path.join(folder, 'manifest.json'), drifted());
    fs.writeFileSync(path.join(folder, 'freeze.json'), '{ not json');
    const result = await cli([
      'posture',
      '--manifest',
      'manifest.json',
      '--freeze-file',
      'freeze.json',
      '--out-dir',
      'out',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).freeze).toMatchObject({
      state: 'unknown',
      reason: expect.stringContaining('fail closed'),
    });
  });

  describe('secrets', () => {
    let github: GitHubTestServer;
    const TOKEN = 'ghp_plantedSecretsReaderToken0123456789';
    beforeEach(async () => {
      github = await startGitHubServer({ token: TOKEN });
      const repo = github.repo('acme/widgets');
      repo.secrets.push(
        { name: 'NPM_TOKEN', created_at: daysAgo(200), updated_at: daysAgo(120) },
        { name: 'SLACK_WEBHOOK', created_at: daysAgo(10), updated_at: daysAgo(10) },
      );
    });
    afterEach(() => github.stop());
    const run = () =>
      cli(
        [
          'posture',
          '--manifest',
          'missing.json',
          '--github-repo',
          'acme/widgets',
          '--secrets-token-env',
          'SECRETS_TOKEN',
          '--out-dir',
          'out',
          '--format',
          'json',
        ],
        { SECRETS_TOKEN: TOKEN, GITHUB_API_URL: github.url },
      );

    it('lists secrets older than 90 days, and never prints the token', async () => {
      const result = await run();
      expect(JSON.parse(result.stdout).secrets).toEqual({
        state: 'checked',
        total: 2,
        overdue: [expect.objectContaining({ name: 'NPM_TOKEN', age_days: 120 })],
      });
      for (const text of [result.stdout, result.stderr, read('posture.md'), read('posture.html')])
        expect(text).not.toContain(TOKEN);
    });

    it('a 403 is "unknown" with the reason, exit 0', async () => {
      github.faults.add({ base: 'api', method: 'GET', path: /\/actions\/secrets$/, status: 403 });
      const result = await run();
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).secrets).toMatchObject({
        state: 'unknown',
        reason: expect.stringContaining('403'),
      });
    });
  });
});
