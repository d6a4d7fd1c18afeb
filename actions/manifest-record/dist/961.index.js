"use strict";
exports.id = 961;
exports.ids = [961];
exports.modules = {

/***/ 7961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  recordEntry: () => (/* binding */ recordEntry)
});

// EXTERNAL MODULE: ./packages/core/src/action/context.ts + 3 modules
var context = __webpack_require__(2205);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(6429);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

// EXTERNAL MODULE: ./packages/core/src/text/echo-value.ts
var echo_value = __webpack_require__(769);
// EXTERNAL MODULE: ./packages/core/src/manifest/schema.ts + 1 modules
var schema = __webpack_require__(1983);
// EXTERNAL MODULE: ./packages/core/src/manifest/types.ts
var types = __webpack_require__(5285);
;// CONCATENATED MODULE: ./packages/core/src/manifest/assignments.ts




/**
 * Turns `--set KEY=VALUE` arguments into typed entry changes. The value's type comes from the schema:
 * `null`, `true`/`false` and integers are taken as such where the field allows them, anything else as a
 * string. Unknown or read-only keys, repeated keys and values the schema refuses are usage errors.
 */
function parseManifestAssignments(assignments) {
    const changes = {};
    for (const assignment of assignments) {
        const equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new errors/* InputError */.dz('set', `${(0,echo_value/* echoValue */.J_)(assignment)} is not KEY=VALUE (for example status=success)`);
        }
        const key = assignment.slice(0, equals);
        const text = assignment.slice(equals + 1);
        if (!isSettable(key)) {
            const why = key === 'tag' || key === 'run_id'
                ? 'it names the entry: give it as the tag and the run id'
                : key === 'updated_at' || key === 'history'
                    ? 'it is written by every update itself (the actor and the note make the history record)'
                    : 'it is not a manifest field';
            throw new errors/* InputError */.dz('set', `${key}=…: cannot set ${(0,echo_value/* echoValue */.J_)(key)}: ${why}. Settable: ${types/* MANIFEST_SETTABLE_FIELDS */.jo.join(', ')}`);
        }
        if (key in changes)
            throw new errors/* InputError */.dz('set', `${key}=… is given twice; give each field once`);
        changes[key] = typedValue(key, text);
    }
    return changes;
}
function isSettable(key) {
    return types/* MANIFEST_SETTABLE_FIELDS */.jo.includes(key);
}
function typedValue(key, text) {
    const candidates = [];
    if (text === 'null')
        candidates.push(null);
    // controls and provenance_summary are objects, given as JSON.
    if (text.startsWith('{')) {
        try {
            candidates.push(JSON.parse(text));
        }
        catch {
            // not JSON: taken as a string below, which the schema refuses with its own message
        }
    }
    if (text === 'true' || text === 'false')
        candidates.push(text === 'true');
    if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)))
        candidates.push(Number(text));
    candidates.push(text);
    for (const candidate of candidates) {
        if ((0,schema/* manifestFieldProblem */.Z3)(key, candidate) === null)
            return candidate;
    }
    throw new errors/* InputError */.dz('set', `${key}=${(0,echo_value/* echoValue */.J_)(text)}: not a valid ${key}. Expected: ${(0,schema/* manifestFieldProblem */.Z3)(key, text)}`);
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
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
    // Controls merge per control: a write records its own controls and keeps every other one.
    if (update.set.controls !== undefined)
        merged.controls = { ...base.controls, ...update.set.controls };
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

;// CONCATENATED MODULE: ./packages/core/src/manifest/record-entry.ts






/**
 * Creates or updates one (tag, run) entry of the release manifest: what a workflow records that the
 * other actions do not (a cancelled validation, a rollback, a drill). Compare-and-swap, state machine
 * enforced; a note alone appends a history record (a new entry starts `pending`).
 */
async function recordEntry(inputs, client) {
    (0,context/* checkActionContext */.M5)(inputs);
    const set = parseManifestAssignments(inputs.set);
    if (Object.keys(set).length === 0 && inputs.note === undefined)
        throw new errors/* InputError */.dz('set', 'is empty and no `note` is given: give `set` lines, a `note`, or both');
    let github = client;
    const store = openActionManifestStore(inputs, () => (github ??= createGitHubClient({ token: inputs.githubToken })));
    return updateManifest(store, {
        tag: inputs.tag,
        runId: inputs.runId,
        set,
        actor: inputs.actor,
        note: inputs.note ?? null,
    });
}


/***/ })

};
;