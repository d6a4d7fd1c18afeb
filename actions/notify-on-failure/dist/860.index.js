"use strict";
exports.id = 860;
exports.ids = [860];
exports.modules = {

/***/ 3860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  notifyOnFailure: () => (/* binding */ notifyOnFailure)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./packages/core/src/action/context.ts + 3 modules
var context = __webpack_require__(2205);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+plugin-retry@6.1.0_@octokit+core@5.2.2/node_modules/@octokit/plugin-retry/dist-node/index.js
var dist_node = __webpack_require__(9195);
// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+plugin-throttling@8.2.0_@octokit+core@5.2.2/node_modules/@octokit/plugin-throttling/dist-node/index.js
var plugin_throttling_dist_node = __webpack_require__(7100);
// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+rest@20.1.2/node_modules/@octokit/rest/dist-node/index.js
var rest_dist_node = __webpack_require__(3020);
// EXTERNAL MODULE: ./node_modules/.pnpm/bottleneck@2.19.5/node_modules/bottleneck/lib/index.js
var lib = __webpack_require__(1500);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(6429);
;// CONCATENATED MODULE: ./packages/core/src/github/rate-limit.ts
const DEFAULT_RATE_LIMIT_POLICY = {
    minWaitMs: 60_000,
    maxRetries: 3,
    maxTotalWaitMs: 10 * 60_000,
};
/**
 * The wait this error asks for, or undefined when it is not a rate limit. `retry` counts the
 * rate-limit retries already made for this request.
 */
function rateLimitWait(error, retry, policy, nowMs) {
    if (error.status !== 403 && error.status !== 429)
        return undefined;
    const headers = error.response?.headers ?? {};
    const remaining = headers['x-ratelimit-remaining'];
    const retryAfterHeader = headers['retry-after'];
    const primary = String(remaining) === '0';
    const secondary = !primary &&
        (/secondary rate limit/i.test(error.message) || error.status === 429 || retryAfterHeader !== undefined);
    if (!primary && !secondary)
        return undefined;
    const kind = primary ? 'primary' : 'secondary';
    const retryAfter = Number(retryAfterHeader);
    if (retryAfterHeader !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) {
        return { kind, waitMs: retryAfter * 1000 };
    }
    if (primary) {
        const reset = Number(headers['x-ratelimit-reset']);
        // One second past the reset, so the retry lands after it.
        const waitMs = Number.isFinite(reset) ? Math.max(reset * 1000 - nowMs, 0) + 1000 : policy.minWaitMs;
        return { kind, waitMs };
    }
    return { kind, waitMs: policy.minWaitMs * 2 ** retry };
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+request-error@5.1.1/node_modules/@octokit/request-error/dist-node/index.js
var request_error_dist_node = __webpack_require__(6788);
;// CONCATENATED MODULE: ./packages/core/src/github/request-errors.ts

/** `METHOD /path` of a request, without host or query, for messages. */
function describeRequest(request) {
    let path = String(request.url);
    try {
        path = new URL(path).pathname;
    }
    catch {
        path = path.split('?')[0];
    }
    return `${String(request.method ?? 'GET').toUpperCase()} ${path}`;
}
/** The HTTP status of a failed GitHub request, if it has one. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/** The text GitHub gave, without the documentation link Octokit appends. */
function githubMessage(error) {
    const data = error?.response?.data;
    if (typeof data?.message === 'string')
        return data.message;
    return error instanceof Error ? error.message.replace(/ - https:\/\/\S+$/, '') : String(error);
}
/** Errors of the GitHub client stay RequestErrors (status, request, response) with their own class and name. */
class GitHubRequestError extends request_error_dist_node.RequestError {
    constructor(name, message, status, request, response) {
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
class GitHubPermissionError extends GitHubRequestError {
    accepted;
    constructor(error, accepted, message) {
        super('GitHubPermissionError', message, error.status, error.request, error.response);
        this.accepted = accepted;
    }
}
/** One attempt got no answer within the client's timeout (reported as status 500, as Octokit reports network failures). */
class GitHubTimeoutError extends GitHubRequestError {
    timeoutMs;
    constructor(request, timeoutMs) {
        super('GitHubTimeoutError', `${describeRequest(request)}: GitHub did not answer within ${timeoutMs} ms`, 500, request);
        this.timeoutMs = timeoutMs;
    }
}
/** GitHub's rate limit still held after the client's bounded waiting, or asked for a longer wait than allowed. */
class GitHubRateLimitError extends GitHubRequestError {
    kind;
    waitedMs;
    constructor(error, kind, waitedMs, detail) {
        super('GitHubRateLimitError', `${describeRequest(error.request)}: GitHub's ${kind} rate limit ${detail}. Nothing more was sent; run again later. ` +
            `(GitHub said: ${githubMessage(error)})`, error.status, error.request, error.response);
        this.kind = kind;
        this.waitedMs = waitedMs;
    }
}
/** Names in `x-accepted-github-permissions` that a workflow's `permissions:` block spells with a hyphen. */
const WORKFLOW_PERMISSION_NAMES = {
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
function parseAcceptedPermissions(header) {
    if (!header)
        return [];
    return header
        .split(';')
        .map((set) => set
        .split(',')
        .map((permission) => permission.trim())
        .filter(Boolean))
        .filter((set) => set.length > 0);
}
function workflowHint(set) {
    const lines = [];
    for (const permission of set) {
        const [name, level] = permission.split('=');
        const workflowName = WORKFLOW_PERMISSION_NAMES[name];
        if (!workflowName || !level)
            return undefined;
        lines.push(`${workflowName}: ${level}`);
    }
    return lines.join(', ');
}
const PERMISSION_MESSAGES = /not accessible by|must have (admin|push) (rights|access)|permission/i;
/**
 * The permission failure this error is, if it is one: 401 (bad credentials) or a 403 whose message
 * says a permission is missing. Other 403s (rate limits, refused re-runs) are not.
 */
function toPermissionError(error) {
    const what = describeRequest(error.request);
    const said = githubMessage(error);
    if (error.status === 401) {
        return new GitHubPermissionError(error, [], `${what}: GitHub rejected the token (401 ${said}). It is missing, expired or revoked; pass a valid token (the github-token input or GITHUB_TOKEN).`);
    }
    if (error.status !== 403 || !PERMISSION_MESSAGES.test(said))
        return undefined;
    const headers = error.response?.headers ?? {};
    const accepted = parseAcceptedPermissions(headers['x-accepted-github-permissions']);
    const scopes = String(headers['x-accepted-oauth-scopes'] ?? '').trim();
    let needs;
    if (accepted.length === 1) {
        const hint = workflowHint(accepted[0]);
        needs =
            `the token lacks the permission ${accepted[0].join(' and ')}` +
                (hint ? `; grant it in the job's permissions: block (${hint})` : '');
    }
    else if (accepted.length > 1) {
        needs = `the token lacks a permission; GitHub accepts any one of: ${accepted.map((set) => set.join(' and ')).join('; ')}`;
    }
    else if (scopes) {
        needs = `the token lacks the OAuth scope ${scopes}`;
    }
    else {
        needs =
            'the token lacks a permission this endpoint needs (GitHub did not name it; see the endpoint documentation)';
    }
    return new GitHubPermissionError(error, accepted, `${what}: GitHub refused the request (403 ${said}): ${needs}.`);
}

;// CONCATENATED MODULE: ./packages/core/src/github/client.ts








const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
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
function isRequestError(error) {
    return (error instanceof Error &&
        typeof error.status === 'number' &&
        error.request !== undefined);
}
/**
 * A plugin placed first so that its hook runs inside retry and throttling: every attempt gets its own
 * time limit, answer body included. Hooks share one options object (an inner hook never sees a copy),
 * so the attempt's signal is set on it and the caller's restored afterwards.
 */
function requestTimeout(octokit, options) {
    const defaultMs = Number(options.releaseGuardTimeoutMs) || 30_000;
    octokit.hook.wrap('request', async (request, endpoint) => {
        const settings = (endpoint.request ??= {});
        const timeoutMs = Number(settings.timeout) || defaultMs;
        const callerSignal = settings.signal;
        const controller = new AbortController();
        const forward = () => controller.abort(callerSignal?.reason);
        if (callerSignal?.aborted)
            forward();
        else
            callerSignal?.addEventListener('abort', forward, { once: true });
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort(new Error(`timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        settings.signal = controller.signal;
        try {
            return await request(endpoint);
        }
        catch (error) {
            if (timedOut)
                throw new GitHubTimeoutError(octokit.request.endpoint(endpoint), timeoutMs);
            throw error;
        }
        finally {
            clearTimeout(timer);
            callerSignal?.removeEventListener('abort', forward);
            settings.signal = callerSignal;
        }
    });
    return {};
}
// @octokit/rest brings the REST methods, `paginate` and a request log (debug/info only, which this
// client silences unless a log is given). Its hooks sit inside these plugins', so they see each attempt.
const ReleaseGuardOctokit = rest_dist_node.Octokit.plugin(requestTimeout, dist_node.retry, plugin_throttling_dist_node.throttling);
/** The API base URL: the option, else `GITHUB_API_URL`, else api.github.com; without a trailing slash. */
function resolveGitHubApiUrl(baseUrl, env = process.env) {
    const chosen = baseUrl || env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL;
    let url;
    try {
        url = new URL(chosen);
    }
    catch {
        throw (0,errors/* usageError */.Wp)(`GITHUB_API_URL / base URL is not a URL: ${JSON.stringify(chosen)}; expected e.g. https://ghes.example.com/api/v3`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw (0,errors/* usageError */.Wp)(`GITHUB_API_URL / base URL must be http(s): ${JSON.stringify(chosen)}`);
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
function createGitHubClient(options = {}) {
    const baseUrl = resolveGitHubApiUrl(options.baseUrl, options.env);
    const policy = { ...DEFAULT_RATE_LIMIT_POLICY, ...options.rateLimit };
    const log = {
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
            write: new (lib_default()).Group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? 1000 }),
            notifications: new (lib_default()).Group({
                maxConcurrent: 1,
                minTime: options.notificationIntervalMs ?? 3000,
            }),
            search: new (lib_default()).Group({ maxConcurrent: 1, minTime: 2000 }),
        },
    });
    // Registered last, so it wraps every plugin: it sees each request once and its final outcome.
    octokit.hook.wrap('request', async (request, endpoint) => {
        const method = String(endpoint.method).toUpperCase();
        endpoint.request = endpoint.request ?? {};
        if (endpoint.request.retries === undefined && !RETRIED_METHODS.has(method))
            endpoint.request.retries = 0;
        let waitedMs = 0;
        for (let retries = 0;; retries++) {
            try {
                return await request(endpoint);
            }
            catch (error) {
                if (!isRequestError(error))
                    throw error;
                const wait = rateLimitWait(error, retries, policy, Date.now());
                if (!wait)
                    throw toPermissionError(error) ?? error;
                if (retries >= policy.maxRetries) {
                    throw new GitHubRateLimitError(error, wait.kind, waitedMs, `still held after ${retries} retries over ${Math.round(waitedMs / 1000)} s`);
                }
                if (waitedMs + wait.waitMs > policy.maxTotalWaitMs) {
                    throw new GitHubRateLimitError(error, wait.kind, waitedMs, `asks for ${Math.ceil(wait.waitMs / 1000)} s more, past the ${Math.round(policy.maxTotalWaitMs / 1000)} s this client may wait`);
                }
                log.warn(`${describeRequest(error.request)}: GitHub ${wait.kind} rate limit; waiting ${Math.ceil(wait.waitMs / 1000)} s before retry ${retries + 1} of ${policy.maxRetries}`);
                await (0,promises_.setTimeout)(wait.waitMs);
                waitedMs += wait.waitMs;
            }
        }
    });
    return octokit;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./packages/core/src/manifest/store.ts
const MANIFEST_STORE_LABEL = {
    noun: 'manifest',
    pathFlag: '--manifest',
    examplePath: 'docs/reports/manifest.json',
};

;// CONCATENATED MODULE: ./packages/core/src/manifest/contents-store.ts



/** GitHub's answers to a compare-and-swap that lost: 409 `<path> does not match <sha>`, or 422 `"sha" wasn't supplied`. */
function isLostSwap(error) {
    const status = statusOf(error);
    return status === 409 || (status === 422 && /\bsha\b|does not match/i.test(githubMessage(error)));
}
/**
 * A manifest kept in a repository and changed through the contents API. The version is the file's
 * blob sha; a write sends it as `sha`, so GitHub refuses it (409, or 422 when the file appeared
 * meanwhile) if another writer got there first.
 */
class ContentsApiManifestStore {
    location;
    octokit;
    owner;
    repo;
    path;
    branch;
    label;
    constructor(options) {
        this.octokit = options.octokit;
        this.owner = options.owner;
        this.repo = options.repo;
        this.path = options.path.replace(/^\/+/, '');
        this.branch = options.branch;
        this.label = options.label ?? MANIFEST_STORE_LABEL;
        this.location = `${this.owner}/${this.repo}${this.branch ? `#${this.branch}` : ''}:${this.path}`;
    }
    async read() {
        let data;
        try {
            ({ data } = await this.octokit.rest.repos.getContent({
                owner: this.owner,
                repo: this.repo,
                path: this.path,
                ...(this.branch ? { ref: this.branch } : {}),
            }));
        }
        catch (error) {
            const message = githubMessage(error);
            if (statusOf(error) === 404 && /no commit found for the ref/i.test(message)) {
                throw this.failure('read', error, `the branch ${this.branch} does not exist`);
            }
            if (statusOf(error) === 404)
                return { content: null, version: null };
            // A repository without any commit has no manifest yet.
            if (statusOf(error) === 409 && /repository is empty/i.test(message))
                return { content: null, version: null };
            throw this.failure('read', error);
        }
        if (Array.isArray(data) || data.type !== 'file') {
            const kind = Array.isArray(data) ? 'directory' : data.type;
            throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `the ${this.label.noun} ${this.location} is a ${kind}, not a file; point the ${this.label.noun} path at a JSON file.`, {
                location: this.location,
            });
        }
        const bytes = data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : await this.readBlob(data.sha);
        return { content: bytes.toString('utf8'), version: data.sha };
    }
    async write(content, expectedVersion, message) {
        try {
            const { data } = await this.octokit.rest.repos.createOrUpdateFileContents({
                owner: this.owner,
                repo: this.repo,
                path: this.path,
                message,
                content: Buffer.from(content, 'utf8').toString('base64'),
                ...(expectedVersion !== null ? { sha: expectedVersion } : {}),
                ...(this.branch ? { branch: this.branch } : {}),
            });
            const version = data.content?.sha;
            if (!version) {
                throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `GitHub's answer to the write of ${this.location} carries no file sha; read the ${this.label.noun} again before the next write.`, {
                    location: this.location,
                });
            }
            return { ok: true, version };
        }
        catch (error) {
            if (error instanceof errors/* ReleaseGuardError */.dZ)
                throw error;
            if (isLostSwap(error))
                return { ok: false, reason: 'conflict' };
            const status = statusOf(error);
            if (status !== undefined && status >= 500) {
                // The write may have happened and only its answer been lost: if the manifest now holds exactly
                // what we sent, on a version other than the one we replaced, it is ours.
                const now = await this.read().catch(() => undefined);
                if (now && now.content === content && now.version !== null && now.version !== expectedVersion) {
                    return { ok: true, version: now.version };
                }
                throw this.failure('write', error, `the ${this.label.noun} may or may not have changed; run again to re-read it and retry`);
            }
            throw this.failure('write', error, 'nothing was written');
        }
    }
    /** Files above 1 MB come without inline content; their blob has it. */
    async readBlob(sha) {
        try {
            const { data } = await this.octokit.rest.git.getBlob({
                owner: this.owner,
                repo: this.repo,
                file_sha: sha,
            });
            return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
        }
        catch (error) {
            throw this.failure('read', error);
        }
    }
    failure(operation, error, consequence) {
        const status = statusOf(error);
        const cause = status === 401 || status === 403
            ? error.message
            : status === 404
                ? `GitHub answered 404 (${githubMessage(error)}): the repository or branch does not exist, or the token cannot see it`
                : status !== undefined
                    ? `GitHub answered ${status}: ${githubMessage(error)}`
                    : githubMessage(error);
        return new errors/* ReleaseGuardError */.dZ('unreadable_input', `cannot ${operation} the ${this.label.noun} ${this.location} through the contents API: ${cause}${consequence ? `; ${consequence}` : ''}.`, { location: this.location, operation, status: status ?? null });
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./packages/core/src/manifest/errors.ts + 1 modules
var manifest_errors = __webpack_require__(8210);
;// CONCATENATED MODULE: ./packages/core/src/manifest/file-store.ts








/** How long an empty lock file may be the fresh lock of a live writer (see isStale). */
const EMPTY_LOCK_GRACE_MS = 2000;
/** sha256 of the file's bytes: the version token of a file manifest. */
function fileManifestVersion(content) {
    return (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex');
}
/**
 * A manifest in a local file. A write replaces the file atomically (a temp file in the same folder,
 * fsync, rename, fsync of the folder), so a reader or a crash sees the old or the new file whole.
 * Compare-and-swap is by content hash, checked while holding `<file>.lock`, created with O_EXCL so
 * that writers on this machine (or on a shared folder) take turns. A lock whose holder died on this
 * host, that stayed empty (its writer died before naming itself), or that is older than
 * `staleLockMs`, is taken over.
 */
class FileManifestStore {
    location;
    path;
    lockPath;
    staleLockMs;
    lockTimeoutMs;
    label;
    constructor(path, options = {}) {
        this.path = (0,external_node_path_.resolve)(path);
        this.location = this.path;
        this.lockPath = `${this.path}.lock`;
        this.staleLockMs = options.staleLockMs ?? 30_000;
        this.lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
        this.label = options.label ?? MANIFEST_STORE_LABEL;
    }
    async read() {
        const bytes = await this.readBytes();
        return bytes === null
            ? { content: null, version: null }
            : { content: bytes.toString('utf8'), version: fileManifestVersion(bytes) };
    }
    async write(content, expectedVersion, _message) {
        const folder = (0,external_node_path_.dirname)(this.path);
        await this.fsStep('create the folder of', () => (0,external_node_fs_promises_.mkdir)(folder, { recursive: true }));
        const lock = await this.acquireLock();
        let temp = null;
        try {
            const current = await this.readBytes();
            if ((current === null ? null : fileManifestVersion(current)) !== expectedVersion)
                return { ok: false, reason: 'conflict' };
            await this.removeLeftovers();
            const bytes = Buffer.from(content, 'utf8');
            const mode = await (0,external_node_fs_promises_.stat)(this.path).then((stats) => stats.mode & 0o777, () => 0o644);
            temp = (0,external_node_path_.join)(folder, `.${(0,external_node_path_.basename)(this.path)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
            const tempPath = temp;
            await this.fsStep('write a temporary file next to', async () => {
                const handle = await (0,external_node_fs_promises_.open)(tempPath, 'wx', mode);
                try {
                    await handle.writeFile(bytes);
                    await handle.sync();
                }
                finally {
                    await handle.close();
                }
            });
            // Our lock may have been taken over as stale while we were slow; then another writer may be in here.
            if (!(await this.holds(lock)))
                return { ok: false, reason: 'conflict' };
            await this.fsStep('replace', () => (0,external_node_fs_promises_.rename)(tempPath, this.path));
            temp = null;
            await syncFolder(folder);
            return { ok: true, version: fileManifestVersion(bytes) };
        }
        finally {
            if (temp !== null)
                await (0,external_node_fs_promises_.unlink)(temp).catch(() => undefined);
            await this.releaseLock(lock);
        }
    }
    async readBytes() {
        try {
            return await (0,external_node_fs_promises_.readFile)(this.path);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return null;
            throw this.fsError('read', error);
        }
    }
    async acquireLock() {
        const deadline = Date.now() + this.lockTimeoutMs;
        let delayMs = 5;
        for (;;) {
            const mine = await this.tryCreateLock();
            if (mine !== null)
                return mine;
            const holder = await this.lockHolder();
            if (holder === null)
                continue;
            if (this.isStale(holder)) {
                await this.takeOverStaleLock(holder);
                continue;
            }
            if (Date.now() > deadline) {
                const who = holder.pid === null
                    ? 'an unknown process'
                    : `pid ${holder.pid} on ${holder.host ?? 'an unknown host'}`;
                throw new manifest_errors/* ManifestConflictError */.k(this.location, 0, `${this.lockPath} is held by ${who} since ${holder.createdAt ?? new Date(holder.mtimeMs).toISOString()}; waited ${Math.round(this.lockTimeoutMs / 1000)} s. ` +
                    `If no release-guard process is writing this ${this.label.noun}, delete the lock file and run again; nothing was written.`);
            }
            await (0,promises_.setTimeout)(delayMs * (0.5 + Math.random()));
            delayMs = Math.min(delayMs * 2, 200);
        }
    }
    async tryCreateLock() {
        let handle;
        try {
            handle = await (0,external_node_fs_promises_.open)(this.lockPath, 'wx');
        }
        catch (error) {
            if (error.code === 'EEXIST')
                return null;
            throw this.fsError('create the lock file of', error);
        }
        try {
            await handle.writeFile(JSON.stringify({ pid: process.pid, host: (0,external_node_os_.hostname)(), created_at: new Date().toISOString() }));
            const stats = await handle.stat();
            return { ino: stats.ino, mtimeMs: stats.mtimeMs };
        }
        finally {
            await handle.close();
        }
    }
    /** The current lock's identity and owner; null when it vanished meanwhile. */
    async lockHolder() {
        try {
            const stats = await (0,external_node_fs_promises_.stat)(this.lockPath);
            const text = await (0,external_node_fs_promises_.readFile)(this.lockPath, 'utf8').catch(() => '');
            let owner = {};
            try {
                owner = JSON.parse(text);
            }
            catch {
                // Created but not written yet, or its writer died in between (see isStale).
            }
            return {
                ino: stats.ino,
                mtimeMs: stats.mtimeMs,
                pid: Number.isSafeInteger(owner.pid) ? owner.pid : null,
                host: typeof owner.host === 'string' ? owner.host : null,
                createdAt: typeof owner.created_at === 'string' ? owner.created_at : null,
            };
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return null;
            throw this.fsError('inspect the lock file of', error);
        }
    }
    /**
     * Stale: older than staleLockMs; or its holder, on this host, is dead; or it is still empty after
     * EMPTY_LOCK_GRACE_MS (a writer writes its name right after creating the lock, so an empty lock is
     * one whose writer died in between). Taking over a live lock by mistake is caught by `holds`.
     */
    isStale(holder) {
        const age = Date.now() - holder.mtimeMs;
        if (age > this.staleLockMs)
            return true;
        if (holder.pid === null)
            return age > EMPTY_LOCK_GRACE_MS;
        return holder.host === (0,external_node_os_.hostname)() && !processIsAlive(holder.pid);
    }
    /**
     * Moves the stale lock aside under a unique name (only one contender's rename can succeed), then
     * checks that what it moved is the lock it judged stale: if a fresh lock had replaced it meanwhile,
     * puts that one back.
     */
    async takeOverStaleLock(stale) {
        const aside = `${this.lockPath}.stale.${process.pid}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        try {
            await (0,external_node_fs_promises_.rename)(this.lockPath, aside);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return;
            throw this.fsError('take over the stale lock of', error);
        }
        const moved = await (0,external_node_fs_promises_.stat)(aside);
        if (!sameLock(moved, stale))
            await (0,external_node_fs_promises_.link)(aside, this.lockPath).catch(() => undefined);
        await (0,external_node_fs_promises_.unlink)(aside).catch(() => undefined);
    }
    async holds(lock) {
        const current = await (0,external_node_fs_promises_.stat)(this.lockPath).catch(() => null);
        return current !== null && sameLock(current, lock);
    }
    async releaseLock(lock) {
        if (await this.holds(lock))
            await (0,external_node_fs_promises_.unlink)(this.lockPath).catch(() => undefined);
    }
    /** Temp files and moved-aside locks of writers that died; only the lock holder writes either. */
    async removeLeftovers() {
        const folder = (0,external_node_path_.dirname)(this.path);
        const name = (0,external_node_path_.basename)(this.path);
        const names = await (0,external_node_fs_promises_.readdir)(folder).catch(() => []);
        const leftovers = names.filter((entry) => (entry.startsWith(`.${name}.`) && entry.endsWith('.tmp')) || entry.startsWith(`${name}.lock.stale.`));
        await Promise.all(leftovers.map((entry) => (0,external_node_fs_promises_.unlink)((0,external_node_path_.join)(folder, entry)).catch(() => undefined)));
    }
    async fsStep(what, step) {
        try {
            return await step();
        }
        catch (error) {
            throw this.fsError(what, error);
        }
    }
    fsError(what, error) {
        const code = error.code ?? 'error';
        return new errors/* ReleaseGuardError */.dZ('unreadable_input', `cannot ${what} the ${this.label.noun} ${this.path} (${code}: ${error.message}); check the path and its permissions. Nothing was written.`, { location: this.path, code });
    }
}
function sameLock(stats, lock) {
    return stats.ino === lock.ino && stats.mtimeMs === lock.mtimeMs;
}
function processIsAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/** Makes the rename durable; folders cannot be fsynced on every platform, which only weakens durability. */
async function syncFolder(folder) {
    try {
        const handle = await (0,external_node_fs_promises_.open)(folder, 'r');
        try {
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
    catch {
        // Not supported here (e.g. Windows); the rename itself is still atomic.
    }
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/action-store.ts



/**
 * The manifest store of an action: a file in the workspace, or with `manifestBranch` the file on that
 * branch of the repository, changed through the contents API (the token needs `contents: write`).
 * `client` is only called for the contents API.
 */
function openActionManifestStore(location, client) {
    if (location.manifestBranch !== undefined) {
        const [owner, repo] = location.repository.split('/');
        return new ContentsApiManifestStore({
            octokit: client(),
            owner,
            repo,
            path: location.manifestPath,
            branch: location.manifestBranch,
        });
    }
    return new FileManifestStore(external_node_path_default().resolve(location.workspace, location.manifestPath));
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/history.ts
const TURN_CLAIM = /^notify-on-failure claim ([0-9a-f]{12})\b/;
const TURN_DONE = /^notify-on-failure done ([0-9a-f]{12}) notified=(slack|issue|both|none)\b/;
function turnClaimNote(claimId, what) {
    return `notify-on-failure claim ${claimId}: ${what}`;
}
function turnDoneNote(claimId, notified, what) {
    return `notify-on-failure done ${claimId} notified=${notified}: ${what}`;
}
function turnClaimOf(record) {
    return record.note === null ? undefined : TURN_CLAIM.exec(record.note)?.[1];
}
function turnDoneOf(record) {
    const match = record.note === null ? null : TURN_DONE.exec(record.note);
    return match ? { id: match[1], notified: match[2] } : undefined;
}
/** Whose turn it is for `claimId`, by the protocol above, with the entry as read at `nowMs`. */
function turnOf(entry, claimId, nowMs, staleAfterMs) {
    const history = entry?.history ?? [];
    const mine = history.findIndex((record) => turnClaimOf(record) === claimId);
    if (entry === null || mine === -1)
        return { kind: 'mine', entry };
    const finished = new Set(history.map(turnDoneOf).flatMap((done) => (done ? [done.id] : [])));
    const earlier = history.slice(0, mine).filter((record) => turnClaimOf(record) !== undefined);
    const live = earlier.filter((record) => !finished.has(turnClaimOf(record)) && nowMs - Date.parse(record.at) < staleAfterMs);
    if (live.length > 0)
        return { kind: 'wait' };
    const earlierIds = new Set(earlier.map((record) => turnClaimOf(record)));
    const reached = history
        .slice(mine + 1)
        .map(turnDoneOf)
        .find((done) => done !== undefined && earlierIds.has(done.id) && done.notified !== 'none');
    if (!reached)
        return { kind: 'mine', entry };
    return { kind: 'adopt', entry, by: reached.id, notified: reached.notified };
}
/** The last record whose new status satisfies `predicate`. */
function lastRecordTo(entry, predicate) {
    return [...entry.history].reverse().find((record) => predicate(record.to));
}
/**
 * When the failure was detected: the last time the entry turned `failure` (from another status or
 * when created), else `fallback`.
 */
function failureDetectedAt(entry, fallback) {
    const turned = [...(entry?.history ?? [])]
        .reverse()
        .find((record) => record.to === 'failure' && record.from !== 'failure');
    const at = turned ? Date.parse(turned.at) : NaN;
    return Number.isNaN(at) ? fallback : new Date(at);
}
/** When the failure being recovered was recorded: the last record to failure, else the entry's first record. */
function failureRecordedAt(entry) {
    if (!entry)
        return null;
    return lastRecordTo(entry, (to) => to === 'failure')?.at ?? entry.history[0]?.at ?? null;
}

// EXTERNAL MODULE: ./packages/core/src/text/echo-value.ts
var echo_value = __webpack_require__(769);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./packages/core/src/manifest/schema.ts + 1 modules
var schema = __webpack_require__(1983);
;// CONCATENATED MODULE: ./packages/core/src/manifest/state-machine.ts
/*
 * The status of a manifest entry, from the security-ci scenario:
 *
 *   from        may go to
 *   (new)       pending | success | failure | rollback
 *   pending     success | failure
 *   failure     requeued | rollback
 *   requeued    rerunning | blocked            blocked: the re-run was denied
 *   rerunning   success | blocked | requeued   blocked: failed again; requeued: cancelled
 *   success     rollback
 *   blocked     rollback
 *   rollback    (final)
 *
 * - A new entry starts as pending (validation started), success or failure (validation wrote its
 *   result once), or rollback (the entry of the rollback run itself).
 * - requeued: a re-run was asked for; rerunning: the re-run is running. A re-run cancelled by a
 *   concurrency group goes back to requeued; a denied or failed re-run ends blocked.
 * - rollback is the on-call's decision after a failure, a blocked run or a bad release and
 *   is final. A finished run is never re-opened: a new attempt of the release is a new run id.
 * - Writing the same status again is not a transition and is always allowed.
 *
 * Rules on the status an entry ends in:
 * - failure and blocked carry a failure_reason;
 * - rollback carries governance_flag=rollback.
 * What an update does by itself when the status changes (unless it sets the field too):
 * - entering success stamps verified_at with the time of the write;
 * - entering success, blocked or rollback clears rerun_in_progress: no re-run is in progress any more.
 */
const MANIFEST_INITIAL_STATUSES = [
    'pending',
    'success',
    'failure',
    'rollback',
];
const MANIFEST_TRANSITIONS = {
    pending: ['success', 'failure'],
    success: ['rollback'],
    failure: ['requeued', 'rollback'],
    requeued: ['rerunning', 'blocked'],
    rerunning: ['success', 'blocked', 'requeued'],
    blocked: ['rollback'],
    rollback: [],
};
const FINISHED = ['success', 'blocked', 'rollback'];
/** `from` null means the entry does not exist yet. */
function isLegalStatusTransition(from, to) {
    if (from === null)
        return MANIFEST_INITIAL_STATUSES.includes(to);
    return from === to || MANIFEST_TRANSITIONS[from].includes(to);
}
/** One line summarising the whole machine, for error messages. */
function describeManifestStateMachine() {
    const moves = Object.keys(MANIFEST_TRANSITIONS)
        .filter((from) => MANIFEST_TRANSITIONS[from].length > 0)
        .map((from) => `${from} → ${MANIFEST_TRANSITIONS[from].join(' | ')}`);
    return `new → ${MANIFEST_INITIAL_STATUSES.join(' | ')}; ${moves.join('; ')}; rollback is final`;
}
/** Why `from → to` is refused and what the caller can do instead. Only call it for illegal moves. */
function explainIllegalStatusTransition(from, to) {
    if (from === null) {
        return (`a new entry cannot start as ${to}; it starts as ${MANIFEST_INITIAL_STATUSES.join(', ')}. ` +
            `Allowed moves: ${describeManifestStateMachine()}.`);
    }
    const next = MANIFEST_TRANSITIONS[from];
    const options = next.length === 0 ? `${from} is final` : `from ${from} the entry may only go to ${next.join(' or ')}`;
    const advice = FINISHED.includes(from)
        ? ' A finished run is never re-opened: record a new attempt of the release under its new run id.'
        : '';
    return `status ${from} → ${to} is not allowed: ${options}.${advice} Allowed moves: ${describeManifestStateMachine()}.`;
}
/** Rules on the status an entry ends in; each violation is a sentence that says how to fix it. */
function manifestStatusViolations(entry) {
    const violations = [];
    if ((entry.status === 'failure' || entry.status === 'blocked') && entry.failure_reason === null) {
        violations.push(`status ${entry.status} needs a failure_reason (one of the failure codes): set failure_reason=CODE in the same update`);
    }
    if (entry.status === 'rollback' && entry.governance_flag !== 'rollback') {
        violations.push(`status rollback needs governance_flag=rollback (got ${String(entry.governance_flag)}): set governance_flag=rollback in the same update`);
    }
    return violations;
}
/** Fields an update changes by itself when the status moves from `from` to `to` (see the rules above). */
function derivedEntryChanges(from, to, explicit, at) {
    if (from === to)
        return {};
    const derived = {};
    if (to === 'success' && !('verified_at' in explicit))
        derived.verified_at = at;
    if (FINISHED.includes(to) && !('rerun_in_progress' in explicit))
        derived.rerun_in_progress = false;
    return derived;
}

// EXTERNAL MODULE: ./packages/core/src/manifest/types.ts
var types = __webpack_require__(5285);
;// CONCATENATED MODULE: ./packages/core/src/manifest/apply.ts







/** Checks an update's own input; a problem here is a usage error (exit 2), whatever the manifest holds. */
function checkManifestEntryUpdate(update) {
    for (const [field, value] of [
        ['tag', update.tag],
        ['run_id', update.runId],
    ]) {
        const problem = (0,schema/* manifestFieldProblem */.Z3)(field, value);
        if (problem !== null)
            throw new errors/* InputError */.dz(field === 'tag' ? 'tag' : 'run-id', `${(0,echo_value/* echoValue */.J_)(value)} is not usable: ${problem}`);
    }
    for (const [field, value] of Object.entries(update.set)) {
        if (!types/* MANIFEST_SETTABLE_FIELDS */.jo.includes(field)) {
            throw (0,errors/* usageError */.Wp)(`cannot set ${(0,echo_value/* echoValue */.J_)(field)}; settable fields: ${types/* MANIFEST_SETTABLE_FIELDS */.jo.join(', ')}`);
        }
        const problem = (0,schema/* manifestFieldProblem */.Z3)(field, value);
        if (problem !== null)
            throw (0,errors/* usageError */.Wp)(`${field}=${(0,echo_value/* echoValue */.J_)(value)} is not valid. Expected: ${problem}`);
    }
    if (update.actor.trim() === '' || update.actor.length > 256) {
        throw new errors/* InputError */.dz('actor', 'must name who makes the change (1 to 256 characters)');
    }
    if (update.note !== undefined && update.note !== null && update.note.length > 4096) {
        throw new errors/* InputError */.dz('note', 'is longer than 4096 characters; link to the details instead');
    }
}
/**
 * Creates or updates the (tag, run_id) entry of `manifest` at time `at`, enforcing the state machine
 * and the entry rules. A refused update throws ManifestRuleError; nothing is changed.
 */
function applyManifestEntryUpdate(manifest, update, at) {
    checkManifestEntryUpdate(update);
    const index = manifest.entries.findIndex((entry) => entry.tag === update.tag && entry.run_id === update.runId);
    const previous = index === -1 ? null : manifest.entries[index];
    const key = (0,types/* manifestEntryKey */.TK)({ tag: update.tag, run_id: update.runId });
    const from = previous?.status ?? null;
    const to = update.set.status ?? from ?? 'pending';
    if (!isLegalStatusTransition(from, to)) {
        throw new manifest_errors/* ManifestRuleError */.e('illegal_transition', key, `${key}: ${explainIllegalStatusTransition(from, to)} Nothing was written.`, {
            from,
            to,
        });
    }
    if (previous !== null &&
        previous.issue_number !== null &&
        update.set.issue_number !== undefined &&
        update.set.issue_number !== previous.issue_number) {
        throw new manifest_errors/* ManifestRuleError */.e('issue_number_locked', key, `${key}: issue_number is already ${previous.issue_number} and never changes once set (one issue per run; notify-on-failure relies on it to avoid duplicates). Comment on issue #${previous.issue_number} instead. Nothing was written.`, { expected: previous.issue_number, actual: update.set.issue_number });
    }
    const base = previous ?? newEntry(update.tag, update.runId, at);
    const merged = { ...base, ...derivedEntryChanges(from, to, update.set, at), ...update.set, status: to };
    const violations = manifestStatusViolations(merged);
    if (violations.length > 0) {
        throw new manifest_errors/* ManifestRuleError */.e('status_requirement', key, `${key}: ${violations.join('; ')}. Nothing was written.`, {
            violations,
        });
    }
    const changedFields = types/* MANIFEST_DATA_FIELDS */.Vr.filter((field) => previous === null ? merged[field] !== undefined : !(0,external_node_util_.isDeepStrictEqual)(previous[field], merged[field]));
    const note = update.note ?? null;
    if (previous !== null && changedFields.length === 0 && note === null) {
        return { manifest, entry: previous, previous, changedFields, changed: false };
    }
    const history = [...(previous?.history ?? []), { at, actor: update.actor, from, to, note }];
    const entry = canonicalEntry({ ...merged, updated_at: at, history });
    const entries = [...manifest.entries];
    if (index === -1)
        entries.push(entry);
    else
        entries[index] = entry;
    const next = { schema_version: (0,schema/* writtenSchemaVersion */.Nu)(manifest.schema_version), entries };
    const problems = (0,schema/* manifestProblems */.c9)(next);
    if (problems.length > 0) {
        throw (0,errors/* usageError */.Wp)(`${key}: the update would make the manifest invalid: ${(0,schema/* formatManifestProblems */.dr)(problems)}. Nothing was written.`);
    }
    return { manifest: next, entry, previous, changedFields, changed: true };
}
function newEntry(tag, runId, at) {
    return {
        tag,
        run_id: runId,
        run_attempt: 1,
        artifact_url: null,
        status: 'pending',
        failure_reason: null,
        requeue: false,
        rerun_in_progress: false,
        notify_slack: false,
        slack_retry: 0,
        issue_number: null,
        governance_flag: null,
        verified_at: null,
        updated_at: at,
        history: [],
    };
}
/**
 * The entry with its fields in schema order, so that every writer produces the same bytes; an
 * optional field not set is left out. Fields this version does not know (a newer minor version's,
 * the reader accepted them) are kept after the known ones: a writer never drops what it cannot read.
 */
function canonicalEntry(entry) {
    const known = types/* MANIFEST_ENTRY_FIELDS */.pC.filter((field) => entry[field] !== undefined).map((field) => [field, entry[field]]);
    const unknown = Object.entries(entry).filter(([field]) => !types/* MANIFEST_ENTRY_FIELDS */.pC.includes(field));
    return Object.fromEntries([...known, ...unknown]);
}

;// CONCATENATED MODULE: ./packages/core/src/store/compare-and-swap.ts

/**
 * The retry loop of every compare-and-swap writer: read → plan (parse, validate, apply the change) →
 * write only if the store still holds the version read; when another writer got there first, wait a
 * jittered exponential backoff, re-read and plan again from what is there now. Whatever `plan`
 * throws ends the loop with nothing written. After `maxAttempts` lost races, throws what `giveUp`
 * makes of the last round's result.
 */
async function compareAndSwap(store, plan, options) {
    const maxAttempts = options.maxAttempts ?? 30;
    const baseMs = options.backoffBaseMs ?? 50;
    const maxMs = options.backoffMaxMs ?? 10_000;
    const started = performance.now();
    for (let attempt = 1;; attempt++) {
        const attemptStarted = performance.now();
        const stored = await store.read();
        const planned = await plan(stored, {
            attempt,
            waitedSeconds: Math.round(attemptStarted - started) / 1000,
        });
        if (planned.write === null)
            return { result: planned.result, written: false, attempts: attempt, version: stored.version };
        const written = await store.write(planned.write.content, stored.version, planned.write.message);
        if (written.ok)
            return { result: planned.result, written: true, attempts: attempt, version: written.version };
        if (attempt >= maxAttempts)
            throw options.giveUp(planned.result, attempt, (performance.now() - started) / 1000);
        const slotMs = Math.max(baseMs, performance.now() - attemptStarted);
        await (0,promises_.setTimeout)(Math.random() * Math.min(maxMs, slotMs * 2 ** (attempt - 1)));
    }
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/update.ts





/**
 * Creates or updates one entry without losing anyone else's update: read → parse and validate →
 * apply (state machine, entry rules) → write with compare-and-swap; when another writer got there
 * first, re-read and re-apply the same change after a jittered exponential backoff.
 *
 * Throws ManifestRuleError when the change breaks a rule (also when another writer's update made it
 * illegal), whatever `precondition` throws, ManifestConflictError after `maxAttempts` lost races,
 * ReleaseGuardError for unusable input or an unreadable manifest. Nothing is written in any of these
 * cases.
 */
async function updateManifest(store, options) {
    checkManifestEntryUpdate(options);
    const now = options.now ?? (() => new Date());
    const outcome = await compareAndSwap(store, (stored, round) => {
        const manifest = stored.content === null ? (0,schema/* emptyManifest */.dR)() : (0,schema/* parseManifest */.Ng)(stored.content, store.location);
        const current = manifest.entries.find((entry) => entry.tag === options.tag && entry.run_id === options.runId) ?? null;
        options.precondition?.(current);
        const at = now().toISOString();
        const created = current === null && options.createWith !== undefined;
        const base = created
            ? applyManifestEntryUpdate(manifest, { ...options, ...options.createWith }, at).manifest
            : manifest;
        const applied = applyManifestEntryUpdate(base, options, at);
        const changedFields = created
            ? types/* MANIFEST_DATA_FIELDS */.Vr.filter((field) => applied.entry[field] !== undefined)
            : applied.changedFields;
        const result = {
            entry: applied.entry,
            created: created || applied.previous === null,
            changedFields,
            metrics: {
                'governance.manifest_diff_count': changedFields.length,
                'metrics.lock_wait_seconds': round.waitedSeconds,
            },
        };
        return {
            result,
            write: applied.changed || created
                ? {
                    content: (0,schema/* serializeManifest */.MZ)(applied.manifest),
                    message: commitMessage(applied, options, created),
                }
                : null,
        };
    }, {
        maxAttempts: options.maxAttempts,
        backoffBaseMs: options.backoffBaseMs,
        backoffMaxMs: options.backoffMaxMs,
        giveUp: (last, attempts, elapsedSeconds) => new manifest_errors/* ManifestConflictError */.k(store.location, attempts, `${(0,types/* manifestEntryKey */.TK)(last.entry)}: gave up after ${attempts} attempts in ${elapsedSeconds.toFixed(1)} s: other writers changed ${store.location} every time. ` +
            'Check that the writers share the concurrency group provenance-manifest-<ref>, then run the update again; nothing was written.'),
    });
    return {
        ...outcome.result,
        written: outcome.written,
        attempts: outcome.attempts,
        version: outcome.version,
    };
}
function commitMessage(applied, update, created) {
    const from = created ? `new → ${applied.previous?.status}` : (applied.previous?.status ?? 'new');
    const lines = [`manifest: ${(0,types/* manifestEntryKey */.TK)(applied.entry)}: ${from} → ${applied.entry.status}`, ''];
    lines.push(`Changed: ${applied.changedFields.join(', ') || 'nothing (note only)'}`);
    lines.push(`Actor: ${update.actor}`);
    if (update.note)
        lines.push('', update.note);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/recorder.ts



/** The manifest's history note is at most 4096 characters; adjustments are appended to the note. */
const MAX_NOTE = 4000;
/**
 * The manifest writes of one action run on one (tag, run) entry: each compare-and-swap, each problem
 * kept instead of thrown (a rule another writer's update made apply, lost races, an unreadable store),
 * so that an action still reports what it did. Sums the manifest metrics over every write. Errors
 * that are not release-guard's (a bug) are not caught.
 */
class ManifestRecorder {
    store;
    key;
    now;
    entry = null;
    problems = [];
    metrics = {
        'governance.manifest_diff_count': 0,
        'metrics.lock_wait_seconds': 0,
    };
    constructor(store, key, now) {
        this.store = store;
        this.key = key;
        this.now = now;
    }
    get location() {
        return this.store.location;
    }
    /** Every problem so far in one line, or null. */
    get problem() {
        return this.problems.length === 0 ? null : this.problems.join(' ');
    }
    /** Counts a write made elsewhere (a claim made with its own precondition). */
    add(update) {
        this.entry = update.entry;
        this.metrics['governance.manifest_diff_count'] += update.metrics['governance.manifest_diff_count'];
        this.metrics['metrics.lock_wait_seconds'] =
            Math.round((this.metrics['metrics.lock_wait_seconds'] + update.metrics['metrics.lock_wait_seconds']) * 1000) / 1000;
    }
    /** Writes `set` with a history note; a refusal or an unreadable store is returned, not thrown. */
    async record(set, note, options = {}) {
        const changes = { ...set };
        const adjustments = [];
        for (let round = 0; round < 3; round++) {
            try {
                const update = await updateManifest(this.store, {
                    ...this.key,
                    set: changes,
                    note: [note, ...adjustments].join(' ').slice(0, MAX_NOTE),
                    now: this.now,
                });
                this.add(update);
                const problem = adjustments.length > 0 ? adjustments.join(' ') : null;
                if (problem)
                    this.problems.push(problem);
                return { written: update.written, entry: update.entry, problem };
            }
            catch (error) {
                if (!(error instanceof errors/* ReleaseGuardError */.dZ))
                    throw error;
                const adjustment = options.keepStatus ? adjust(error, changes) : null;
                if (adjustment === null) {
                    const what = set.status ? `could not record status ${set.status}` : 'could not update the entry';
                    const problem = [...adjustments, `${what}: ${error.message}`].join(' ');
                    this.problems.push(problem);
                    return { written: false, entry: null, problem };
                }
                adjustments.push(adjustment);
            }
        }
        const problem = adjustments.join(' ');
        this.problems.push(problem);
        return { written: false, entry: null, problem };
    }
}
/**
 * Takes out of `changes` what a rule refused, and says what was left out; null when nothing can be
 * left out. A refused status takes its companions with it: `requeue`, and the failure reason where the
 * entry ended well (a success or a rollback keeps its empty reason).
 */
function adjust(error, changes) {
    if (!(error instanceof manifest_errors/* ManifestRuleError */.e))
        return null;
    if (error.rule === 'illegal_transition' && changes.status !== undefined) {
        const from = String(error.details.from);
        const to = changes.status;
        delete changes.status;
        delete changes.requeue;
        if (from === 'success' || from === 'rollback' || changes.failure_reason === null)
            delete changes.failure_reason;
        return `(status left as ${from}: the state machine does not allow ${from} → ${to})`;
    }
    if (error.rule === 'issue_number_locked' && changes.issue_number !== undefined) {
        const refused = changes.issue_number;
        delete changes.issue_number;
        return `(issue #${refused} not recorded: the entry already has issue #${String(error.details.expected)})`;
    }
    return null;
}

// EXTERNAL MODULE: ./packages/core/src/text/redact-secrets.ts
var redact_secrets = __webpack_require__(965);
;// CONCATENATED MODULE: ./packages/core/src/report/write-file-atomic.ts



/** Writes a file so that a reader or a crash sees the old file or the new one whole, never half. */
async function writeFileAtomic(file, content) {
    await (0,external_node_fs_promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `.${(0,external_node_path_.basename)(file)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    try {
        const handle = await (0,external_node_fs_promises_.open)(temp, 'wx', 0o644);
        try {
            await handle.writeFile(content);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,external_node_fs_promises_.rename)(temp, file);
    }
    catch (error) {
        await (0,external_node_fs_promises_.unlink)(temp).catch(() => undefined);
        throw error;
    }
}

// EXTERNAL MODULE: ./packages/core/src/notify/slack/delivery-policy.ts
var delivery_policy = __webpack_require__(3902);
;// CONCATENATED MODULE: ./packages/core/src/notify/failure-changes.ts

/** What a failure makes of the entry: status failure with its reason, and the artifact's address. */
function failureChanges(failureReason, artifactUrl) {
    const set = {};
    // status failure needs a failure_reason: with none given, the status is left to the validation.
    if (failureReason !== null) {
        set.status = 'failure';
        set.failure_reason = failureReason;
    }
    if (artifactUrl !== null && (0,schema/* manifestFieldProblem */.Z3)('artifact_url', artifactUrl) === null)
        set.artifact_url = artifactUrl;
    return set;
}

;// CONCATENATED MODULE: ./packages/core/src/notify/issue/issue-marker.ts
/**
 * The hidden line that makes the fallback issue findable: one issue per (run, tag). The tag is
 * URL-encoded, so no tag can end the comment (`-->`) or forge the marker of another run.
 */
function issueMarker(runId, tag) {
    return `<!-- release-guard:notify run_id=${runId} tag=${encodeURIComponent(tag)} -->`;
}
/** True when one line of `body` is exactly this run's marker. */
function hasIssueMarker(body, runId, tag) {
    if (!body)
        return false;
    const marker = issueMarker(runId, tag);
    return body.split(/\r?\n/).some((line) => line.trim() === marker);
}

;// CONCATENATED MODULE: ./packages/core/src/notify/issue/fallback-issue.ts



/** No issue could be filed. `permission` is set when the token lacks one (the message names it). */
class FallbackIssueError extends Error {
    permission;
    constructor(message, permission) {
        super(message);
        this.name = 'FallbackIssueError';
        this.permission = permission;
    }
}
function fromIssue(issue, source, createAttempts) {
    return { number: issue.number, url: issue.html_url, source, createdAt: issue.created_at, createAttempts };
}
function permissionFailure(error) {
    return error instanceof GitHubPermissionError ? new FallbackIssueError(error.message, true) : undefined;
}
/**
 * This run's open issue by its hidden marker, listing open issues by label (not the search API,
 * which lags). Each label is listed in turn, so an issue someone took one label off is
 * still found. The oldest match wins.
 */
async function findIssueByMarker(client, request, maxPages = 10) {
    for (const label of request.labels) {
        let pages = 0;
        const found = [];
        for await (const page of client.paginate.iterator(client.rest.issues.listForRepo, {
            owner: request.owner,
            repo: request.repo,
            state: 'open',
            labels: label,
            sort: 'created',
            direction: 'asc',
            per_page: 100,
        })) {
            for (const issue of page.data) {
                if (!issue.pull_request && hasIssueMarker(issue.body, request.runId, request.tag))
                    found.push(issue);
            }
            if (found.length > 0 || ++pages >= maxPages)
                break;
        }
        if (found.length > 0)
            return found.sort((a, b) => a.number - b.number)[0];
    }
    return undefined;
}
/**
 * Exactly one issue per run: the manifest's issue_number first, then an open issue carrying this
 * run's marker, and only then a new one. The create call is never blindly repeated: after a failed
 * or unanswered POST the open issues are listed again, since a lost answer may hide a created issue
 *; when that listing fails too, nothing more is sent. Throws FallbackIssueError.
 */
async function fileFallbackIssue(client, request, options = {}) {
    const { owner, repo } = request;
    if (request.knownIssueNumber !== null) {
        const number = request.knownIssueNumber;
        try {
            const { data } = await client.rest.issues.get({ owner, repo, issue_number: number });
            return fromIssue(data, 'manifest', 0);
        }
        catch {
            // The number is recorded and never changes; without GitHub's answer its address is still known.
            return {
                number,
                url: `${request.issuesWebUrl}/${number}`,
                source: 'manifest',
                createdAt: null,
                createAttempts: 0,
            };
        }
    }
    const maxPages = options.maxPages ?? 10;
    try {
        const existing = await findIssueByMarker(client, request, maxPages);
        if (existing)
            return fromIssue(existing, 'marker', 0);
    }
    catch (error) {
        throw (permissionFailure(error) ??
            new FallbackIssueError(`could not list the open issues to check for this run's issue, so none was created (one issue per run): ${error.message}`, false));
    }
    const attempts = options.createAttempts ?? 3;
    const delayMs = options.retryDelayMs ?? 1000;
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            const { data } = await client.rest.issues.create({
                owner,
                repo,
                title: request.title,
                body: request.body,
                labels: request.labels,
            });
            return fromIssue(data, 'created', attempt);
        }
        catch (error) {
            const permission = permissionFailure(error);
            if (permission)
                throw permission;
            const status = error.status;
            lastError = error.message;
            // A 4xx other than a rate limit (waited out by the client) will not change on a retry.
            if (status !== undefined && status >= 400 && status < 500) {
                throw new FallbackIssueError(`GitHub refused to create the issue: ${lastError}`, false);
            }
        }
        await (0,promises_.setTimeout)(delayMs * attempt);
        let found;
        try {
            found = await findIssueByMarker(client, request, maxPages);
        }
        catch (error) {
            throw (permissionFailure(error) ??
                new FallbackIssueError(`creating the issue failed (${lastError}) and the open issues could not be listed to see whether it was created anyway; not retried, to avoid a second issue: ${error.message}`, false));
        }
        if (found)
            return fromIssue(found, 'created', attempt);
    }
    throw new FallbackIssueError(`creating the issue failed ${attempts} times; last: ${lastError}`, false);
}

// EXTERNAL MODULE: ./packages/core/src/notify/inputs.ts
var notify_inputs = __webpack_require__(4808);
;// CONCATENATED MODULE: ./packages/core/src/report/verify-markdown.ts

/** What an on-call engineer should do next, per failure code. */
const NEXT_STEPS = {
    artifact_missing: 'The artifact could not be fetched. If its retention expired, rebuild the release; otherwise check the run id and artifact name, then re-run.',
    provenance_missing: 'No provenance was found. Check that the provenance job ran and uploaded its file under the expected name.',
    malformed_provenance: 'The provenance file is not a valid bundle or envelope. Do not release; regenerate the provenance.',
    predicate_mismatch: 'The provenance is not SLSA v1. A SLSA v0.2 provenance passes only with the `allow-slsa-v0.2` governance override (flagged security-backcompat).',
    digest_mismatch: 'An artifact does not match the provenance: it changed after the build. Treat it as tampered; do not publish it.',
    builder_mismatch: 'The provenance was produced (or signed) by a builder that is not trusted. Check `builder-id` and the workflow that built it.',
    source_mismatch: 'The provenance names a different source repository. Check `source-repo`; a mismatch can mean a forged provenance.',
    tag_mismatch: 'The provenance was built from another ref than this tag. Re-run the release from the tag.',
    commit_mismatch: 'The provenance was built from another commit. Re-run the release from the tagged commit.',
    signature_invalid: 'The signature, its certificate chain or its transparency-log entry did not verify. Do not release.',
    identity_mismatch: 'The signing certificate belongs to another workflow or issuer. Check `cert-identity` and `cert-oidc-issuer`.',
};
/** The job summary of a verification: verdict, every check with expected vs actual, what to do next. */
function renderVerifyMarkdown(report, title) {
    const lines = [];
    const verdict = report.verified ? '✅ verified' : `❌ failed: \`${report.failure_reason}\``;
    lines.push(`### ${title}: ${verdict}`, '');
    if (report.error)
        lines.push(`> ${markdownCell(report.error)}`, '');
    if (report.verified && !report.authenticated)
        lines.push('> **Not authenticated:** no signature was verified; the claims are what the payload says.', '');
    if (report.checks.length > 0) {
        lines.push('| check | status | expected | actual | detail |', '| --- | --- | --- | --- | --- |');
        for (const check of report.checks) {
            const status = check.status === 'fail' ? '**fail**' : check.status === 'pass' ? 'pass' : 'skip';
            // A skip that is not the user's choice fails the verification: say so beside it.
            const result = `${status}${check.status === 'skipped' && !check.ok ? ' (not evaluated)' : ''}${check.authenticated === false ? ' (unauthenticated)' : ''}`;
            lines.push(`| ${check.name} | ${result} | ${markdownCell(check.expected)} | ${markdownCell(check.actual)} | ${markdownCell(check.detail)} |`);
        }
        lines.push('');
    }
    if (report.artifacts.length > 0) {
        lines.push('| artifact | sha256 | subject |', '| --- | --- | --- |');
        for (const artifact of report.artifacts) {
            lines.push(`| ${markdownCell(artifact.path)} | ${artifact.sha256} | ${markdownCell(artifact.subject ?? 'no matching subject')} |`);
        }
        lines.push('');
    }
    if (report.governance_flags.length > 0)
        lines.push(`Governance flags: ${report.governance_flags.join(', ')}`, '');
    const next = report.failure_reason ? NEXT_STEPS[report.failure_reason] : undefined;
    if (next)
        lines.push(`**What to do next:** ${next}`, '');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./packages/core/src/text/safe-text.ts
var safe_text = __webpack_require__(8625);
// EXTERNAL MODULE: ./packages/core/src/notify/notification.ts
var notification = __webpack_require__(8217);
// EXTERNAL MODULE: ./packages/core/src/text/markdown.ts
var markdown = __webpack_require__(709);
// EXTERNAL MODULE: ./packages/core/src/notify/next-step.ts + 1 modules
var next_step = __webpack_require__(6329);
;// CONCATENATED MODULE: ./packages/core/src/notify/issue/issue-content.ts







/** GitHub refuses titles over 256 characters. */
const MAX_TITLE = 256;
function fallbackIssueTitle(notice) {
    const title = `Release validation failed: ${(0,safe_text/* safeText */.H)(notice.tag)} (run ${notice.runId}): ${(0,notification/* describeFailureReason */.Ye)(notice.failureReason)}`;
    return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}
/** The issue's labels: the configured ones, plus `security-backcompat` for a SLSA v0.2 provenance. */
function fallbackIssueLabels(configured, notice) {
    const labels = [...configured];
    const has = (name) => labels.some((label) => label.toLowerCase() === name.toLowerCase());
    if (notice.failureReason === 'predicate_mismatch' && !has(notify_inputs/* BACKCOMPAT_LABEL */.nH))
        labels.push(notify_inputs/* BACKCOMPAT_LABEL */.nH);
    return labels;
}
/** The next step: the re-run line in a fenced block (copied exactly), or "investigate" with the report. */
function nextStepMarkdown(step, reason) {
    if (step.kind === 'recover')
        return [
            '### Next step: re-run it',
            '',
            `\`${reason}\` can be cured by a second attempt of the run. Dispatch the recover workflow (${(0,markdown/* markdownLink */.iQ)(step.workflowUrl, step.workflow)}, "Run workflow") or run:`,
            '',
            (0,markdown/* markdownCodeBlock */.IS)(step.command, 'sh'),
            '',
        ];
    return [
        '### Next step: investigate',
        '',
        `**${next_step/* INVESTIGATE_TEXT */.w}** A re-run of this run does not cure \`${reason}\`. Read the validation report: ${(0,markdown/* markdownLink */.iQ)(step.reportUrl, step.reportUrl)}.`,
        '',
    ];
}
/**
 * The issue body: the hidden marker first, then run id, tag, failure reason, artifact and the links
 * on-call needs. Untrusted values are escaped (no markup, no HTML, no mention can break out).
 */
function fallbackIssueBody(notice, slackProblem) {
    const reason = (0,notification/* describeFailureReason */.Ye)(notice.failureReason);
    const lines = [
        issueMarker(notice.runId, notice.tag),
        `### Release validation failed: \`${reason}\``,
        '',
        '| | |',
        '| --- | --- |',
        `| Tag | ${(0,markdown/* markdownCell */.UZ)(notice.tag)} |`,
        `| Run id | ${(0,markdown/* markdownLink */.iQ)(notice.runUrl, notice.runId)} |`,
        `| Failure reason | \`${reason}\` |`,
        `| Artifact | ${notice.artifactUrl ? (0,markdown/* markdownLink */.iQ)(notice.artifactUrl, notice.artifactUrl) : '–'} |`,
        `| Repository | ${(0,markdown/* markdownCell */.UZ)(notice.repository)} |`,
        '',
    ];
    const next = notice.failureReason ? NEXT_STEPS[notice.failureReason] : undefined;
    if (next)
        lines.push(`**What to do next:** ${next}`, '');
    lines.push(...nextStepMarkdown(notice.nextStep, reason));
    lines.push(`- Run: ${(0,markdown/* markdownLink */.iQ)(notice.runUrl, notice.runUrl)}`, notice.runbookUrl
        ? `- Runbook: ${(0,markdown/* markdownLink */.iQ)(notice.runbookUrl, 'Runbook: a release failed validation')}`
        : '- Runbook: the section "Runbook: a release failed validation" of the release-guard README', '');
    if (slackProblem)
        lines.push(`Filed because the Slack notification did not go through: ${(0,markdown/* markdownCell */.UZ)(slackProblem)}`, '');
    if (notice.manifest) {
        lines.push('<details><summary>Manifest entry</summary>', '', '```json', 
        // Inside a fenced block nothing is markup; a ``` inside a value must not close the fence.
        JSON.stringify(notice.manifest, null, 2).replace(/```/g, '`\u200b``'), '```', '', '</details>', '');
    }
    lines.push('_Filed by release-guard notify-on-failure; it files one issue per run and finds this one again by the hidden marker above._');
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./packages/core/src/notify/issue/issue-labels.ts

/** Colours and descriptions of the labels this action creates; other labels get GitHub's grey. */
const KNOWN_LABELS = {
    'ops-alert': { color: 'd73a4a', description: 'Needs on-call attention (release-guard notify-on-failure)' },
    'provenance-failure': { color: 'b60205', description: 'A release failed provenance validation' },
    [notify_inputs/* BACKCOMPAT_LABEL */.nH]: { color: 'fbca04', description: 'SLSA v0.2 provenance: governance review needed' },
};
/**
 * Creates the labels the repository does not have yet. Never throws: a label problem must not stop
 * the issue, and a missing permission shows on the issue creation itself.
 */
async function ensureIssueLabels(client, owner, repo, labels) {
    const result = { created: [], problems: [] };
    let existing;
    try {
        const listed = await client.paginate(client.rest.issues.listLabelsForRepo, {
            owner,
            repo,
            per_page: 100,
        });
        existing = new Set(listed.map((label) => label.name.toLowerCase()));
    }
    catch (error) {
        result.problems.push(`could not list the labels: ${error.message}`);
        return result;
    }
    for (const name of labels) {
        if (existing.has(name.toLowerCase()))
            continue;
        const known = KNOWN_LABELS[name.toLowerCase()];
        try {
            await client.rest.issues.createLabel({
                owner,
                repo,
                name,
                color: known?.color ?? 'ededed',
                ...(known ? { description: known.description } : {}),
            });
            result.created.push(name);
        }
        catch (error) {
            // 422 already_exists: another notifier created it meanwhile, which is what we wanted.
            if (error.status === 422)
                continue;
            result.problems.push(`could not create the label ${JSON.stringify(name)}: ${error.message}`);
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./packages/core/src/notify/notify-metrics.ts
function notifyMetrics(facts) {
    const created = facts.issueCreatedAt === null ? NaN : Date.parse(facts.issueCreatedAt);
    return {
        'notify.failures': facts.issueCreated ? 1 : 0,
        'notify.slack_success_rate': facts.slackDelivered ? 1 : 0,
        'notify.issue_latency': facts.issueCreated && !Number.isNaN(created)
            ? Math.max(0, Math.round(created - facts.detectedAt.getTime()) / 1000)
            : null,
        'security_ci.slack_issue_followups': !facts.slackDelivered && facts.issueFollowedUp ? 1 : 0,
        'notify.escalations': facts.escalated ? 1 : 0,
    };
}

// EXTERNAL MODULE: ./packages/core/src/kpi/post-kpi.ts
var post_kpi = __webpack_require__(220);
// EXTERNAL MODULE: ./packages/core/src/notify/slack/slack-delivery.ts
var slack_delivery = __webpack_require__(8164);
;// CONCATENATED MODULE: ./packages/core/src/notify/notify-summary.ts


const VERDICT = {
    slack: '✅ on-call alerted in Slack',
    issue: '🟠 Slack not reached; on-call alerted by a GitHub issue',
    both: '✅ on-call alerted in Slack; the run already has an issue',
    'ops-summary': '🟠 `notify_failed`: Slack and the issue failed; the ops team was told in the ops summary',
    none: '❌ `notify_failed`: nobody was alerted',
};
function slackLine(slack, adoptedFrom) {
    if (adoptedFrom)
        return 'not sent again (another notifier handled this run)';
    if (slack.delivered) {
        const tries = slack.attempts.filter((a) => a.route === slack.route).length;
        return `delivered via the ${slack.route === 'slack-webhook' ? 'incoming webhook' : 'ops notify function'} (${tries} ${tries === 1 ? 'try' : 'tries'})`;
    }
    return `**not delivered**: ${(0,markdown/* markdownCell */.UZ)(slack.reason)}`;
}
function issueLine(facts) {
    if (facts.issue) {
        const how = {
            manifest: 'recorded for this run in the manifest',
            marker: 'already open for this run (found by its marker)',
            created: 'filed now',
        }[facts.issue.source];
        return `[#${facts.issue.number}](${facts.issue.url}) ${how}`;
    }
    if (facts.issueError)
        return `**could not be filed**: ${(0,markdown/* markdownCell */.UZ)(facts.issueError)}`;
    return facts.slack.delivered || facts.adoptedFrom ? 'not needed (Slack was reached)' : '–';
}
function escalationLine(facts) {
    const escalation = facts.escalation;
    if (escalation === null)
        return facts.issueError && !facts.slack.delivered
            ? 'no ops summary route is configured (`ops-summary-url` or `ops-summary-webhook`)'
            : 'not needed';
    if (escalation.posted)
        return `**posted** via the ${(0,slack_delivery/* routeName */.xG)(escalation.route ?? 'ops-summary')}: the ops team was told`;
    if (escalation.skipped)
        return (0,markdown/* markdownCell */.UZ)(escalation.skipped);
    return `**not posted**: ${(0,markdown/* markdownCell */.UZ)(escalation.reason)}`;
}
/** Every call to every channel and what it answered, for the case where nobody was reached directly. */
function channelsTried(facts) {
    const attempt = (a) => `- ${(0,slack_delivery/* routeName */.xG)(a.route)}, try ${a.attempt}: ${(0,markdown/* markdownCell */.UZ)(a.detail)}`;
    const lines = ['Channels tried:', ...facts.slack.attempts.map(attempt)];
    if (facts.slack.attempts.length === 0)
        lines.push(`- Slack: ${(0,markdown/* markdownCell */.UZ)(facts.slack.reason)}`);
    lines.push(`- GitHub issue: ${(0,markdown/* markdownCell */.UZ)(facts.issueError ?? 'not filed')}`);
    if (facts.escalation)
        lines.push(...facts.escalation.attempts.map(attempt));
    lines.push('');
    return lines;
}
/** The job summary: the verdict first, loud when nobody was alerted, then each channel and the manifest. */
function renderNotifySummary(inputs, 
/** A failure code, or the fixed text for an unknown one (describeFailureReason): not escaped. */
failureReason, facts) {
    const entry = facts.manifest.entry;
    const lines = [
        `### notify-on-failure ${(0,markdown/* markdownCell */.UZ)(inputs.tag)} (run ${inputs.runId}): ${VERDICT[facts.notified]}`,
        '',
    ];
    if (facts.notified === 'ops-summary') {
        lines.push(`> **notify_failed**: the failure \`${failureReason}\` of run ${inputs.runId} reached neither Slack nor a GitHub issue; the ops team was told in the ops summary. The fallback path needs its permission fixed (\`issues: write\`).`, '');
    }
    if (facts.notified === 'none') {
        lines.push(`> **notify_failed**: the failure \`${failureReason}\` of run ${inputs.runId} reached neither Slack nor a GitHub issue. Tell on-call directly.`);
        if (facts.permissionMissing) {
            lines.push('>', '> The token was refused (the message above names what it lacks): give the job `permissions: issues: write`, or pass a valid `github-token` that has it.');
        }
        lines.push('');
    }
    lines.push('| | |', '| --- | --- |', `| Failure reason | \`${failureReason}\` |`, `| Slack | ${slackLine(facts.slack, facts.adoptedFrom)} |`, `| Issue | ${issueLine(facts)} |`, `| Ops summary | ${escalationLine(facts)} |`, `| Manifest | ${entry ? `entry is \`${entry.status}\` in ${(0,markdown/* markdownCell */.UZ)(facts.manifest.location)}` : `**not written** (${(0,markdown/* markdownCell */.UZ)(facts.manifest.problem)})`} |`, '');
    if (facts.notified === 'none' || facts.notified === 'ops-summary')
        lines.push(...channelsTried(facts));
    if (entry && facts.manifest.problem)
        lines.push(`Manifest note: ${(0,markdown/* markdownCell */.UZ)(facts.manifest.problem)}`, '');
    for (const warning of facts.warnings)
        lines.push(`- ⚠️ ${(0,markdown/* markdownCell */.UZ)(warning)}`);
    if (facts.warnings.length > 0)
        lines.push('');
    lines.push(`Report: ${(0,markdown/* markdownCell */.UZ)(facts.reportPath)}`, '');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./packages/core/src/notify/slack/ops-summary.ts
var ops_summary = __webpack_require__(106);
;// CONCATENATED MODULE: ./packages/core/src/notify/turn.ts



async function readEntry(store, tag, runId) {
    const { content } = await store.read();
    if (content === null)
        return null;
    return ((0,schema/* parseManifest */.Ng)(content, store.location).entries.find((e) => e.tag === tag && e.run_id === runId) ?? null);
}
/** Waits until this notifier's claim may alert, or another notifier's finished result can be taken. */
async function waitForTurn(store, options) {
    for (;;) {
        const entry = await readEntry(store, options.tag, options.runId);
        const turn = turnOf(entry, options.claimId, options.now().getTime(), options.staleAfterMs);
        if (turn.kind !== 'wait')
            return turn;
        await (0,promises_.setTimeout)(options.pollMs);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/notify/notify-on-failure.ts






















/**
 * How long one notifier may take with these inputs, calls and waits included: a claim older than
 * this without a `done` record belongs to a notifier that died.
 */
function notifierBudgetMs(inputs, policy) {
    return inputs.timeoutMs * (inputs.slackAttempts * 2 + 12) + 2 * policy.maxTotalWaitMs;
}
function notifiedOf(alert) {
    if (alert.slack.delivered)
        return alert.issue ? 'both' : 'slack';
    if (alert.issue)
        return 'issue';
    return alert.escalation?.posted ? 'ops-summary' : 'none';
}
function knownIssue(run, number) {
    const url = `${run.inputs.serverUrl}/${run.inputs.repository}/issues/${number}`;
    return { number, url, source: 'manifest', createdAt: null, createAttempts: 0 };
}
function prepare(inputs, deps) {
    const now = deps.now ?? (() => new Date());
    const secrets = (0,notify_inputs/* notifySecrets */.ly)(inputs);
    const redact = (text) => (0,redact_secrets/* redactSecrets */.fp)(text, secrets);
    const warnings = [];
    let client = deps.client;
    const github = () => (client ??= createGitHubClient({
        token: inputs.githubToken,
        timeoutMs: inputs.timeoutMs,
        retries: 2,
        log: { warn: (message) => warnings.push(message) },
    }));
    // Built before anything is sent, so that an unusable GITHUB_API_URL stops the run here (exit 2).
    github();
    const store = openActionManifestStore(inputs, github);
    // The runner masks logs only: what goes into the manifest is redacted here.
    const artifactUrl = inputs.artifactUrl === undefined ? null : redact(inputs.artifactUrl);
    if (inputs.unknownFailureReason !== undefined) {
        warnings.push(`failure-reason ${JSON.stringify(inputs.unknownFailureReason)} is not a release-guard failure code; reported as unknown`);
    }
    return {
        inputs,
        deps,
        now,
        started: now(),
        redact,
        secrets,
        warnings,
        github,
        policy: {
            ...delivery_policy/* DEFAULT_DELIVERY_POLICY */.cG,
            attempts: inputs.slackAttempts,
            timeoutMs: inputs.timeoutMs,
            ...(deps.slackBackoffBaseMs !== undefined ? { backoffBaseMs: deps.slackBackoffBaseMs } : {}),
            ...(deps.slackMaxTotalWaitMs !== undefined ? { maxTotalWaitMs: deps.slackMaxTotalWaitMs } : {}),
        },
        store,
        // The state machine wins over the notifier: an entry further along keeps its status.
        recorder: new ManifestRecorder(store, { tag: inputs.tag, runId: inputs.runId, actor: inputs.actor }, now),
        claimId: (0,external_node_crypto_.randomBytes)(6).toString('hex'),
        reasonText: (0,notification/* describeFailureReason */.Ye)(inputs.failureReason),
        failureSet: failureChanges(inputs.failureReason, artifactUrl),
        artifactUrl,
    };
}
/** Records the failure with this notifier's claim, then waits for its turn by the manifest's protocol. */
async function claimTurn(run) {
    const { inputs } = run;
    const claim = await run.recorder.record(run.failureSet, turnClaimNote(run.claimId, `alerting on-call to ${run.reasonText}`), { keepStatus: true });
    if (claim.problem)
        run.warnings.push(`manifest: ${claim.problem}`);
    if (!claim.entry)
        return { kind: 'mine', entry: null };
    try {
        const turn = await waitForTurn(run.store, {
            tag: inputs.tag,
            runId: inputs.runId,
            now: run.now,
            claimId: run.claimId,
            staleAfterMs: notifierBudgetMs(inputs, run.policy),
            pollMs: run.deps.claimPollMs ?? (inputs.manifestBranch === undefined ? 500 : 2000),
        });
        return turn.kind === 'mine' && turn.entry === null ? { kind: 'mine', entry: claim.entry } : turn;
    }
    catch (error) {
        run.warnings.push(`manifest: could not check for another notifier: ${error.message}`);
        return { kind: 'mine', entry: claim.entry };
    }
}
/** Another notifier finished first and reached someone: take its result, send nothing. */
function adoptAlert(run, turn) {
    const delivered = turn.notified !== 'issue';
    const number = turn.entry.issue_number;
    return {
        slack: {
            delivered,
            route: null,
            attempts: [],
            reason: delivered ? null : `another notifier (claim ${turn.by}) did not reach Slack`,
        },
        issue: number === null ? null : knownIssue(run, number),
        issueError: null,
        permissionMissing: false,
        labels: null,
        adoptedFrom: turn.by,
        escalation: null,
        entry: turn.entry,
    };
}
/** Slack first; when Slack is not reached, one issue per run (recorded, marked, or new). */
async function sendAlert(run, entry) {
    const { inputs } = run;
    const [owner, repo] = inputs.repository.split('/');
    const runUrl = (0,notification/* runUrlOf */.Qm)(inputs.serverUrl, inputs.repository, inputs.runId);
    const notice = (0,redact_secrets/* redactSecretsDeep */.Zh)({
        tag: inputs.tag,
        runId: inputs.runId,
        repository: inputs.repository,
        failureReason: inputs.failureReason,
        runUrl,
        artifactUrl: run.artifactUrl ?? entry?.artifact_url ?? null,
        runbookUrl: inputs.runbookUrl ?? null,
        manifest: entry ? (0,notification/* manifestSnippet */.nv)(entry) : null,
        nextStep: (0,next_step/* nextStep */.sk)({ ...inputs, runUrl }),
    }, run.secrets);
    const slack = await (0,slack_delivery/* deliverToSlack */.$B)(notice, inputs, run.policy);
    const known = entry?.issue_number ?? null;
    const alert = {
        slack,
        issue: null,
        issueError: null,
        permissionMissing: false,
        labels: null,
        adoptedFrom: null,
        escalation: null,
        entry,
    };
    if (slack.delivered)
        return { ...alert, issue: known === null ? null : knownIssue(run, known) };
    const issueLabels = fallbackIssueLabels(inputs.issueLabels, notice);
    if (known === null) {
        alert.labels = await ensureIssueLabels(run.github(), owner, repo, issueLabels);
        run.warnings.push(...alert.labels.problems);
    }
    try {
        alert.issue = await fileFallbackIssue(run.github(), {
            owner,
            repo,
            runId: inputs.runId,
            tag: inputs.tag,
            title: run.redact(fallbackIssueTitle(notice)),
            body: run.redact(fallbackIssueBody(notice, slack.reason)),
            labels: issueLabels,
            knownIssueNumber: known,
            issuesWebUrl: `${inputs.serverUrl}/${inputs.repository}/issues`,
        }, { retryDelayMs: run.deps.issueRetryDelayMs });
    }
    catch (error) {
        alert.issueError = run.redact(error.message);
        alert.permissionMissing = error instanceof FallbackIssueError && error.permission;
        alert.escalation = await escalate(run, notice, alert.issueError, entry);
    }
    return alert;
}
/**
 * Slack was not reached and the issue could not be filed: one summary to the ops channel, unless an
 * earlier notifier of this run already posted one (`escalated_at`). Null when no route is configured.
 */
async function escalate(run, notice, issueError, entry) {
    const routes = run.inputs;
    if (!(0,ops_summary/* hasOpsSummaryRoute */.UV)(routes))
        return null;
    const earlier = entry?.escalated_at ?? null;
    if (earlier !== null)
        return {
            posted: false,
            route: null,
            attempts: [],
            reason: null,
            at: null,
            skipped: `the ops summary was already posted for this run at ${earlier}; not posted again`,
        };
    const text = run.redact((0,ops_summary/* opsSummaryText */.kO)(notice, issueError, routes.opsTeamMention));
    const result = await (0,ops_summary/* postOpsSummary */.hj)(text, notice, routes, run.policy);
    return { ...result, at: result.posted ? run.now().toISOString() : null, skipped: null };
}
function doneText(alert) {
    if (alert.adoptedFrom !== null)
        return `another notifier (claim ${alert.adoptedFrom}) already alerted on-call for this run; nothing sent again`;
    const { slack, issue, issueError } = alert;
    const parts = [
        slack.delivered ? `Slack delivered via ${slack.route}` : `Slack not delivered (${slack.reason})`,
    ];
    if (issue)
        parts.push(`issue #${issue.number} (${issue.source})`);
    if (issueError)
        parts.push(`notify_failed: ${issueError}`);
    const escalation = alert.escalation;
    if (escalation?.posted)
        parts.push(`escalated to ops summary: issue creation failed: ${issueError} (posted via ${(0,slack_delivery/* routeName */.xG)(escalation.route)})`);
    else if (escalation?.skipped)
        parts.push(escalation.skipped);
    else if (escalation)
        parts.push(`ops summary not posted either (${escalation.reason})`);
    return parts.join('; ');
}
/** Records who was alerted (`done` of the protocol): Slack delivered or retried, the issue number. */
async function recordAlert(run, alert, notified) {
    const set = { ...run.failureSet };
    if (alert.adoptedFrom === null) {
        if (alert.slack.delivered)
            set.notify_slack = true;
        else
            set.slack_retry = (alert.entry?.slack_retry ?? 0) + 1;
        if (alert.issue && (alert.entry?.issue_number ?? null) === null)
            set.issue_number = alert.issue.number;
        if (alert.escalation?.at)
            set.escalated_at = alert.escalation.at;
    }
    // The turn protocol knows slack, issue, both and none: an ops summary reached no on-call directly,
    // so a later notifier goes itself (and sees escalated_at).
    const protocol = notified === 'ops-summary' ? 'none' : notified;
    const note = run.redact(turnDoneNote(run.claimId, protocol, doneText(alert)));
    const record = await run.recorder.record(set, note, { keepStatus: true });
    if (record.problem && !record.entry)
        run.warnings.push(`manifest: ${record.problem}`);
    return {
        location: run.store.location,
        entry: record.entry,
        problem: record.problem ? run.redact(record.problem) : null,
    };
}
/** The facts of the run, redacted once; the report and the summary are both projected from them. */
function failureOf(run, alert, notified) {
    const { runId } = run.inputs;
    const slack = `Slack: ${alert.slack.reason}; issue: ${alert.issueError ?? 'not filed'}`;
    if (notified === 'ops-summary')
        return {
            code: 'notify_failed',
            message: `no GitHub issue was filed for run ${runId} and Slack was not reached (${slack}); the ops team was told in the ops summary. Fix the fallback's permission (issues: write) so the issue can be filed.`,
        };
    if (notified !== 'none')
        return null;
    const escalation = alert.escalation;
    const summary = escalation
        ? `; ops summary: ${escalation.skipped ?? escalation.reason ?? 'not posted'}`
        : '';
    return {
        code: 'notify_failed',
        message: `neither Slack nor a GitHub issue reached on-call for run ${runId}: ${slack}${summary}`,
    };
}
function factsOf(run, alert, notified, manifest) {
    const { inputs } = run;
    const failure = failureOf(run, alert, notified);
    const metrics = notifyMetrics({
        slackDelivered: alert.slack.delivered,
        issueCreated: alert.issue?.source === 'created',
        issueFollowedUp: alert.issue !== null,
        issueCreatedAt: alert.issue?.createdAt ?? null,
        detectedAt: failureDetectedAt(manifest.entry ?? alert.entry, run.started),
        escalated: alert.escalation?.posted ?? false,
    });
    return (0,redact_secrets/* redactSecretsDeep */.Zh)({
        notified,
        slack: alert.slack,
        escalation: alert.escalation,
        issue: alert.issue,
        issueError: alert.issueError,
        permissionMissing: alert.permissionMissing,
        failure,
        adoptedFrom: alert.adoptedFrom,
        labels: alert.labels,
        manifest,
        metrics,
        kpi: null,
        warnings: run.warnings.map(run.redact),
        reportPath: (0,context/* reportPathOf */.L7)(inputs, 'notify-on-failure'),
    }, run.secrets);
}
/**
 * Posts the notify metrics (`notify.failures`, `notify.escalations`, …) to the KPI endpoint, as
 * provenance-validate posts its own. An outage is a warning, never the job's failure.
 */
async function withKpi(run, facts) {
    const { inputs } = run;
    if (!inputs.kpiUrl || !inputs.kpiToken)
        return facts;
    const kpi = await (0,post_kpi/* postKpi */.V)({
        tag: inputs.tag,
        run_id: inputs.runId,
        status: 'failure',
        ...(inputs.failureReason === null ? {} : { failure_reason: inputs.failureReason }),
        // A metric with no value (no issue, so no issue latency) is left out rather than sent as null.
        metrics: Object.fromEntries(Object.entries(facts.metrics).filter((entry) => entry[1] !== null)),
    }, { url: inputs.kpiUrl, token: inputs.kpiToken, timeoutMs: inputs.timeoutMs });
    const warnings = kpi.delivered
        ? facts.warnings
        : [...facts.warnings, `KPI not recorded: ${run.redact(kpi.error ?? '')}`];
    return { ...facts, kpi, warnings };
}
function notifyReport(inputs, facts) {
    const entry = facts.manifest.entry;
    return {
        tag: inputs.tag,
        run_id: inputs.runId,
        failure_reason: inputs.failureReason,
        notified: facts.notified,
        failure: facts.failure,
        adopted_from: facts.adoptedFrom,
        slack: facts.slack,
        issue: facts.issue,
        issue_error: facts.issueError,
        escalation: facts.escalation,
        labels: facts.labels,
        manifest: {
            location: facts.manifest.location,
            problem: facts.manifest.problem,
            status: entry?.status ?? null,
            issue_number: entry?.issue_number ?? null,
            notify_slack: entry?.notify_slack ?? null,
            slack_retry: entry?.slack_retry ?? null,
            escalated_at: entry?.escalated_at ?? null,
        },
        metrics: facts.metrics,
        kpi: facts.kpi,
        warnings: facts.warnings,
    };
}
/**
 * notify-on-failure: alert on-call to a failed release run. Slack first (incoming webhook, then the
 * ops notify function); when Slack is not reached, one GitHub issue per run (the manifest's
 * issue_number, then the hidden marker, then a new issue). Records the outcome in the manifest,
 * writes the JSON report and the job summary. Throws ReleaseGuardError('usage_error') for unusable
 * inputs; every other problem is in the result, and `failure` is set when nobody was alerted (or
 * only the ops summary was: when Slack and the issue both failed, one escalation goes there).
 * Steps: claim a turn → alert (or adopt another notifier's alert), escalate → record → facts.
 */
async function notifyOnFailure(inputs, deps = {}) {
    (0,notify_inputs/* checkNotifyInputs */.PM)(inputs);
    const run = prepare(inputs, deps);
    const turn = await claimTurn(run);
    const alert = turn.kind === 'adopt' ? adoptAlert(run, turn) : await sendAlert(run, turn.entry);
    const notified = notifiedOf(alert);
    const manifest = await recordAlert(run, alert, notified);
    const facts = await withKpi(run, factsOf(run, alert, notified, manifest));
    await writeFileAtomic(facts.reportPath, `${JSON.stringify(notifyReport(inputs, facts), null, 2)}\n`);
    return { ...facts, summary: run.redact(renderNotifySummary(inputs, run.reasonText, facts)) };
}


/***/ })

};
;