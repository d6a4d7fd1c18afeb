import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { startArtifactService, type ArtifactTestService } from './server';

// @actions/artifact reads the runner's variables when it is called: they are set for each test.
const RUNNER_VARIABLES = [
  'ACTIONS_RESULTS_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'GITHUB_SERVER_URL',
  'GITHUB_WORKSPACE',
];

describe('loopback artifact service (Twirp + Azurite) with the real @actions/artifact client', () => {
  let service: ArtifactTestService;
  let work: string;
  const saved = Object.fromEntries(RUNNER_VARIABLES.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    service = await startArtifactService();
  });
  afterAll(async () => {
    await service.stop();
  });
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-artifact-'));
    Object.assign(process.env, service.env(), {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: work,
    });
    service.faults.clear();
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  function writeFile(name: string, content: Buffer): string {
    const file = path.join(work, name);
    fs.writeFileSync(file, content);
    return file;
  }

  it('uploads, lists and downloads back the same bytes', async () => {
    const content = Buffer.concat([
      Buffer.from('evidence\n'),
      fs.readFileSync(process.execPath).subarray(0, 200_000),
    ]);
    const file = writeFile('bundle.tar.gz', content);
    const client = new DefaultArtifactClient();
    const uploaded = await client.uploadArtifact('evidence-v1.0.0-1', [file], work);
    expect(uploaded.id).toBeGreaterThan(0);

    const { artifacts } = await client.listArtifacts();
    const listed = artifacts.find((a) => a.name === 'evidence-v1.0.0-1');
    expect(listed).toMatchObject({
      id: uploaded.id,
      size: uploaded.size,
      digest: `sha256:${uploaded.digest}`,
    });

    const target = path.join(work, 'download');
    const downloaded = await client.downloadArtifact(uploaded.id as number, {
      path: target,
      expectedHash: `sha256:${uploaded.digest}`,
    });
    expect(downloaded.digestMismatch).toBe(false);
    expect(fs.readFileSync(path.join(target, 'bundle.tar.gz')).equals(content)).toBe(true);
    // The zip in blob storage is what the client uploaded (its digest as finalized).
    expect((await service.zipOf('evidence-v1.0.0-1')).length).toBe(uploaded.size);
  });

  it('answers 409 already_exists to a second artifact of the same name in the run', async () => {
    const file = writeFile('a.txt', Buffer.from('a'));
    const client = new DefaultArtifactClient();
    await client.uploadArtifact('twice', [file], work);
    await expect(client.uploadArtifact('twice', [file], work)).rejects.toThrow(/409.*already exists/i);
    const creates = service.requests.filter((r) => r.method === 'CreateArtifact' && r.status === 409);
    expect(creates).toHaveLength(1);
  });

  it('injects a fault: a 400 on FinalizeArtifact fails the upload without a retry', async () => {
    const file = writeFile('b.txt', Buffer.from('b'));
    const fault = service.faults.add({ path: 'FinalizeArtifact', status: 400 });
    await expect(new DefaultArtifactClient().uploadArtifact('faulty', [file], work)).rejects.toThrow(
      /non-retryable error: Failed request: \(400\)/,
    );
    expect(fault.hits).toBe(1);
    expect(service.artifacts.find((a) => a.name === 'faulty')?.finalized).toBe(false);
  });

  it('injects a fault: a 503 once on ListArtifacts is retried by the client', async () => {
    const fault = service.faults.add({ path: 'ListArtifacts', status: 503 });
    const before = service.requests.length;
    await expect(new DefaultArtifactClient().listArtifacts()).resolves.toHaveProperty('artifacts');
    expect(fault.hits).toBe(1);
    expect(service.requests.slice(before).map((r) => r.status)).toEqual([503, 200]);
  });

  it('refuses a token without the Actions.Results scope', async () => {
    process.env.ACTIONS_RUNTIME_TOKEN = service.signToken('Actions.GenericRead:x');
    await expect(new DefaultArtifactClient().listArtifacts()).rejects.toThrow(
      /invalid and\/or missing claims/,
    );
    process.env.ACTIONS_RUNTIME_TOKEN = `${service.runtimeToken.slice(0, -4)}AAAA`;
    await expect(new DefaultArtifactClient().listArtifacts()).rejects.toThrow(/\(401\)/);
  });
});
