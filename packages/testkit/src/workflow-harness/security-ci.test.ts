import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAction } from '../action-runner';
import { startGitHubServer, type GitHubTestServer } from '../github';
import { startSigstoreServer, type SigstoreServer } from '../sigstore';
import { startSlackReceiver, type SlackReceiver } from '../slack';
import {
  attestStandIn,
  checkoutStandIn,
  createArtifactStore,
  runWorkflow,
  startOidcServer,
  type OidcServer,
  type WorkflowRunOptions,
} from '.';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const WORKFLOW = path.join(REPO_ROOT, '.github/workflows/security-ci.yml');
const ACTIONS = ['provenance-validate', 'notify-on-failure', 'manifest-record'];
const built = ACTIONS.every((name) => fs.existsSync(path.join(REPO_ROOT, `actions/${name}/dist/index.js`)));
const TOKEN = 'ghs_securityCiHarnessToken0123456789abcdef';
const RELEASE_GUARD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const JOB_WORKFLOW_REF = `release-guard/release-guard/.github/workflows/security-ci.yml@${RELEASE_GUARD_SHA}`;
const COMMIT = '8f70009fde0c94ade6ce2a054b94718c819126ec';

/**
 * The repository's real security-ci.yml, called as a caller's release workflow would call it, with every
 * third-party action replaced by a stand-in and release-guard's own actions run from their dist/.
 *
 * The passing path cannot run yet: the workflow gives provenance-validate no `trusted-root`, so the
 * action verifies against the embedded public-good root, which the loopback Sigstore cannot satisfy.
 * Every other check passes (builder id from the job's OIDC `job_workflow_ref` included), and the same
 * provenance verifies with the loopback root (last assertion of the first test).
 */
(built ? describe : describe.skip)('security-ci.yml in the workflow harness', () => {
  let github: GitHubTestServer;
  let sigstore: SigstoreServer;
  let slack: SlackReceiver;
  let oidc: OidcServer;
  let dir: string;

  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN });
    sigstore = await startSigstoreServer();
    slack = await startSlackReceiver();
    oidc = await startOidcServer({
      privateKey: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
      claims: {
        repository: 'acme/widgets',
        ref: 'refs/tags/v1.2.3',
        sha: COMMIT,
        workflow_ref: 'acme/widgets/.github/workflows/release.yml@refs/tags/v1.2.3',
        job_workflow_ref: JOB_WORKFLOW_REF,
        job_workflow_sha: RELEASE_GUARD_SHA,
        event_name: 'push',
        runner_environment: 'github-hosted',
      },
    });
    github.repo('acme/widgets').branches.add('release-manifest');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-security-ci-'));
  });
  afterAll(async () => {
    await github.stop();
    await sigstore.close();
    await slack.close();
    await oidc.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function run(name: string, inputs: Record<string, unknown>, extra: Partial<WorkflowRunOptions> = {}) {
    const repo = github.repo('acme/widgets');
    const runRecord = repo.addRun({ head_branch: 'v1.2.3', status: 'in_progress' });
    const store = createArtifactStore({
      dir: path.join(dir, name, 'artifacts'),
      github: { repo, runId: runRecord.id },
    });
    await store.put('release', { 'widget.tgz': 'widget release bytes\n' });
    const options: WorkflowRunOptions = {
      workflowFile: WORKFLOW,
      workDir: path.join(dir, name, 'jobs'),
      oidc,
      inputs: {
        tag: 'v1.2.3',
        'artifact-name': 'release',
        'builder-id': `https://github.com/${JOB_WORKFLOW_REF}`,
        'release-guard-ref': RELEASE_GUARD_SHA,
        ...inputs,
      },
      secrets: { SLACK_WEBHOOK_URL: slack.webhookUrl },
      github: {
        repository: 'acme/widgets',
        ref: 'refs/tags/v1.2.3',
        ref_name: 'v1.2.3',
        sha: COMMIT,
        run_id: String(runRecord.id),
        api_url: github.url,
        token: TOKEN,
      },
      standIns: {
        'actions/checkout': checkoutStandIn({ repositories: { 'release-guard/release-guard': REPO_ROOT } }),
        'actions/download-artifact': store.download,
        'actions/upload-artifact': store.upload,
        'actions/attest-build-provenance': attestStandIn({ sigstore }),
      },
      ...extra,
    };
    return { result: await runWorkflow(options), store, runId: String(runRecord.id) };
  }

  function manifestEntry(runId: string) {
    const file = github.repo('acme/widgets').file('docs/reports/manifest.json', 'release-manifest');
    const manifest = JSON.parse(file?.content.toString() ?? '{"entries":[]}') as {
      entries: Array<Record<string, unknown>>;
    };
    return manifest.entries.find((entry) => entry.run_id === runId);
  }

  const results = (result: Awaited<ReturnType<typeof runWorkflow>>) =>
    Object.fromEntries(result.order.map((id) => [id, result.jobs[id].result]));

  it('attests through the stand-in; validation against the embedded root fails signature_invalid, notified', async () => {
    const { result, store, runId } = await run('attest', {});
    expect(result.order).toEqual([
      'provenance',
      'provenance-validate',
      'notify-on-failure',
      'record-cancelled',
    ]);
    const provenance = result.jobs.provenance;
    expect(provenance.steps.map((step) => [step.name, step.conclusion])).toEqual([
      ['Download the release files', 'success'],
      ['Attest build provenance', 'success'],
      ['Upload the provenance', 'success'],
    ]);
    expect(Object.keys(store.files('provenance'))).toEqual(['attestation.json']);
    const validate = result.jobs['provenance-validate'];
    expect({ results: results(result), outputs: result.outputs, stderr: validate.steps[1].stderr }).toEqual({
      results: {
        provenance: 'success',
        'provenance-validate': 'failure',
        'notify-on-failure': 'success',
        'record-cancelled': 'skipped',
      },
      outputs: { verified: 'false', 'failure-reason': 'signature_invalid' },
      stderr: expect.any(String),
    });
    expect(slack.received.filter((request) => request.endpoint === 'webhook')).toHaveLength(1);
    expect(JSON.stringify(slack.received[0].body)).toContain('signature_invalid');
    // Every check but the signature passed: the builder id is the job_workflow_ref of the OIDC token.
    expect(validate.runs[0].summary).toContain('| builder_id | pass (unauthenticated) |');
    expect(validate.runs[0].summary).toContain('embedded public-good trusted root');
    expect(manifestEntry(runId)).toMatchObject({
      tag: 'v1.2.3',
      status: 'failure',
      failure_reason: 'signature_invalid',
    });

    const workspace = path.join(dir, 'attest', 'check');
    fs.mkdirSync(workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, 'root.json'), JSON.stringify(sigstore.trustedRoot));
    const check = await runAction(path.join(REPO_ROOT, 'actions/provenance-validate'), {
      inputs: {
        tag: 'v1.2.3',
        'run-id': runId,
        'artifact-name': 'release',
        'provenance-name': 'provenance',
        'builder-id': `https://github.com/${JOB_WORKFLOW_REF}`,
        'trusted-root': path.join(workspace, 'root.json'),
        'github-token': TOKEN,
      },
      env: { GITHUB_REPOSITORY: 'acme/widgets', GITHUB_API_URL: github.url, GITHUB_WORKSPACE: workspace },
    });
    expect({ code: check.code, outputs: check.outputs }).toMatchObject({
      code: 0,
      outputs: { verified: 'true', 'failure-reason': '' },
    });
  });

  it('without generate-provenance and no provenance artifact: provenance_missing, notified', async () => {
    const { result, runId } = await run('no-provenance', { 'generate-provenance': false });
    expect(result.jobs.provenance.steps.map((step) => step.conclusion)).toEqual([
      'success',
      'skipped',
      'skipped',
    ]);
    expect(results(result)).toEqual({
      provenance: 'success',
      'provenance-validate': 'failure',
      'notify-on-failure': 'success',
      'record-cancelled': 'skipped',
    });
    expect(result.outputs['failure-reason']).toBe('provenance_missing');
    expect(manifestEntry(runId)).toMatchObject({ status: 'failure', failure_reason: 'provenance_missing' });
    expect(slack.received.filter((request) => request.endpoint === 'webhook')).toHaveLength(2);
  });

  it('a validation cancelled by its concurrency group is recorded, not notified as a failure', async () => {
    const { result, runId } = await run('cancelled', {}, { cancelJobs: ['provenance-validate'] });
    expect(results(result)).toEqual({
      provenance: 'success',
      'provenance-validate': 'cancelled',
      'notify-on-failure': 'skipped',
      'record-cancelled': 'success',
    });
    expect(JSON.stringify(manifestEntry(runId))).toContain(
      'provenance-validate was cancelled before it finished',
    );
    expect(result.outputs).toEqual({ verified: '', 'failure-reason': '' });
  });
});
