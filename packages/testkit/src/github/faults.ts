import type { Base } from './routes';

/**
 * Faults the test server injects, queued per route: each request takes the first pending fault that
 * matches it, and a fault serves `times` requests before it is used up. Two faults on one route play
 * in the order they were added.
 */
export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Path relative to its base (`/repos/o/r/issues`), without the query: a RegExp, or an exact string. */
  path: RegExp | string;
  /** Which host to match: `api`, `uploads` (the release uploads host) or `web` (any when omitted). */
  base?: Base;
  /** How many matching requests this fault serves (default 1; `Infinity` for all). */
  times?: number;
  /** Answer with this status instead of the route's answer. */
  status?: number;
  /** JSON body (or text) of that answer; a GitHub-style `{message, documentation_url}` when omitted. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Apply the request to the state first, then lose its answer (replace it with `status`, hang, or
   * reset the connection): a created issue whose 201 never reached the client.
   */
  afterHandling?: boolean;
  /** Wait this long before answering (with the fault or the real answer). */
  delayMs?: number;
  /** Never answer: the client has to time out. */
  hang?: boolean;
  /** Close the connection without an answer. */
  reset?: boolean;
  /**
   * The request body arrives with one byte changed (corrupted in transit): an upload is stored, and its
   * `digest` answered, for bytes other than those sent.
   */
  corruptBody?: boolean;
}

export interface Fault extends FaultSpec {
  readonly id: number;
  /** Requests this fault has served so far. */
  hits: number;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Problems parsing JSON',
  401: 'Requires authentication',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  422: 'Validation Failed',
  429: 'Too Many Requests',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: 'We couldn’t respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.',
};

/** The body GitHub sends with `status` when a fault names no body. */
export function defaultErrorBody(status: number): Record<string, string> {
  return {
    message: STATUS_MESSAGES[status] ?? `HTTP ${status}`,
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
  };
}

export class FaultQueue {
  private readonly faults: Fault[] = [];
  private lastId = 0;

  add(spec: FaultSpec): Fault {
    if (
      spec.status === undefined &&
      !spec.hang &&
      !spec.reset &&
      !spec.corruptBody &&
      spec.delayMs === undefined
    ) {
      throw new Error('a fault needs a status, hang, reset, corruptBody or delayMs');
    }
    const fault: Fault = { ...spec, times: spec.times ?? 1, id: ++this.lastId, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  /** Takes the first pending fault for this request, if any. */
  take(method: string, path: string, base?: Base): Fault | undefined {
    const fault = this.faults.find((f) => f.hits < (f.times ?? 1) && matches(f, method, path, base));
    if (fault) fault.hits++;
    return fault;
  }

  /** Faults not used up yet. */
  pending(): Fault[] {
    return this.faults.filter((f) => f.hits < (f.times ?? 1));
  }

  clear(): void {
    this.faults.length = 0;
  }
}

function matches(fault: FaultSpec, method: string, path: string, base?: Base): boolean {
  if (fault.base && base && fault.base !== base) return false;
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path);
}

type FaultResponse = Pick<FaultSpec, 'status' | 'body' | 'headers'>;

/**
 * GitHub's secondary rate limit: 403 with the documented message, and `retry-after` when given.
 * Spread into a fault: `faults.add({ method: 'GET', path: /runs/, ...secondaryRateLimit({ retryAfter: 1 }) })`.
 */
export function secondaryRateLimit(options: { retryAfter?: number; status?: 403 | 429 } = {}): FaultResponse {
  return {
    status: options.status ?? 403,
    headers: {
      ...(options.retryAfter !== undefined ? { 'retry-after': String(options.retryAfter) } : {}),
      'x-ratelimit-remaining': '4321',
    },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
        'If you reach out to GitHub Support for help, please include the request ID 0C00:1F2E:3D4C:5B6A:7F8E9D0C.',
      documentation_url:
        'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    },
  };
}

/** The primary (hourly) rate limit ran out; it resets in `resetInSeconds`. */
export function primaryRateLimit(options: { resetInSeconds: number }): FaultResponse {
  const reset = Math.ceil(Date.now() / 1000) + options.resetInSeconds;
  return {
    status: 403,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core',
    },
    body: {
      message: 'API rate limit exceeded for installation ID 4242.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-rate-limits',
    },
  };
}

/**
 * The token lacks a permission: 403 "Resource not accessible by integration", with the permission
 * sets GitHub accepts in `x-accepted-github-permissions` (e.g. `issues=write`).
 */
export function missingPermission(accepted: string): FaultResponse {
  return {
    status: 403,
    headers: { 'x-accepted-github-permissions': accepted },
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest',
      status: '403',
    },
  };
}

/** The token is missing, expired or revoked. */
export function badCredentials(): FaultResponse {
  return {
    status: 401,
    body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
  };
}
