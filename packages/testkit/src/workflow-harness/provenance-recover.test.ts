import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { startGitHubServer, type GitHubTestServer } from '../github';
import { checkoutStandIn, runWorkflow, startOidcServer, type OidcServer, type WorkflowRunOptions } from '.';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const built = fs.existsSync(path.join(REPO_ROOT, 'actions/provenance-recover/dist/index.js'));
const TOKEN = 'ghs_recoverHarnessToken0123456789abcdefgh';
const RELEASE_GUARD_SHA = 'b2c3d4e5f60718293a4b5c6d7e8f9012345678a1';
const CALLED = 'release-guard/release-guard/.github/workflows/provenance-recover.yml';
const TAG = 'v1.2.3';

/** The caller workflow of the README's "The `provenance-recover` workflow (on call)" section, as a user copies it. */
function readmeCaller(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n### The `provenance-recover` workflow (on call)\n')[1]?.split('\n## ')[0];
  const block = section?.match(/```yaml\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error('README: no yaml block in "The `provenance-recover` workflow (on call)"');
  return block;
}

type Permissions = Record<string, string>;

(built ? describe : describe.skip)("the README's provenance-recover caller in the workflow harness", () => {
  let github: GitHubTestServer;
  let oidc: OidcServer;
  let dir: string;
  let callerFile: string;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN });
    oidc = await startOidcServer({
      privateKey: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
      claims: () => claims,
    });
    const repo = github.repo('acme/widgets');
    repo.branches.add('release-manifest');
    repo.addWorkflow({ path: '.github/workflows/release.yml' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-recover-caller-'));
    callerFile = path.join(dir, 'widgets/.github/workflows/provenance-recover.yml');
    fs.mkdirSync(path.dirname(callerFile), { recursive: true });
    fs.writeFileSync(callerFile, readmeCaller().replace('<40-hex sha>', RELEASE_GUARD_SHA));
  });
  beforeEach(() => {
    claims = {
      repository: 'acme/widgets',
      ref: 'refs/heads/main',
      workflow_ref: 'acme/widgets/.github/workflows/provenance-recover.yml@refs/heads/main',
      job_workflow_ref: `${CALLED}@${RELEASE_GUARD_SHA}`,
      job_workflow_sha: RELEASE_GUARD_SHA,
      event_name: 'workflow_dispatch',
    };
  });
  afterAll(async () => {
    await github.stop();
    await oidc.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function failedRun() {
    return github.repo('acme/widgets').addRun({
      path: '.github/workflows/release.yml',
      head_branch: TAG,
      conclusion: 'failure',
      nextAttempt: { conclusion: 'success' },
    });
  }

  function dispatch(name: string, runId: number, reason: string) {
    const options: WorkflowRunOptions = {
      workflowFile: callerFile,
      workDir: path.join(dir, name),
      oidc,
      inputs: { run_id: String(runId), tag: TAG, reason },
      repositories: { 'release-guard/release-guard': REPO_ROOT },
      github: {
        repository: 'acme/widgets',
        event_name: 'workflow_dispatch',
        server_url: 'https://github.example',
        api_url: github.url,
        token: TOKEN,
      },
      standIns: {
        'actions/checkout': checkoutStandIn({ repositories: { 'release-guard/release-guard': REPO_ROOT } }),
      },
    };
    return runWorkflow(options);
  }

  function manifestEntry(runId: number) {
    const file = github.repo('acme/widgets').file('docs/reports/manifest.json', 'release-manifest');
    const manifest = JSON.parse(file?.content.toString() ?? '{"entries":[]}') as {
      entries: Array<Record<string, unknown> & { history: Array<{ note: string | null }> }>;
    };
    return manifest.entries.find((entry) => entry.run_id === String(runId));
  }

  it('is the short workflow_dispatch caller, and grants each called job what it asks for', () => {
    const caller = parse(readmeCaller()) as {
      on: { workflow_dispatch: { inputs: Record<string, unknown> } };
      jobs: Record<string, { uses: string; permissions: Permissions }>;
    };
    expect(readmeCaller().trim().split('\n').length).toBeLessThanOrEqual(12);
    expect(Object.keys(caller.on.workflow_dispatch.inputs)).toEqual(['run_id', 'tag', 'reason']);
    expect(caller.jobs.recover.uses).toBe(`${CALLED}@<40-hex sha>`);
    // GitHub gives a called workflow's jobs no more than the calling job's permissions.
    const called = parse(
      fs.readFileSync(path.join(REPO_ROOT, '.github/workflows/provenance-recover.yml'), 'utf8'),
    ) as { jobs: Record<string, { permissions: Permissions }> };
    for (const [id, job] of Object.entries(called.jobs)) {
      for (const [scope, level] of Object.entries(job.permissions))
        expect({ job: id, scope, granted: caller.jobs.recover.permissions[scope] }).toEqual({
          job: id,
          scope,
          granted: level,
        });
    }
  });

  it('resolves release-guard at the pinned commit from the OIDC token and re-runs the failed run', async () => {
    const run = failedRun();
    const result = await dispatch('rerun', run.id, "artifact storage outage, INC-42; it's back");
    expect({ order: result.order, result: result.result }).toEqual({ order: ['recover'], result: 'success' });
    const called = result.jobs.recover.workflow!;
    expect(Object.fromEntries(called.order.map((id) => [id, called.jobs[id].result]))).toEqual({
      locate: 'success',
      recover: 'success',
    });
    expect(called.jobs.locate.outputs).toEqual({
      repository: 'release-guard/release-guard',
      sha: RELEASE_GUARD_SHA,
    });
    expect(oidc.issued.at(-1)).toMatchObject({ jobId: 'locate', audience: 'release-guard' });
    const [checkout, recover] = called.jobs.recover.steps;
    expect(checkout.outputs).toMatchObject({ ref: RELEASE_GUARD_SHA });
    expect({ step: recover.conclusion, outputs: result.jobs.recover.outputs }).toEqual({
      step: 'success',
      outputs: { status: 'rerun-succeeded', 'failure-reason': '' },
    });
    expect(
      github.requestsTo('POST', `/repos/acme/widgets/actions/runs/${run.id}/rerun-failed-jobs`),
    ).toHaveLength(1);
    const entry = manifestEntry(run.id);
    expect(entry).toMatchObject({ tag: TAG, status: 'success', rerun_in_progress: false });
    expect(JSON.stringify(entry?.history)).toContain("artifact storage outage, INC-42; it's back");
  });

  it('re-runs nothing when the token names no workflow commit', async () => {
    delete claims.job_workflow_sha;
    claims.job_workflow_ref = `${CALLED}@refs/heads/main`;
    const run = failedRun();
    const result = await dispatch('no-sha', run.id, 'retry');
    const called = result.jobs.recover.workflow!;
    expect(Object.fromEntries(called.order.map((id) => [id, called.jobs[id].result]))).toEqual({
      locate: 'failure',
      recover: 'skipped',
    });
    expect(called.jobs.locate.steps[0].stdout).toContain(
      "the OIDC token's job_workflow_sha is not a commit SHA",
    );
    expect(
      github.requestsTo('POST', `/repos/acme/widgets/actions/runs/${run.id}/rerun-failed-jobs`),
    ).toHaveLength(0);
  });
});
