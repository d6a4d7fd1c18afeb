import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  applyManifestEntryUpdate,
  emptyManifest,
  serializeFreezeState,
  serializeManifest,
  type ControlRecord,
} from '@release-guard/core';
import {
  runAction,
  startArtifactService,
  startGitHubServer,
  type ArtifactTestService,
  type FakeRepo,
  type GitHubTestServer,
} from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const TOKEN = 'ghs_plantedPostureTokenNeverShown0123456789';
const SECRETS_TOKEN = 'ghp_plantedSecretsReader0123456789abcdef';
const BRANCH = 'release-ops';
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const record = (
  status: ControlRecord['status'],
  at: string,
  failure: ControlRecord['failure_reason'] = null,
) => ({
  status,
  failure_reason: failure,
  at,
  run_url: 'https://github.com/acme/widgets/actions/runs/1',
  detail: null,
});

function manifest(): string {
  let doc = emptyManifest();
  for (const [tag, runId, days, status] of [
    ['v1.0.0', '1', 9, 'pass'],
    ['v1.1.0', '2', 2, 'fail'],
  ] as const) {
    doc = applyManifestEntryUpdate(
      doc,
      {
        tag,
        runId,
        actor: 'ci',
        set: {
          ...(status === 'fail'
            ? { status: 'failure', failure_reason: 'digest_mismatch' }
            : { status: 'success' }),
          controls: { provenance: record(status, ago(days), status === 'fail' ? 'digest_mismatch' : null) },
        },
      },
      ago(days),
    ).manifest;
  }
  return serializeManifest(doc);
}

(built ? describe : describe.skip)('posture-report action (built dist, run as the runner would)', () => {
  let github: GitHubTestServer;
  let repo: FakeRepo;
  let workspace: string;
  let temp: string;
  let artifacts: ArtifactTestService;

  beforeAll(async () => {
    artifacts = await startArtifactService();
  });
  afterAll(() => artifacts.stop());
  beforeEach(async () => {
    github = await startGitHubServer({ token: TOKEN, secretsReaders: [SECRETS_TOKEN] });
    repo = github.repo('acme/widgets');
    repo.putFile('README.md', 'widgets\n');
    repo.putFile('README.md', 'widgets\n', { branch: BRANCH });
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-posture-'));
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-posture-temp-'));
  });
  afterEach(async () => {
    await github.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(temp, { recursive: true, force: true });
  });

  const run = (inputs: Record<string, string>, env: Record<string, string> = artifacts.env()) =>
    runAction(actionDir, {
      inputs: { 'github-token': TOKEN, ...inputs },
      env: {
        ...env,
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_API_URL: github.url,
        GITHUB_WORKSPACE: workspace,
        GITHUB_RUN_ID: '4242',
        RUNNER_TEMP: temp,
      },
    });

  it('reads the manifest and the freeze from their branch: job summary = posture.md, outputs, status blocked', async () => {
    repo.putFile('docs/reports/manifest.json', manifest(), { branch: BRANCH });
    repo.putFile(
      '.github/release-freeze.json',
      serializeFreezeState({
        schema_version: 1,
        frozen: true,
        reason: 'incident <b>42</b>',
        incident: null,
        set_by: 'oncall',
        set_at: ago(1),
        scope: 'all',
        expires_at: null,
        history: [
          {
            action: 'on',
            at: ago(1),
            by: 'oncall',
            reason: 'incident <b>42</b>',
            incident: null,
            scope: 'all',
            expires_at: null,
          },
        ],
      }),
      { branch: BRANCH },
    );
    repo.secrets.push({ name: 'OLD_KEY', created_at: ago(400), updated_at: ago(100) });
    const result = await run({
      'manifest-branch': BRANCH,
      'freeze-branch': BRANCH,
      'secrets-token': SECRETS_TOKEN,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({
      status: 'blocked',
      verdict: 'posture: frozen; v1.1.0 provenance digest_mismatch',
      'html-path': path.join(temp, 'posture-report-4242', 'posture.html'),
    });
    expect(result.summary).toBe(fs.readFileSync(result.outputs['markdown-path'], 'utf8'));
    const json = JSON.parse(fs.readFileSync(result.outputs['json-path'], 'utf8'));
    expect(json.releases.map((row: { tag: string }) => row.tag)).toEqual(['v1.1.0', 'v1.0.0']);
    expect(json.secrets).toMatchObject({
      state: 'checked',
      overdue: [expect.objectContaining({ name: 'OLD_KEY' })],
    });
    const html = fs.readFileSync(result.outputs['html-path'], 'utf8');
    expect(html).toContain('incident &lt;b&gt;42&lt;/b&gt;');
    // The page as a workflow artifact, through @actions/artifact and back.
    expect(result.outputs['artifact-name']).toBe('posture-1');
    const downloads = path.join(temp, 'downloads');
    await artifacts.downloadWithClient('posture-1', downloads);
    expect(fs.readFileSync(path.join(downloads, 'posture.html'), 'utf8')).toBe(html);
    expect(fs.readdirSync(downloads).sort()).toEqual(['posture.html', 'posture.json', 'posture.md']);
    for (const text of [
      result.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      result.summary,
      html,
    ])
      for (const secret of [TOKEN, SECRETS_TOKEN]) expect(text).not.toContain(secret);
  });

  it('no manifest and no secrets token: status warn, everything unknown or not checked, exit 0', async () => {
    const result = await run({ 'max-releases': '5' });
    expect(result.code).toBe(0);
    expect(result.outputs.status).toBe('warn');
    expect(result.summary).toContain('unknown: no manifest at');
    expect(result.summary).toContain('not checked: no token given');
  });

  it('a secrets token GitHub refuses (403): the section is unknown with the reason, exit 0', async () => {
    const result = await run({ 'secrets-token': TOKEN });
    expect(result.code).toBe(0);
    expect(result.summary).toMatch(
      /unknown: GitHub answered 403 to GET \/repos\/acme\/widgets\/actions\/secrets/,
    );
  });

  it('an artifact service that refuses the upload is a warning: the posture is in the job summary all the same', async () => {
    artifacts.faults.add({
      path: 'CreateArtifact',
      status: 403,
      body: { code: 'permission_denied', msg: 'artifact storage quota has been hit' },
    });
    const refused = await run({ 'artifact-name': 'posture-page' });
    expect(refused.code).toBe(0);
    expect(refused.outputs).toMatchObject({ status: 'warn', 'artifact-name': '' });
    expect(refused.stdout).toMatch(
      /::warning::posture: the page could not be uploaded as the workflow artifact posture-page: .*403/,
    );
    expect(refused.summary).toContain('## ');
    const off = await run({ upload: 'false' }, {});
    expect(off.stdout).not.toContain('::warning::posture: the page could not be uploaded');
    expect(off.outputs['artifact-name']).toBe('');
  });

  it('refuses a max-releases that is not a whole number from 1 (exit 2)', async () => {
    const result = await run({ 'max-releases': '0' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('max-releases');
  });
});
