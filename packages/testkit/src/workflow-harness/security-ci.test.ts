import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
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
  type WorkflowResult,
  type WorkflowRunOptions,
} from '.';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const WORKFLOW = path.join(REPO_ROOT, '.github/workflows/security-ci.yml');
const ACTIONS = ['workflow-identity', 'provenance-validate', 'notify-on-failure', 'manifest-record'];
const built = ACTIONS.every((name) => fs.existsSync(path.join(REPO_ROOT, `actions/${name}/dist/index.js`)));
const TOKEN = 'ghs_securityCiHarnessToken0123456789abcdef';
const RELEASE_GUARD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const JOB_WORKFLOW_REF = `release-guard/release-guard/.github/workflows/security-ci.yml@${RELEASE_GUARD_SHA}`;
const CALLER_WORKFLOW_REF = 'acme/widgets/.github/workflows/release.yml@refs/tags/v1.2.3';
const COMMIT = '8f70009fde0c94ade6ce2a054b94718c819126ec';

type Yaml = Record<string, unknown>;

/**
 * The fenced yaml blocks of the README's "Use in your repository" section: the caller workflow (the
 * block that calls security-ci.yml) and the `with:` lines for a private Sigstore deployment.
 */
function readmeSecurityCi(): { caller: string; privateSigstore: Yaml } {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Use in your repository\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  const blocks = [...section.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  const caller = blocks.find((block) => block.includes('/.github/workflows/security-ci.yml@'));
  const privateSigstore = blocks.find((block) => block.includes('trusted-root:'));
  if (start < 0 || !caller || !privateSigstore)
    throw new Error('README: the security-ci caller or its trusted-root lines are missing');
  return { caller, privateSigstore: parse(privateSigstore) as Yaml };
}

/**
 * The repository's real security-ci.yml with every third-party action replaced by a stand-in and
 * release-guard's own actions run from their dist/ (workflow-identity through its pinned reference,
 * resolved in this tree), against the GitHub test server, the loopback Sigstore and the Slack receiver.
 */
(built ? describe : describe.skip)('security-ci.yml in the workflow harness', () => {
  let github: GitHubTestServer;
  let sigstore: SigstoreServer;
  let slack: SlackReceiver;
  let oidc: OidcServer;
  let dir: string;
  let widgets: string;

  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN });
    sigstore = await startSigstoreServer();
    slack = await startSlackReceiver();
    const run = {
      repository: 'acme/widgets',
      ref: 'refs/tags/v1.2.3',
      sha: COMMIT,
      workflow_ref: CALLER_WORKFLOW_REF,
      event_name: 'push',
      runner_environment: 'github-hosted',
    };
    oidc = await startOidcServer({
      privateKey: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
      // The caller's own jobs run release.yml; security-ci's jobs run the called file at its commit.
      claims: ({ jobId }) =>
        jobId === 'build'
          ? { ...run, job_workflow_ref: CALLER_WORKFLOW_REF, job_workflow_sha: COMMIT }
          : { ...run, job_workflow_ref: JOB_WORKFLOW_REF, job_workflow_sha: RELEASE_GUARD_SHA },
    });
    github.repo('acme/widgets').branches.add('release-manifest');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-security-ci-'));
    widgets = path.join(dir, 'widgets-repo');
    fs.mkdirSync(widgets);
    fs.writeFileSync(
      path.join(widgets, 'Makefile'),
      ".PHONY: dist\ndist:\n\tmkdir -p dist\n\tprintf 'widget release bytes\\n' > dist/widget.tgz\n",
    );
  });
  afterAll(async () => {
    await github.stop();
    await sigstore.close();
    await slack.close();
    await oidc.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const webhooks = () => slack.received.filter((request) => request.endpoint === 'webhook');

  function harness(name: string) {
    const repo = github.repo('acme/widgets');
    const runRecord = repo.addRun({ head_branch: 'v1.2.3', status: 'in_progress' });
    const store = createArtifactStore({
      dir: path.join(dir, name, 'artifacts'),
      github: { repo, runId: runRecord.id },
    });
    const options: Omit<WorkflowRunOptions, 'workflowFile'> = {
      workDir: path.join(dir, name, 'jobs'),
      oidc,
      secrets: { SLACK_WEBHOOK_URL: slack.webhookUrl },
      vars: { SIGSTORE_TRUSTED_ROOT: JSON.stringify(sigstore.trustedRoot) },
      github: {
        repository: 'acme/widgets',
        ref: 'refs/tags/v1.2.3',
        ref_name: 'v1.2.3',
        sha: COMMIT,
        run_id: String(runRecord.id),
        api_url: github.url,
        token: TOKEN,
      },
      repositories: { 'release-guard/release-guard': REPO_ROOT },
      standIns: {
        'actions/checkout': checkoutStandIn({
          repositories: { 'release-guard/release-guard': REPO_ROOT, 'acme/widgets': widgets },
        }),
        'actions/download-artifact': store.download,
        'actions/upload-artifact': store.upload,
        'actions/attest-build-provenance': attestStandIn({ sigstore }),
      },
    };
    return { options, store, runId: String(runRecord.id) };
  }

  /** security-ci.yml called directly, as the caller's `security-ci` job calls it. */
  async function callSecurityCi(name: string, inputs: Yaml, extra: Partial<WorkflowRunOptions> = {}) {
    const { options, store, runId } = harness(name);
    await store.put('release', { 'widget.tgz': 'widget release bytes\n' });
    const result = await runWorkflow({
      ...options,
      workflowFile: WORKFLOW,
      inputs: { tag: 'v1.2.3', 'artifact-name': 'release', ...inputs },
      ...extra,
    });
    return { result, runId };
  }

  /** A caller workflow file (text) run with the repository's security-ci.yml behind its `uses:`. */
  async function runCaller(name: string, text: string) {
    const { options, store, runId } = harness(name);
    const file = path.join(dir, name, 'caller/.github/workflows/release.yml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const result = await runWorkflow({ ...options, workflowFile: file });
    return { result, store, runId };
  }

  function manifestEntry(runId: string) {
    const file = github.repo('acme/widgets').file('docs/reports/manifest.json', 'release-manifest');
    const manifest = JSON.parse(file?.content.toString() ?? '{"entries":[]}') as {
      entries: Array<Record<string, unknown>>;
    };
    return manifest.entries.find((entry) => entry.run_id === runId);
  }

  const results = (result: WorkflowResult) =>
    Object.fromEntries(result.order.map((id) => [id, result.jobs[id].result]));
  const called = (result: WorkflowResult, job = 'security-ci') => result.jobs[job].workflow!;
  const stepNamed = (result: WorkflowResult, job: string, name: string) =>
    result.jobs[job].steps.find((step) => step.name === name)!;

  it("passes end to end: the README's caller, its trusted-root lines for a private Sigstore, a real release", async () => {
    const readme = readmeSecurityCi();
    const workflow = parse(readme.caller.replace(/<40-hex sha>/g, RELEASE_GUARD_SHA)) as {
      jobs: Record<string, Yaml & { with: Yaml }>;
    };
    // The README's caller writes release-guard's SHA once, and needs no builder id.
    expect(readme.caller.match(/<40-hex sha>/g)).toHaveLength(1);
    expect(Object.keys(workflow.jobs['security-ci'].with).sort()).toEqual(['artifact-name', 'tag']);
    Object.assign(workflow.jobs['security-ci'].with, readme.privateSigstore.with);

    const { result, store, runId } = await runCaller('readme', stringify(workflow));
    const securityCi = called(result);
    expect({ caller: results(result), securityCi: results(securityCi), outputs: securityCi.outputs }).toEqual(
      {
        caller: { build: 'success', 'security-ci': 'success' },
        securityCi: {
          provenance: 'success',
          'provenance-validate': 'success',
          'notify-on-failure': 'skipped',
          'record-cancelled': 'skipped',
        },
        outputs: { verified: 'true', 'failure-reason': '' },
      },
    );
    // The build's `make dist` made the release files the provenance names.
    expect(Object.keys(store.files('release'))).toEqual(['widget.tgz']);
    expect(Object.keys(store.files('provenance'))).toEqual(['attestation.json']);
    expect(securityCi.jobs.provenance.outputs).toEqual({
      'release-guard-repository': 'release-guard/release-guard',
      'release-guard-sha': RELEASE_GUARD_SHA,
      'builder-id': `https://github.com/${JOB_WORKFLOW_REF}`,
    });
    // Later jobs check out release-guard at the commit the token named.
    expect(stepNamed(securityCi, 'provenance-validate', 'Check out release-guard').outputs.ref).toBe(
      RELEASE_GUARD_SHA,
    );
    const summary = securityCi.jobs['provenance-validate'].runs[0].summary;
    expect(summary).toMatch(/\| builder_id \| pass \|/);
    expect(summary).toMatch(/\| signature \| pass \|/);
    expect(manifestEntry(runId)).toMatchObject({ tag: 'v1.2.3', status: 'success' });
    expect(webhooks()).toHaveLength(0);
  });

  it('fails builder_mismatch on provenance from another workflow, unless builder-id names that workflow', async () => {
    const caller = (builderId: string) =>
      stringify({
        on: { push: { tags: ['v*'] } },
        permissions: {},
        jobs: {
          build: {
            'runs-on': 'ubuntu-latest',
            permissions: { contents: 'read', 'id-token': 'write', attestations: 'write' },
            steps: [
              {
                uses: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683',
                with: { 'persist-credentials': false },
              },
              { run: 'make dist' },
              {
                id: 'attest',
                uses: 'actions/attest-build-provenance@e8998f949152b193b063cb0ec769d69d929409be',
                with: { 'subject-path': 'dist/*' },
              },
              {
                uses: 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02',
                with: { name: 'release', path: 'dist/' },
              },
              {
                uses: 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02',
                with: { name: 'provenance', path: '${{ steps.attest.outputs.bundle-path }}' },
              },
            ],
          },
          'security-ci': {
            needs: 'build',
            uses: `release-guard/release-guard/.github/workflows/security-ci.yml@${RELEASE_GUARD_SHA}`,
            with: {
              tag: '${{ github.ref_name }}',
              'artifact-name': 'release',
              'generate-provenance': false,
              'trusted-root': '${{ vars.SIGSTORE_TRUSTED_ROOT }}',
              ...(builderId ? { 'builder-id': builderId } : {}),
            },
            secrets: { SLACK_WEBHOOK_URL: '${{ secrets.SLACK_WEBHOOK_URL }}' },
          },
        },
      });
    const before = webhooks().length;
    const other = await runCaller('other-builder', caller(''));
    expect(results(called(other.result))).toEqual({
      provenance: 'success',
      'provenance-validate': 'failure',
      'notify-on-failure': 'success',
      'record-cancelled': 'skipped',
    });
    expect(called(other.result).outputs).toEqual({ verified: 'false', 'failure-reason': 'builder_mismatch' });
    const summary = called(other.result).jobs['provenance-validate'].runs[0].summary;
    expect(summary).toContain('builder_id');
    expect(summary).toContain(CALLER_WORKFLOW_REF.replace(/[\\`*_{}[\]()#+!|~]/g, (ch) => `\\${ch}`));
    expect(manifestEntry(other.runId)).toMatchObject({
      status: 'failure',
      failure_reason: 'builder_mismatch',
    });
    expect(webhooks()).toHaveLength(before + 1);
    expect(JSON.stringify(webhooks().at(-1)?.body)).toContain('builder_mismatch');

    const named = await runCaller('named-builder', caller(`https://github.com/${CALLER_WORKFLOW_REF}`));
    expect(called(named.result).outputs).toEqual({ verified: 'true', 'failure-reason': '' });
  });

  it('fails when release-guard-ref disagrees with the commit the workflow runs from, and still notifies from that commit', async () => {
    const wrong = 'ffffffffffffffffffffffffffffffffffffffff';
    const before = webhooks().length;
    const { result } = await callSecurityCi('wrong-ref', { 'release-guard-ref': wrong });
    expect(results(result)).toEqual({
      provenance: 'failure',
      'provenance-validate': 'skipped',
      'notify-on-failure': 'success',
      'record-cancelled': 'skipped',
    });
    const identity = stepNamed(
      result,
      'provenance',
      "Find release-guard's own commit (job_workflow_ref of the OIDC token)",
    );
    expect(identity.conclusion).toBe('failure');
    expect(identity.stdout).toContain(
      `::error::usage_error: \`expected-sha\` is ${wrong}, but this job's workflow was read at ${RELEASE_GUARD_SHA}`,
    );
    expect(result.jobs.provenance.steps.slice(1).map((step) => step.conclusion)).toEqual([
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(stepNamed(result, 'notify-on-failure', 'Check out release-guard').outputs.ref).toBe(
      RELEASE_GUARD_SHA,
    );
    expect(webhooks()).toHaveLength(before + 1);

    const agreeing = await callSecurityCi('right-ref', {
      'release-guard-ref': RELEASE_GUARD_SHA.toUpperCase(),
      'release-guard-repository': 'release-guard/release-guard',
      'trusted-root': JSON.stringify(sigstore.trustedRoot),
    });
    expect(agreeing.result.outputs).toEqual({ verified: 'true', 'failure-reason': '' });
  });

  it('without the trusted-root input the public-good root is used: the loopback signature fails, notified', async () => {
    const before = webhooks().length;
    const { result, runId } = await callSecurityCi('public-good', {});
    expect(results(result)).toEqual({
      provenance: 'success',
      'provenance-validate': 'failure',
      'notify-on-failure': 'success',
      'record-cancelled': 'skipped',
    });
    expect(result.outputs).toEqual({ verified: 'false', 'failure-reason': 'signature_invalid' });
    expect(stepNamed(result, 'provenance-validate', 'Write the trusted root').conclusion).toBe('skipped');
    const summary = result.jobs['provenance-validate'].runs[0].summary;
    expect(summary).toContain('| builder_id | pass (unauthenticated) |');
    expect(summary).toContain('embedded public-good trusted root');
    expect(manifestEntry(runId)).toMatchObject({ status: 'failure', failure_reason: 'signature_invalid' });
    expect(webhooks()).toHaveLength(before + 1);
  });

  it('without generate-provenance and no provenance artifact: provenance_missing, notified', async () => {
    const before = webhooks().length;
    const { result, runId } = await callSecurityCi('no-provenance', { 'generate-provenance': false });
    expect(result.jobs.provenance.steps.map((step) => step.conclusion)).toEqual([
      'success',
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
    expect(webhooks()).toHaveLength(before + 1);
  });

  it('a validation cancelled by its concurrency group is recorded, not notified as a failure', async () => {
    const { result, runId } = await callSecurityCi('cancelled', {}, { cancelJobs: ['provenance-validate'] });
    expect(results(result)).toEqual({
      provenance: 'success',
      'provenance-validate': 'cancelled',
      'notify-on-failure': 'skipped',
      'record-cancelled': 'success',
    });
    expect(stepNamed(result, 'record-cancelled', 'Check out release-guard').outputs.ref).toBe(
      RELEASE_GUARD_SHA,
    );
    expect(JSON.stringify(manifestEntry(runId))).toContain(
      'provenance-validate was cancelled before it finished',
    );
    expect(result.outputs).toEqual({ verified: '', 'failure-reason': '' });
  });

  it('without an OIDC token the later jobs refuse to run release-guard from an unknown commit', async () => {
    const before = webhooks().length;
    const { result } = await callSecurityCi('no-oidc', {}, { oidc: undefined });
    expect(results(result)).toEqual({
      provenance: 'failure',
      'provenance-validate': 'skipped',
      'notify-on-failure': 'failure',
      'record-cancelled': 'skipped',
    });
    expect(result.jobs.provenance.steps[0].stdout).toContain('give the job `permissions: id-token: write`');
    const notify = result.jobs['notify-on-failure'].steps;
    expect(notify.map((step) => [step.name, step.conclusion])).toEqual([
      ["Stop when release-guard's commit is unknown", 'failure'],
      ['Check out release-guard', 'skipped'],
      ['Notify (Slack, then a GitHub Issue)', 'skipped'],
    ]);
    expect(notify[0].stdout).toContain("::error::release-guard's own commit is unknown");
    expect(webhooks()).toHaveLength(before);
  });
});
