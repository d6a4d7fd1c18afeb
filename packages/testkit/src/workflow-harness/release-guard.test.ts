import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { startArtifactService, type ArtifactTestService } from '../artifact-service';
import { startGitHubServer, type FakeRepo, type GitHubTestServer } from '../github';
import { startSigstoreServer, type SigstoreServer } from '../sigstore';
import { startSlackReceiver, type SlackReceiver } from '../slack';
import {
  attestStandIn,
  checkoutStandIn,
  createArtifactStore,
  runWorkflow,
  startOidcServer,
  type OidcServer,
  type WorkflowResult,
} from '.';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const ACTIONS = [
  'workflow-identity',
  'release-publish',
  'provenance-validate',
  'release-sign',
  'repro-verify',
  'evidence-archive',
  'notify-on-failure',
  'manifest-record',
];
const built = ACTIONS.every((name) => fs.existsSync(path.join(REPO_ROOT, `actions/${name}/dist/index.js`)));
const EVIDENCE_FIXTURES = path.join(REPO_ROOT, 'packages/cli/test/fixtures/evidence');
const TOKEN = 'ghs_releaseGuardChainToken0123456789abcdef';
const RELEASE_GUARD_SHA = 'b2c3d4e5f60718293a4b5c6d7e8f9012345678a1';
const JOB_WORKFLOW_REF = `release-guard/release-guard/.github/workflows/release-guard.yml@${RELEASE_GUARD_SHA}`;
const COMMIT = '9a80009fde0c94ade6ce2a054b94718c819126ed';
const CHAIN = [
  'draft',
  'provenance',
  'provenance-validate',
  'sign',
  'repro',
  'evidence',
  'publish',
  'notify-on-failure',
  'record-cancelled',
];

type Yaml = Record<string, unknown>;
interface CallerWorkflow {
  jobs: { build: Yaml & { permissions: Yaml; steps: Yaml[] }; 'release-guard': Yaml & { with: Yaml } };
}

/** The README's "Adopt in one step" caller: the fenced yaml block that calls release-guard.yml. */
function readmeCaller(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### Adopt in one step\n');
  const end = readme.indexOf('\n### ', start + 1);
  const blocks = [...readme.slice(start, end).matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  const caller = blocks.find((block) => block.includes('/.github/workflows/release-guard.yml@'));
  if (start < 0 || !caller) throw new Error('README: the "Adopt in one step" caller is missing');
  return caller;
}

/**
 * The repository's real release-guard.yml behind the README's caller, every third-party action a
 * stand-in and release-guard's own actions run from their dist/, against the GitHub test server, the
 * loopback Sigstore, the Slack receiver and the Actions artifact service.
 */
(built ? describe : describe.skip)('release-guard.yml (the whole chain) in the workflow harness', () => {
  let github: GitHubTestServer;
  let sigstore: SigstoreServer;
  let slack: SlackReceiver;
  let artifacts: ArtifactTestService;
  let dir: string;
  let widgets: string;

  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN });
    sigstore = await startSigstoreServer();
    slack = await startSlackReceiver();
    artifacts = await startArtifactService();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-chain-'));
    // The caller's repository: `make release` leaves the release files in dist/ and a complete
    // evidence set in reports/ (JUnit, coverage 85 %, a CycloneDX SBOM, a grype scan without a high finding, KEV and EPSS).
    widgets = path.join(dir, 'widgets-repo');
    fs.mkdirSync(path.join(widgets, 'testdata'), { recursive: true });
    for (const [name, fixture] of [
      ['TEST-app.xml', 'surefire-3.2-TEST-com.example.AppTest.xml'],
      ['bom.cdx.json', 'cyclonedx-npm-1.19-bom-1.5.json'],
      ['grype.json', 'grype-0.84-clean.json'],
      ['kev.json', 'cisa-kev-2026.11-known_exploited_vulnerabilities.json'],
      ['epss.csv', 'epss-v2025.03.14-scores.csv'],
    ])
      fs.copyFileSync(path.join(EVIDENCE_FIXTURES, fixture), path.join(widgets, 'testdata', name));
    fs.writeFileSync(path.join(widgets, 'testdata/coverage.txt'), 'Lines        : 85.71% ( 6/7 )\n');
    fs.writeFileSync(
      path.join(widgets, 'Makefile'),
      ".PHONY: release\nrelease:\n\tmkdir -p dist reports\n\tprintf 'widget release bytes\\n' > dist/widget.tgz\n\tcp testdata/* reports/\n",
    );
  });
  afterAll(async () => {
    await github.stop();
    await sigstore.close();
    await slack.close();
    await artifacts.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh repository per run: its releases, issues, manifest and freeze file are that run's alone. */
  async function runCaller(
    name: string,
    workflow: CallerWorkflow,
    seed: Record<string, Record<string, string>> = {},
    prepare: (repo: FakeRepo) => void = () => undefined,
  ) {
    const repoName = `acme/widgets-${name}`;
    const repo = github.repo(repoName);
    repo.putFile('README.md', 'widgets\n');
    repo.branches.add('release-manifest');
    prepare(repo);
    const runRecord = repo.addRun({ head_branch: 'v1.2.3', status: 'in_progress' });
    const store = createArtifactStore({
      dir: path.join(dir, name, 'artifacts'),
      github: { repo, runId: runRecord.id },
    });
    for (const [artifact, files] of Object.entries(seed)) await store.put(artifact, files);
    const claims = {
      sub: `repo:${repoName}:ref:refs/tags/v1.2.3`,
      repository: repoName,
      ref: 'refs/tags/v1.2.3',
      sha: COMMIT,
      workflow_ref: `${repoName}/.github/workflows/release.yml@refs/tags/v1.2.3`,
      event_name: 'push',
      runner_environment: 'github-hosted',
    };
    // The caller's own job runs release.yml; the chain's jobs run the called file at its commit.
    const oidc: OidcServer = await startOidcServer({
      privateKey: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
      claims: ({ jobId }) =>
        jobId === 'build'
          ? { ...claims, job_workflow_ref: claims.workflow_ref, job_workflow_sha: COMMIT }
          : { ...claims, job_workflow_ref: JOB_WORKFLOW_REF, job_workflow_sha: RELEASE_GUARD_SHA },
    });
    const file = path.join(dir, name, 'caller/.github/workflows/release.yml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, stringify(workflow));
    const result = await runWorkflow({
      workflowFile: file,
      workDir: path.join(dir, name, 'jobs'),
      oidc,
      // Each run is a workflow run of its own to the artifact service (artifact names are per run).
      runnerEnv: {
        ...artifacts.env(),
        ACTIONS_RUNTIME_TOKEN: artifacts.signToken(
          `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${crypto.randomUUID()}:${crypto.randomUUID()}`,
        ),
      },
      secrets: { SLACK_WEBHOOK_URL: slack.webhookUrl },
      vars: {
        SIGSTORE_TRUSTED_ROOT: JSON.stringify(sigstore.trustedRoot),
        SIGSTORE_FULCIO_URL: sigstore.fulcioURL,
        SIGSTORE_REKOR_URL: sigstore.rekorURL,
      },
      github: {
        repository: repoName,
        ref: 'refs/tags/v1.2.3',
        ref_name: 'v1.2.3',
        sha: COMMIT,
        run_id: String(runRecord.id),
        api_url: github.url,
        server_url: 'https://github.com',
        token: TOKEN,
      },
      repositories: { 'release-guard/release-guard': REPO_ROOT },
      standIns: {
        'actions/checkout': checkoutStandIn({
          repositories: { 'release-guard/release-guard': REPO_ROOT, [repoName]: widgets },
        }),
        'actions/download-artifact': store.download,
        'actions/upload-artifact': store.upload,
        'actions/attest-build-provenance': attestStandIn({ sigstore }),
      },
    }).finally(() => oidc.close());
    const manifest = () => {
      const text = repo.file('docs/reports/manifest.json', 'release-manifest')?.content.toString();
      const entries = (JSON.parse(text ?? '{"entries":[]}') as { entries: Yaml[] }).entries;
      return entries.find((entry) => entry.run_id === String(runRecord.id));
    };
    return { result, repo, store, manifest };
  }

  /** The README's caller with release-guard's SHA filled in and the loopback Sigstore as a private deployment. */
  function caller(): CallerWorkflow {
    const text = readmeCaller();
    expect(text.match(/<40-hex sha>/g)).toHaveLength(1);
    const workflow = parse(text.replace(/<40-hex sha>/g, RELEASE_GUARD_SHA)) as CallerWorkflow;
    Object.assign(workflow.jobs['release-guard'].with, {
      'trusted-root': '${{ vars.SIGSTORE_TRUSTED_ROOT }}',
      'fulcio-url': '${{ vars.SIGSTORE_FULCIO_URL }}',
      'rekor-url': '${{ vars.SIGSTORE_REKOR_URL }}',
      // The checkout stand-in copies the tag without .git, so there is no commit time to read.
      'source-date-epoch': '1764547200',
    });
    return workflow;
  }

  const chainOf = (result: WorkflowResult) => result.jobs['release-guard'].workflow!;
  const results = (result: WorkflowResult) =>
    Object.fromEntries(CHAIN.map((id) => [id, result.jobs[id]?.result]));
  const webhooks = () => slack.received.filter((request) => request.endpoint === 'webhook');

  it("publishes a good release through the README's caller: every asset on it, every control pass", async () => {
    const before = webhooks().length;
    const { result, repo, manifest } = await runCaller('good', caller());
    const chain = chainOf(result);
    const failed = CHAIN.filter((id) => chain.jobs[id]?.result === 'failure').map((id) =>
      chain.jobs[id].steps
        .map((step) => `${step.name}: ${step.conclusion}\n${step.stdout}${step.stderr}`)
        .join('\n'),
    );
    expect(failed).toEqual([]);
    expect(results(chain)).toEqual({
      draft: 'success',
      provenance: 'success',
      'provenance-validate': 'success',
      sign: 'success',
      repro: 'skipped',
      evidence: 'success',
      publish: 'success',
      'notify-on-failure': 'skipped',
      'record-cancelled': 'skipped',
    });
    expect(result.jobs['release-guard'].result).toBe('success');
    expect(chain.outputs).toMatchObject({ published: 'true', 'failure-reason': '' });
    // release-guard ran from the commit its OIDC token named.
    expect(chain.jobs.draft.outputs['release-guard-sha']).toBe(RELEASE_GUARD_SHA);
    expect(repo.releases).toHaveLength(1);
    const [release] = repo.releases;
    expect(release).toMatchObject({ tag_name: 'v1.2.3', draft: false });
    expect(release.assets.map((asset) => asset.name).sort()).toEqual([
      'SHA256SUMS',
      'SHA256SUMS.sigstore.json',
      'evidence-v1.2.3.tar.gz',
      'evidence-v1.2.3.yaml',
      'widget.tgz',
      'widget.tgz.sigstore.json',
    ]);
    expect(release.assets.find((asset) => asset.name === 'widget.tgz')?.data.toString()).toBe(
      'widget release bytes\n',
    );
    const controls = manifest()?.controls as Record<string, { status: string }>;
    expect(
      Object.fromEntries(Object.entries(controls).map(([name, record]) => [name, record.status])),
    ).toEqual({
      provenance: 'pass',
      signature: 'pass',
      evidence: 'pass',
    });
    expect(repo.issues).toEqual([]);
    expect(webhooks()).toHaveLength(before);
  });

  const freezeOf = (repo: FakeRepo) => {
    const text = repo.file('.github/release-freeze.json')?.content.toString();
    return text === undefined ? undefined : (JSON.parse(text) as { frozen: boolean; reason: string });
  };

  it('stops a tampered artifact before sign: one issue filed, the draft never published', async () => {
    // The build attests its files, then a file changes before it is uploaded: the provenance names
    // other bytes than the release. The caller's own provenance, so the caller's workflow is the builder.
    const workflow = caller();
    const { build } = workflow.jobs;
    const repoName = 'acme/widgets-tampered';
    Object.assign(build.permissions, { 'id-token': 'write', attestations: 'write' });
    build.steps.splice(
      2,
      0,
      {
        id: 'attest',
        uses: 'actions/attest-build-provenance@e8998f949152b193b063cb0ec769d69d929409be',
        with: { 'subject-path': 'dist/*' },
      },
      { run: "printf 'injected\\n' >> dist/widget.tgz" },
    );
    build.steps.push({
      uses: 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02',
      with: { name: 'provenance', path: '${{ steps.attest.outputs.bundle-path }}' },
    });
    Object.assign(workflow.jobs['release-guard'].with, {
      'generate-provenance': false,
      'builder-id': `https://github.com/${repoName}/.github/workflows/release.yml@refs/tags/v1.2.3`,
    });
    // Slack's channel is archived: the alert falls back to one GitHub Issue.
    slack.answerAll('webhook', { status: 410 });
    const before = webhooks().length;
    const { result, repo, manifest } = await runCaller('tampered', workflow).finally(() =>
      slack.answerAll('webhook', null),
    );
    const chain = chainOf(result);
    expect(results(chain)).toEqual({
      draft: 'success',
      provenance: 'success',
      'provenance-validate': 'failure',
      sign: 'skipped',
      repro: 'skipped',
      evidence: 'skipped',
      publish: 'skipped',
      'notify-on-failure': 'success',
      'record-cancelled': 'skipped',
    });
    expect(chain.outputs).toMatchObject({ published: '', 'failure-reason': 'digest_mismatch' });
    expect(repo.releases).toHaveLength(1);
    expect(repo.releases[0].draft).toBe(true);
    // Nothing attached: the release files reach the draft only in sign, once validated.
    expect(repo.releases[0].assets).toEqual([]);
    expect(repo.issues).toHaveLength(1);
    expect(repo.issues[0].title).toContain('digest_mismatch');
    expect(webhooks().length).toBeGreaterThan(before);
    expect(manifest()).toMatchObject({
      status: 'failure',
      failure_reason: 'digest_mismatch',
      controls: { provenance: { status: 'fail', failure_reason: 'digest_mismatch' } },
    });
  });

  it('a repro mismatch freezes releases and blocks publish', async () => {
    const workflow = caller();
    Object.assign(workflow.jobs['release-guard'].with, {
      'repro-first-artifact': 'build-first',
      'repro-second-artifact': 'build-second',
    });
    const { result, repo, manifest } = await runCaller('repro', workflow, {
      'build-first': { 'widget.tgz': 'widget release bytes\n' },
      'build-second': { 'widget.tgz': 'widget release bytes, built at 08:00\n' },
    });
    const chain = chainOf(result);
    expect(results(chain)).toEqual({
      draft: 'success',
      provenance: 'success',
      'provenance-validate': 'success',
      sign: 'success',
      repro: 'failure',
      evidence: 'skipped',
      publish: 'skipped',
      'notify-on-failure': 'success',
      'record-cancelled': 'skipped',
    });
    expect(chain.outputs).toMatchObject({ published: '', 'failure-reason': 'repro_mismatch' });
    expect(repo.releases.map((release) => release.draft)).toEqual([true]);
    expect(freezeOf(repo)?.frozen).toBe(true);
    const controls = manifest()?.controls as Record<string, { status: string }>;
    expect(controls.repro.status).toBe('fail');
    expect(controls.evidence).toBeUndefined();
  });

  it('refuses to draft while releases are frozen: no release, nothing signed, one alert', async () => {
    const before = webhooks().length;
    const { result, repo } = await runCaller('frozen', caller(), {}, (frozenRepo) =>
      frozenRepo.putFile(
        '.github/release-freeze.json',
        JSON.stringify({
          schema_version: 1,
          frozen: true,
          reason: 'incident INC-9',
          incident: null,
          set_by: 'on-call',
          set_at: '2026-12-03T06:00:00.000Z',
          scope: 'all',
          expires_at: null,
          history: [
            {
              action: 'on',
              at: '2026-12-03T06:00:00.000Z',
              by: 'on-call',
              reason: 'incident INC-9',
              incident: null,
              scope: 'all',
              expires_at: null,
            },
          ],
        }),
      ),
    );
    const chain = chainOf(result);
    expect(results(chain)).toMatchObject({
      draft: 'failure',
      provenance: 'skipped',
      publish: 'skipped',
      'notify-on-failure': 'success',
    });
    expect(chain.outputs).toMatchObject({ 'failure-reason': 'release_frozen' });
    expect(repo.releases).toEqual([]);
    expect(webhooks()).toHaveLength(before + 1);
  });

  it('keeps the draft when a job passed but its control is not pass: an allowed evidence warn does not publish', async () => {
    const workflow = caller();
    const { with: inputs } = workflow.jobs['release-guard'];
    delete inputs.kev;
    Object.assign(inputs, { 'allow-warn': true });
    const { result, repo, manifest } = await runCaller('warn', workflow);
    const chain = chainOf(result);
    expect(results(chain)).toMatchObject({
      evidence: 'success',
      publish: 'failure',
      'notify-on-failure': 'success',
    });
    expect(chain.outputs).toMatchObject({ published: 'false', 'failure-reason': 'evidence_warn' });
    expect(repo.releases.map((release) => release.draft)).toEqual([true]);
    const publish = chain.jobs.publish.steps.find((step) => step.name?.startsWith('Publish the draft'));
    expect(publish?.stdout).toContain(
      '::error::evidence_warn: the release v1.2.3 stays a draft: evidence is warn',
    );
    expect((manifest()?.controls as Record<string, { status: string }>).evidence.status).toBe('warn');
  });
});
