import { setTimeout as sleep } from 'node:timers/promises';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { RequestError } from '@octokit/request-error';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { usageError } from '../errors';
import { DEFAULT_RATE_LIMIT_POLICY, rateLimitWait, type RateLimitPolicy } from './rate-limit';
import {
  describeRequest,
  GitHubRateLimitError,
  GitHubTimeoutError,
  toPermissionError,
} from './request-errors';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/**
 * Methods retried after a 5xx or a timeout. POST and PATCH are not idempotent (a lost issue-creation
 * answer retried is a duplicate issue). PUT and DELETE are idempotent in HTTP, but GitHub's contents
 * PUT is a compare-and-swap whose repeat after a lost answer reports a false conflict, so they are
 * left to the caller too: pass `request: { retries: n }` to retry a request known to be safe.
 */
const RETRIED_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Statuses never retried as transient: client errors, and 403/429 whose rate limits have their own policy. */
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

/** Octokit's HTTP errors; checked by shape, since a second copy of @octokit/request-error defeats instanceof. */
function isRequestError(error: unknown): error is RequestError {
  return (
    error instanceof Error &&
    typeof (error as RequestError).status === 'number' &&
    (error as RequestError).request !== undefined
  );
}

export interface GitHubClientLog {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

export interface GitHubClientOptions {
  /** A GitHub token; requests go unauthenticated without one. */
  token?: string;
  /** API base URL. Defaults to `GITHUB_API_URL` (set on GitHub Enterprise Server runners), then api.github.com. */
  baseUrl?: string;
  /** Where `GITHUB_API_URL` is read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Time limit of each attempt, answer body included (default 30 s); one call can pass `request: { timeout }`. */
  timeoutMs?: number;
  /** Retries of an idempotent request after a 5xx or a timeout (default 3). */
  retries?: number;
  /** Backoff unit: retry n waits n² × this (default 1 s). */
  retryDelayMs?: number;
  /** Waiting out rate limits; see RateLimitPolicy. */
  rateLimit?: Partial<RateLimitPolicy>;
  /** Spacing between mutating requests, which GitHub asks for to avoid secondary limits (default 1 s). */
  writeIntervalMs?: number;
  /** Spacing between requests that notify people: issues, comments, releases (default 3 s). */
  notificationIntervalMs?: number;
  userAgent?: string;
  log?: Partial<GitHubClientLog>;
}

type OctokitPlugin = Parameters<typeof Octokit.plugin>[number];

/**
 * A plugin placed first so that its hook runs inside retry and throttling: every attempt gets its own
 * time limit, answer body included. Hooks share one options object (an inner hook never sees a copy),
 * so the attempt's signal is set on it and the caller's restored afterwards.
 */
function requestTimeout(octokit: Parameters<OctokitPlugin>[0], options: Parameters<OctokitPlugin>[1]) {
  const defaultMs = Number(options.releaseGuardTimeoutMs) || 30_000;
  octokit.hook.wrap('request', async (request, endpoint) => {
    const settings = (endpoint.request ??= {});
    const timeoutMs = Number(settings.timeout) || defaultMs;
    const callerSignal = settings.signal as AbortSignal | undefined;
    const controller = new AbortController();
    const forward = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) forward();
    else callerSignal?.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    settings.signal = controller.signal;
    try {
      return await request(endpoint);
    } catch (error) {
      if (timedOut) throw new GitHubTimeoutError(octokit.request.endpoint(endpoint), timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forward);
      settings.signal = callerSignal;
    }
  });
  return {};
}

// @octokit/rest brings the REST methods, `paginate` and a request log (debug/info only, which this
// client silences unless a log is given). Its hooks sit inside these plugins', so they see each attempt.
const ReleaseGuardOctokit = Octokit.plugin(requestTimeout, retry, throttling);

/** The Octokit that core uses: REST methods (`rest.*`), `paginate`, and the behaviour described at `createGitHubClient`. */
export type GitHubClient = InstanceType<typeof ReleaseGuardOctokit>;

/** The API base URL: the option, else `GITHUB_API_URL`, else api.github.com; without a trailing slash. */
export function resolveGitHubApiUrl(baseUrl?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = baseUrl || env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL;
  let url: URL;
  try {
    url = new URL(chosen);
  } catch {
    throw usageError(
      `GITHUB_API_URL / base URL is not a URL: ${JSON.stringify(chosen)}; expected e.g. https://ghes.example.com/api/v3`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw usageError(`GITHUB_API_URL / base URL must be http(s): ${JSON.stringify(chosen)}`);
  }
  return chosen.replace(/\/+$/, '');
}

/**
 * An Octokit configured for release-guard's write semantics, where a repeated write can do harm:
 * - the base URL honours `GITHUB_API_URL` (GitHub Enterprise Server);
 * - every attempt has a time limit;
 * - only idempotent requests (GET, HEAD, OPTIONS) are retried, on 5xx and timeouts, with backoff;
 *   409, 410, 422 and every POST/PATCH/PUT/DELETE failure go straight to the caller;
 * - rate limits (403/429) are waited out per RateLimitPolicy, for every method (a rate-limited request
 *   was not applied), and end in a GitHubRateLimitError;
 * - 401, and 403 for a missing permission, become a GitHubPermissionError naming the permission;
 * - mutating requests are spaced as GitHub recommends.
 */
export function createGitHubClient(options: GitHubClientOptions = {}): GitHubClient {
  const baseUrl = resolveGitHubApiUrl(options.baseUrl, options.env);
  const policy: RateLimitPolicy = { ...DEFAULT_RATE_LIMIT_POLICY, ...options.rateLimit };
  const log: GitHubClientLog = {
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => console.warn(message),
    error: (message) => console.error(message),
    ...options.log,
  };
  const octokit = new ReleaseGuardOctokit({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent ?? 'release-guard',
    log,
    releaseGuardTimeoutMs: options.timeoutMs ?? 30_000,
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: options.retryDelayMs ?? 1000,
      doNotRetry: DO_NOT_RETRY,
    },
    throttle: {
      // The plugin paces requests; waiting out rate limits is done below so that 429 answers (which
      // this plugin version ignores) follow the same policy as 403 ones.
      onRateLimit: () => false,
      onSecondaryRateLimit: () => false,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? 1000 }),
      notifications: new Bottleneck.Group({
        maxConcurrent: 1,
        minTime: options.notificationIntervalMs ?? 3000,
      }),
      search: new Bottleneck.Group({ maxConcurrent: 1, minTime: 2000 }),
    },
  });

  // Registered last, so it wraps every plugin: it sees each request once and its final outcome.
  octokit.hook.wrap('request', async (request, endpoint) => {
    const method = String(endpoint.method).toUpperCase();
    endpoint.request = endpoint.request ?? {};
    if (endpoint.request.retries === undefined && !RETRIED_METHODS.has(method)) endpoint.request.retries = 0;
    let waitedMs = 0;
    for (let retries = 0; ; retries++) {
      try {
        return await request(endpoint);
      } catch (error) {
        if (!isRequestError(error)) throw error;
        const wait = rateLimitWait(error, retries, policy, Date.now());
        if (!wait) throw toPermissionError(error) ?? error;
        if (retries >= policy.maxRetries) {
          throw new GitHubRateLimitError(
            error,
            wait.kind,
            waitedMs,
            `still held after ${retries} retries over ${Math.round(waitedMs / 1000)} s`,
          );
        }
        if (waitedMs + wait.waitMs > policy.maxTotalWaitMs) {
          throw new GitHubRateLimitError(
            error,
            wait.kind,
            waitedMs,
            `asks for ${Math.ceil(wait.waitMs / 1000)} s more, past the ${Math.round(policy.maxTotalWaitMs / 1000)} s this client may wait`,
          );
        }
        log.warn(
          `${describeRequest(error.request)}: GitHub ${wait.kind} rate limit; waiting ${Math.ceil(wait.waitMs / 1000)} s before retry ${retries + 1} of ${policy.maxRetries}`,
        );
        await sleep(wait.waitMs);
        waitedMs += wait.waitMs;
      }
    }
  });
  return octokit;
}
