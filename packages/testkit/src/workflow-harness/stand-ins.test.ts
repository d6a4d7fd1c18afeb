import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSigstoreServer, type SigstoreServer } from '../sigstore';
import {
  attestStandIn,
  checkoutStandIn,
  createArtifactStore,
  runWorkflow,
  startOidcServer,
  type OidcServer,
} from '.';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const built = fs.existsSync(path.join(REPO_ROOT, 'actions/manifest-record/dist/index.js'));
const SHA = '8f70009fde0c94ade6ce2a054b94718c819126ec';
const JOB_WORKFLOW_REF = 'acme/widgets/.github/workflows/release.yml@refs/tags/v1.2.3';
const PIN = '11bd71901bbe5b1630ceea73d27597364c9af683';

const WORKFLOW = `
on: push
permissions: {}
jobs:
  build:
    permissions: { contents: read }
    steps:
      - uses: actions/checkout@${PIN}
      - run: |
          mkdir -p out/nested
          cp widget.txt out/widget.tgz
          echo second > out/nested/notes.txt
      - uses: actions/upload-artifact@${PIN}
        with:
          name: release
          path: out/
  attest:
    needs: build
    permissions: { id-token: write }
    steps:
      - uses: actions/download-artifact@${PIN}
        with:
          name: release
          path: release-files
      - id: attest
        uses: actions/attest-build-provenance@${PIN}
        with:
          subject-path: release-files/**
      - uses: actions/upload-artifact@${PIN}
        with:
          name: provenance
          path: \${{ steps.attest.outputs.bundle-path }}
          if-no-files-found: error
  record:
    needs: attest
    outputs:
      status: \${{ steps.record.outputs.status }}
    steps:
      - uses: actions/checkout@${PIN}
        with:
          repository: release-guard/release-guard
          path: .release-guard
      - id: record
        uses: ./.release-guard/actions/manifest-record
        with:
          tag: v1.2.3
          note: recorded through the harness
  unattested:
    needs: build
    steps:
      - uses: actions/download-artifact@${PIN}
        with: { name: release, path: files }
      - uses: actions/attest-build-provenance@${PIN}
        with: { subject-path: 'files/*.tgz' }
`;

(built ? describe : describe.skip)('workflow harness: stand-ins and release-guard actions', () => {
  let sigstore: SigstoreServer;
  let oidc: OidcServer;
  let dir: string;
  beforeAll(async () => {
    sigstore = await startSigstoreServer();
    oidc = await startOidcServer({
      privateKey: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
      claims: {
        repository: 'acme/widgets',
        ref: 'refs/tags/v1.2.3',
        sha: SHA,
        job_workflow_ref: JOB_WORKFLOW_REF,
        workflow_ref: JOB_WORKFLOW_REF,
        run_id: '77',
        run_attempt: '1',
      },
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-standins-test-'));
    fs.mkdirSync(path.join(dir, 'widgets'));
    fs.writeFileSync(path.join(dir, 'widgets/widget.txt'), 'widget bytes\n');
  });
  afterAll(async () => {
    await sigstore.close();
    await oidc.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks out, passes artifacts between jobs, attests through the loopback signer, runs our action', async () => {
    const store = createArtifactStore({ dir: path.join(dir, 'artifacts') });
    const file = path.join(dir, 'workflow.yml');
    fs.writeFileSync(file, WORKFLOW);
    const result = await runWorkflow({
      workflowFile: file,
      oidc,
      workDir: path.join(dir, 'run'),
      github: { ref: 'refs/tags/v1.2.3', sha: SHA, run_id: '77' },
      standIns: {
        'actions/checkout': checkoutStandIn({
          repositories: {
            'acme/widgets': path.join(dir, 'widgets'),
            'release-guard/release-guard': REPO_ROOT,
          },
        }),
        'actions/upload-artifact': store.upload,
        'actions/download-artifact': store.download,
        'actions/attest-build-provenance': attestStandIn({ sigstore }),
      },
    });
    const results = Object.fromEntries(Object.entries(result.jobs).map(([id, job]) => [id, job.result]));
    expect(results).toEqual({
      build: 'success',
      attest: 'success',
      record: 'success',
      unattested: 'failure',
    });
    expect(Object.keys(store.files('release')).sort()).toEqual(['nested/notes.txt', 'widget.tgz']);

    const bundles = Object.values(store.files('provenance'));
    expect(bundles).toHaveLength(1);
    const bundle = JSON.parse(bundles[0].toString()) as { dsseEnvelope: { payload: string } };
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()) as {
      subject: Array<{ name: string; digest: { sha256: string } }>;
      predicate: { runDetails: { builder: { id: string } } };
    };
    const digest = crypto.createHash('sha256').update('widget bytes\n').digest('hex');
    expect(statement.subject).toContainEqual({ name: 'widget.tgz', digest: { sha256: digest } });
    expect(statement.predicate.runDetails.builder.id).toBe(`https://github.com/${JOB_WORKFLOW_REF}`);
    expect(sigstore.requests.some((request) => request.service === 'fulcio')).toBe(true);

    const record = result.jobs.record;
    expect(record.outputs.status).toBeTruthy();
    const manifest = JSON.parse(
      fs.readFileSync(path.join(record.runs[0].workspace, 'docs/reports/manifest.json'), 'utf8'),
    ) as { entries: Array<Record<string, unknown>> };
    expect(manifest.entries[0]).toMatchObject({ tag: 'v1.2.3', run_id: '77' });
    expect(JSON.stringify(manifest)).toContain('recorded through the harness');

    const unattested = result.jobs.unattested.steps[1];
    expect(unattested.conclusion).toBe('failure');
    expect(unattested.stderr).toContain('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL');
  });
});
