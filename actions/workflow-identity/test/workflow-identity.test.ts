import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runAction, startOidcServer, type OidcServer } from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const WORKFLOW_REF = `release-guard/release-guard/.github/workflows/security-ci.yml@${SHA}`;

(built ? describe : describe.skip)('workflow-identity action (built dist)', () => {
  let oidc: OidcServer;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    oidc = await startOidcServer({
      privateKey: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
      claims: () => claims,
    });
  });
  afterAll(() => oidc.close());
  beforeEach(() => {
    claims = {
      repository: 'acme/widgets',
      workflow_ref: 'acme/widgets/.github/workflows/release.yml@refs/tags/v1.2.3',
      job_workflow_ref: WORKFLOW_REF,
      job_workflow_sha: SHA,
    };
  });

  function run(inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
    const grant = oidc.grant('provenance');
    return runAction(actionDir, {
      inputs,
      env: {
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_SERVER_URL: 'https://github.example.com/',
        ACTIONS_ID_TOKEN_REQUEST_URL: grant.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: grant.token,
        ...env,
      },
    });
  }

  it("outputs the called workflow's repository, commit and builder id, on the runner's server", async () => {
    const result = await run();
    expect({ code: result.code, outputs: result.outputs }).toEqual({
      code: 0,
      outputs: {
        'workflow-ref': WORKFLOW_REF,
        repository: 'release-guard/release-guard',
        'workflow-path': '.github/workflows/security-ci.yml',
        ref: SHA,
        sha: SHA,
        'builder-id': `https://github.example.com/${WORKFLOW_REF}`,
      },
    });
    expect(oidc.issued.at(-1)?.audience).toBe('release-guard');
    expect(result.summary).toContain(`\`${SHA}\``);
  });

  it('takes the commit from job_workflow_sha when the caller named a tag', async () => {
    claims.job_workflow_ref =
      'release-guard/release-guard/.github/workflows/security-ci.yml@refs/tags/v1.4.0';
    const result = await run({ 'expected-sha': SHA.toUpperCase() });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ ref: 'refs/tags/v1.4.0', sha: SHA });
  });

  it('fails on an expected SHA the token contradicts, naming both, and still sets the outputs', async () => {
    const other = 'ffffffffffffffffffffffffffffffffffffffff';
    const result = await run({ 'expected-sha': other });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      `::error::usage_error: \`expected-sha\` is ${other}, but this job's workflow was read at ${SHA}`,
    );
    expect(result.outputs).toMatchObject({ sha: SHA, repository: 'release-guard/release-guard' });
  });

  it('fails on an expected repository the token contradicts', async () => {
    const result = await run({ 'expected-repository': 'someone/fork' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('`expected-repository` is someone/fork, but this job');
  });

  it('refuses an expected SHA that is not a full commit SHA, before asking for a token', async () => {
    const issued = oidc.issued.length;
    const result = await run({ 'expected-sha': 'v1.4.0' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('input `expected-sha` must be a full 40-character commit SHA');
    expect(oidc.issued.length).toBe(issued);
  });

  it('without id-token: write (no endpoint) says which permission is missing', async () => {
    const result = await run({}, { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('give the job `permissions: id-token: write`');
  });

  it('refuses a token without a usable job_workflow_ref', async () => {
    claims.job_workflow_ref = 'not-a-workflow-ref';
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("the OIDC token's job_workflow_ref is not owner/repo/path@ref");
  });

  it('never prints the request token or the OIDC token', async () => {
    const grant = oidc.grant('provenance');
    const result = await runAction(actionDir, {
      inputs: { 'expected-sha': 'ffffffffffffffffffffffffffffffffffffffff' },
      env: {
        GITHUB_REPOSITORY: 'acme/widgets',
        ACTIONS_ID_TOKEN_REQUEST_URL: grant.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: grant.token,
      },
    });
    const token = oidc.issued.at(-1)!.token;
    const printed = [result.stdout, result.stderr, result.summary]
      .join('\n')
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(printed).not.toContain(grant.token);
    expect(printed).not.toContain(token);
    expect(result.stdout).toContain(`::add-mask::${grant.token}`);
    expect(result.stdout).toContain(`::add-mask::${token}`);
  });
});
