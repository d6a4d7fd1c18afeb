import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import {
  runAction,
  startArtifactService,
  startGitHubServer,
  type ActionRunResult,
  type ArtifactTestService,
  type FakeRepo,
  type GitHubTestServer,
} from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const FIXTURES = path.resolve(__dirname, '../../../packages/cli/test/fixtures/evidence');
const TOKEN = 'ghs_plantedEvidenceTokenNeverShown0123456789';
/** An AWS secret access key as a test leaks it to its console (made up; the right shape). */
const AWS_SECRET = 'Zx9qW3rT7yU1iO5pA8sD2fG4hJ6kL0zXcV8bN3mQ';

const PASSING: Record<string, string> = {
  'reports/TEST-app.xml': 'surefire-3.2-TEST-com.example.AppTest.xml',
  'sbom/bom.cdx.json': 'cyclonedx-npm-1.19-bom-1.5.json',
  'scans/grype.json': 'grype-0.84-clean.json',
  'feeds/kev.json': 'cisa-kev-2026.11-known_exploited_vulnerabilities.json',
  'feeds/epss.csv': 'epss-v2025.03.14-scores.csv',
  'reports/verify.json': 'verify-report-verified.json',
};
const PASSING_INPUTS = {
  junit: 'reports/TEST-*.xml',
  coverage: 'reports/coverage.txt',
  sbom: 'sbom/bom.cdx.json',
  vulns: 'scans/grype.json',
  kev: 'feeds/kev.json',
  epss: 'feeds/epss.csv',
  'provenance-report': 'reports/verify.json',
};

/** A Maven Surefire 3.2 report of one passing test whose system-out logged its environment. */
const LEAKY_JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="com.example.EnvTest" tests="1" failures="0" errors="0" skipped="0" time="0.01">
  <testcase name="logsEnvironment" classname="com.example.EnvTest" time="0.01"/>
  <system-out><![CDATA[AWS_ACCESS_KEY_ID=AKIAZ7QW3RT5YU8IO2PA
AWS_SECRET_ACCESS_KEY="${AWS_SECRET}"
]]></system-out>
</testsuite>
`;

(built ? describe : describe.skip)('evidence-archive action (built dist, run as the runner would)', () => {
  let github: GitHubTestServer;
  let artifacts: ArtifactTestService;
  let repo: FakeRepo;
  let workspace: string;
  let downloads: string;

  beforeAll(async () => {
    artifacts = await startArtifactService();
  });
  afterAll(() => artifacts.stop());
  beforeEach(async () => {
    github = await startGitHubServer({ token: TOKEN });
    repo = github.repo('acme/widgets');
    repo.putFile('README.md', 'widgets\n');
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-ea-'));
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-ea-dl-'));
    for (const [name, fixture] of Object.entries(PASSING))
      put(name, fs.readFileSync(path.join(FIXTURES, fixture)));
    put('reports/coverage.txt', 'Lines        : 85.71% ( 6/7 )\n');
  });
  afterEach(async () => {
    await github.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  function put(name: string, content: string | Buffer): void {
    fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    fs.writeFileSync(path.join(workspace, name), content);
  }

  const run = (inputs: Record<string, string>, attempt = '1') =>
    runAction(actionDir, {
      inputs: { 'github-token': TOKEN, ...PASSING_INPUTS, ...inputs },
      env: {
        ...artifacts.env(),
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_WORKSPACE: workspace,
        GITHUB_RUN_ID: '4242',
        GITHUB_RUN_ATTEMPT: attempt,
        SOURCE_DATE_EPOCH: '1764547200',
      },
    });

  /** The members of a .tar.gz, concatenated. */
  const tarText = (file: string) => execFileSync('tar', ['-xOzf', file], { encoding: 'latin1' });

  it('passes: uploads the bundle and manifest as evidence-<tag>-<attempt>, downloaded back byte for byte, and attaches them to the draft', async () => {
    const result = await run({ tag: 'v1.4.0', images: `ghcr.io/acme/app@sha256:${'a'.repeat(64)}` });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({
      result: 'pass',
      'failure-reason': '',
      'manifest-path': 'evidence/manifests/v1.4.0.yaml',
      'bundle-path': 'evidence-v1.4.0.tar.gz',
    });
    const bundle = fs.readFileSync(path.join(workspace, 'evidence-v1.4.0.tar.gz'));
    const manifest = fs.readFileSync(path.join(workspace, 'evidence/manifests/v1.4.0.yaml'));
    await artifacts.downloadWithClient('evidence-v1.4.0-1', downloads);
    expect(fs.readFileSync(path.join(downloads, 'evidence-v1.4.0.tar.gz')).equals(bundle)).toBe(true);
    expect(fs.readFileSync(path.join(downloads, 'evidence/manifests/v1.4.0.yaml')).equals(manifest)).toBe(
      true,
    );
    const release = repo.releases.find((r) => r.tag_name === 'v1.4.0');
    expect(release?.draft).toBe(true);
    const assets = Object.fromEntries((release?.assets ?? []).map((a) => [a.name, a.data]));
    expect(Object.keys(assets).sort()).toEqual(['evidence-v1.4.0.tar.gz', 'evidence-v1.4.0.yaml']);
    expect(assets['evidence-v1.4.0.tar.gz'].equals(bundle)).toBe(true);
    expect(assets['evidence-v1.4.0.yaml'].equals(manifest)).toBe(true);
    expect(result.summary).toContain('## Evidence for `v1.4.0`: ✅ pass');
    expect(result.summary).toMatch(/\| `coverage` \| ✅ pass \| line coverage &gt;= 70 % \|/);
    expect(result.summary).toContain('workflow artifact `evidence-v1.4.0-1`');
    const logs = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(logs.join('\n')).not.toContain(TOKEN);
    // The posture reads the evidence status from the release manifest's controls.evidence only.
    const releaseManifest = JSON.parse(
      fs.readFileSync(path.join(workspace, 'docs/reports/manifest.json'), 'utf8'),
    ) as { schema_version: string; entries: Array<Record<string, unknown>> };
    expect(releaseManifest.schema_version).toBe('1.2');
    expect(releaseManifest.entries).toEqual([
      expect.objectContaining({
        tag: 'v1.4.0',
        run_id: '4242',
        controls: {
          evidence: {
            status: 'pass',
            failure_reason: null,
            at: expect.any(String),
            run_url: 'https://github.com/acme/widgets/actions/runs/4242',
            detail: expect.stringContaining('pass by the policy'),
          },
        },
      }),
    ]);
    expect(result.summary).toContain('manifest: controls.evidence = pass recorded in');
  });

  it('leaves out a JUnit report holding an AWS key: fail, and the key is in no log, summary, upload or release asset', async () => {
    put('reports/TEST-env.xml', LEAKY_JUNIT);
    repo.branches.add('release-manifest');
    const result = await run({ tag: 'v1.5.0', 'manifest-branch': 'release-manifest' });
    expect(result.code).toBe(1);
    expect(result.outputs.result).toBe('fail');
    expect(result.outputs['failure-reason']).toBe('evidence_fail');
    expect(result.stdout).toMatch(
      /::error::evidence_fail: the evidence of v1\.5\.0 is fail by the policy \(secrets\)/,
    );
    expect(result.summary).toMatch(/\| `reports\/TEST-env\.xml` \| \d+ \| `[^`]*aws[^`]*` \|/);
    expect(result.summary).toContain('**rotate the secret**');
    const manifest = parse(
      fs.readFileSync(path.join(workspace, 'evidence/manifests/v1.5.0.yaml'), 'utf8'),
    ) as {
      items: { path: string }[];
    };
    expect(manifest.items.map((item) => item.path)).not.toContain('reports/TEST-env.xml');
    await artifacts.downloadWithClient('evidence-v1.5.0-1', downloads);
    const release = repo.releases.find((r) => r.tag_name === 'v1.5.0');
    const texts = [
      result.stdout,
      result.stderr,
      result.summary,
      JSON.stringify(result.outputs),
      tarText(path.join(workspace, 'evidence-v1.5.0.tar.gz')),
      fs.readFileSync(path.join(workspace, 'evidence/manifests/v1.5.0.yaml'), 'utf8'),
      tarText(path.join(downloads, 'evidence-v1.5.0.tar.gz')),
      (await artifacts.zipOf('evidence-v1.5.0-1')).toString('latin1'),
      ...(release?.assets ?? []).map((a) =>
        a.name.endsWith('.tar.gz') ? gunzipSync(a.data).toString('latin1') : a.data.toString('latin1'),
      ),
    ];
    const stored = repo.file('docs/reports/manifest.json', 'release-manifest');
    const entry = (
      JSON.parse(stored?.content.toString() ?? '{"entries":[]}') as {
        entries: Array<{
          tag: string;
          controls?: Record<string, { status: string; failure_reason: string }>;
        }>;
      }
    ).entries.find((e) => e.tag === 'v1.5.0');
    expect(entry?.controls?.evidence).toMatchObject({ status: 'fail', failure_reason: 'evidence_fail' });
    texts.push(stored?.content.toString() ?? '');
    expect(release?.assets).toHaveLength(2);
    for (const text of texts) expect(text).not.toContain(AWS_SECRET);
  });

  it('warn (no SBOM given) fails the step with evidence_warn, unless allow-warn', async () => {
    const warned = await run({ tag: 'v1.4.1', sbom: '', attach: 'false' });
    expect(warned.code).toBe(1);
    expect(warned.outputs).toMatchObject({ result: 'warn', 'failure-reason': 'evidence_warn' });
    expect(warned.stdout).toMatch(
      /::error::evidence_warn: the evidence of v1\.4\.1 is warn by the policy \(sbom\)/,
    );
    expect(warned.summary).toContain('`allow-warn: true`');
    const allowed = await run({ tag: 'v1.4.1', sbom: '', attach: 'false', 'allow-warn': 'true' }, '2');
    expect(allowed.code).toBe(0);
    expect(allowed.outputs).toMatchObject({ result: 'warn', 'failure-reason': 'evidence_warn' });
  });

  it('while frozen: uploads the workflow artifact all the same, attaches nothing, and says why', async () => {
    const result = await run({ tag: 'v1.6.0', freeze: 'true' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs.result).toBe('pass');
    expect(repo.releases.filter((r) => r.tag_name === 'v1.6.0')).toEqual([]);
    expect(result.stdout).toMatch(
      /::warning::not attached to the release: evidence-archive refused: the release freeze is on/,
    );
    expect(result.summary).toContain(
      'not attached to the release: evidence-archive refused: the release freeze is on',
    );
    await artifacts.downloadWithClient('evidence-v1.6.0-1', downloads);
    expect(
      fs
        .readFileSync(path.join(downloads, 'evidence-v1.6.0.tar.gz'))
        .equals(fs.readFileSync(path.join(workspace, 'evidence-v1.6.0.tar.gz'))),
    ).toBe(true);
  });

  it('a 409 from the artifact service (the name already uploaded in this attempt) is a clear evidence_fail; a re-run attempt uploads', async () => {
    const first = await run({ tag: 'v1.7.0', attach: 'false' });
    expect(first.code).toBe(0);
    const again = await run({ tag: 'v1.7.0', attach: 'false' });
    expect(again.code).toBe(1);
    expect(again.outputs['failure-reason']).toBe('evidence_fail');
    expect(again.stdout).toMatch(
      /::error::evidence_fail: the evidence could not be uploaded as the workflow artifact evidence-v1\.7\.0-1: .*\(409\).*already exists/,
    );
    const rerun = await run({ tag: 'v1.7.0', attach: 'false' }, '2');
    expect(rerun.code).toBe(0);
    expect(
      artifacts.artifacts.filter((a) => a.name.startsWith('evidence-v1.7.0-')).map((a) => a.name),
    ).toEqual(['evidence-v1.7.0-1', 'evidence-v1.7.0-2']);
  });

  it('a 503 once from the artifact service is retried by @actions/artifact and the upload lands', async () => {
    const fault = artifacts.faults.add({ path: 'FinalizeArtifact', status: 503 });
    const result = await run({ tag: 'v1.8.0', attach: 'false' });
    expect(result.code).toBe(0);
    expect(fault.hits).toBe(1);
    expect(artifacts.artifacts.find((a) => a.name === 'evidence-v1.8.0-1')?.finalized).toBe(true);
  });

  it('a persistent 4xx from the artifact service fails with what it said', async () => {
    artifacts.faults.add({
      path: 'CreateArtifact',
      status: 403,
      body: { code: 'permission_denied', msg: 'artifact storage quota has been hit' },
    });
    const result: ActionRunResult = await run({ tag: 'v1.9.0', attach: 'false' });
    expect(result.code).toBe(1);
    expect(result.outputs['failure-reason']).toBe('evidence_fail');
    expect(result.stdout).toMatch(
      /::error::evidence_fail: .*evidence-v1\.9\.0-1: .*\(403\).*artifact storage quota has been hit/,
    );
  });
});

describe('README: the evidence-archive flag ↔ input table', () => {
  it('lists every input of action.yml once, with the flag of release-guard evidence it mirrors', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const section = readme.split('### `evidence-archive`')[1]?.split('\n### ')[0] ?? '';
    const rows = section
      .split('\n')
      .filter((line) => /^\| (`--|–)/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const inputs = rows.map((cells) => /^`([a-z-]+)`/.exec(cells[2])?.[1]);
    const declared = Object.keys(
      (parse(fs.readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as { inputs: object }).inputs,
    );
    expect([...inputs].sort()).toEqual([...declared].sort());
    const cli = fs.readFileSync(
      path.resolve(__dirname, '../../../packages/cli/src/commands/evidence.ts'),
      'utf8',
    );
    for (const cells of rows) {
      const flag = /^`(--[a-z-]+)/.exec(cells[1])?.[1];
      if (flag !== undefined) expect(cli).toMatch(new RegExp(`'${flag}[ ']`));
    }
  });
});
