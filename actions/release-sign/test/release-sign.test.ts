import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  cosignKeyFile,
  githubActionsIdentity,
  runAction,
  startGitHubServer,
  startOidcTokenServer,
  startSigstoreServer,
  unsignedIdentityToken,
  type ActionRunResult,
  type FakeRepo,
  type GitHubTestServer,
  type SigstoreServer,
} from '@release-guard/testkit';
import { main } from '../../../packages/cli/src/main';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const TOKEN = 'ghs_plantedSignTokenNeverShown0123456789';
const PASSWORD = 'planted key password 0123456789';
const REQUEST_TOKEN = 'planted-oidc-request-token-0123456789';
const FILES = {
  'dist/app-1.0.0.tgz': 'tarball\n',
  'dist/app-1.0.0.zip': 'zip\n',
  'dist/app.sbom.json': '{}\n',
};
const identity = githubActionsIdentity({
  repository: 'acme/widgets',
  ref: 'refs/tags/v1.0.0',
  commit: '8f70009fde0c94ade6ce2a054b94718c819126ec',
});

async function cli(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const ctx = {
    stdout: (t: string) => void (stdout += t),
    stderr: () => undefined,
    cwd: process.cwd(),
    env: {},
    exitCode: 0,
  };
  const code = await main(argv, ctx);
  return { code, stdout };
}

(built ? describe : describe.skip)('release-sign action (built dist, run as the runner would)', () => {
  let github: GitHubTestServer;
  let sigstore: SigstoreServer;
  let repo: FakeRepo;
  let workspace: string;
  let temp: string;
  const pair = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  beforeAll(async () => {
    sigstore = await startSigstoreServer();
  });
  afterAll(() => sigstore.close());
  beforeEach(async () => {
    github = await startGitHubServer({ token: TOKEN });
    repo = github.repo('acme/widgets');
    repo.putFile('README.md', 'widgets\n');
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-rs-'));
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-rs-temp-'));
    for (const [name, content] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
      fs.writeFileSync(path.join(workspace, name), content);
    }
    fs.writeFileSync(path.join(temp, 'root.json'), JSON.stringify(sigstore.trustedRoot));
  });
  afterEach(async () => {
    await github.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(temp, { recursive: true, force: true });
  });

  const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction(actionDir, {
      inputs: { 'github-token': TOKEN, files: 'dist/*', 'rekor-url': sigstore.rekorURL, ...inputs },
      env: {
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_API_URL: github.url,
        GITHUB_WORKSPACE: workspace,
        GITHUB_RUN_ID: '4242',
        RUNNER_TEMP: temp,
        ...env,
      },
    });

  function expectNoSecret(result: ActionRunResult, secrets: string[]) {
    const logs = result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    const written = (fs.readdirSync(workspace, { recursive: true }) as string[])
      .map((name) => path.join(workspace, name))
      .filter((file) => fs.statSync(file).isFile())
      .map((file) => fs.readFileSync(file, 'latin1'))
      .join('\n');
    for (const secret of secrets) {
      for (const text of [logs, result.stderr, result.summary, written, JSON.stringify(result.outputs)]) {
        expect(text).not.toContain(secret);
      }
    }
  }

  it('upload false, key mode: signs in the workspace, outputs, summary commands, the key file removed', async () => {
    const result = await run({
      mode: 'key',
      key: cosignKeyFile(pair.privateKey, PASSWORD),
      'key-password': PASSWORD,
      upload: 'false',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const bundles = JSON.parse(result.outputs.bundles) as Array<{
      path: string;
      sha256: string;
      bundle: string;
    }>;
    expect(bundles.map((b) => b.path)).toEqual([
      'dist/app-1.0.0.tgz',
      'dist/app-1.0.0.zip',
      'dist/app.sbom.json',
      'SHA256SUMS',
    ]);
    expect(result.outputs['checksums-path']).toBe('SHA256SUMS');
    expect(result.outputs['failure-reason']).toBe('');
    expect(fs.existsSync(path.join(workspace, 'SHA256SUMS.pub'))).toBe(true);
    expect(fs.readFileSync(path.join(workspace, 'SHA256SUMS'), 'utf8')).toContain('  app-1.0.0.tgz\n');
    expect(result.summary).toContain(
      'release-guard verify-signature --checksums SHA256SUMS --bundle SHA256SUMS.sigstore.json',
    );
    expect(result.summary).toContain('--key SHA256SUMS.pub');
    expect(result.summary).toContain(
      'cosign verify-blob --bundle app-1.0.0.tgz.sigstore.json --new-bundle-format --key SHA256SUMS.pub app-1.0.0.tgz',
    );
    expect(fs.readdirSync(temp).filter((name) => name.startsWith('release-sign-'))).toEqual([]);
    expectNoSecret(result, [PASSWORD, pem.split('\n')[1]]);
    const download = path.join(temp, 'download');
    fs.mkdirSync(download);
    for (const name of [
      'SHA256SUMS',
      'SHA256SUMS.sigstore.json',
      'SHA256SUMS.pub',
      'dist/app-1.0.0.tgz',
      'dist/app-1.0.0.zip',
      'dist/app.sbom.json',
    ]) {
      fs.copyFileSync(path.join(workspace, name), path.join(download, path.basename(name)));
    }
    const verified = await cli(
      [
        'verify-signature',
        '--checksums',
        path.join(download, 'SHA256SUMS'),
        '--bundle',
        path.join(download, 'SHA256SUMS.sigstore.json'),
      ].concat([
        '--artifacts-dir',
        download,
        '--key',
        path.join(download, 'SHA256SUMS.pub'),
        '--trusted-root',
        path.join(temp, 'root.json'),
      ]),
    );
    expect(verified.stdout).toContain('PASS');
    expect(verified.code).toBe(0);
  });

  it("keyless: the OIDC token from the runner endpoint, bundles attached to the tag's draft, a re-run replaces them", async () => {
    const token = unsignedIdentityToken(identity);
    const oidc = await startOidcTokenServer(token, REQUEST_TOKEN);
    try {
      const env = { ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN };
      const inputs = { tag: 'v1.0.0', 'fulcio-url': sigstore.fulcioURL };
      github.faults.add({ base: 'uploads', method: 'POST', path: /\/assets$/, status: 502 });
      const first = await run(inputs, env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(oidc.audiences).toEqual(['sigstore']);
      // The 502 on the first upload was retried.
      expect(github.faults.pending()).toEqual([]);
      const release = repo.releases.find((r) => r.tag_name === 'v1.0.0');
      const names = (release?.assets ?? []).map((a) => a.name).sort();
      expect(names).toEqual([
        'SHA256SUMS',
        'SHA256SUMS.sigstore.json',
        'app-1.0.0.tgz.sigstore.json',
        'app-1.0.0.zip.sigstore.json',
        'app.sbom.json.sigstore.json',
      ]);
      expect(release?.draft).toBe(true);
      expect(first.summary).toContain(`--certificate-identity ${identity.san}`);
      expect(first.summary).toContain('--certificate-github-workflow-repository acme/widgets');
      expect(first.summary).toContain('--source-repo acme/widgets');
      const second = await run(inputs, env);
      expect(second.code).toBe(0);
      const again = repo.releases.filter((r) => r.tag_name === 'v1.0.0');
      expect(again).toHaveLength(1);
      expect(again[0].assets.map((a) => a.name).sort()).toEqual(names);
      expectNoSecret(first, [token, REQUEST_TOKEN, TOKEN]);
    } finally {
      await oidc.close();
    }
  });

  it('refuses while frozen: failure-reason release_frozen, nothing written or attached', async () => {
    const result = await run({ mode: 'key', key: pem, tag: 'v1.0.0', tlog: 'false', 'rekor-url': '' }, {});
    expect(result.code).toBe(0);
    const frozen = await run({
      mode: 'key',
      key: pem,
      tag: 'v1.0.1',
      tlog: 'false',
      'rekor-url': '',
      freeze: 'true',
    });
    expect(frozen.code).toBe(1);
    expect(frozen.outputs['failure-reason']).toBe('release_frozen');
    expect(repo.releases.filter((r) => r.tag_name === 'v1.0.1')).toEqual([]);
    // Each run records controls.signature in the entry of its tag (the workspace manifest here).
    const manifest = JSON.parse(
      fs.readFileSync(path.join(workspace, 'docs/reports/manifest.json'), 'utf8'),
    ) as { schema_version: string; entries: Array<{ tag: string; controls: Record<string, unknown> }> };
    expect(manifest.schema_version).toBe('1.2');
    expect(Object.fromEntries(manifest.entries.map((entry) => [entry.tag, entry.controls]))).toEqual({
      'v1.0.0': {
        signature: expect.objectContaining({
          status: 'pass',
          failure_reason: null,
          run_url: expect.stringMatching(/\/actions\/runs\/4242$/),
        }),
      },
      'v1.0.1': { signature: expect.objectContaining({ status: 'fail', failure_reason: 'release_frozen' }) },
    });
    expect(frozen.summary).toContain('controls.signature = fail recorded in');
  });

  it('a wrong key password fails (exit 2) without printing it', async () => {
    const wrong = 'this is the wrong password';
    const result = await run({
      mode: 'key',
      key: cosignKeyFile(pair.privateKey, PASSWORD),
      'key-password': wrong,
      upload: 'false',
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('wrong password');
    expect(fs.existsSync(path.join(workspace, 'SHA256SUMS'))).toBe(false);
    expectNoSecret(result, [wrong, PASSWORD]);
  });
});
