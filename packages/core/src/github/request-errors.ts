import { RequestError } from '@octokit/request-error';

type RequestOptions = RequestError['request'];
type Response = NonNullable<RequestError['response']>;

/** `METHOD /path` of a request, without host or query, for messages. */
export function describeRequest(request: RequestOptions): string {
  let path = String(request.url);
  try {
    path = new URL(path).pathname;
  } catch {
    path = path.split('?')[0];
  }
  return `${String(request.method ?? 'GET').toUpperCase()} ${path}`;
}

/** The HTTP status of a failed GitHub request, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The text GitHub gave, without the documentation link Octokit appends. */
export function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } } | null)?.response?.data;
  if (typeof data?.message === 'string') return data.message;
  return error instanceof Error ? error.message.replace(/ - https:\/\/\S+$/, '') : String(error);
}

/** Errors of the GitHub client stay RequestErrors (status, request, response) with their own class and name. */
abstract class GitHubRequestError extends RequestError {
  constructor(name: string, message: string, status: number, request: RequestOptions, response?: Response) {
    super(message, status, response ? { request, response } : { request });
    // RequestError types its name as the literal 'HttpError'; ours names the failure.
    Object.defineProperty(this, 'name', { value: name });
  }
}

/**
 * The token was rejected (401) or lacks a permission (403). Never retried. `accepted` lists the
 * permission sets GitHub accepts for the endpoint (any one set suffices), from
 * `x-accepted-github-permissions`, e.g. `[['issues=write']]`.
 */
export class GitHubPermissionError extends GitHubRequestError {
  readonly accepted: string[][];

  constructor(error: RequestError, accepted: string[][], message: string) {
    super('GitHubPermissionError', message, error.status, error.request, error.response);
    this.accepted = accepted;
  }
}

/** One attempt got no answer within the client's timeout (reported as status 500, as Octokit reports network failures). */
export class GitHubTimeoutError extends GitHubRequestError {
  readonly timeoutMs: number;

  constructor(request: RequestOptions, timeoutMs: number) {
    super(
      'GitHubTimeoutError',
      `${describeRequest(request)}: GitHub did not answer within ${timeoutMs} ms`,
      500,
      request,
    );
    this.timeoutMs = timeoutMs;
  }
}

/** GitHub's rate limit still held after the client's bounded waiting, or asked for a longer wait than allowed. */
export class GitHubRateLimitError extends GitHubRequestError {
  readonly kind: 'primary' | 'secondary';
  readonly waitedMs: number;

  constructor(error: RequestError, kind: 'primary' | 'secondary', waitedMs: number, detail: string) {
    super(
      'GitHubRateLimitError',
      `${describeRequest(error.request)}: GitHub's ${kind} rate limit ${detail}. Nothing more was sent; run again later. ` +
        `(GitHub said: ${githubMessage(error)})`,
      error.status,
      error.request,
      error.response,
    );
    this.kind = kind;
    this.waitedMs = waitedMs;
  }
}

/** Names in `x-accepted-github-permissions` that a workflow's `permissions:` block spells with a hyphen. */
const WORKFLOW_PERMISSION_NAMES: Record<string, string> = {
  actions: 'actions',
  attestations: 'attestations',
  checks: 'checks',
  contents: 'contents',
  deployments: 'deployments',
  discussions: 'discussions',
  id_token: 'id-token',
  issues: 'issues',
  packages: 'packages',
  pages: 'pages',
  pull_requests: 'pull-requests',
  repository_projects: 'repository-projects',
  security_events: 'security-events',
  statuses: 'statuses',
};

/** `issues=write; pull_requests=write,contents=read` → `[['issues=write'], ['pull_requests=write', 'contents=read']]`. */
export function parseAcceptedPermissions(header: string | undefined): string[][] {
  if (!header) return [];
  return header
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((permission) => permission.trim())
        .filter(Boolean),
    )
    .filter((set) => set.length > 0);
}

function workflowHint(set: string[]): string | undefined {
  const lines: string[] = [];
  for (const permission of set) {
    const [name, level] = permission.split('=');
    const workflowName = WORKFLOW_PERMISSION_NAMES[name];
    if (!workflowName || !level) return undefined;
    lines.push(`${workflowName}: ${level}`);
  }
  return lines.join(', ');
}

const PERMISSION_MESSAGES = /not accessible by|must have (admin|push) (rights|access)|permission/i;

/**
 * The permission failure this error is, if it is one: 401 (bad credentials) or a 403 whose message
 * says a permission is missing. Other 403s (rate limits, refused re-runs) are not.
 */
export function toPermissionError(error: RequestError): GitHubPermissionError | undefined {
  const what = describeRequest(error.request);
  const said = githubMessage(error);
  if (error.status === 401) {
    return new GitHubPermissionError(
      error,
      [],
      `${what}: GitHub rejected the token (401 ${said}). It is missing, expired or revoked; pass a valid token (the github-token input or GITHUB_TOKEN).`,
    );
  }
  if (error.status !== 403 || !PERMISSION_MESSAGES.test(said)) return undefined;
  const headers = error.response?.headers ?? {};
  const accepted = parseAcceptedPermissions(headers['x-accepted-github-permissions'] as string | undefined);
  const scopes = String(headers['x-accepted-oauth-scopes'] ?? '').trim();
  let needs: string;
  if (accepted.length === 1) {
    const hint = workflowHint(accepted[0]);
    needs =
      `the token lacks the permission ${accepted[0].join(' and ')}` +
      (hint ? `; grant it in the job's permissions: block (${hint})` : '');
  } else if (accepted.length > 1) {
    needs = `the token lacks a permission; GitHub accepts any one of: ${accepted.map((set) => set.join(' and ')).join('; ')}`;
  } else if (scopes) {
    needs = `the token lacks the OAuth scope ${scopes}`;
  } else {
    needs =
      'the token lacks a permission this endpoint needs (GitHub did not name it; see the endpoint documentation)';
  }
  return new GitHubPermissionError(
    error,
    accepted,
    `${what}: GitHub refused the request (403 ${said}): ${needs}.`,
  );
}
