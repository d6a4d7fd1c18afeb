import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startKpiReceiver,
  type KpiReceiver,
  buildZip,
  githubActionsIdentity,
  runAction,
  signProvenance,
  slsaV02Statement,
  slsaV1Statement,
  startGitHubServer,
  startSigstoreServer,
  subjectFor,
  type GitHubTestServer,
  type SigstoreServer,
} from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const TOKEN = 'ghs_plantedTokenThatMustNeverAppear0123456789';
const KPI_TOKEN = 'kpi-secret-planted-9f8e7d6c5b4a';
const RUN = {
  repository: 'acme/widgets',
  ref: 'refs/tags/v1.2.3',
  commit: '8f70009fde0c94ade6ce2a054b94718c819126ec',
};
const BUILDER = 'https://github.com/acme/widgets/.github/workflows/release.yml';
const ARTIFACT = Buffer.from('widget release bytes\n');

(built ? describe : describe.skip)('provenance-validate action (built dist, run as the runner would)', () => {
  let sigstore: SigstoreServer;
  let github: GitHubTestServer;
  let kpi: KpiReceiver;
  let workspace: string;
  let trustedRoot: string;
  let goodBundle: string;

  beforeAll(async () => {
    sigstore = await startSigstoreServer();
    github = await startGitHubServer({ token: TOKEN });
    kpi = await startKpiReceiver();
    const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor('widget.tgz', ARTIFACT)] });
    goodBundle = JSON.stringify(
      await signProvenance({ statement, identity: githubActionsIdentity(RUN), server: sigstore }),
    );
  });
  afterAll(async () => {
    await sigstore.close();
    await github.stop();
    await kpi.close();
  });
  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-pv-'));
    trustedRoot = path.join(workspace, 'trusted_root.json');
    fs.writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot));
    kpi.received.length = 0;
  });
  afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

  async function seedRun(options: { artifactZip?: Buffer; provenanceZip?: Buffer; expired?: boolean } = {}) {
    const repo = github.repo('acme/widgets');
    const run = repo.addRun({ head_branch: 'v1.2.3', status: 'completed', conclusion: 'success' });
    repo.addArtifact({
      run_id: run.id,
      name: 'release',
      zip: options.artifactZip ?? (await buildZip({ 'widget.tgz': ARTIFACT })),
      expired: options.expired,
    });
    repo.addArtifact({
      run_id: run.id,
      name: 'provenance',
      zip: options.provenanceZip ?? (await buildZip({ 'widget.intoto.jsonl': `${goodBundle}\n` })),
    });
    return run.id;
  }

  function run(inputs: Record<string, string>, extra: { kpiUrl?: string } = {}) {
    return runAction(actionDir, {
      inputs: {
        tag: 'v1.2.3',
        'builder-id': BUILDER,
        'trusted-root': trustedRoot,
        'kpi-url': extra.kpiUrl ?? kpi.url,
        'kpi-token': KPI_TOKEN,
        'github-token': TOKEN,
        'report-path': path.join(workspace, 'report.json'),
        ...inputs,
      },
      env: {
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTOR: 'release-bot',
      },
    });
  }

  function manifest() {
    return JSON.parse(fs.readFileSync(path.join(workspace, 'docs/reports/manifest.json'), 'utf8')) as {
      entries: Array<Record<string, unknown>>;
    };
  }

  function expectNoSecret(result: Awaited<ReturnType<typeof run>>) {
    const logs = `${result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')}${result.stderr}`;
    for (const secret of [TOKEN, KPI_TOKEN]) {
      expect(logs).not.toContain(secret);
      expect(result.summary).not.toContain(secret);
      expect(fs.readFileSync(path.join(workspace, 'report.json'), 'utf8')).not.toContain(secret);
      expect(fs.readFileSync(path.join(workspace, 'docs/reports/manifest.json'), 'utf8')).not.toContain(
        secret,
      );
    }
  }

  it('validates a run: outputs, summary, manifest, KPI, and no secret anywhere', async () => {
    const runId = await seedRun();
    const result = await run({
      'run-id': String(runId),
      'artifact-name': 'release',
      'provenance-name': 'provenance',
    });
    expect({
      code: result.code,
      stderr: result.stderr,
      stdout: result.code === 0 ? '' : result.stdout,
    }).toEqual({ code: 0, stderr: '', stdout: '' });
    expect(result.outputs).toMatchObject({
      verified: 'true',
      'failure-reason': '',
      'report-path': path.join(workspace, 'report.json'),
    });
    expect(result.summary).toContain('✅ verified');
    expect(result.summary).toContain('| subject_digest | pass |');
    expect(manifest().entries[0]).toMatchObject({
      tag: 'v1.2.3',
      run_id: String(runId),
      status: 'success',
      requeue: false,
      failure_reason: null,
    });
    expect(manifest().entries[0].verified_at).toEqual(expect.any(String));
    expect(manifest().entries[0].controls).toEqual({
      provenance: {
        status: 'pass',
        failure_reason: null,
        at: expect.any(String),
        run_url: expect.stringMatching(new RegExp(`/acme/widgets/actions/runs/${runId}$`)),
        detail: expect.stringMatching(/^\d+ checks passed$/),
      },
    });
    expect(manifest().entries[0].provenance_summary).toMatchObject({
      builder_id: expect.stringContaining(BUILDER),
      source_repo: expect.stringContaining('acme/widgets'),
      commit: expect.any(String),
    });
    expect(kpi.received).toHaveLength(1);
    expect(kpi.received[0].headers).toMatchObject({
      authorization: `Bearer ${KPI_TOKEN}`,
      apikey: KPI_TOKEN,
    });
    expect(kpi.received[0].body).toMatchObject({
      tag: 'v1.2.3',
      run_id: String(runId),
      status: 'success',
      verified_at: expect.any(String),
    });
    expect(github.blobHost.requests.length).toBeGreaterThanOrEqual(2);
    for (const request of github.blobHost.requests) expect(request.authorization).toBeFalsy();
    expect(result.stdout).toContain(`::add-mask::${TOKEN}`);
    expectNoSecret(result);
  });

  it('validates files already in the workspace (globs)', async () => {
    fs.mkdirSync(path.join(workspace, 'out'));
    fs.writeFileSync(path.join(workspace, 'out/widget.tgz'), ARTIFACT);
    fs.writeFileSync(path.join(workspace, 'widget.intoto.jsonl'), goodBundle);
    const result = await run({
      'run-id': '77',
      'artifact-path': 'out/*.tgz',
      'provenance-path': '*.intoto.jsonl',
    });
    expect(result.outputs.verified).toBe('true');
    expect(result.code).toBe(0);
  });

  it('fails a tampered artifact with digest_mismatch: outputs, summary, manifest failure with requeue, KPI', async () => {
    const runId = await seedRun({ artifactZip: await buildZip({ 'widget.tgz': 'tampered' }) });
    const result = await run({
      'run-id': String(runId),
      'artifact-name': 'release',
      'provenance-name': 'provenance',
    });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ verified: 'false', 'failure-reason': 'digest_mismatch' });
    expect(result.stdout).toContain('::error::provenance validation failed: digest_mismatch');
    expect(result.summary).toContain('What to do next');
    expect(manifest().entries[0]).toMatchObject({
      status: 'failure',
      failure_reason: 'digest_mismatch',
      requeue: true,
      controls: {
        provenance: expect.objectContaining({
          status: 'fail',
          failure_reason: 'digest_mismatch',
          detail: expect.stringContaining('subject_digest'),
        }),
      },
    });
    expect(kpi.received[0].body).toMatchObject({ status: 'failure', failure_reason: 'digest_mismatch' });
    expectNoSecret(result);
  });

  it.each([
    ['tag_mismatch', { tag: 'v1.2.4' }],
    ['builder_mismatch', { 'builder-id': 'https://github.com/acme/other/.github/workflows/release.yml' }],
    ['source_mismatch', { 'source-repo': 'acme/gadgets' }],
    ['identity_mismatch', { 'cert-identity': `${BUILDER}@refs/tags/v1.2.30` }],
    ['signature_invalid', { 'trusted-root': '' }],
  ])('reports %s from the action', async (code, inputs) => {
    const runId = await seedRun();
    const result = await run({
      'run-id': String(runId),
      'artifact-name': 'release',
      'provenance-name': 'provenance',
      ...inputs,
    });
    expect(result.outputs).toMatchObject({ verified: 'false', 'failure-reason': code });
    expect(result.code).toBe(1);
  });

  it('reports predicate_mismatch for SLSA v0.2 without the override, and passes it with allow-slsa-v0.2', async () => {
    const v02 = slsaV02Statement({ ...RUN, subjects: [subjectFor('widget.tgz', ARTIFACT)] });
    const bundle = JSON.stringify(
      await signProvenance({ statement: v02, identity: githubActionsIdentity(RUN), server: sigstore }),
    );
    const runId = await seedRun({ provenanceZip: await buildZip({ 'p.intoto.jsonl': bundle }) });
    const result = await run({
      'run-id': String(runId),
      'artifact-name': 'release',
      'provenance-name': 'provenance',
    });
    expect(result.outputs['failure-reason']).toBe('predicate_mismatch');
    const overrideRun = await seedRun({ provenanceZip: await buildZip({ 'p.intoto.jsonl': bundle }) });
    const overridden = await run({
      'run-id': String(overrideRun),
      'artifact-name': 'release',
      'provenance-name': 'provenance',
      'allow-slsa-v0.2': 'true',
    });
    expect(overridden.outputs.verified).toBe('true');
    expect(manifest().entries.find((e) => e.run_id === String(overrideRun))).toMatchObject({
      status: 'success',
      governance_flag: 'security-backcompat',
    });
  });

  it('reports malformed_provenance and provenance_missing', async () => {
    const broken = await seedRun({ provenanceZip: await buildZip({ 'p.intoto.jsonl': '{"mediaType":' }) });
    const malformed = await run({
      'run-id': String(broken),
      'artifact-name': 'release',
      'provenance-name': 'provenance',
    });
    expect(malformed.outputs['failure-reason']).toBe('malformed_provenance');
    const runId = await seedRun();
    const missing = await run({
      'run-id': String(runId),
      'artifact-name': 'release',
      'provenance-name': 'no-such-artifact',
    });
    expect(missing.outputs['failure-reason']).toBe('provenance_missing');
  }, 30_000);

  it('retries artifact downloads: 5xx, 5xx, then 200 succeeds on try 3', async () => {
    const runId = await seedRun();
    github.faults.add({
      method: 'GET',
      path: `/repos/acme/widgets/actions/runs/${runId}/artifacts`,
      status: 502,
      times: 2,
    });
    const result = await run({
      'run-id': String(runId),
      'artifact-name': 'release',
      'provenance-name': 'provenance',
    });
    expect(result.outputs.verified).toBe('true');
    expect(
      JSON.parse(fs.readFileSync(path.join(workspace, 'report.json'), 'utf8')).downloads[0],
    ).toMatchObject({ name: 'release', tries: 3 });
  }, 30_000);

  it('fails at once with artifact_missing when retention expired (410), without retrying', async () => {
    const runId = await seedRun({ expired: true });
    const before = github.requests.length;
    const result = await run({
      'run-id': String(runId),
      'artifact-name': 'release',
      'provenance-name': 'provenance',
    });
    expect(result.outputs['failure-reason']).toBe('artifact_missing');
    expect(result.summary).toMatch(/retention expired/);
    const listed = github.requests.slice(before).filter((r) => r.path.endsWith('/artifacts'));
    expect(listed).toHaveLength(1);
  });

  it('fails with artifact_missing after 3 tries of 404', async () => {
    const runId = await seedRun();
    const result = await run({
      'run-id': String(runId),
      'artifact-name': 'not-uploaded',
      'provenance-name': 'provenance',
    });
    expect(result.outputs['failure-reason']).toBe('artifact_missing');
    expect(result.summary).toMatch(/after 3 tries/);
  }, 30_000);

  it('still passes when the KPI endpoint is down, and records the outage', async () => {
    const runId = await seedRun();
    const result = await run(
      { 'run-id': String(runId), 'artifact-name': 'release', 'provenance-name': 'provenance' },
      { kpiUrl: 'http://127.0.0.1:9/functions/v1/provenance-validate' },
    );
    expect(result.code).toBe(0);
    expect(result.outputs.verified).toBe('true');
    expect(result.stdout).toContain('::warning::KPI not recorded');
    const report = JSON.parse(fs.readFileSync(path.join(workspace, 'report.json'), 'utf8'));
    expect(report.metrics['security_ci.kpi_ingest_success']).toBe(false);
  }, 30_000);

  it('treats a tag with shell metacharacters as data', async () => {
    const runId = await seedRun();
    const result = await run({
      tag: 'v1$(touch pwned);`id`',
      'run-id': String(runId),
      'artifact-name': 'release',
      'provenance-name': 'provenance',
    });
    expect(result.outputs).toMatchObject({ verified: 'false', 'failure-reason': 'tag_mismatch' });
    expect(fs.existsSync(path.join(workspace, 'pwned'))).toBe(false);
    expect(manifest().entries[0].tag).toBe('v1$(touch pwned);`id`');
  });

  it('refuses a tag with a newline without letting it forge a workflow command', async () => {
    const runId = await seedRun();
    const tag = 'v1\n::set-output name=verified::true';
    const result = await run({
      tag,
      'run-id': String(runId),
      'artifact-name': 'release',
      'provenance-name': 'provenance',
    });
    expect(result.code).toBe(2);
    expect(result.outputs.verified).toBeUndefined();
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::set-output'))).toEqual([]);
  });

  it('refuses unusable inputs with exit 2 and a clear message', async () => {
    const result = await run({
      'run-id': 'not-a-number',
      'artifact-name': 'release',
      'provenance-name': 'provenance',
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('::error::usage_error: input `run-id` must be a workflow run id');
  });
});
