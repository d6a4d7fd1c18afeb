import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BlobSASPermissions,
  ContainerClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { FaultQueue, type Fault } from '../github/faults';
import { AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY, startAzuriteBlob, type AzuriteBlobServer } from './azurite';

/** The results service's Twirp service, as `@actions/artifact` 4 calls it. */
export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
const CONTAINER = 'actions-results';

/** An artifact of the run: created, and once its zip is in blob storage, finalized. */
export interface StoredArtifact {
  id: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  blobName: string;
  createdAt: Date;
  finalized: boolean;
  size: number;
  /** `sha256:<hex>` as FinalizeArtifact reported it. */
  digest?: string;
}

/** One Twirp call, as it arrived: the method (`CreateArtifact`), the JSON body, the answer. */
export interface ArtifactRequest {
  method: string;
  body: unknown;
  status?: number;
  response?: unknown;
  fault?: number;
  outcome: 'pending' | 'answered' | 'reset' | 'hung';
}

/** Twirp's error codes and their HTTP status (twitchtv/twirp's spec). */
const TWIRP_STATUS: Record<string, number> = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 412,
  resource_exhausted: 429,
  internal: 500,
  unavailable: 503,
};

const CODE_OF_STATUS: Record<number, string> = Object.fromEntries(
  Object.entries(TWIRP_STATUS).map(([code, status]) => [status, code]),
);

class TwirpError extends Error {
  constructor(
    readonly code: keyof typeof TWIRP_STATUS,
    message: string,
  ) {
    super(message);
  }
}

/** A Twirp error body: `{ code, msg }`, the status from the code (500 `internal` for an unknown one). */
export function twirpErrorBody(status: number, msg?: string): { code: string; msg: string } {
  const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'unknown');
  return { code, msg: msg ?? `${code} (HTTP ${status})` };
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

type Json = Record<string, unknown>;

/**
 * A loopback GitHub Actions artifact service for tests: the results service's Twirp endpoints
 * (`CreateArtifact`, `FinalizeArtifact`, `ListArtifacts`, `GetSignedArtifactURL`; JSON over POST at
 * `ACTIONS_RESULTS_URL`, bearer `ACTIONS_RUNTIME_TOKEN`, a JWT whose `scp` holds
 * `Actions.Results:<runBackendId>:<jobBackendId>`) in front of Azurite's blob storage, reached through
 * SAS URLs signed with Azurite's development key, so `@actions/artifact` runs unpatched against it.
 *
 * Like the GitHub test server, it logs every call (`requests`) and injects faults queued per method
 * (`faults.add({ path: 'CreateArtifact', status: 500 })`): a status answered with a Twirp error body,
 * `afterHandling` (the call takes effect, its answer is lost), `reset`, `hang`, `delayMs`. A second
 * CreateArtifact of a name the run already has is answered 409 `already_exists`, as GitHub does.
 */
export class ArtifactTestService {
  readonly faults = new FaultQueue();
  readonly requests: ArtifactRequest[] = [];
  readonly artifacts: StoredArtifact[] = [];
  readonly runBackendId = randomUUID();
  readonly jobBackendId = randomUUID();
  private readonly signingKey = randomBytes(32);
  private readonly server: http.Server;
  private blob?: AzuriteBlobServer;
  private container?: ContainerClient;
  private readonly credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY);
  private origin = '';
  private lastId = 0;
  /** The runtime token the runner would give the job. */
  readonly runtimeToken: string;

  constructor() {
    this.runtimeToken = this.signToken(
      `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${this.runBackendId}:${this.jobBackendId}`,
    );
    this.server = http.createServer((req, res) => void this.serve(req, res));
  }

  async start(): Promise<this> {
    this.blob = await startAzuriteBlob();
    try {
      this.container = new ContainerClient(`${this.blob.endpoint}/${CONTAINER}`, this.credential);
      await this.container.create();
    } catch (error) {
      await this.blob.stop();
      throw error;
    }
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.blob?.stop();
  }

  /** The variables a job step gets from the runner: ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN. */
  env(): Record<string, string> {
    return { ACTIONS_RESULTS_URL: `${this.origin}/`, ACTIONS_RUNTIME_TOKEN: this.runtimeToken };
  }

  /** The stored zip of a finalized artifact, read straight from blob storage. */
  async zipOf(name: string): Promise<Buffer> {
    const artifact = this.artifacts.find((a) => a.name === name && a.finalized);
    if (!artifact) throw new Error(`no finalized artifact named ${name}`);
    return this.containerClient().getBlockBlobClient(artifact.blobName).downloadToBuffer();
  }

  /**
   * Downloads the artifact `name` into `dir` with the real `DefaultArtifactClient`, as a later job of
   * the run would (the runner's variables are set for the call and restored after it).
   */
  async downloadWithClient(name: string, dir: string): Promise<string> {
    const variables = { ...this.env(), GITHUB_SERVER_URL: 'https://github.com', GITHUB_WORKSPACE: dir };
    const saved = Object.fromEntries(Object.keys(variables).map((key) => [key, process.env[key]]));
    Object.assign(process.env, variables);
    try {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const client = new DefaultArtifactClient();
      const { artifact } = await client.getArtifact(name);
      await client.downloadArtifact(artifact.id, { path: dir, expectedHash: artifact.digest });
      return dir;
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }

  /** A token for another scope (a different job, or one without Actions.Results). */
  signToken(scp: string): string {
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url(JSON.stringify({ scp, iat: now, exp: now + 3600, ac: '[]' }));
    const signature = createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest();
    return `${header}.${payload}.${base64url(signature)}`;
  }

  private containerClient(): ContainerClient {
    if (!this.container) throw new Error('the artifact service is not started');
    return this.container;
  }

  /** The run and job the bearer token grants, or a Twirp `unauthenticated`. */
  private scope(authorization: string | undefined): { run: string; job: string } {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const parts = token?.split('.') ?? [];
    if (parts.length !== 3) throw new TwirpError('unauthenticated', 'missing or malformed bearer token');
    const expected = createHmac('sha256', this.signingKey).update(`${parts[0]}.${parts[1]}`).digest();
    if (!expected.equals(Buffer.from(parts[2], 'base64url'))) {
      throw new TwirpError('unauthenticated', 'token signature is invalid');
    }
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { scp?: string };
    for (const scope of (claims.scp ?? '').split(' ')) {
      const [kind, run, job] = scope.split(':');
      if (kind === 'Actions.Results' && run && job) return { run, job };
    }
    throw new TwirpError('permission_denied', 'token has no Actions.Results scope');
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = new RegExp(`^/twirp/${ARTIFACT_SERVICE.replace(/\./g, '\\.')}/([A-Za-z]+)$`).exec(
      req.url ?? '',
    );
    const method = match?.[1] ?? req.url ?? '';
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      body = Buffer.concat(chunks).toString('utf8');
    }
    const entry: ArtifactRequest = { method, body, outcome: 'pending' };
    this.requests.push(entry);
    const fault = this.faults.take(req.method ?? 'POST', method);
    if (fault) entry.fault = fault.id;
    if (fault?.delayMs) await sleep(fault.delayMs);
    const losesAnswer = fault !== undefined && (fault.status !== undefined || fault.hang || fault.reset);
    if (losesAnswer && !fault.afterHandling) return this.answerWithFault(entry, res, fault);
    let status = 200;
    let response: unknown;
    try {
      if (req.method !== 'POST' || !match) throw new TwirpError('not_found', `no such method ${method}`);
      if (typeof body !== 'object' || body === null)
        throw new TwirpError('invalid_argument', 'body is not JSON');
      response = await this.handle(method, body as Json, this.scope(req.headers.authorization));
    } catch (error) {
      if (!(error instanceof TwirpError)) throw error;
      status = TWIRP_STATUS[error.code];
      response = { code: error.code, msg: error.message };
    }
    if (losesAnswer) return this.answerWithFault(entry, res, fault);
    this.answer(entry, res, status, response);
  }

  private answer(entry: ArtifactRequest, res: http.ServerResponse, status: number, response: unknown): void {
    entry.status = status;
    entry.response = response;
    entry.outcome = 'answered';
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(response));
  }

  private answerWithFault(entry: ArtifactRequest, res: http.ServerResponse, fault: Fault): void {
    if (fault.hang) {
      entry.outcome = 'hung';
      return;
    }
    if (fault.reset) {
      entry.outcome = 'reset';
      res.socket?.destroy();
      return;
    }
    const status = fault.status as number;
    this.answer(entry, res, status, fault.body === undefined ? twirpErrorBody(status) : fault.body);
  }

  private async handle(method: string, body: Json, scope: { run: string; job: string }): Promise<Json> {
    const run = String(body.workflow_run_backend_id ?? '');
    const job = String(body.workflow_job_run_backend_id ?? '');
    // Any job of the run may list and download; only the job itself creates and finalizes.
    const writes = method === 'CreateArtifact' || method === 'FinalizeArtifact';
    if (run !== scope.run || (writes && job !== scope.job)) {
      throw new TwirpError('permission_denied', 'the backend ids are not those of the token');
    }
    switch (method) {
      case 'CreateArtifact':
        return this.create(scope, body);
      case 'FinalizeArtifact':
        return this.finalize(scope, body);
      case 'ListArtifacts':
        return this.list(scope, body);
      case 'GetSignedArtifactURL':
        return this.signedUrl(scope, body);
      default:
        throw new TwirpError('not_found', `no such method ${method}`);
    }
  }

  private sasUrl(blobName: string, permissions: string): string {
    const query = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + 3_600_000),
      },
      this.credential,
    ).toString();
    return `${this.containerClient().getBlockBlobClient(blobName).url}?${query}`;
  }

  private create(scope: { run: string; job: string }, body: Json): Json {
    const name = String(body.name ?? '');
    if (name === '') throw new TwirpError('invalid_argument', 'name is required');
    if (Number(body.version) !== 4)
      throw new TwirpError('invalid_argument', 'only version 4 artifacts are supported');
    if (this.artifacts.some((a) => a.runBackendId === scope.run && a.name === name)) {
      throw new TwirpError('already_exists', `an artifact with this name already exists on the workflow run`);
    }
    const blobName = `${scope.run}/${scope.job}/${name}.zip`;
    this.artifacts.push({
      id: ++this.lastId,
      runBackendId: scope.run,
      jobBackendId: scope.job,
      name,
      blobName,
      createdAt: new Date(),
      finalized: false,
      size: 0,
    });
    return { ok: true, signed_upload_url: this.sasUrl(blobName, 'cw') };
  }

  private async finalize(scope: { run: string; job: string }, body: Json): Promise<Json> {
    const artifact = this.artifacts.find(
      (a) => a.runBackendId === scope.run && a.name === String(body.name ?? '') && !a.finalized,
    );
    if (!artifact) throw new TwirpError('not_found', 'no artifact of that name is being uploaded');
    let size: number;
    try {
      size =
        (await this.containerClient().getBlockBlobClient(artifact.blobName).getProperties()).contentLength ??
        0;
    } catch {
      throw new TwirpError('failed_precondition', 'the artifact was not uploaded to blob storage');
    }
    if (String(size) !== String(body.size)) {
      throw new TwirpError(
        'invalid_argument',
        `size ${String(body.size)} does not match the ${size} bytes stored`,
      );
    }
    artifact.finalized = true;
    artifact.size = size;
    if (typeof body.hash === 'string') artifact.digest = body.hash;
    return { ok: true, artifact_id: String(artifact.id) };
  }

  private list(scope: { run: string; job: string }, body: Json): Json {
    const artifacts = this.artifacts
      .filter((a) => a.runBackendId === scope.run && a.finalized)
      .filter((a) => body.name_filter === undefined || a.name === body.name_filter)
      .filter((a) => body.id_filter === undefined || String(a.id) === String(body.id_filter))
      .map((a) => ({
        workflow_run_backend_id: a.runBackendId,
        workflow_job_run_backend_id: a.jobBackendId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.size),
        created_at: a.createdAt.toISOString(),
        ...(a.digest === undefined ? {} : { digest: a.digest }),
      }));
    return { artifacts };
  }

  private signedUrl(scope: { run: string; job: string }, body: Json): Json {
    const artifact = this.artifacts.find(
      (a) => a.runBackendId === scope.run && a.name === String(body.name ?? '') && a.finalized,
    );
    if (!artifact) throw new TwirpError('not_found', 'artifact not found');
    return { signed_url: this.sasUrl(artifact.blobName, 'r') };
  }
}

/** Starts Azurite and the artifact service in front of it; `stop()` ends both. */
export async function startArtifactService(): Promise<ArtifactTestService> {
  return new ArtifactTestService().start();
}
