import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { readBody, redactHeaders } from '../github/http';

/** Which endpoint a request reached: the incoming webhook, or the ops notify function. */
export type SlackEndpoint = 'webhook' | 'ops';

/** One scripted answer. Unset fields take the endpoint's normal answer. */
export interface SlackAnswer {
  status?: number;
  /** Text, or JSON for an object. Default: `ok` (webhook), `{"delivered": true}` (ops). */
  body?: string | Record<string, unknown>;
  headers?: Record<string, string>;
  /** Never answer: the client has to time out. */
  hang?: boolean;
  /** Close the connection without an answer. */
  reset?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface SlackRequest {
  /** Order of arrival, from 1. */
  seq: number;
  endpoint: SlackEndpoint | 'unknown';
  method: string;
  path: string;
  query: Record<string, string>;
  /** Headers, credentials as `[redacted]`. */
  headers: Record<string, string>;
  /** Whether the ops function's bearer token matched (always true for the webhook). */
  authorized: boolean;
  /** The body as sent. */
  raw: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: unknown;
  outcome: 'pending' | 'answered' | 'hung' | 'reset';
  status?: number;
}

export interface SlackReceiverOptions {
  /** Bearer token the ops function requires (401 otherwise); any is accepted when unset. */
  opsToken?: string;
}

/** What Slack answers an incoming webhook with, per status (https://api.slack.com/messaging/webhooks). */
const WEBHOOK_ERRORS: Record<number, string> = {
  400: 'invalid_payload',
  403: 'action_prohibited',
  404: 'no_service',
  410: 'channel_is_archived',
  429: 'rate_limited',
  500: 'rollup_error',
  503: 'service_unavailable',
};

/**
 * A Slack on 127.0.0.1 for tests: an incoming webhook at `webhookUrl` (200 `ok`, Slack's error texts
 * for other statuses; an unknown hook path is 404 `no_service`) and the ops notify function at
 * `opsUrl` (Bearer token, answers `{"delivered": bool}`). Answers are scripted per request with
 * `answer()`; `answerAll()` sets what every unscripted request gets (an outage).
 */
export class SlackReceiver {
  readonly received: SlackRequest[] = [];
  private readonly server: http.Server;
  private readonly scripted: Record<SlackEndpoint, SlackAnswer[]> = { webhook: [], ops: [] };
  private fallback: Partial<Record<SlackEndpoint, SlackAnswer>> = {};
  private readonly hookPath = `/services/T0LOOPBACK/B0LOOPBACK/${randomBytes(12).toString('hex')}`;
  private readonly opsPath = '/functions/v1/ops-slack-notify';
  private readonly opsToken?: string;
  private origin = '';

  constructor(options: SlackReceiverOptions = {}) {
    this.opsToken = options.opsToken;
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end('receiver_error');
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Closes the receiver, cutting hung requests; its URLs then refuse connections. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The incoming webhook; its path is the secret, as on Slack. */
  get webhookUrl(): string {
    return `${this.origin}${this.hookPath}`;
  }

  get opsUrl(): string {
    return `${this.origin}${this.opsPath}`;
  }

  /** Queues answers for the next requests to `endpoint`, in order; `times` repeats each one. */
  answer(endpoint: SlackEndpoint, answers: SlackAnswer | SlackAnswer[], times = 1): this {
    for (const answer of Array.isArray(answers) ? answers : [answers]) {
      for (let i = 0; i < times; i++) this.scripted[endpoint].push(answer);
    }
    return this;
  }

  /** What every request to `endpoint` gets once the script is used up; `null` restores the normal answer. */
  answerAll(endpoint: SlackEndpoint, answer: SlackAnswer | null): this {
    if (answer === null) delete this.fallback[endpoint];
    else this.fallback[endpoint] = answer;
    return this;
  }

  /** Forgets the requests, scripts and outages. */
  reset(): void {
    this.received.length = 0;
    this.scripted.webhook.length = 0;
    this.scripted.ops.length = 0;
    this.fallback = {};
  }

  requestsTo(endpoint: SlackEndpoint): SlackRequest[] {
    return this.received.filter((request) => request.endpoint === endpoint);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const raw = (await readBody(req)).toString('utf8');
    const endpoint: SlackRequest['endpoint'] =
      url.pathname === this.hookPath ? 'webhook' : url.pathname === this.opsPath ? 'ops' : 'unknown';
    const given = String(req.headers.authorization ?? '').replace(/^bearer\s+/i, '');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const request: SlackRequest = {
      seq: this.received.length + 1,
      endpoint,
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(req.headers),
      authorized: endpoint !== 'ops' || this.opsToken === undefined || given === this.opsToken,
      raw,
      body,
      outcome: 'pending',
    };
    this.received.push(request);

    if (endpoint === 'unknown' || request.method !== 'POST') {
      return this.send(request, res, { status: 404, body: 'no_service' }, 'webhook');
    }
    const answer = this.scripted[endpoint].shift() ?? this.fallback[endpoint] ?? {};
    if (answer.delayMs) await sleep(answer.delayMs);
    if (answer.hang) {
      request.outcome = 'hung';
      return;
    }
    if (answer.reset) {
      request.outcome = 'reset';
      res.socket?.destroy();
      return;
    }
    if (endpoint === 'ops' && !request.authorized && answer.status === undefined) {
      return this.send(request, res, { status: 401, body: { message: 'Invalid JWT' } }, endpoint);
    }
    if (endpoint === 'webhook' && answer.status === undefined && typeof body !== 'object') {
      return this.send(request, res, { status: 400, body: 'invalid_payload' }, endpoint);
    }
    this.send(request, res, answer, endpoint);
  }

  private send(
    request: SlackRequest,
    res: http.ServerResponse,
    answer: SlackAnswer,
    endpoint: SlackEndpoint,
  ): void {
    const status = answer.status ?? 200;
    let body = answer.body;
    if (body === undefined) {
      if (endpoint === 'ops') body = status < 300 ? { delivered: true } : { error: `HTTP ${status}` };
      else body = status < 300 ? 'ok' : (WEBHOOK_ERRORS[status] ?? `http_${status}`);
    }
    const json = typeof body !== 'string';
    const payload = Buffer.from(json ? JSON.stringify(body) : (body as string));
    request.outcome = 'answered';
    request.status = status;
    if (res.destroyed) return;
    res.writeHead(status, {
      'content-type': json ? 'application/json' : 'text/html',
      'content-length': String(payload.length),
      ...answer.headers,
    });
    res.end(payload);
  }
}

/** Starts a Slack receiver on a random port of 127.0.0.1; `close()` it when done. */
export async function startSlackReceiver(options: SlackReceiverOptions = {}): Promise<SlackReceiver> {
  return new SlackReceiver(options).start();
}
