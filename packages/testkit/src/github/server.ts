import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { BlobHost } from './blob-host';
import { defaultErrorBody, FaultQueue, type Fault } from './faults';
import { HttpError, readBody, redactHeaders, type Reply } from './http';
import type { ServerUrls } from './render';
import { matchRoute, type Base } from './routes';
import { GitHubState, type FakeRepo } from './state';

export interface LoggedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  base: Base;
  /** Path relative to its base (`/repos/o/r/issues`), without the query. */
  path: string;
  query: Record<string, string>;
  /** Request headers; credentials read `[redacted]`. */
  headers: Record<string, string>;
  /** Parsed JSON, text, or the raw bytes of an upload; undefined when empty. */
  body: unknown;
  /** The route that handled it, as `METHOD template` (`POST /repos/{owner}/{repo}/issues`). */
  route?: string;
  /** `answered` with `status`, or lost: `hung` (never answered) or `reset` (connection closed). */
  outcome: 'pending' | 'answered' | 'hung' | 'reset';
  status?: number;
  responseHeaders?: Record<string, string>;
  /** The body sent: parsed JSON, or the bytes. */
  response?: unknown;
  /** Id of the fault that served this request. */
  fault?: number;
  /** Whether the route's change to the state happened. */
  handled: boolean;
}

export interface GitHubServerOptions {
  /** When set, API requests must carry this token (`token X` or `Bearer X`); others get 401. */
  token?: string;
  /**
   * Tokens that may read repository secrets (`GET /repos/{owner}/{repo}/actions/secrets`), also
   * accepted for every other request. When set, that route answers 403 to any other token, as
   * GitHub answers GITHUB_TOKEN.
   */
  secretsReaders?: string[];
}

/**
 * A GitHub REST API on 127.0.0.1 for tests, GHES-style: the API under `/api/v3` and the web host on one
 * port; release uploads on another port (another origin, like uploads.github.com), reached only through
 * a release's `upload_url`; and a separate blob host (another origin) for downloads. See
 * `startGitHubServer`.
 */
export class GitHubTestServer {
  readonly state = new GitHubState();
  readonly faults = new FaultQueue();
  readonly requests: LoggedRequest[] = [];
  readonly blobHost = new BlobHost();
  private readonly server: http.Server;
  private readonly uploadsServer: http.Server;
  private readonly token?: string;
  private readonly secretsReaders?: string[];
  private origin = '';
  private uploadsOrigin = '';
  private rateRemaining = 5000;

  constructor(options: GitHubServerOptions = {}) {
    this.token = options.token;
    this.secretsReaders = options.secretsReaders;
    this.server = http.createServer((req, res) => this.serve(req, res, false));
    this.uploadsServer = http.createServer((req, res) => this.serve(req, res, true));
  }

  async start(): Promise<this> {
    await this.blobHost.start();
    this.origin = await listen(this.server);
    this.uploadsOrigin = await listen(this.uploadsServer);
    return this;
  }

  /** Closes every host, cutting hung requests. */
  async stop(): Promise<void> {
    for (const server of [this.server, this.uploadsServer]) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await this.blobHost.stop();
  }

  get urls(): ServerUrls {
    return { api: `${this.origin}/api/v3`, uploads: this.uploadsOrigin, web: this.origin };
  }

  /** The API base URL: what `GITHUB_API_URL` holds on a runner. */
  get url(): string {
    return this.urls.api;
  }

  /** The repository `owner/name`, created empty on first use (unseeded repositories answer 404). */
  repo(fullName: string): FakeRepo {
    return this.state.repo(fullName);
  }

  /** Logged requests with this method whose path matches (exactly, for a string). */
  requestsTo(method: string, path: RegExp | string): LoggedRequest[] {
    return this.requests.filter(
      (r) =>
        r.method === method.toUpperCase() && (typeof path === 'string' ? r.path === path : path.test(r.path)),
    );
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse, uploads: boolean): void {
    this.handle(req, res, uploads).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: `test server error: ${(error as Error).message}` }));
      }
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse, uploads: boolean): Promise<void> {
    const url = new URL(req.url ?? '/', uploads ? this.uploadsOrigin : this.origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const { base, path } = uploads
      ? { base: 'uploads' as const, path: url.pathname }
      : splitBase(url.pathname);
    const fault = this.faults.take(method, path, base);
    let raw = await readBody(req);
    if (fault?.corruptBody && raw.length > 0) {
      raw = Buffer.from(raw);
      raw[raw.length >> 1] ^= 0xff;
    }
    const entry: LoggedRequest = {
      seq: this.requests.length + 1,
      method,
      base,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(req.headers),
      body: parseBody(raw, req.headers['content-type']),
      outcome: 'pending',
      handled: false,
    };
    this.requests.push(entry);

    if (fault) entry.fault = fault.id;
    if (fault?.delayMs) await sleep(fault.delayMs);
    const losesAnswer = fault !== undefined && (fault.status !== undefined || fault.hang || fault.reset);

    if (losesAnswer && !fault.afterHandling) return this.answerWithFault(entry, res, fault);
    const reply = this.route(entry, req, url, raw);
    if (losesAnswer) return this.answerWithFault(entry, res, fault);
    this.send(entry, res, reply);
  }

  private route(entry: LoggedRequest, req: http.IncomingMessage, url: URL, raw: Buffer): Reply {
    const given = String(req.headers.authorization ?? '').replace(/^(token|bearer)\s+/i, '');
    if (
      entry.base !== 'web' &&
      this.secretsReaders !== undefined &&
      /\/actions\/secrets$/.test(url.pathname) &&
      !this.secretsReaders.includes(given)
    ) {
      return {
        status: 403,
        body: {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/actions/secrets#list-repository-secrets',
          status: '403',
        },
      };
    }
    if (entry.base !== 'web' && this.token !== undefined) {
      if (given !== this.token && !(this.secretsReaders ?? []).includes(given)) {
        return {
          status: 401,
          body: {
            message: 'Bad credentials',
            documentation_url: 'https://docs.github.com/rest',
            status: '401',
          },
        };
      }
    }
    const match = matchRoute(entry.method, entry.base, entry.path);
    if (!match) return { status: 404, body: defaultErrorBody(404) };
    entry.route = `${match.route.method} ${match.route.template}`;
    try {
      const reply = match.route.handle({
        state: this.state,
        urls: this.urls,
        blobs: this.blobHost,
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        body: raw,
        selfUrl: url.toString(),
      });
      entry.handled = reply.status < 400;
      return reply;
    } catch (error) {
      if (error instanceof HttpError) return error.reply;
      throw error;
    }
  }

  private answerWithFault(entry: LoggedRequest, res: http.ServerResponse, fault: Fault): void {
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
    this.send(entry, res, {
      status,
      headers: fault.headers,
      body: fault.body === undefined ? defaultErrorBody(status) : fault.body,
    });
  }

  private send(entry: LoggedRequest, res: http.ServerResponse, reply: Reply): void {
    this.rateRemaining = Math.max(this.rateRemaining - 1, 0);
    const headers: Record<string, string> = {
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.rateRemaining),
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(5000 - this.rateRemaining),
      'x-ratelimit-resource': 'core',
    };
    let payload: Buffer | undefined;
    if (Buffer.isBuffer(reply.body)) {
      payload = reply.body;
      headers['content-type'] = 'application/octet-stream';
    } else if (typeof reply.body === 'string') {
      payload = Buffer.from(reply.body);
      headers['content-type'] = 'text/plain; charset=utf-8';
    } else if (reply.body !== undefined) {
      payload = Buffer.from(JSON.stringify(reply.body));
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    Object.assign(headers, reply.headers);
    if (payload) headers['content-length'] = String(payload.length);
    entry.outcome = 'answered';
    entry.status = reply.status;
    entry.responseHeaders = headers;
    entry.response = reply.body;
    if (res.destroyed) return;
    res.writeHead(reply.status, headers);
    res.end(payload);
  }
}

/** Starts a test server on a random port of 127.0.0.1; `stop()` it when done. */
export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubTestServer> {
  return new GitHubTestServer(options).start();
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function splitBase(pathname: string): { base: Base; path: string } {
  if (pathname.startsWith('/api/v3/')) return { base: 'api', path: pathname.slice('/api/v3'.length) };
  return { base: 'web', path: pathname };
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (/json/.test(contentType ?? '')) {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      return raw.toString('utf8');
    }
  }
  if (/^text\//.test(contentType ?? '')) return raw.toString('utf8');
  return raw;
}
