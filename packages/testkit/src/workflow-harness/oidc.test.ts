import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runWorkflow, startOidcServer, type OidcServer } from '.';

const WORKFLOW = `
on: push
permissions: {}
jobs:
  signer:
    permissions:
      id-token: write
    outputs:
      token: \${{ steps.token.outputs.token }}
    steps:
      - id: token
        run: |
          node -e '
            const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL + "&audience=sigstore";
            fetch(url, { headers: { authorization: "Bearer " + process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } })
              .then((r) => r.json())
              .then((b) => require("fs").appendFileSync(process.env.GITHUB_OUTPUT, "token=" + b.value + "\\n"));
          '
  reader:
    steps:
      - id: probe
        run: echo "url=\${ACTIONS_ID_TOKEN_REQUEST_URL:-none}" >> "$GITHUB_OUTPUT"
    outputs:
      url: \${{ steps.probe.outputs.url }}
`;

function decode(jwt: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = jwt
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  return { header, payload };
}

describe('workflow harness: OIDC token endpoint', () => {
  let oidc: OidcServer;
  let dir: string;
  const keys = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  beforeAll(async () => {
    oidc = await startOidcServer({
      privateKey: keys.privateKey,
      keyId: 'test-key',
      claims: ({ jobId }) => ({
        job_workflow_ref: 'release-guard/release-guard/.github/workflows/security-ci.yml@refs/heads/main',
        repository: 'acme/widgets',
        ref: 'refs/tags/v1.2.3',
        sha: '8f70009fde0c94ade6ce2a054b94718c819126ec',
        job: jobId,
      }),
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-oidc-test-'));
  });
  afterAll(async () => {
    await oidc.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives jobs with id-token: write a token with the chosen claims, signed by the chosen key', async () => {
    const file = path.join(dir, 'oidc.yml');
    fs.writeFileSync(file, WORKFLOW);
    const result = await runWorkflow({ workflowFile: file, oidc, workDir: path.join(dir, 'run') });
    expect(result.jobs.signer.result).toBe('success');
    const token = result.jobs.signer.outputs.token;
    const [header, payload, signature] = token.split('.');
    const valid = crypto.verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: keys.publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
    expect(valid).toBe(true);
    expect(decode(token).header).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'test-key' });
    expect(decode(token).payload).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sigstore',
      job_workflow_ref: 'release-guard/release-guard/.github/workflows/security-ci.yml@refs/heads/main',
      repository: 'acme/widgets',
      ref: 'refs/tags/v1.2.3',
      job: 'signer',
    });
    expect(oidc.issued.map((request) => request.jobId)).toEqual(['signer']);
    expect(result.jobs.reader.outputs.url).toBe('none');
  });

  it('refuses a request without a granted token', async () => {
    const response = await fetch(`${oidc.url}&audience=x`, { headers: { authorization: 'Bearer forged' } });
    expect(response.status).toBe(401);
  });
});
