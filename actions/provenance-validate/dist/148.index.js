"use strict";
exports.id = 148;
exports.ids = [148];
exports.modules = {

/***/ 7148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateRelease: () => (/* binding */ validateRelease)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
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
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
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

;// CONCATENATED MODULE: ./packages/core/src/edge/edge-function-client.ts
/** Classifies an error from fetch without quoting it: its message or cause may hold the URL. */
function describeFailure(error, timeoutMs) {
    const name = error?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
        return { kind: 'timeout', detail: `no answer within ${timeoutMs} ms` };
    }
    const cause = error?.cause;
    // fetch's refusal of a redirect is a bare "fetch failed" TypeError; only its cause says why. Should
    // that wording change, a redirect reads as unreachable: still not delivered, and still not followed.
    if (cause?.message === 'unexpected redirect') {
        return { kind: 'redirect', detail: 'answered with a redirect, which is not followed' };
    }
    const code = typeof cause?.code === 'string' && /^[A-Z_]+$/.test(cause.code) ? ` (${cause.code})` : '';
    return { kind: 'unreachable', detail: `could not be reached${code}` };
}
/**
 * Posts JSON to an edge function. Never throws: every problem comes back as `failure`. Redirects are
 * refused, not followed: a followed redirect would carry the `apikey` header to whatever host the
 * Location names (fetch drops only `Authorization` across origins).
 */
async function postToEdgeFunction(request) {
    let answered;
    try {
        const target = new URL(request.url);
        for (const [name, value] of Object.entries(request.query ?? {}))
            target.searchParams.set(name, value);
        const response = await fetch(target, {
            method: 'POST',
            headers: {
                'content-type': 'application/json',
                accept: 'application/json',
                authorization: `Bearer ${request.token}`,
                apikey: request.token,
            },
            body: JSON.stringify(request.payload),
            redirect: 'error',
            signal: AbortSignal.timeout(request.timeoutMs),
        });
        answered = { status: response.status, retryAfter: response.headers.get('retry-after') };
        return { ...answered, body: await response.text(), failure: null };
    }
    catch (error) {
        const failure = describeFailure(error, request.timeoutMs);
        return answered
            ? { ...answered, body: null, failure }
            : { status: null, body: null, retryAfter: null, failure };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/kpi/post-kpi.ts


/** Both or neither: a URL without its token (or the reverse) could only fail later. */
function checkKpiInputs(inputs) {
    if ((inputs.kpiUrl === undefined) !== (inputs.kpiToken === undefined))
        throw new errors/* InputError */.dz('kpi-url', 'and `kpi-token` go together');
}
const FAILURE_WORDS = {
    timeout: 'timed out',
    unreachable: 'could not be reached',
    redirect: 'answered with a redirect, which is not followed',
};
/**
 * Posts the KPI record through the edge-function client. A KPI outage must never fail a release job:
 * every problem is returned, not thrown. A 2xx counts as delivered even if its body is cut off.
 */
async function postKpi(payload, options) {
    const attempts = options.attempts ?? 2;
    let last = { delivered: false, status: null, error: 'not sent', attempts: 0 };
    for (let attempt = 1; attempt <= attempts; attempt++) {
        const answer = await postToEdgeFunction({
            url: options.url,
            token: options.token,
            payload,
            timeoutMs: options.timeoutMs ?? 10_000,
        });
        const { status } = answer;
        if (status === null) {
            const { kind } = answer.failure;
            last = { delivered: false, status, error: `KPI endpoint ${FAILURE_WORDS[kind]}`, attempts: attempt };
            // A redirect is the endpoint's settled answer, not an outage: asking again changes nothing.
            if (kind === 'redirect')
                return last;
        }
        else if (status >= 200 && status < 300) {
            return { delivered: true, status, error: null, attempts: attempt };
        }
        else {
            last = { delivered: false, status, error: `KPI endpoint answered HTTP ${status}`, attempts: attempt };
            if (status < 500)
                return last;
        }
        if (attempt < attempts)
            await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 1000));
    }
    return last;
}

// EXTERNAL MODULE: ./packages/core/src/text/safe-text.ts
var safe_text = __webpack_require__(8625);
;// CONCATENATED MODULE: ./packages/core/src/text/markdown.ts

/** Escapes a value for Markdown text or a table cell: no markup, no HTML, no line breaks; `–` when empty. */
function markdownCell(value) {
    if (value === null || value === '')
        return '–';
    return (0,safe_text/* safeText */.H)(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_{}[\]()#+!|~]/g, (ch) => `\\${ch}`);
}
/** A value as inline code when it is plain (code spans show escapes literally), else escaped text. */
function markdownCode(value) {
    return /^[\w./@+-]+$/.test(value) ? `\`${value}\`` : markdownCell(value);
}
/** A URL that is safe to put in a link: http(s) only, else null (shown as text instead). */
function linkableUrl(value) {
    if (!value)
        return null;
    try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    }
    catch {
        return null;
    }
}
/** `[label](url)` with the URL's parentheses and spaces encoded, or the escaped label when it is not http(s). */
function markdownLink(url, label) {
    const href = linkableUrl(url);
    if (href === null)
        return markdownCell(label);
    return `[${markdownCell(label)}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}
/** A Markdown table; every cell is taken as already escaped (build it with the functions above). */
function markdownTable(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
/**
 * A fenced code block: inside it nothing is markup and no entity is decoded, so a reader copies
 * `text` exactly. The fence is longer than any run of backticks in `text`, which therefore cannot end it.
 */
function markdownCodeBlock(text, info = '') {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${info}\n${text}\n${fence}`;
}

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

;// CONCATENATED MODULE: ./packages/core/src/verify/report.ts
function provenanceSummary(view) {
    return {
        predicateType: view.predicateType,
        builderId: view.builderId,
        sourceRepo: view.sourceRepo,
        ref: view.ref,
        commit: view.commit,
        workflow: view.workflow,
        runId: view.runId,
    };
}
/** A report for a verification that stopped before its checks (missing or unreadable input; null: unusable input, exit 2). */
function inputFailureReport(code, message) {
    return {
        verified: false,
        failure_reason: code,
        authenticated: false,
        error: message,
        checks: [],
        artifacts: [],
        provenance: null,
        governance_flags: [],
        attestation: null,
        signer: null,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+bundle@4.0.0/node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(168);
// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+core@3.2.1/node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(8508);
// EXTERNAL MODULE: ./node_modules/.pnpm/@humanwhocodes+momoa@3.3.13/node_modules/@humanwhocodes/momoa/dist/momoa.js
var momoa = __webpack_require__(172);
;// CONCATENATED MODULE: ./packages/core/src/attestation/strict-json.ts


/** Provenance is small; anything larger is refused before parsing (a bomb, or the wrong file). */
const MAX_ATTESTATION_BYTES = 32 * 1024 * 1024;
const MAX_DEPTH = 64;
function walk(node, depth, where) {
    if (depth > MAX_DEPTH) {
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: JSON nested deeper than ${MAX_DEPTH} levels`);
    }
    if (node.type === 'Document')
        return walk(node.body, depth, where);
    if (node.type === 'Array') {
        for (const element of node.elements)
            walk(element.value, depth + 1, where);
    }
    else if (node.type === 'Object') {
        const seen = new Set();
        for (const member of node.members) {
            const key = member.name.type === 'String' ? member.name.value : member.name.name;
            if (seen.has(key)) {
                throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: duplicate JSON key "${key}" (line ${member.name.loc.start.line}); a verifier and a builder could read different values`);
            }
            seen.add(key);
            walk(member.value, depth + 1, where);
        }
    }
}
/**
 * JSON.parse that refuses what attackers use to make two parsers disagree: duplicate keys, absurd
 * nesting and oversized input. Every refusal is `malformed_provenance`.
 */
function parseStrictJson(text, where) {
    if (text.length > MAX_ATTESTATION_BYTES) {
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: larger than ${MAX_ATTESTATION_BYTES} bytes`);
    }
    let document;
    try {
        document = momoa/* parse */.qg(text, { mode: 'json', ranges: false, tokens: false });
    }
    catch (error) {
        const reason = error instanceof RangeError ? 'nested too deeply' : error.message;
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: not valid JSON (${reason})`);
    }
    walk(document, 0, where);
    return JSON.parse(text);
}

;// CONCATENATED MODULE: ./packages/core/src/attestation/load.ts





/** Caps: more log entries or timestamps than any real signer makes is an attack. */
const MAX_TLOG_ENTRIES = 32;
const MAX_TIMESTAMPS = 32;
/** A key-signed envelope may carry several signatures (one per key); more than this is an attack. */
const MAX_ENVELOPE_SIGNATURES = 32;
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function envelopeToBundle(json, where) {
    const signatures = json.signatures;
    if (typeof json.payloadType !== 'string' ||
        typeof json.payload !== 'string' ||
        !Array.isArray(signatures)) {
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: DSSE envelope needs payloadType, payload and signatures`);
    }
    if (signatures.length === 0 ||
        signatures.length > MAX_ENVELOPE_SIGNATURES ||
        !signatures.every((sig) => isRecord(sig) && typeof sig.sig === 'string')) {
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: DSSE envelope must carry 1 to ${MAX_ENVELOPE_SIGNATURES} signatures, each with "sig"`);
    }
    const entries = signatures;
    const dsseEnvelope = {
        payloadType: json.payloadType,
        payload: Buffer.from(json.payload, 'base64'),
        signatures: entries.map((signature) => ({
            keyid: typeof signature.keyid === 'string' ? signature.keyid : '',
            sig: Buffer.from(String(signature.sig), 'base64'),
        })),
    };
    const withCertificate = entries.filter((signature) => signature.cert !== undefined);
    if (withCertificate.length === 0) {
        // Signed with a key the verifier must be given (`--key`): the keyid is only a hint.
        return {
            mediaType: dist/* BUNDLE_V03_MEDIA_TYPE */.HM,
            verificationMaterial: {
                content: { $case: 'publicKey', publicKey: { hint: dsseEnvelope.signatures[0].keyid } },
                tlogEntries: [],
                timestampVerificationData: { rfc3161Timestamps: [] },
            },
            content: { $case: 'dsseEnvelope', dsseEnvelope },
        };
    }
    if (entries.length !== 1) {
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: a keyless DSSE envelope must carry exactly one signature with its certificate`);
    }
    const certPem = typeof entries[0].cert === 'string' ? entries[0].cert : '';
    if (!certPem.includes('BEGIN CERTIFICATE')) {
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: DSSE signing certificate is not PEM`);
    }
    let der;
    try {
        der = core_dist.pem.toDER(certPem);
    }
    catch {
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: DSSE signing certificate is not valid PEM`);
    }
    return {
        mediaType: dist/* BUNDLE_V03_MEDIA_TYPE */.HM,
        verificationMaterial: {
            content: { $case: 'certificate', certificate: { rawBytes: der } },
            tlogEntries: [],
            timestampVerificationData: { rfc3161Timestamps: [] },
        },
        content: { $case: 'dsseEnvelope', dsseEnvelope },
    };
}
function toAttestation(json, where) {
    if (!isRecord(json))
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: not a JSON object`);
    if (typeof json.mediaType === 'string' &&
        json.mediaType.startsWith('application/vnd.dev.sigstore.bundle')) {
        let bundle;
        try {
            bundle = (0,dist/* bundleFromJSON */.vw)(json);
        }
        catch (error) {
            throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: invalid Sigstore bundle (${error.message})`);
        }
        const tlogCount = bundle.verificationMaterial.tlogEntries.length;
        const tsCount = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
        if (tlogCount > MAX_TLOG_ENTRIES || tsCount > MAX_TIMESTAMPS) {
            throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: ${tlogCount} log entries and ${tsCount} timestamps exceed the limit of ${MAX_TLOG_ENTRIES}`);
        }
        return { where, format: 'bundle', mediaType: json.mediaType, bundle };
    }
    if ('payloadType' in json && 'signatures' in json) {
        return {
            where,
            format: 'dsse-envelope',
            mediaType: 'dsse-envelope',
            bundle: envelopeToBundle(json, where),
        };
    }
    throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: neither a Sigstore bundle nor a DSSE envelope (no mediaType or payloadType)`);
}
/** Parses the text of a provenance file: one JSON document, or JSON Lines with one per line. */
function parseAttestations(text, name) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${name}: the file is empty`);
    const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '');
    // A pretty-printed single document spans many lines; JSON Lines has one complete document per line.
    const isJsonLines = lines.length > 1 && lines.every((line) => line.trim().startsWith('{') && line.trim().endsWith('}'));
    if (!isJsonLines)
        return [toAttestation(parseStrictJson(trimmed, name), name)];
    return lines.map((line, index) => {
        const where = `${name}#line${index + 1}`;
        return toAttestation(parseStrictJson(line, where), where);
    });
}
/** Reads a provenance file; a missing file is `provenance_missing`. */
function loadAttestations(file) {
    let stat;
    try {
        stat = external_node_fs_default().statSync(file);
    }
    catch {
        throw new errors/* ReleaseGuardError */.dZ('provenance_missing', `provenance file not found: ${file}`);
    }
    if (!stat.isFile())
        throw new errors/* ReleaseGuardError */.dZ('provenance_missing', `provenance path is not a file: ${file}`);
    if (stat.size > MAX_ATTESTATION_BYTES) {
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${file}: ${stat.size} bytes is larger than any provenance (limit ${MAX_ATTESTATION_BYTES})`);
    }
    return parseAttestations(external_node_fs_default().readFileSync(file, 'utf8'), file);
}
/** The DSSE envelope's payload and type, or null for a message-signature bundle. */
function dssePayload(attestation) {
    const content = attestation.bundle.content;
    if (content.$case !== 'dsseEnvelope')
        return null;
    return { payloadType: content.dsseEnvelope.payloadType, payload: content.dsseEnvelope.payload };
}

;// CONCATENATED MODULE: ./packages/core/src/attestation/statement.ts


const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v0.1', 'https://in-toto.io/Statement/v1'];
const MAX_SUBJECTS = 1024;
const MAX_DIGESTS_PER_SUBJECT = 32;
const DIGEST_LENGTHS = {
    sha256: 64,
    sha512: 128,
    sha384: 96,
    sha1: 40,
    gitCommit: 40,
};
function statement_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function malformed(where, message) {
    return new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${where}: ${message}`);
}
function parseSubjects(value, where) {
    if (!Array.isArray(value))
        throw malformed(where, 'statement has no "subject" list');
    if (value.length > MAX_SUBJECTS)
        throw malformed(where, `more than ${MAX_SUBJECTS} subjects (${value.length})`);
    const byName = new Map();
    return value.map((raw, index) => {
        if (!statement_isRecord(raw) || !statement_isRecord(raw.digest))
            throw malformed(where, `subject #${index + 1} has no digest`);
        const name = typeof raw.name === 'string' ? raw.name : '';
        const entries = Object.entries(raw.digest);
        if (entries.length === 0)
            throw malformed(where, `subject "${name}" has an empty digest`);
        if (entries.length > MAX_DIGESTS_PER_SUBJECT) {
            throw malformed(where, `subject "${name}" has more than ${MAX_DIGESTS_PER_SUBJECT} digests`);
        }
        const digest = {};
        for (const [algorithm, hex] of entries) {
            const length = DIGEST_LENGTHS[algorithm];
            if (typeof hex !== 'string' ||
                (length !== undefined && !new RegExp(`^[0-9a-f]{${length}}$`).test(hex))) {
                throw malformed(where, `subject "${name}" ${algorithm} digest must be ${length ?? 'lowercase'} lowercase hex characters`);
            }
            digest[algorithm] = hex;
        }
        const fingerprint = JSON.stringify(Object.entries(digest).sort());
        const previous = byName.get(name);
        if (name !== '' && previous !== undefined && previous !== fingerprint) {
            throw malformed(where, `subject name "${name}" appears twice with different digests`);
        }
        byName.set(name, fingerprint);
        return { name, digest };
    });
}
/** Parses a DSSE payload as an in-toto Statement (v0.1 or v1). */
function parseStatement(payload, where) {
    const json = parseStrictJson(payload.toString('utf8'), where);
    if (!statement_isRecord(json))
        throw malformed(where, 'payload is not a JSON object');
    if (typeof json._type !== 'string' || !STATEMENT_TYPES.includes(json._type)) {
        throw malformed(where, `payload is not an in-toto Statement (_type ${JSON.stringify(json._type ?? null)})`);
    }
    if (typeof json.predicateType !== 'string')
        throw malformed(where, 'statement has no predicateType');
    return {
        type: json._type,
        predicateType: json.predicateType,
        subjects: parseSubjects(json.subject, where),
        predicate: statement_isRecord(json.predicate) ? json.predicate : {},
    };
}

;// CONCATENATED MODULE: ./packages/core/src/attestation/provenance.ts
const SLSA_V1 = 'https://slsa.dev/provenance/v1';
const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';
function record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : {};
}
function provenance_text(value) {
    return typeof value === 'string' && value !== '' ? value : null;
}
/** Normalises a repository URL or `owner/repo` to `https://host/owner/repo` for exact comparison. */
function provenance_normaliseRepo(value) {
    let repo = value.trim().replace(/^git\+/, '');
    // slsa-verifier's form: `github.com/OWNER/REPO`, a URL without its scheme.
    if (/^github\.com\//i.test(repo))
        repo = `https://${repo}`;
    if (!/^[a-z]+:\/\//i.test(repo))
        repo = `https://github.com/${repo}`;
    return repo.replace(/\/+$/, '').replace(/\.git$/, '');
}
/** Splits `git+https://github.com/o/r@refs/tags/v1` into the repository and the ref. */
function splitSourceUri(uri) {
    if (!uri)
        return { repo: null, ref: null };
    const stripped = uri.replace(/^git\+/, '');
    const scheme = stripped.indexOf('://');
    const at = stripped.indexOf('@', scheme >= 0 ? scheme + 3 : 0);
    if (at < 0)
        return { repo: provenance_normaliseRepo(stripped), ref: null };
    return { repo: provenance_normaliseRepo(stripped.slice(0, at)), ref: stripped.slice(at + 1) || null };
}
function runIdFromInvocation(invocation) {
    const match = invocation?.match(/\/actions\/runs\/(\d+)/);
    return match ? match[1] : null;
}
function fromV1(predicate) {
    const definition = record(predicate.buildDefinition);
    const runDetails = record(predicate.runDetails);
    const external = record(definition.externalParameters);
    const internal = record(definition.internalParameters);
    const workflow = record(external.workflow);
    const dependencies = Array.isArray(definition.resolvedDependencies) ? definition.resolvedDependencies : [];
    const source = record(dependencies[0]);
    const sourceUri = splitSourceUri(provenance_text(source.uri));
    const digest = record(source.digest);
    const invocation = provenance_text(record(runDetails.metadata).invocationId);
    const workflowRepo = provenance_text(workflow.repository);
    return {
        slsaVersion: 'v1',
        buildType: provenance_text(definition.buildType),
        builderId: provenance_text(record(runDetails.builder).id),
        sourceRepo: workflowRepo ? provenance_normaliseRepo(workflowRepo) : sourceUri.repo,
        ref: provenance_text(workflow.ref) ?? sourceUri.ref ?? provenance_text(internal.GITHUB_REF),
        commit: provenance_text(digest.gitCommit) ?? provenance_text(digest.sha1),
        workflow: provenance_text(workflow.path),
        runId: runIdFromInvocation(invocation) ?? provenance_text(internal.GITHUB_RUN_ID),
        invocation,
    };
}
function fromV02(predicate) {
    const invocationBlock = record(predicate.invocation);
    const configSource = record(invocationBlock.configSource);
    const source = splitSourceUri(provenance_text(configSource.uri));
    const environment = record(invocationBlock.environment);
    const runId = provenance_text(environment.github_run_id);
    const attempt = provenance_text(environment.github_run_attempt);
    return {
        slsaVersion: 'v0.2',
        buildType: provenance_text(predicate.buildType),
        builderId: provenance_text(record(predicate.builder).id),
        sourceRepo: source.repo,
        ref: source.ref ?? provenance_text(environment.github_ref),
        commit: provenance_text(record(configSource.digest).sha1) ?? provenance_text(environment.github_sha1),
        workflow: provenance_text(configSource.entryPoint),
        runId,
        invocation: runId ? `${runId}-${attempt ?? '1'}` : null,
    };
}
/** Normalises a statement's predicate; non-SLSA predicates give a view with only type and subjects. */
function normaliseProvenance(statement) {
    const base = { predicateType: statement.predicateType, subjects: statement.subjects };
    if (statement.predicateType === SLSA_V1)
        return { ...base, ...fromV1(statement.predicate) };
    if (statement.predicateType === SLSA_V02)
        return { ...base, ...fromV02(statement.predicate) };
    return {
        ...base,
        slsaVersion: null,
        buildType: null,
        builderId: null,
        sourceRepo: null,
        ref: null,
        commit: null,
        workflow: null,
        runId: null,
        invocation: null,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/checks/check.ts
function check_passed(name, code, expected, actual, detail) {
    return { name, status: 'pass', ok: true, code, expected, actual, detail };
}
function check_failed(name, code, expected, actual, detail) {
    return { name, status: 'fail', ok: false, code, expected, actual, detail };
}
/** A check the user chose not to run (a flag not given, `--skip-signature`): it does not fail. */
function check_skippedByRequest(name, code, detail) {
    return { name, status: 'skipped', ok: true, code, expected: null, actual: null, detail };
}
/** A check that could not run because what it needs is missing or unproven: it fails the verification. */
function check_notEvaluated(name, code, detail, expected = null, actual = null) {
    return { name, status: 'skipped', ok: false, code, expected, actual, detail };
}
/** Marks claim checks as read from a payload that no verified signature vouches for (or one that does). */
function withAuthentication(checks, authenticated) {
    return checks.map((check) => ({ ...check, authenticated }));
}

;// CONCATENATED MODULE: ./packages/core/src/checks/precedence.ts
/**
 * Which failing check decides the failure code, first group first. Authenticity comes before
 * content: when the signature fails nothing in the payload is evidence, so a tampered source
 * repository reads as `signature_invalid`, never as `source_mismatch`. Then who signed, then whether
 * the signer's certificate backs the claims, then what the payload says.
 */
const CHECK_PRECEDENCE = [
    ['signature'],
    ['identity', 'identity_source_repo'],
    ['builder_id_certificate', 'source_repo_certificate', 'ref_certificate', 'commit_certificate'],
    ['predicate_type'],
    ['subject_digest'],
    ['builder_id', 'source_repo', 'tag', 'commit'],
];
function rank(name) {
    const index = CHECK_PRECEDENCE.findIndex((group) => group.includes(name));
    return index < 0 ? CHECK_PRECEDENCE.length : index;
}
/** The failure code of a verification: that of the failing check of highest precedence, or null. */
function decideFailure(checks) {
    let best = null;
    for (const check of checks) {
        if (check.ok)
            continue;
        if (best === null || rank(check.name) < rank(best.name))
            best = check;
    }
    return best?.code ?? null;
}

;// CONCATENATED MODULE: ./packages/core/src/checks/predicate.ts


/**
 * SLSA v1 passes. v0.2 passes only under the governance override `--allow-slsa-v0.2`, and the report
 * then carries the `security-backcompat` flag.
 */
function checkPredicateType(view, allowSlsaV02) {
    const expected = allowSlsaV02 ? `${SLSA_V1} or ${SLSA_V02}` : SLSA_V1;
    if (view.predicateType === SLSA_V1)
        return check_passed('predicate_type', 'predicate_mismatch', expected, view.predicateType, 'SLSA v1 provenance');
    if (view.predicateType === SLSA_V02) {
        return allowSlsaV02
            ? check_passed('predicate_type', 'predicate_mismatch', expected, view.predicateType, 'SLSA v0.2 accepted by --allow-slsa-v0.2 (flagged security-backcompat)')
            : check_failed('predicate_type', 'predicate_mismatch', expected, view.predicateType, 'SLSA v0.2 provenance needs the governance override --allow-slsa-v0.2');
    }
    return check_failed('predicate_type', 'predicate_mismatch', expected, view.predicateType, 'not SLSA provenance');
}

;// CONCATENATED MODULE: ./packages/core/src/checks/subjects.ts

/** The artifact's digest in the algorithm the subjects speak: sha512 when they carry no sha256. */
function shownDigest(artifact, subject, subjects) {
    const sha512Only = subject
        ? subject.digest.sha256 === undefined
        : subjects.length > 0 && subjects.every((s) => s.digest.sha256 === undefined);
    return sha512Only && artifact.sha512 ? `sha512:${artifact.sha512}` : `sha256:${artifact.sha256}`;
}
function matchSubject(artifact, subjects) {
    // Exact, full-length equality on every algorithm both sides have; never a prefix.
    return subjects.find((subject) => {
        const shared = ['sha256', 'sha512'].filter((alg) => subject.digest[alg] !== undefined && artifact[alg] !== undefined);
        return shared.length > 0 && shared.every((alg) => subject.digest[alg] === artifact[alg]);
    });
}
/** Every artifact must match a subject; zero artifacts or zero subjects is a failure, never a pass. */
function checkSubjectDigests(subjects, artifacts) {
    const matches = artifacts.map((artifact) => {
        const subject = matchSubject(artifact, subjects);
        return { ...artifact, subject: subject?.name ?? null, shown: shownDigest(artifact, subject, subjects) };
    });
    const expected = subjects
        .map((s) => `${s.name || '(unnamed)'} ${s.digest.sha256 ? `sha256:${s.digest.sha256}` : `sha512:${s.digest.sha512 ?? '?'}`}`)
        .join(', ');
    if (subjects.length === 0) {
        return {
            check: check_failed('subject_digest', 'digest_mismatch', null, null, 'the provenance names no subject: nothing to verify'),
            matches,
        };
    }
    if (artifacts.length === 0) {
        return {
            check: check_failed('subject_digest', 'artifact_missing', expected, null, 'no artifact to verify'),
            matches,
        };
    }
    const unmatched = matches.filter((m) => m.subject === null);
    const actual = matches.map((m) => `${m.path} ${m.shown}`).join(', ');
    if (unmatched.length > 0) {
        return {
            check: check_failed('subject_digest', 'digest_mismatch', expected, actual, `${unmatched.map((m) => m.path).join(', ')}: digest matches no subject of the provenance`),
            matches,
        };
    }
    return {
        check: check_passed('subject_digest', 'digest_mismatch', expected, actual, `${matches.length} artifact(s) each match a subject`),
        matches,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/checks/builder.ts

/** Splits a builder id at its first `@`: `…/generator_generic_slsa3.yml@refs/tags/v2.1.0`. */
function splitBuilderId(id) {
    const at = id.indexOf('@');
    return at < 0 ? { name: id, ref: null } : { name: id.slice(0, at), ref: id.slice(at + 1) };
}
/** `v1.2.3` and `refs/tags/v1.2.3` name the same ref. */
function normaliseRef(ref) {
    return ref.startsWith('refs/') ? ref : `refs/tags/${ref}`;
}
/** A workflow of the source repository itself (actions/attest style): its ref is the source's ref. */
function isOwnWorkflow(name, sourceRepo) {
    return sourceRepo !== null && name.startsWith(`${sourceRepo}/.github/workflows/`);
}
/**
 * Matches a provenance builder id against one allow-list entry: the name must be equal
 * (a prefix or a lookalike host never matches, and an `@` in the host part makes the name differ);
 * `name@ref` requires that ref; a bare name requires a third-party builder to have run from a release
 * tag (a repository's own workflow runs at the source ref, which the ref checks bind instead).
 */
function builderMatches(actual, allowed, sourceRepo = null) {
    const a = splitBuilderId(actual);
    const b = splitBuilderId(allowed);
    if (a.name !== b.name || a.name === '')
        return false;
    if (b.ref !== null)
        return a.ref !== null && normaliseRef(a.ref) === normaliseRef(b.ref);
    return a.ref === null || a.ref.startsWith('refs/tags/') || isOwnWorkflow(a.name, sourceRepo);
}
function checkBuilderId(builderId, allowList, sourceRepo = null) {
    const expected = allowList.length > 0 ? allowList.join(' | ') : null;
    if (allowList.length === 0) {
        return check_failed('builder_id', 'builder_mismatch', null, builderId, 'no --builder-id given: an empty allow list trusts no builder');
    }
    if (!builderId)
        return check_failed('builder_id', 'builder_mismatch', expected, null, 'the provenance names no builder');
    const match = allowList.find((allowed) => builderMatches(builderId, allowed, sourceRepo));
    if (match)
        return check_passed('builder_id', 'builder_mismatch', expected, builderId, `trusted builder (matches ${match})`);
    const { name, ref } = splitBuilderId(builderId);
    const sameName = allowList.some((allowed) => splitBuilderId(allowed).name === name);
    const detail = sameName
        ? ref && !ref.startsWith('refs/tags/')
            ? `builder ran from ${ref}, not a release tag; name that ref in --builder-id to trust it`
            : `builder version ${ref ?? '(none)'} is not the one allowed`
        : 'builder is not in the allow list (exact match required)';
    return check_failed('builder_id', 'builder_mismatch', expected, builderId, detail);
}

;// CONCATENATED MODULE: ./packages/core/src/checks/claims.ts


function checkSourceRepo(view, expectedRepo) {
    const expected = provenance_normaliseRepo(expectedRepo);
    if (!view.sourceRepo)
        return check_failed('source_repo', 'source_mismatch', expected, null, 'the provenance names no source repository');
    return view.sourceRepo === expected
        ? check_passed('source_repo', 'source_mismatch', expected, view.sourceRepo, 'source repository matches exactly')
        : check_failed('source_repo', 'source_mismatch', expected, view.sourceRepo, 'built from a different repository');
}
/** `--tag` matches exactly after stripping `refs/tags/`; a branch build never matches. */
function checkTag(view, tag) {
    if (tag === undefined)
        return check_skippedByRequest('tag', 'tag_mismatch', `not requested: no --tag given (built from ${view.ref ?? 'an unknown ref'})`);
    const expected = `refs/tags/${tag.replace(/^refs\/tags\//, '')}`;
    if (!view.ref)
        return check_failed('tag', 'tag_mismatch', expected, null, 'the provenance names no source ref');
    if (!view.ref.startsWith('refs/tags/')) {
        return check_failed('tag', 'tag_mismatch', expected, view.ref, 'built from a branch, not from a tag');
    }
    return view.ref === expected
        ? check_passed('tag', 'tag_mismatch', expected, view.ref, 'tag matches exactly')
        : check_failed('tag', 'tag_mismatch', expected, view.ref, 'built from a different tag');
}
function checkCommit(view, commit) {
    if (commit === undefined)
        return check_skippedByRequest('commit', 'commit_mismatch', `not requested: no --commit given (built from ${view.commit ?? 'an unknown commit'})`);
    const expected = commit.toLowerCase();
    if (!view.commit)
        return check_failed('commit', 'commit_mismatch', expected, null, 'the provenance names no source commit');
    return view.commit === expected
        ? check_passed('commit', 'commit_mismatch', expected, view.commit, 'commit matches')
        : check_failed('commit', 'commit_mismatch', expected, view.commit, 'built from a different commit');
}

;// CONCATENATED MODULE: ./packages/core/src/checks/signer.ts
const signer_SKIPPED_BY_FLAG = 'skipped by --skip-signature';
const signer_SIGNATURE_INVALID = 'not evaluated: the signature is invalid';

;// CONCATENATED MODULE: ./packages/core/src/checks/identity.ts




const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
/**
 * Compiles `--cert-identity-regexp`. It is anchored at the start (`^(?:…)`) so that a pattern can
 * never match in the middle of another repository's URL; add `$` to anchor the end too.
 */
function compileIdentityRegexp(pattern) {
    try {
        return new RegExp(`^(?:${pattern})`, 'u');
    }
    catch (error) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `--cert-identity-regexp is not a valid regular expression: ${error.message}`);
    }
}
function expectedIdentity(policy) {
    const issuer = policy.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER;
    const wantSan = policy.certIdentity ??
        (policy.certIdentityRegexp !== undefined ? `/${policy.certIdentityRegexp}/` : null);
    return `${wantSan ?? '(any SAN)'} issued by ${issuer}`;
}
function describeIdentity(identity) {
    if (!identity)
        return null;
    return `${identity.san ?? '(no SAN)'} issued by ${identity.issuer ?? '(no issuer)'}`;
}
/**
 * Compares the certificate identity ourselves: sigstore-js treats the SAN policy as an unanchored
 * regular expression, so `…@refs/tags/v1` would also accept `…@refs/tags/v10`.
 * `noSanPolicy` is the pass detail when no SAN was asked for: it names what binds the signer instead.
 */
function checkIdentity(signer, policy, noSanPolicy) {
    const name = 'identity';
    if (signer.kind === 'skipped')
        return check_skippedByRequest(name, 'identity_mismatch', signer_SKIPPED_BY_FLAG);
    if (signer.kind === 'key') {
        const key = `public key ${signer.fingerprint}`;
        return check_passed(name, 'identity_mismatch', key, key, `signed by the key of --key ${signer.file}`);
    }
    const expected = expectedIdentity(policy);
    if (signer.kind === 'invalid') {
        return check_notEvaluated(name, 'identity_mismatch', `${signer_SIGNATURE_INVALID}; the certificate it carries is not evidence of a signer`, expected, describeIdentity(signer.identity));
    }
    const identity = signer.identity;
    const issuer = policy.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER;
    const actual = describeIdentity(identity);
    if (identity.issuer !== issuer) {
        return check_failed(name, 'identity_mismatch', expected, actual, 'OIDC issuer differs (exact match required)');
    }
    if (policy.certIdentity !== undefined) {
        return identity.san === policy.certIdentity
            ? check_passed(name, 'identity_mismatch', expected, actual, 'certificate identity matches exactly')
            : check_failed(name, 'identity_mismatch', expected, actual, 'certificate SAN differs (exact match required)');
    }
    if (policy.certIdentityRegexp !== undefined) {
        return identity.san !== null && compileIdentityRegexp(policy.certIdentityRegexp).test(identity.san)
            ? check_passed(name, 'identity_mismatch', expected, actual, 'certificate SAN matches the pattern')
            : check_failed(name, 'identity_mismatch', expected, actual, 'certificate SAN does not match the pattern');
    }
    return check_passed(name, 'identity_mismatch', expected, actual, noSanPolicy);
}
/**
 * `--source-repo` of `verify-signature`: a reusable workflow gives every calling repository the same
 * SAN, so the repository that ran it is compared exactly with the certificate's Source Repository URI
 * and, where the certificate has it, the GitHub Workflow Repository.
 */
function checkIdentitySourceRepo(signer, sourceRepo) {
    const name = 'identity_source_repo';
    const expected = normaliseRepo(sourceRepo);
    if (signer.kind === 'skipped')
        return skippedByRequest(name, 'identity_mismatch', SKIPPED_BY_FLAG);
    if (signer.kind === 'invalid') {
        return notEvaluated(name, 'identity_mismatch', SIGNATURE_INVALID, expected, signer.identity?.sourceRepositoryURI ?? null);
    }
    if (signer.kind === 'key') {
        return failed(name, 'identity_mismatch', expected, null, 'a key signature names no repository: drop --source-repo or sign keyless');
    }
    const identity = signer.identity;
    const uri = identity.sourceRepositoryURI ? normaliseRepo(identity.sourceRepositoryURI) : null;
    const workflowRepo = identity.workflowRepository ? normaliseRepo(identity.workflowRepository) : null;
    const actual = workflowRepo && workflowRepo !== uri ? `${uri ?? '(none)'} (workflow repository ${workflowRepo})` : uri;
    if (uri === null)
        return failed(name, 'identity_mismatch', expected, null, 'the certificate names no source repository');
    if (uri !== expected || (workflowRepo !== null && workflowRepo !== expected)) {
        return failed(name, 'identity_mismatch', expected, actual, 'signed by a workflow run of another repository');
    }
    return passed(name, 'identity_mismatch', expected, actual, 'the certificate was issued to a run of this repository');
}

;// CONCATENATED MODULE: ./packages/core/src/checks/binding.ts



/** slsa-github-generator's BYOB delegators sign for the builder named in the predicate. */
const TRUSTED_DELEGATOR = /^https:\/\/github\.com\/slsa-framework\/slsa-github-generator\/\.github\/workflows\/delegator_(generic|lowperms-generic)_slsa3\.yml@refs\/tags\/v\d+\.\d+\.\d+$/;
/** The builder ids GitHub's own attestations use; the signer is then the workflow itself. */
const RUNNER_BUILDERS = {
    'https://github.com/actions/runner/github-hosted': 'github-hosted',
    'https://github.com/actions/runner/self-hosted': 'self-hosted',
};
function bindBuilder(view, cert) {
    const name = 'builder_id_certificate';
    const actual = view.builderId;
    const runner = actual ? RUNNER_BUILDERS[actual] : undefined;
    if (runner) {
        if (cert.runnerEnvironment === null) {
            return check_passed(name, 'builder_mismatch', runner, null, 'certificate predates the runner-environment extension; signer bound by source checks');
        }
        return cert.runnerEnvironment === runner
            ? check_passed(name, 'builder_mismatch', runner, cert.runnerEnvironment, 'runner environment in the certificate matches the builder')
            : check_failed(name, 'builder_mismatch', runner, cert.runnerEnvironment, 'the certificate says the build ran on another kind of runner');
    }
    if (cert.san && TRUSTED_DELEGATOR.test(cert.san)) {
        return check_passed(name, 'builder_mismatch', actual, cert.san, 'signed by the SLSA BYOB delegator on behalf of this builder');
    }
    return actual !== null && cert.san === actual
        ? check_passed(name, 'builder_mismatch', actual, cert.san, 'the certificate was issued to the builder the provenance names')
        : check_failed(name, 'builder_mismatch', actual, cert.san, 'the provenance claims a builder that did not sign it');
}
function bindValue(name, code, claimed, certified, what) {
    if (claimed === null)
        return check_notEvaluated(name, code, `not evaluated: the provenance names no ${what}, so no certificate can back it`, null, certified);
    if (certified === null)
        return check_failed(name, code, claimed, null, `the certificate carries no ${what}: it was not issued to a GitHub Actions workflow`);
    return claimed === certified
        ? check_passed(name, code, claimed, certified, `${what} in the provenance matches the certificate`)
        : check_failed(name, code, claimed, certified, `${what} in the provenance differs from the certificate`);
}
/**
 * A valid signature over lying provenance is still a forgery: each claim the checks
 * rely on is compared with what Fulcio certified about the signing workflow.
 */
function checkCertificateBinding(view, signer) {
    const names = [
        ['builder_id_certificate', 'builder_mismatch'],
        ['source_repo_certificate', 'source_mismatch'],
        ['ref_certificate', 'tag_mismatch'],
        ['commit_certificate', 'commit_mismatch'],
    ];
    if (signer.kind === 'skipped')
        return names.map(([name, code]) => check_skippedByRequest(name, code, signer_SKIPPED_BY_FLAG));
    if (signer.kind === 'key') {
        // The user chose to trust whoever holds the key: there is no certificate to compare claims with.
        return names.map(([name, code]) => check_skippedByRequest(name, code, 'not applicable: signed with --key, no certificate describes the signer'));
    }
    if (signer.kind === 'invalid' || view === null)
        return names.map(([name, code]) => check_notEvaluated(name, code, signer_SIGNATURE_INVALID));
    if (view.slsaVersion === null) {
        return names.map(([name, code]) => check_notEvaluated(name, code, 'not evaluated: not SLSA provenance'));
    }
    const cert = signer.identity;
    return [
        bindBuilder(view, cert),
        bindValue('source_repo_certificate', 'source_mismatch', view.sourceRepo, cert.sourceRepositoryURI ? provenance_normaliseRepo(cert.sourceRepositoryURI) : null, 'source repository'),
        bindValue('ref_certificate', 'tag_mismatch', view.ref, cert.sourceRepositoryRef, 'source ref'),
        bindValue('commit_certificate', 'commit_mismatch', view.commit, cert.sourceRepositoryDigest, 'source commit'),
    ];
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+verify@3.1.1/node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(9263);
;// CONCATENATED MODULE: ./packages/core/src/sigstore/certificate.ts

const OID = {
    issuerV1: '1.3.6.1.4.1.57264.1.1',
    workflowSha: '1.3.6.1.4.1.57264.1.3',
    workflowRepository: '1.3.6.1.4.1.57264.1.5',
    workflowRef: '1.3.6.1.4.1.57264.1.6',
    issuerV2: '1.3.6.1.4.1.57264.1.8',
    buildSignerURI: '1.3.6.1.4.1.57264.1.9',
    buildSignerDigest: '1.3.6.1.4.1.57264.1.10',
    runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
    sourceRepositoryURI: '1.3.6.1.4.1.57264.1.12',
    sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
    sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
    buildConfigURI: '1.3.6.1.4.1.57264.1.18',
    runInvocationURI: '1.3.6.1.4.1.57264.1.21',
};
/** Legacy (…1.1–1.6) extensions hold raw UTF-8; the newer ones a DER UTF8String. */
function extensionText(cert, oid, der) {
    const ext = cert.extension(oid);
    if (!ext)
        return null;
    try {
        return der
            ? core_dist.ASN1Obj.parseBuffer(ext.value).value.toString('utf8')
            : ext.value.toString('utf8');
    }
    catch {
        return null;
    }
}
function fulcioIdentity(cert) {
    const v2 = (oid) => extensionText(cert, oid, true);
    const legacyRepository = extensionText(cert, OID.workflowRepository, false);
    let san = null;
    try {
        san = cert.subjectAltName ?? null;
    }
    catch {
        san = null;
    }
    return {
        san,
        issuer: v2(OID.issuerV2) ?? extensionText(cert, OID.issuerV1, false),
        buildSignerURI: v2(OID.buildSignerURI),
        buildSignerDigest: v2(OID.buildSignerDigest),
        runnerEnvironment: v2(OID.runnerEnvironment),
        sourceRepositoryURI: v2(OID.sourceRepositoryURI) ?? (legacyRepository ? `https://github.com/${legacyRepository}` : null),
        workflowRepository: legacyRepository,
        sourceRepositoryDigest: v2(OID.sourceRepositoryDigest) ?? extensionText(cert, OID.workflowSha, false),
        sourceRepositoryRef: v2(OID.sourceRepositoryRef) ?? extensionText(cert, OID.workflowRef, false),
        buildConfigURI: v2(OID.buildConfigURI),
        runInvocationURI: v2(OID.runInvocationURI),
    };
}
/** The leaf certificate of a bundle, or null when it is signed with a bare public key. */
function leafCertificate(bundle) {
    const content = bundle.verificationMaterial.content;
    let der;
    if (content.$case === 'certificate')
        der = content.certificate.rawBytes;
    else if (content.$case === 'x509CertificateChain')
        der = content.x509CertificateChain.certificates[0]?.rawBytes;
    if (!der)
        return null;
    try {
        return core_dist.X509Certificate.parse(der);
    }
    catch {
        return null;
    }
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(5759);
;// CONCATENATED MODULE: ./packages/core/src/sigstore/trusted_root.json
const trusted_root_namespaceObject = /*#__PURE__*/JSON.parse('{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1","tlogs":[{"baseUrl":"https://rekor.sigstore.dev","hashAlgorithm":"SHA2_256","publicKey":{"rawBytes":"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE2G2Y+2tabdTV5BcGiBIx0a9fAFwrkBbmLSGtks4L3qX6yYY0zufBnhC8Ur/iy55GhWP/9A/bY2LhC30M9+RYtw==","keyDetails":"PKIX_ECDSA_P256_SHA_256","validFor":{"start":"2021-01-12T11:53:27Z"}},"logId":{"keyId":"wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0="}},{"baseUrl":"https://log2025-1.rekor.sigstore.dev","hashAlgorithm":"SHA2_256","publicKey":{"rawBytes":"MCowBQYDK2VwAyEAt8rlp1knGwjfbcXAYPYAkn0XiLz1x8O4t0YkEhie244=","keyDetails":"PKIX_ED25519","validFor":{"start":"2025-09-23T00:00:00Z"}},"logId":{"keyId":"zxGZFVvd0FEmjR8WrFwMdcAJ9vtaY/QXf44Y1wUeP6A="}}],"certificateAuthorities":[{"subject":{"organization":"sigstore.dev","commonName":"sigstore"},"uri":"https://fulcio.sigstore.dev","certChain":{"certificates":[{"rawBytes":"MIIB+DCCAX6gAwIBAgITNVkDZoCiofPDsy7dfm6geLbuhzAKBggqhkjOPQQDAzAqMRUwEwYDVQQKEwxzaWdzdG9yZS5kZXYxETAPBgNVBAMTCHNpZ3N0b3JlMB4XDTIxMDMwNzAzMjAyOVoXDTMxMDIyMzAzMjAyOVowKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTB2MBAGByqGSM49AgEGBSuBBAAiA2IABLSyA7Ii5k+pNO8ZEWY0ylemWDowOkNa3kL+GZE5Z5GWehL9/A9bRNA3RbrsZ5i0JcastaRL7Sp5fp/jD5dxqc/UdTVnlvS16an+2Yfswe/QuLolRUCrcOE2+2iA5+tzd6NmMGQwDgYDVR0PAQH/BAQDAgEGMBIGA1UdEwEB/wQIMAYBAf8CAQEwHQYDVR0OBBYEFMjFHQBBmiQpMlEk6w2uSu1KBtPsMB8GA1UdIwQYMBaAFMjFHQBBmiQpMlEk6w2uSu1KBtPsMAoGCCqGSM49BAMDA2gAMGUCMH8liWJfMui6vXXBhjDgY4MwslmN/TJxVe/83WrFomwmNf056y1X48F9c4m3a3ozXAIxAKjRay5/aj/jsKKGIkmQatjI8uupHr/+CxFvaJWmpYqNkLDGRU+9orzh5hI2RrcuaQ=="}]},"validFor":{"start":"2021-03-07T03:20:29Z","end":"2022-12-31T23:59:59.999Z"}},{"subject":{"organization":"sigstore.dev","commonName":"sigstore"},"uri":"https://fulcio.sigstore.dev","certChain":{"certificates":[{"rawBytes":"MIICGjCCAaGgAwIBAgIUALnViVfnU0brJasmRkHrn/UnfaQwCgYIKoZIzj0EAwMwKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTAeFw0yMjA0MTMyMDA2MTVaFw0zMTEwMDUxMzU2NThaMDcxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEeMBwGA1UEAxMVc2lnc3RvcmUtaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE8RVS/ysH+NOvuDZyPIZtilgUF9NlarYpAd9HP1vBBH1U5CV77LSS7s0ZiH4nE7Hv7ptS6LvvR/STk798LVgMzLlJ4HeIfF3tHSaexLcYpSASr1kS0N/RgBJz/9jWCiXno3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQU39Ppz1YkEZb5qNjpKFWixi4YZD8wHwYDVR0jBBgwFoAUWMAeX5FFpWapesyQoZMi0CrFxfowCgYIKoZIzj0EAwMDZwAwZAIwPCsQK4DYiZYDPIaDi5HFKnfxXx6ASSVmERfsynYBiX2X6SJRnZU84/9DZdnFvvxmAjBOt6QpBlc4J/0DxvkTCqpclvziL6BCCPnjdlIB3Pu3BxsPmygUY7Ii2zbdCdliiow="},{"rawBytes":"MIIB9zCCAXygAwIBAgIUALZNAPFdxHPwjeDloDwyYChAO/4wCgYIKoZIzj0EAwMwKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTAeFw0yMTEwMDcxMzU2NTlaFw0zMTEwMDUxMzU2NThaMCoxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjERMA8GA1UEAxMIc2lnc3RvcmUwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAT7XeFT4rb3PQGwS4IajtLk3/OlnpgangaBclYpsYBr5i+4ynB07ceb3LP0OIOZdxexX69c5iVuyJRQ+Hz05yi+UF3uBWAlHpiS5sh0+H2GHE7SXrk1EC5m1Tr19L9gg92jYzBhMA4GA1UdDwEB/wQEAwIBBjAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQWBBRYwB5fkUWlZql6zJChkyLQKsXF+jAfBgNVHSMEGDAWgBRYwB5fkUWlZql6zJChkyLQKsXF+jAKBggqhkjOPQQDAwNpADBmAjEAj1nHeXZp+13NWBNa+EDsDP8G1WWg1tCMWP/WHPqpaVo0jhsweNFZgSs0eE7wYI4qAjEA2WB9ot98sIkoF3vZYdd3/VtWB5b9TNMea7Ix/stJ5TfcLLeABLE4BNJOsQ4vnBHJ"}]},"validFor":{"start":"2022-04-13T20:06:15Z"}}],"ctlogs":[{"baseUrl":"https://ctfe.sigstore.dev/test","hashAlgorithm":"SHA2_256","publicKey":{"rawBytes":"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbfwR+RJudXscgRBRpKX1XFDy3PyudDxz/SfnRi1fT8ekpfBd2O1uoz7jr3Z8nKzxA69EUQ+eFCFI3zeubPWU7w==","keyDetails":"PKIX_ECDSA_P256_SHA_256","validFor":{"start":"2021-03-14T00:00:00Z","end":"2022-10-31T23:59:59.999Z"}},"logId":{"keyId":"CGCS8ChS/2hF0dFrJ4ScRWcYrBY9wzjSbea8IgY2b3I="}},{"baseUrl":"https://ctfe.sigstore.dev/2022","hashAlgorithm":"SHA2_256","publicKey":{"rawBytes":"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEiPSlFi0CmFTfEjCUqF9HuCEcYXNKAaYalIJmBZ8yyezPjTqhxrKBpMnaocVtLJBI1eM3uXnQzQGAJdJ4gs9Fyw==","keyDetails":"PKIX_ECDSA_P256_SHA_256","validFor":{"start":"2022-10-20T00:00:00Z"}},"logId":{"keyId":"3T0wasbHETJjGR4cmWc3AqJKXrjePK3/h4pygC8p7o4="}}],"timestampAuthorities":[{"subject":{"organization":"sigstore.dev","commonName":"sigstore-tsa-selfsigned"},"uri":"https://timestamp.sigstore.dev/api/v1/timestamp","certChain":{"certificates":[{"rawBytes":"MIICEDCCAZagAwIBAgIUOhNULwyQYe68wUMvy4qOiyojiwwwCgYIKoZIzj0EAwMwOTEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MSAwHgYDVQQDExdzaWdzdG9yZS10c2Etc2VsZnNpZ25lZDAeFw0yNTA0MDgwNjU5NDNaFw0zNTA0MDYwNjU5NDNaMC4xFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEVMBMGA1UEAxMMc2lnc3RvcmUtdHNhMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE4ra2Z8hKNig2T9kFjCAToGG30jky+WQv3BzL+mKvh1SKNR/UwuwsfNCg4sryoYAd8E6isovVA3M4aoNdm9QDi50Z8nTEyvqgfDPtTIwXItfiW/AFf1V7uwkbkAoj0xxco2owaDAOBgNVHQ8BAf8EBAMCB4AwHQYDVR0OBBYEFIn9eUOHz9BlRsMCRscsc1t9tOsDMB8GA1UdIwQYMBaAFJjsAe9/u1H/1JUeb4qImFMHic6/MBYGA1UdJQEB/wQMMAoGCCsGAQUFBwMIMAoGCCqGSM49BAMDA2gAMGUCMDtpsV/6KaO0qyF/UMsX2aSUXKQFdoGTptQGc0ftq1csulHPGG6dsmyMNd3JB+G3EQIxAOajvBcjpJmKb4Nv+2Taoj8Uc5+b6ih6FXCCKraSqupe07zqswMcXJTe1cExvHvvlw=="},{"rawBytes":"MIIB9zCCAXygAwIBAgIUV7f0GLDOoEzIh8LXSW80OJiUp14wCgYIKoZIzj0EAwMwOTEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MSAwHgYDVQQDExdzaWdzdG9yZS10c2Etc2VsZnNpZ25lZDAeFw0yNTA0MDgwNjU5NDNaFw0zNTA0MDYwNjU5NDNaMDkxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEgMB4GA1UEAxMXc2lnc3RvcmUtdHNhLXNlbGZzaWduZWQwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAQUQNtfRT/ou3YATa6wB/kKTe70cfJwyRIBovMnt8RcJph/COE82uyS6FmppLLL1VBPGcPfpQPYJNXzWwi8icwhKQ6W/Qe2h3oebBb2FHpwNJDqo+TMaC/tdfkv/ElJB72jRTBDMA4GA1UdDwEB/wQEAwIBBjASBgNVHRMBAf8ECDAGAQH/AgEAMB0GA1UdDgQWBBSY7AHvf7tR/9SVHm+KiJhTB4nOvzAKBggqhkjOPQQDAwNpADBmAjEAwGEGrfGZR1cen1R8/DTVMI943LssZmJRtDp/i7SfGHmGRP6gRbuj9vOK3b67Z0QQAjEAuT2H673LQEaHTcyQSZrkp4mX7WwkmF+sVbkYY5mXN+RMH13KUEHHOqASaemYWK/E"}]},"validFor":{"start":"2025-07-04T00:00:00Z"}}]}');
;// CONCATENATED MODULE: ./packages/core/src/sigstore/trust.ts






/**
 * Every log, CA and TSA must say since when it is trusted. `@sigstore/verify` reads a missing
 * `validFor.start` as the beginning of time, which would accept material from before that authority
 * existed; such a root is unusable trust material (exit 2), not a permissive one.
 */
function requireValidityStarts(root, source) {
    const authorities = [
        ...root.tlogs.map((log, i) => [
            `transparency log #${i + 1} (${log.baseUrl || 'no URL'})`,
            log.publicKey?.validFor,
        ]),
        ...root.ctlogs.map((log, i) => [
            `CT log #${i + 1} (${log.baseUrl || 'no URL'})`,
            log.publicKey?.validFor,
        ]),
        ...root.certificateAuthorities.map((ca, i) => [
            `certificate authority #${i + 1} (${ca.uri || 'no URI'})`,
            ca.validFor,
        ]),
        ...root.timestampAuthorities.map((tsa, i) => [
            `timestamp authority #${i + 1} (${tsa.uri || 'no URI'})`,
            tsa.validFor,
        ]),
    ];
    for (const [what, validFor] of authorities) {
        if (!validFor?.start) {
            throw new errors/* ReleaseGuardError */.dZ('usage_error', `${source}: ${what} has no validFor.start: unusable trust material (a root must say since when each authority is trusted)`);
        }
    }
}
function toTrustRoot(json, source) {
    let root;
    try {
        root = protobuf_specs_dist.TrustedRoot.fromJSON(json);
    }
    catch (error) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `${source}: not a Sigstore trusted_root.json (${error.message})`);
    }
    if (root.certificateAuthorities.length === 0 && root.tlogs.length === 0) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `${source}: trusted root holds no certificate authority and no log`);
    }
    requireValidityStarts(root, source);
    const caSubjects = root.certificateAuthorities.flatMap((ca) => (ca.certChain?.certificates ?? []).map((cert) => core_dist.X509Certificate.parse(cert.rawBytes).subject));
    return { source, material: (0,verify_dist/* toTrustMaterial */.jO)(root), caSubjects };
}
/** The Sigstore public-good trusted root shipped with core (2026-05-26), used when none is given. */
function embeddedTrustRoots() {
    return [toTrustRoot(trusted_root_namespaceObject, 'embedded public-good trusted root')];
}
/** Reads `--trusted-root`: a trusted_root.json, or JSON Lines of several (the format of `gh`). */
function loadTrustRoots(file) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `trusted root file not readable: ${file}`);
    }
    const parse = (chunk, source) => {
        try {
            return toTrustRoot(JSON.parse(chunk), source);
        }
        catch (error) {
            if (error instanceof errors/* ReleaseGuardError */.dZ)
                throw error;
            throw new errors/* ReleaseGuardError */.dZ('usage_error', `${source}: not valid JSON`);
        }
    };
    const lines = text
        .trim()
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '');
    if (lines.length > 1 && lines.every((line) => line.trim().startsWith('{') && line.trim().endsWith('}'))) {
        return lines.map((line, index) => parse(line, `${file}#line${index + 1}`));
    }
    return [parse(text, file)];
}
/** Roots whose CAs issued this leaf first (gh picks by the leaf's issuer), then the rest. */
function rootsFor(leaf, roots) {
    if (!leaf)
        return roots;
    const matches = roots.filter((root) => root.caSubjects.some((subject) => subject.equals(leaf.issuer)));
    return [...matches, ...roots.filter((root) => !matches.includes(root))];
}

;// CONCATENATED MODULE: ./packages/core/src/sigstore/bundle-version-rules.ts

/**
 * Judges a bundle by the rules of its version before `@sigstore/verify` sees it. A v0.1 bundle needs
 * only the signed entry timestamp (the inclusion promise); early clients wrote inclusion proofs
 * without a checkpoint into it, which `@sigstore/verify` 3.1 reads as a TypeError. Such a proof
 * proves nothing without its checkpoint, so it is left out and the promise must verify; a v0.1 proof
 * with its checkpoint is still verified. Later versions require the checkpoint when parsed.
 */
function withVersionRules(bundle) {
    if (bundle.mediaType !== dist/* BUNDLE_V01_MEDIA_TYPE */.Td)
        return bundle;
    const entries = bundle.verificationMaterial.tlogEntries;
    if (!entries.some((entry) => entry.inclusionProof && !entry.inclusionProof.checkpoint))
        return bundle;
    // The bundle types intersect per version; the shape is unchanged but for the dropped proofs.
    return {
        ...bundle,
        verificationMaterial: {
            ...bundle.verificationMaterial,
            tlogEntries: entries.map((entry) => entry.inclusionProof && !entry.inclusionProof.checkpoint
                ? { ...entry, inclusionProof: undefined }
                : entry),
        },
    };
}

;// CONCATENATED MODULE: ./packages/core/src/sigstore/dsse-hashedrekord.ts


/**
 * ADAPTER for `@sigstore/verify` 3.1.1. Remove it when the Node floor moves to 22 and core takes
 * `@sigstore/verify` 4, which binds these entries itself: delete this file and call
 * `Verifier.verify(entity)` once again where {@link verificationPasses} is used (verify-signature.ts,
 * key-signature.ts); the tests in packages/cli/test/verify-rekor-v2.test.ts must still pass.
 *
 * Rekor v2 logs a DSSE envelope as a `hashedrekord` entry (0.0.2) whose digest is the SHA-256 of the
 * envelope's pre-authentication encoding (PAE), the very bytes its signature covers (Sigstore client
 * spec; the `dsse-with-hashedrekord-*` cases of sigstore-conformance, which also log it so on Rekor
 * v1 as hashedrekord 0.0.1). `@sigstore/verify` 3.1.1 compares a hashedrekord digest with the
 * envelope's payload hash, the only digest its DSSE content knows, so every such bundle fails
 * `TLOG_BODY_ERROR: digest mismatch`. (Its `dsse` 0.0.2 check, which compares the payload hash as
 * rekor-tiles records it, is right and is left alone.)
 *
 * Such an entry says: this signature, over a message whose SHA-256 is the PAE's. So those entries go
 * to the library in a pass of their own, with the envelope presented as exactly that: the same
 * signature, the same signature check, and a digest comparison against SHA-256(PAE) only. The
 * library still verifies everything else (inclusion proof, checkpoint, signed entry timestamp,
 * body, certificate, timestamps); nothing is re-implemented and nothing is relaxed. Any other entries
 * (dsse, intoto) are verified in their own pass against the envelope as before; every pass must
 * succeed, each with at least one entry.
 */
function verificationPasses(entity, bundle) {
    if (bundle.content.$case !== 'dsseEnvelope')
        return [entity];
    const overPae = entity.tlogEntries.filter(isHashedRekord);
    if (overPae.length === 0)
        return [entity];
    const envelope = bundle.content.dsseEnvelope;
    const paeDigest = external_node_crypto_default().createHash('sha256')
        .update(core_dist.dsse.preAuthEncoding(envelope.payloadType, envelope.payload))
        .digest();
    const original = entity.signature;
    const asMessage = {
        ...entity,
        tlogEntries: overPae,
        signature: {
            signature: original.signature,
            compareSignature: (signature) => original.compareSignature(signature),
            compareDigest: (digest) => digest.length === paeDigest.length && external_node_crypto_default().timingSafeEqual(digest, paeDigest),
            verifySignature: (key) => original.verifySignature(key),
        },
    };
    const others = entity.tlogEntries.filter((entry) => !isHashedRekord(entry));
    return others.length === 0 ? [asMessage] : [{ ...entity, tlogEntries: others }, asMessage];
}
function isHashedRekord(entry) {
    return entry.kindVersion.kind === 'hashedrekord';
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@noble+curves@1.9.7/node_modules/@noble/curves/esm/nist.js + 11 modules
var nist = __webpack_require__(4295);
;// CONCATENATED MODULE: ./packages/core/src/sigstore/prehashed-ecdsa.ts


const CURVES = { prime256v1: nist/* p256 */.s9, secp384r1: nist/* p384 */.sL };
/**
 * Verifies an ECDSA signature over a digest the caller already has (an artifact given as
 * `sha256:<hex>`): `node:crypto` only verifies over the message itself, so this uses @noble/curves.
 * Other key types cannot be checked over a digest alone: that is unusable input (exit 2).
 */
function prehashed_ecdsa_verifyPrehashed(key, digest, signature) {
    const curveName = key.asymmetricKeyDetails?.namedCurve;
    const curve = key.asymmetricKeyType === 'ec' && curveName ? CURVES[curveName] : undefined;
    if (!curve) {
        throw new ReleaseGuardError('usage_error', `a message signature by a ${key.asymmetricKeyType ?? 'unknown'}${curveName ? ` ${curveName}` : ''} key cannot be verified over a digest alone: pass the file instead of sha256:<hex>`);
    }
    let parsed;
    try {
        parsed = curve.Signature.fromDER(signature);
    }
    catch {
        // Not a DER ECDSA signature at all: it cannot verify.
        return false;
    }
    const jwk = key.export({ format: 'jwk' });
    const point = Buffer.concat([
        Buffer.from([4]),
        Buffer.from(String(jwk.x), 'base64url'),
        Buffer.from(String(jwk.y), 'base64url'),
    ]);
    // High-S signatures are valid ECDSA (OpenSSL and Go make them): do not apply Bitcoin's low-S rule.
    return curve.verify(parsed.toCompactRawBytes(), digest, point, {
        prehash: false,
        lowS: false,
        format: 'compact',
    });
}

;// CONCATENATED MODULE: ./packages/core/src/sigstore/message.ts





const HASH_BY_ALGORITHM = { 1: 'sha256', 2: 'sha384', 3: 'sha512' };
/** Streams `file` once through a hash and a signature verifier (never reading it whole). */
async function streamMessage(file, algorithm = 'sha256') {
    const hash = crypto.createHash(algorithm);
    const verifier = crypto.createVerify(algorithm);
    try {
        for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
            hash.update(chunk);
            verifier.update(chunk);
        }
    }
    catch {
        throw new ReleaseGuardError('artifact_missing', `artifact not readable: ${file}`);
    }
    let used = false;
    return {
        path: file,
        digest: hash.digest(),
        verify: (key, signature) => {
            if (used)
                return false;
            used = true;
            return verifier.verify(key, signature);
        },
    };
}
/**
 * An artifact given by its sha256 digest only: the signature is verified over that digest (prehashed
 * ECDSA), never by comparing it with the bundle's `messageDigest` field, which is not what is signed.
 */
function digestMessage(hex) {
    const digest = Buffer.from(hex, 'hex');
    return {
        path: `sha256:${hex}`,
        digest,
        verify: (key, signature) => verifyPrehashed(key, digest, signature),
    };
}
/** The hash a message-signature bundle was made with (`sha256` unless it says otherwise). */
function messageHashAlgorithm(attestation) {
    const content = attestation.bundle.content;
    if (content.$case !== 'messageSignature')
        return 'sha256';
    return HASH_BY_ALGORITHM[content.messageSignature.messageDigest?.algorithm ?? 1] ?? 'sha256';
}
/** The entity `@sigstore/verify` checks; a message signature is checked over `message`, not its digest field. */
function signedEntity(attestation, message) {
    const bundle = attestation.bundle;
    if (bundle.content.$case !== 'messageSignature')
        return (0,verify_dist/* toSignedEntity */.DC)(bundle);
    if (!message) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `${attestation.where} signs a file, not an attestation: pass --artifact`);
    }
    const entity = (0,verify_dist/* toSignedEntity */.DC)(bundle, Buffer.alloc(0));
    const signature = bundle.content.messageSignature.signature;
    const content = {
        signature,
        compareSignature: (other) => other.equals(signature),
        compareDigest: (digest) => digest.equals(message.digest),
        verifySignature: (key) => message.verify(key, signature),
    };
    return { ...entity, signature: content };
}

;// CONCATENATED MODULE: ./packages/core/src/sigstore/public-key.ts



const MIN_RSA_BITS = 2048;
const CURVE_HASH = { prime256v1: 'sha256', secp384r1: 'sha384' };
/**
 * Why a key of this type cannot be used, or null: ECDSA P-256/P-384 and RSA of at least 2048 bits.
 * `ed25519` says what to answer for an Ed25519 key: null where it can be used (an envelope's
 * signature), the reason where it cannot (signing a file while it streams).
 */
function keyTypeRefusal(key, ed25519) {
    const details = key.asymmetricKeyDetails ?? {};
    switch (key.asymmetricKeyType) {
        case 'ec':
            return details.namedCurve && CURVE_HASH[details.namedCurve]
                ? null
                : `ECDSA curve ${details.namedCurve ?? 'unknown'} is not accepted (P-256 or P-384)`;
        case 'rsa':
            return (details.modulusLength ?? 0) >= MIN_RSA_BITS
                ? null
                : `RSA keys shorter than ${MIN_RSA_BITS} bits are refused (this one has ${details.modulusLength ?? 0})`;
        case 'ed25519':
            return ed25519;
        default:
            return `${key.asymmetricKeyType ?? 'unknown'} keys are not accepted (ECDSA P-256/P-384${ed25519 === null ? ', Ed25519' : ''} or RSA ≥ ${MIN_RSA_BITS})`;
    }
}
/** Reads `--key FILE`: a PEM public key. A file that is no public key is a usage error (exit 2). */
function loadVerificationKey(file) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key file not readable: ${file}`);
    }
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key ${file} holds a private key: give the public key`);
    }
    let key;
    try {
        key = external_node_crypto_default().createPublicKey({ key: text, format: 'pem' });
    }
    catch (error) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key ${file} is not a PEM public key (${error.message})`);
    }
    const der = key.export({ type: 'spki', format: 'der' });
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return {
        file,
        key,
        fingerprint: `sha256:${external_node_crypto_default().createHash('sha256').update(der).digest('hex')}`,
        hash: key.asymmetricKeyType === 'ed25519' ? null : curve ? (CURVE_HASH[curve] ?? 'sha256') : 'sha256',
        refusal: keyTypeRefusal(key, null),
    };
}
/** Verifies a signature over `data` (a DSSE PAE) with the key, using the digest its type signs with. */
function verifyWithKey(key, data, signature) {
    return external_node_crypto_default().verify(key.hash, data, key.key, signature);
}

;// CONCATENATED MODULE: ./packages/core/src/sigstore/tlog-entry-key.ts

function tlog_entry_key_record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : {};
}
function publicKeyOf(base64Pem) {
    if (typeof base64Pem !== 'string')
        return null;
    try {
        const pem = Buffer.from(base64Pem, 'base64').toString('utf8');
        const text = pem.includes('BEGIN') ? pem : base64Pem;
        // A certificate in the entry names its key too; a key entry holds the PEM public key.
        return text.includes('BEGIN CERTIFICATE')
            ? new (external_node_crypto_default()).X509Certificate(text).publicKey
            : external_node_crypto_default().createPublicKey(text);
    }
    catch {
        return null;
    }
}
/** A Rekor v2 verifier: DER bytes of a public key (SPKI) or of a certificate. */
function v2VerifierKey(verifier) {
    const { publicKey, x509Certificate } = tlog_entry_key_record(verifier);
    try {
        const key = tlog_entry_key_record(publicKey).rawBytes;
        if (typeof key === 'string') {
            return external_node_crypto_default().createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' });
        }
        const cert = tlog_entry_key_record(x509Certificate).rawBytes;
        if (typeof cert === 'string')
            return new (external_node_crypto_default()).X509Certificate(Buffer.from(cert, 'base64')).publicKey;
    }
    catch {
        return null;
    }
    return null;
}
/**
 * The public keys a Rekor entry records as the signer (v1 hashedrekord, dsse and intoto bodies; v2
 * hashedrekord and dsse), so a key signature is bound to its log entry by key as well as by
 * signature: `@sigstore/verify` compares only the signature and the digest.
 */
function tlogEntryKeys(entry) {
    let body;
    try {
        body = tlog_entry_key_record(JSON.parse(entry.canonicalizedBody.toString('utf8')));
    }
    catch {
        return [];
    }
    const spec = tlog_entry_key_record(body.spec);
    const candidates = [];
    if (body.kind === 'hashedrekord')
        candidates.push(tlog_entry_key_record(tlog_entry_key_record(spec.signature).publicKey).content);
    if (body.kind === 'dsse' && Array.isArray(spec.signatures)) {
        for (const signature of spec.signatures)
            candidates.push(tlog_entry_key_record(signature).verifier);
    }
    if (body.kind === 'intoto') {
        const signatures = tlog_entry_key_record(tlog_entry_key_record(spec.content).envelope).signatures;
        if (Array.isArray(signatures))
            for (const signature of signatures)
                candidates.push(tlog_entry_key_record(signature).publicKey);
    }
    const keys = candidates.map(publicKeyOf);
    // Rekor v2 (0.0.2) bodies name the signer by a verifier of DER bytes.
    keys.push(v2VerifierKey(tlog_entry_key_record(tlog_entry_key_record(spec.hashedRekordV002).signature).verifier));
    const v2Signatures = tlog_entry_key_record(spec.dsseV002).signatures;
    if (Array.isArray(v2Signatures)) {
        for (const signature of v2Signatures)
            keys.push(v2VerifierKey(tlog_entry_key_record(signature).verifier));
    }
    return keys.filter((key) => key !== null);
}

;// CONCATENATED MODULE: ./packages/core/src/sigstore/verdict.ts


/** Errors `@sigstore/core` raises when the bundle's DER cannot be read; its index does not export them. */
const DER_ERRORS = new Set(['ASN1ParseError', 'ASN1TypeError', 'RFC3161TimestampVerificationError']);
/**
 * The library's verdict on this bundle, or an internal error. No verdict may come from an unexpected
 * exception (a TypeError inside the verifier says nothing about the signature): that is exit 2,
 * "internal verification error", never a quiet refusal.
 */
function verdictOf(error) {
    if (error instanceof errors/* ReleaseGuardError */.dZ)
        throw error;
    if (error instanceof verify_dist/* VerificationError */.mk ||
        error instanceof verify_dist/* PolicyError */.pn ||
        (error instanceof Error && DER_ERRORS.has(error.constructor.name))) {
        return describe(error);
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new errors/* ReleaseGuardError */.dZ('internal_error', `internal verification error: ${message}`, {}, { cause: error });
}
function describe(error) {
    const code = error.code;
    const message = error instanceof Error ? error.message : String(error);
    return code ? `${code}: ${message}` : message;
}
function refuse(detail, base) {
    return { ok: false, detail, root: null, flags: [], ...base };
}

;// CONCATENATED MODULE: ./packages/core/src/sigstore/key-signature.ts








/** One bundle per envelope signature: an envelope may carry several, and any one by the key suffices. */
function perSignature(attestation) {
    const bundle = attestation.bundle;
    if (bundle.content.$case !== 'dsseEnvelope' || bundle.content.dsseEnvelope.signatures.length <= 1) {
        return [bundle];
    }
    const envelope = bundle.content.dsseEnvelope;
    return envelope.signatures.map((signature) => ({
        ...bundle,
        content: { $case: 'dsseEnvelope', dsseEnvelope: { ...envelope, signatures: [signature] } },
    }));
}
function keyEntity(bundle, key, message, where) {
    if (bundle.content.$case === 'messageSignature') {
        return signedEntity({ where, bundle }, message);
    }
    const entity = (0,verify_dist/* toSignedEntity */.DC)(bundle);
    const original = entity.signature;
    const envelope = bundle.content.dsseEnvelope;
    const pae = core_dist.dsse.preAuthEncoding(envelope.payloadType, envelope.payload);
    const signature = envelope.signatures[0]?.sig ?? Buffer.alloc(0);
    return {
        ...entity,
        signature: {
            signature,
            compareSignature: (other) => original.compareSignature(other),
            compareDigest: (digest) => original.compareDigest(digest),
            // Our own check, so the digest follows the key (SHA-384 for P-384, none for Ed25519).
            verifySignature: () => verifyWithKey(key, pae, signature),
        },
    };
}
/**
 * A signature by `--key`, as `cosign … --key` checks it: the signature with the key, and every log
 * entry verified and bound to this signature and key. With no entry it fails unless `--no-tlog`.
 */
function verifyKeySignature(attestation, roots, key, request) {
    const base = { leaf: null, identity: null, key };
    if (key.refusal)
        return refuse(`--key ${key.file}: ${key.refusal}`, base);
    if (attestation.bundle.content.$case === 'messageSignature' && key.hash === null) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `${attestation.where} is a message signature and --key is an Ed25519 key: Ed25519 signs the whole ` +
            'file (it cannot be streamed, and Rekor refuses it for files); sign a DSSE envelope or use ECDSA');
    }
    const entries = attestation.bundle.verificationMaterial.tlogEntries;
    if (entries.length === 0 && !request.noTlog) {
        return refuse('no transparency-log entry: pass --no-tlog to accept a key signature without one', base);
    }
    for (const entry of entries) {
        const logged = tlogEntryKeys(entry);
        if (!logged.some((candidate) => candidate.equals(key.key))) {
            return refuse(`transparency-log entry ${entry.logIndex} records another key than --key ${key.file}`, base);
        }
    }
    const options = { tlogThreshold: request.noTlog ? 0 : 1, ctlogThreshold: 0, timestampThreshold: 0 };
    const flags = entries.length === 0 ? ['no-tlog'] : [];
    let firstError = null;
    for (const root of roots) {
        const material = { ...root.material, publicKey: () => ({ publicKey: key.key, validFor: () => true }) };
        for (const bundle of perSignature(attestation)) {
            try {
                const verifier = new verify_dist/* Verifier */.BL(material, options);
                const entity = keyEntity(bundle, key, request.message, attestation.where);
                for (const pass of verificationPasses(entity, bundle))
                    verifier.verify(pass);
                const proof = entries.length === 0
                    ? 'no transparency-log entry (--no-tlog): the signing time is not proven'
                    : `logged, verified against the ${root.source}`;
                return {
                    ok: true,
                    detail: `signed by --key ${key.file} (${key.fingerprint}); ${proof}`,
                    root: root.source,
                    flags,
                    ...base,
                };
            }
            catch (error) {
                const detail = verdictOf(error);
                firstError ??= { root: root.source, detail };
            }
        }
        // Without log entries the root plays no part: one attempt is the whole answer.
        if (entries.length === 0)
            break;
    }
    return {
        ok: false,
        detail: `${firstError?.detail ?? 'no trusted root'} (--key ${key.file}, ${key.fingerprint})`,
        root: firstError?.root ?? null,
        flags: [],
        ...base,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/sigstore/verify-signature.ts










/** sigstore-js defaults; the tlog threshold stays 1: this @sigstore/verify line does not de-duplicate log entries, so a higher one could count one entry twice. */
const VERIFIER_OPTIONS = { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 };
/**
 * A bundle whose `messageDigest` names another file than the one checked misstates what it signs. The
 * field never makes a bundle pass (the signature is checked over the file or the given digest); it
 * only makes an inconsistent one fail.
 */
function misstatedDigest(attestation, message) {
    const content = attestation.bundle.content;
    if (content.$case !== 'messageSignature' || !content.messageSignature.messageDigest)
        return null;
    const stated = Buffer.from(content.messageSignature.messageDigest.digest);
    return stated.equals(message.digest)
        ? null
        : `the bundle's messageDigest (${stated.toString('hex')}) is not the digest of ${message.path} (${message.digest.toString('hex')})`;
}
/**
 * A root in the bundle's own chain would let any signer vouch for itself if a verifier ever trusted
 * it: roots come from the trusted root only, so a chain that carries one (a self-issued certificate)
 * is refused whatever proof the entry holds.
 */
function rootInChain(attestation) {
    const content = attestation.bundle.verificationMaterial.content;
    if (content.$case !== 'x509CertificateChain')
        return null;
    for (const [index, raw] of content.x509CertificateChain.certificates.entries()) {
        let cert;
        try {
            cert = core_dist.X509Certificate.parse(raw.rawBytes);
        }
        catch {
            return `certificate #${index + 1} of the bundle's chain cannot be parsed`;
        }
        if (cert.subject.equals(cert.issuer)) {
            return `the bundle's certificate chain includes a root certificate (#${index + 1}): roots are taken from the trusted root only, never from the bundle`;
        }
    }
    return null;
}
/**
 * Verifies a bundle offline: the signature over the DSSE PAE (or the file), the certificate chain to
 * a trusted root, the SCT, and the transparency-log entry bound to this very signature. Identity is
 * NOT checked here: the caller compares the certificate exactly. A key-signed bundle is
 * verified only with `--key`.
 */
function verifyAttestationSignature(given, roots, request = {}) {
    const attestation = { ...given, bundle: withVersionRules(given.bundle) };
    const keySigned = attestation.bundle.verificationMaterial.content.$case === 'publicKey';
    const misstated = request.message ? misstatedDigest(attestation, request.message) : null;
    if (misstated) {
        const leaf = request.key ? null : leafCertificate(attestation.bundle);
        return refuse(misstated, {
            leaf,
            identity: leaf ? fulcioIdentity(leaf) : null,
            key: request.key ?? null,
        });
    }
    if (request.key) {
        if (!keySigned) {
            const leaf = leafCertificate(attestation.bundle);
            return refuse('the bundle is signed keyless with a certificate, not with a key: drop --key and give --cert-identity', { leaf, identity: leaf ? fulcioIdentity(leaf) : null, key: request.key });
        }
        return verifyKeySignature(attestation, roots, request.key, request);
    }
    const leaf = leafCertificate(attestation.bundle);
    const identity = leaf ? fulcioIdentity(leaf) : null;
    const base = { leaf, identity, key: null };
    if (!leaf) {
        return refuse(keySigned
            ? "signed with a public key, not a Fulcio certificate: pass --key FILE with the signer's public key"
            : "the bundle's signing certificate cannot be parsed", base);
    }
    const root = rootInChain(attestation);
    if (root)
        return refuse(root, base);
    const material = attestation.bundle.verificationMaterial;
    const timestamps = material.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
    if (material.tlogEntries.length === 0 && timestamps === 0) {
        return refuse('no transparency-log entry and no signed timestamp: nothing proves the signature was made while the ' +
            'short-lived certificate was valid. Offline verification needs a bundle (slsa-verifier looks such ' +
            'envelopes up in Rekor online); use --skip-signature to check the claims only', base);
    }
    const ordered = rootsFor(leaf, roots);
    let firstError = null;
    for (const root of ordered) {
        try {
            const entity = signedEntity(attestation, request.message);
            const verifier = new verify_dist/* Verifier */.BL(root.material, VERIFIER_OPTIONS);
            for (const pass of verificationPasses(entity, attestation.bundle))
                verifier.verify(pass);
            return {
                ok: true,
                detail: `verified against the ${root.source}`,
                root: root.source,
                flags: [],
                ...base,
            };
        }
        catch (error) {
            const detail = verdictOf(error);
            firstError ??= { root: root.source, detail };
        }
    }
    return {
        ok: false,
        detail: `${firstError?.detail ?? 'no trusted root'} (trusted root: ${firstError?.root ?? 'none'})`,
        root: firstError?.root ?? null,
        flags: [],
        ...base,
    };
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./packages/core/src/digest/hash-workers.ts


/**
 * The worker's whole program. It is source text, not a module of ours: a bundled action or CLI has
 * no file to point a Worker at, and the worker needs nothing but Node's own modules. It reads the
 * file descriptor it is given (opened and checked by the main thread, which also closes it) from
 * offset 0 in chunks, feeds every hash, and answers with the digests or the error's code.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const chunk = Buffer.allocUnsafe(workerData.chunkSize);
parentPort.on('message', ({ id, fd, algorithms }) => {
  try {
    const hashes = algorithms.map((algorithm) => createHash(algorithm));
    let size = 0;
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, size);
      if (read === 0) break;
      size += read;
      const bytes = read === chunk.length ? chunk : chunk.subarray(0, read);
      for (const hash of hashes) hash.update(bytes);
    }
    parentPort.postMessage({ id, size, digests: hashes.map((hash) => hash.digest('hex')) });
  } catch (error) {
    parentPort.postMessage({ id, error: (error && error.code) || String(error) });
  }
});
`;
/** A read or hash error inside a worker: the errno code (`EIO`, …) or the error's text. */
class WorkerHashError extends Error {
    code;
    constructor(code) {
        super(`hashing failed: ${code}`);
        this.code = code;
    }
}
/** Worker threads that hash open files, so many artifacts use every core while each is read once. */
class HashWorkers {
    workers;
    idle;
    waiting = [];
    pending = new Map();
    nextId = 0;
    constructor(count, chunkSize) {
        this.workers = Array.from({ length: count }, () => this.start(chunkSize));
        this.idle = [...this.workers];
    }
    /** Hashes the open file `fd` from its start with `algorithms` on the next free worker. */
    async hash(fd, algorithms) {
        const worker = await this.acquire();
        try {
            const id = this.nextId++;
            return await new Promise((resolve, reject) => {
                this.pending.set(id, { resolve, reject });
                worker.postMessage({ id, fd, algorithms });
            });
        }
        finally {
            this.release(worker);
        }
    }
    async close() {
        await Promise.all(this.workers.map((worker) => worker.terminate()));
    }
    start(chunkSize) {
        const worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true, workerData: { chunkSize } });
        worker.on('message', (answer) => {
            const pending = this.pending.get(answer.id);
            this.pending.delete(answer.id);
            if ('error' in answer)
                pending?.reject(new WorkerHashError(answer.error));
            else
                pending?.resolve({ size: answer.size, digests: answer.digests });
        });
        worker.on('error', (error) => this.failAll(error));
        return worker;
    }
    failAll(error) {
        for (const pending of this.pending.values())
            pending.reject(error);
        this.pending.clear();
    }
    async acquire() {
        while (this.idle.length === 0)
            await new Promise((resolve) => this.waiting.push(resolve));
        return this.idle.pop();
    }
    release(worker) {
        this.idle.push(worker);
        this.waiting.shift()?.();
    }
}
/** Threads worth starting for `files` files: one per core, never more than there are files. */
function hashWorkerCount(files, cores = external_node_os_default().availableParallelism()) {
    return Math.max(1, Math.min(cores, files));
}

;// CONCATENATED MODULE: ./packages/core/src/digest/digest-file.ts




const DIGEST_ALGORITHMS = ['sha256', 'sha512'];
/** Bytes per read: large enough to keep the hash functions busy, small enough for a 2 GiB artifact. */
const DIGEST_CHUNK_SIZE = 1024 * 1024;
/** A single file at least this large is hashed on a worker thread (see digestFiles). */
const WORKER_MIN_BYTES = 32 * 1024 * 1024;
// O_NONBLOCK makes opening a FIFO return at once (so we can refuse it) instead of waiting for a writer.
const OPEN_FLAGS = (external_node_fs_default()).constants.O_RDONLY | ((external_node_fs_default()).constants.O_NONBLOCK ?? 0);
/**
 * Opens `path` for reading and checks that it is a regular file. A file that is missing, unreadable, a
 * directory or not a regular file is `artifact_missing`, naming the path.
 */
async function openRegularFile(path) {
    let handle;
    try {
        handle = await external_node_fs_default().promises.open(path, OPEN_FLAGS);
    }
    catch (err) {
        throw unreadable(path, errno(err));
    }
    try {
        const stat = await handle.stat();
        if (stat.isDirectory())
            throw unreadable(path, 'EISDIR');
        if (!stat.isFile()) {
            throw new errors/* ReleaseGuardError */.dZ('artifact_missing', `artifact is not a regular file: ${path}`, {
                path,
                expected: 'regular file',
                actual: fileType(stat),
            });
        }
        return { handle, size: stat.size };
    }
    catch (err) {
        await handle.close().catch(() => undefined);
        throw err instanceof errors/* ReleaseGuardError */.dZ ? err : unreadable(path, errno(err));
    }
}
/**
 * Hashes a file in one streamed read: every chunk feeds all requested hash functions, so a file is read
 * once whatever the number of algorithms, and never held in memory whole. A file that is missing,
 * unreadable, a directory or not a regular file is `artifact_missing`, naming the path.
 */
async function digestFile(path, algorithms) {
    const wanted = checkAlgorithms(algorithms);
    const { handle } = await openRegularFile(path);
    return streamOpenFile(handle, path, wanted);
}
/** Streams an opened file through every hash on this thread, then closes it. */
async function streamOpenFile(handle, path, wanted) {
    const hashes = new Map(wanted.map((algorithm) => [algorithm, (0,external_node_crypto_.createHash)(algorithm)]));
    let size = 0;
    try {
        const stream = handle.createReadStream({ highWaterMark: DIGEST_CHUNK_SIZE, autoClose: false });
        for await (const chunk of stream) {
            size += chunk.length;
            for (const hash of hashes.values()) {
                hash.update(chunk);
            }
        }
    }
    catch (err) {
        throw unreadable(path, errno(err));
    }
    finally {
        await handle.close().catch(() => undefined);
    }
    const digest = { size };
    for (const [algorithm, hash] of hashes) {
        digest[algorithm] = hash.digest('hex');
    }
    return digest;
}
/** One file hashed on a worker thread; the file is opened and checked, and closed, on this one. */
async function digestOnWorker(workers, path, algorithms, opened) {
    const handle = opened ?? (await openRegularFile(path)).handle;
    try {
        const { size, digests } = await workers.hash(handle.fd, algorithms);
        const digest = { path, size };
        algorithms.forEach((algorithm, index) => (digest[algorithm] = digests[index]));
        return digest;
    }
    catch (err) {
        throw unreadable(path, err instanceof WorkerHashError ? err.code : errno(err));
    }
    finally {
        await handle.close().catch(() => undefined);
    }
}
/**
 * {@link digestFile} for many files, on worker threads (one per core unless `concurrency` says how many
 * files at a time), so hashing uses every core; each file is still read once. Results in the order of
 * `paths`. Rejects with the first file's error and starts no further file after it. Zero paths give
 * zero results: deciding that nothing to check is a failure is the caller's job.
 */
async function digestFiles(paths, algorithms, options = {}) {
    const wanted = checkAlgorithms(algorithms);
    const concurrency = options.concurrency ?? hashWorkerCount(paths.length);
    if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `digest concurrency must be a whole number of at least 1`, {
            expected: '>= 1',
            actual: concurrency,
        });
    }
    // A small file alone is hashed here, without a worker's start-up; a large one goes to a worker too,
    // whose plain read loop outruns a stream on the main thread.
    if (paths.length === 0)
        return [];
    if (paths.length === 1)
        return [await digestSingle(paths[0], wanted)];
    const workers = new HashWorkers(Math.min(concurrency, paths.length), DIGEST_CHUNK_SIZE);
    const results = new Array(paths.length);
    let next = 0;
    let failed = false;
    const lane = async () => {
        while (!failed && next < paths.length) {
            const index = next++;
            try {
                results[index] = await digestOnWorker(workers, paths[index], wanted);
            }
            catch (err) {
                failed = true;
                throw err;
            }
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, lane));
    }
    finally {
        await workers.close();
    }
    return results;
}
/** One file: streamed here when small, else on a single worker; opened (and its size read) once. */
async function digestSingle(path, wanted) {
    const { handle, size } = await openRegularFile(path);
    if (size < WORKER_MIN_BYTES)
        return { path, ...(await streamOpenFile(handle, path, wanted)) };
    const workers = new HashWorkers(1, DIGEST_CHUNK_SIZE);
    try {
        return await digestOnWorker(workers, path, wanted, handle);
    }
    finally {
        await workers.close();
    }
}
function checkAlgorithms(algorithms) {
    const unknown = algorithms.filter((algorithm) => !DIGEST_ALGORITHMS.includes(algorithm));
    if (algorithms.length === 0 || unknown.length > 0) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `digest algorithms must be one or more of ${DIGEST_ALGORITHMS.join(', ')}; got [${algorithms.join(', ')}]`, { expected: DIGEST_ALGORITHMS, actual: algorithms });
    }
    return [...new Set(algorithms)];
}
const REASONS = {
    ENOENT: 'artifact not found',
    ENOTDIR: 'artifact not found (a parent is not a directory)',
    EACCES: 'artifact not readable (permission denied)',
    EPERM: 'artifact not readable (operation not permitted)',
    EISDIR: 'artifact is a directory, not a file',
    ELOOP: 'artifact not readable (too many symbolic links)',
};
function errno(err) {
    const code = err?.code;
    return typeof code === 'string' ? code : String(err);
}
function unreadable(path, code) {
    const reason = REASONS[code] ?? `artifact could not be read (${code})`;
    return new errors/* ReleaseGuardError */.dZ('artifact_missing', `${reason}: ${path}`, { path, errno: code });
}
function fileType(stat) {
    if (stat.isFIFO())
        return 'fifo';
    if (stat.isSocket())
        return 'socket';
    if (stat.isCharacterDevice())
        return 'character device';
    if (stat.isBlockDevice())
        return 'block device';
    return 'unknown';
}

;// CONCATENATED MODULE: ./packages/core/src/verify/signature-files.ts

/**
 * Files that sit beside the artifacts in a release download folder but are not artifacts themselves:
 * signatures, certificates, attestations and checksum lists. `--artifacts-dir` leaves them out (they
 * are the evidence, not the thing it vouches for); `verify-signature --checksums` reuses the rule.
 */
const SIGNATURE_FILE_KINDS = [
    [/\.intoto\.jsonl$/i, 'an attestation (*.intoto.jsonl)'],
    [/\.sigstore\.json$/i, 'a Sigstore bundle (*.sigstore.json)'],
    [/\.sig$/i, 'a signature (*.sig)'],
    [/\.pem$/i, 'a certificate or key (*.pem)'],
    [/\.cert$/i, 'a certificate (*.cert)'],
    [/^SHA256SUMS/, 'a checksum list (SHA256SUMS*)'],
];
/** What kind of signature or attestation file `fileName` (a base name) is, or null for anything else. */
function signatureFileKind(fileName) {
    return SIGNATURE_FILE_KINDS.find(([pattern]) => pattern.test(fileName))?.[1] ?? null;
}
/** True for a signature, certificate, attestation or checksum file: not an artifact of the release. */
function isSignatureOrAttestationFile(fileName) {
    return signatureFileKind(fileName) !== null;
}
/**
 * The same rule for a path, also counting the checksum file a run names (`--checksums`, which need
 * not be called SHA256SUMS) and its companions (`<checksums>.sigstore.json`, `<checksums>.pub`):
 * neither signed as artifacts by `sign` nor reported as extra by `verify-signature --checksums`.
 */
function isReleaseEvidenceFile(file, checksums) {
    const base = path.basename(file);
    if (checksums !== undefined && base.startsWith(path.basename(checksums)))
        return true;
    return isSignatureOrAttestationFile(base);
}

;// CONCATENATED MODULE: ./packages/core/src/verify/artifacts.ts






function samePath(a, b) {
    return b !== undefined && external_node_path_default().resolve(a) === external_node_path_default().resolve(b);
}
/**
 * The artifacts of a release download folder: its regular files (subfolders only when `recursive`),
 * minus the provenance file given and every signature or attestation file, each of which is listed
 * in `excluded` with the reason. Symlinks are not followed, so nothing outside is read.
 */
function listArtifactsDir(dir, options = {}) {
    let entries;
    try {
        entries = external_node_fs_default().readdirSync(dir, { withFileTypes: true });
    }
    catch {
        throw new errors/* ReleaseGuardError */.dZ('artifact_missing', `artifacts directory not readable: ${dir}`);
    }
    const listing = { files: [], excluded: [] };
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = external_node_path_default().join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!options.recursive) {
                listing.excluded.push({ path: full, reason: 'a subfolder (give --recursive to descend)' });
                continue;
            }
            const inner = listArtifactsDir(full, options);
            listing.files.push(...inner.files);
            listing.excluded.push(...inner.excluded);
        }
        else if (!entry.isFile()) {
            listing.excluded.push({ path: full, reason: 'not a regular file' });
        }
        else if (samePath(full, options.provenance)) {
            listing.excluded.push({ path: full, reason: 'the provenance file given' });
        }
        else {
            const kind = signatureFileKind(entry.name);
            if (kind === null)
                listing.files.push(full);
            else
                listing.excluded.push({ path: full, reason: `${kind}, not an artifact` });
        }
    }
    return listing;
}
/**
 * Digests every artifact in one streamed read each (sha512 too when a subject carries only that); an
 * artifact given as `sha256:<hex>` is taken as that digest, and keeps that as its name in the report.
 */
async function digestArtifacts(paths, withSha512) {
    const files = paths.filter((p) => artifactDigestArgument(p) === null);
    const digests = await digestFiles(files, withSha512 ? ['sha256', 'sha512'] : ['sha256']);
    let next = 0;
    return paths.map((p) => {
        const given = artifactDigestArgument(p);
        if (given !== null)
            return { path: `sha256:${given}`, sha256: given };
        const digest = digests[next++];
        return {
            path: digest.path,
            sha256: digest.sha256,
            ...(digest.sha512 ? { sha512: digest.sha512 } : {}),
        };
    });
}
const DIGEST_ARGUMENT = /^sha256:([0-9a-fA-F]{64})$/;
/** The lowercase hex of an `--artifact sha256:<64 hex>` given by digest only, or null for a path. */
function artifactDigestArgument(argument) {
    const match = DIGEST_ARGUMENT.exec(argument);
    return match ? match[1].toLowerCase() : null;
}
/** Refuses `sha256:…` that is neither a full digest nor an existing file (a truncated paste, say). */
function validateArtifactArguments(artifacts) {
    for (const argument of artifacts) {
        if (argument.startsWith('sha256:') &&
            artifactDigestArgument(argument) === null &&
            !external_node_fs_default().existsSync(argument)) {
            throw new errors/* ReleaseGuardError */.dZ('usage_error', `--artifact ${(0,echo_value/* echoValue */.J_)(argument)}: a digest is sha256: and 64 hex characters`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/verify/options.ts




// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
function usage(message) {
    return new errors/* ReleaseGuardError */.dZ('usage_error', message);
}
/** `--source-repo`: required by `verify`, where it anchors the whole verification. */
function validateSourceRepo(sourceRepo) {
    if (!sourceRepo)
        throw usage('--source-repo is required (OWNER/REPO or https://github.com/OWNER/REPO)');
    if (CONTROL.test(sourceRepo) || !/^(https?:\/\/|git\+https:\/\/)?[^\s]+\/[^\s]+$/.test(sourceRepo)) {
        throw usage(`--source-repo must be OWNER/REPO, github.com/OWNER/REPO or a repository URL, got ${(0,echo_value/* echoValue */.J_)(sourceRepo)}`);
    }
}
/**
 * The signer flags shared by `verify` and `verify-signature`: one SAN form at most, and a key
 * excludes every certificate flag (a key signature has no certificate to compare them with).
 */
function validateSignerOptions(identity, key, noTlog) {
    const { certIdentity, certIdentityRegexp, certOidcIssuer } = identity;
    if (certIdentity !== undefined && certIdentityRegexp !== undefined) {
        throw usage('give --cert-identity or --cert-identity-regexp, not both');
    }
    if (key !== undefined) {
        const given = [
            certIdentity !== undefined && '--cert-identity',
            certIdentityRegexp !== undefined && '--cert-identity-regexp',
            certOidcIssuer !== undefined && '--cert-oidc-issuer',
        ].filter(Boolean);
        if (given.length > 0) {
            throw usage(`--key verifies a key signature: it cannot be combined with ${given.join(', ')}`);
        }
        if (key === '')
            throw usage('--key needs the path of a PEM public key');
    }
    else if (noTlog) {
        throw usage('--no-tlog applies to key signatures only: give --key FILE');
    }
    if (certIdentityRegexp !== undefined)
        compileIdentityRegexp(certIdentityRegexp);
}
/**
 * Refuses options no verification could use (exit 2). Tags, repos and ids stay data: anything git
 * accepts as a tag name is compared as a plain string; only control characters, which
 * no ref or URL holds, are refused.
 */
function validateVerifyOptions(options) {
    validateSourceRepo(options.sourceRepo);
    if (options.tag !== undefined && (options.tag === '' || CONTROL.test(options.tag))) {
        throw usage('--tag must be a non-empty tag name without control characters');
    }
    if (options.commit !== undefined && !/^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(options.commit)) {
        throw usage(`--commit must be a full 40- or 64-character hex commit id, got ${(0,echo_value/* echoValue */.J_)(options.commit)}`);
    }
    for (const id of options.builderIds) {
        if (id === '' || CONTROL.test(id))
            throw usage('--builder-id must be a non-empty builder id');
    }
    validateSignerOptions(options.identity, options.key, options.noTlog);
    validateArtifactArguments(options.artifacts);
    if (options.recursive && options.artifactsDir === undefined) {
        throw usage('--recursive applies to --artifacts-dir: give --artifacts-dir DIR');
    }
    if (options.artifacts.length === 0 && options.artifactsDir === undefined) {
        throw usage('nothing to verify: give --artifact PATH (repeatable) or --artifacts-dir DIR');
    }
}

;// CONCATENATED MODULE: ./packages/core/src/verify/signature-check.ts


/** The `signature` check of a report, from the verdict (null under `--skip-signature`). */
function signatureCheck(verdict, envelope) {
    if (!verdict)
        return check_skippedByRequest('signature', 'signature_invalid', `${signer_SKIPPED_BY_FLAG}: the claims below are NOT authenticated`);
    const expected = verdict.key
        ? `${envelope} signature by --key ${verdict.key.fingerprint}; every transparency-log entry valid and bound to it`
        : `${envelope} signature, certificate chain and transparency log valid`;
    return verdict.ok
        ? check_passed('signature', 'signature_invalid', expected, verdict.root, verdict.detail)
        : check_failed('signature', 'signature_invalid', expected, verdict.root, verdict.detail);
}
/** What the verdict established about the signer, for the identity and binding checks. */
function signerState(verdict) {
    if (!verdict)
        return { kind: 'skipped' };
    if (!verdict.ok)
        return { kind: 'invalid', identity: verdict.identity };
    if (verdict.key)
        return { kind: 'key', fingerprint: verdict.key.fingerprint, file: verdict.key.file };
    if (!verdict.identity)
        return { kind: 'invalid', identity: null };
    return { kind: 'certificate', identity: verdict.identity };
}

;// CONCATENATED MODULE: ./packages/core/src/verify/verify-provenance.ts




















const NO_SAN_POLICY = 'issuer matches; no --cert-identity given: the signer is bound to the provenance by the *_certificate ' +
    'checks, and through the source_repo check to --source-repo';
const CLAIM_CHECKS = [
    ['predicate_type', 'predicate_mismatch'],
    ['subject_digest', 'digest_mismatch'],
    ['builder_id', 'builder_mismatch'],
    ['source_repo', 'source_mismatch'],
    ['tag', 'tag_mismatch'],
    ['commit', 'commit_mismatch'],
];
function statementOf(attestation) {
    const dsse = dssePayload(attestation);
    if (!dsse) {
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${attestation.where}: the bundle signs a file, not an attestation (no DSSE envelope)`);
    }
    if (dsse.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        throw new errors/* ReleaseGuardError */.dZ('malformed_provenance', `${attestation.where}: DSSE payload type is ${dsse.payloadType}, not ${IN_TOTO_PAYLOAD_TYPE}`);
    }
    return parseStatement(dsse.payload, attestation.where);
}
/**
 * Judges the signature before reading the payload: a payload whose signature fails is no evidence of
 * anything, so even one that cannot be parsed (duplicate keys, too many subjects) is `signature_invalid`.
 * Only a payload that is signed, or whose signature the user skipped, can be `malformed_provenance`.
 */
function toCandidate(attestation, options, roots, key) {
    if (dssePayload(attestation) === null)
        statementOf(attestation);
    const signature = options.skipSignature
        ? null
        : verifyAttestationSignature(attestation, roots, { key, noTlog: options.noTlog });
    try {
        return { attestation, signature, statement: statementOf(attestation), payloadError: null };
    }
    catch (error) {
        if (!(error instanceof errors/* ReleaseGuardError */.dZ) || signature === null || signature.ok)
            throw error;
        return { attestation, signature, statement: null, payloadError: error.message };
    }
}
function evaluate(candidate, artifacts, options) {
    const signer = signerState(candidate.signature);
    const authenticated = signer.kind === 'certificate' || signer.kind === 'key';
    const trustChecks = [
        signatureCheck(candidate.signature, 'DSSE'),
        checkIdentity(signer, options.identity, NO_SAN_POLICY),
    ];
    if (candidate.statement === null) {
        const why = `not evaluated: the unsigned payload cannot be read (${candidate.payloadError})`;
        return {
            candidate,
            view: null,
            checks: [
                ...withAuthentication(CLAIM_CHECKS.map(([name, code]) => check_notEvaluated(name, code, why)), false),
                ...trustChecks,
                ...checkCertificateBinding(null, signer),
            ],
            matches: [],
        };
    }
    const view = normaliseProvenance(candidate.statement);
    const { check: subjectCheck, matches } = checkSubjectDigests(view.subjects, artifacts);
    const claims = [
        checkPredicateType(view, options.allowSlsaV02),
        subjectCheck,
        checkBuilderId(view.builderId, options.builderIds, view.sourceRepo),
        checkSourceRepo(view, options.sourceRepo),
        checkTag(view, options.tag),
        checkCommit(view, options.commit),
    ];
    const checks = [
        ...withAuthentication(claims, authenticated),
        ...trustChecks,
        ...checkCertificateBinding(view, signer),
    ];
    return { candidate, view, checks, matches };
}
function toReport(best, count, options) {
    const failure = decideFailure(best.checks);
    const { attestation, signature } = best.candidate;
    const backcompat = best.view?.predicateType === SLSA_V02 && failure !== 'predicate_mismatch' ? ['security-backcompat'] : [];
    // Where a script looks: a --skip-signature report vouches for nothing but the payload's word.
    const unauthenticated = options.skipSignature ? ['unauthenticated'] : [];
    return {
        verified: failure === null,
        failure_reason: failure,
        authenticated: signature?.ok === true,
        error: null,
        checks: best.checks,
        artifacts: best.matches.map(({ path, sha256, sha512, subject }) => ({
            path,
            sha256,
            ...(sha512 ? { sha512 } : {}),
            subject,
        })),
        provenance: best.view ? provenanceSummary(best.view) : null,
        governance_flags: [...backcompat, ...unauthenticated, ...(signature?.ok ? signature.flags : [])],
        attestation: {
            where: attestation.where,
            format: attestation.format,
            mediaType: attestation.mediaType,
            count,
        },
        signer: signature
            ? {
                san: signature.identity?.san ?? null,
                issuer: signature.identity?.issuer ?? null,
                key: signature.key?.fingerprint ?? null,
                trustedRoot: signature.root,
            }
            : null,
    };
}
/** The artifacts named, then those of the folder that were not named already (each verified once). */
function artifactPaths(named, listing) {
    const seen = new Set(named.map((p) => external_node_path_default().resolve(p)));
    return [...named, ...(listing?.files ?? []).filter((file) => !seen.has(external_node_path_default().resolve(file)))];
}
/**
 * Verifies a provenance file for one or many artifacts. The provenance (each attestation in it) is
 * verified once, whatever the number of artifacts; every artifact is read once, streamed. When a file
 * holds several attestations the first that passes every check decides, else the first one's report.
 * Throws ReleaseGuardError('usage_error') for unusable options; every other problem is a failed report.
 */
async function verifyProvenance(options) {
    validateVerifyOptions(options);
    const roots = options.trustedRoot ? loadTrustRoots(options.trustedRoot) : embeddedTrustRoots();
    const key = options.key !== undefined ? loadVerificationKey(options.key) : undefined;
    try {
        const attestations = loadAttestations(options.provenance);
        const candidates = attestations.map((attestation) => toCandidate(attestation, options, roots, key));
        const withSha512 = candidates.some((c) => (c.statement?.subjects ?? []).some((subject) => subject.digest.sha512 !== undefined));
        const listing = options.artifactsDir
            ? listArtifactsDir(options.artifactsDir, {
                recursive: options.recursive,
                provenance: options.provenance,
            })
            : null;
        const paths = artifactPaths(options.artifacts, listing);
        if (paths.length === 0) {
            return inputFailureReport('artifact_missing', `no artifact found in ${options.artifactsDir}: nothing to verify`);
        }
        const artifacts = await digestArtifacts(paths, withSha512);
        const evaluations = candidates.map((candidate) => evaluate(candidate, artifacts, options));
        const best = evaluations.find((e) => decideFailure(e.checks) === null) ?? evaluations[0];
        const report = toReport(best, attestations.length, options);
        return listing ? { ...report, excluded: listing.excluded } : report;
    }
    catch (error) {
        if (error instanceof errors/* ReleaseGuardError */.dZ && error.exitCode === 1) {
            return inputFailureReport(error.code, error.message);
        }
        throw error;
    }
}

// EXTERNAL MODULE: ./packages/core/src/action/context.ts + 3 modules
var context = __webpack_require__(2205);
;// CONCATENATED MODULE: ./packages/core/src/validate/inputs.ts



/** Refuses combinations no run could use (exit 2), before anything is fetched or written. */
function checkValidateInputs(inputs) {
    (0,context/* checkActionContext */.M5)(inputs);
    const local = inputs.artifactPath !== undefined || inputs.provenancePath !== undefined;
    const remote = inputs.artifactName !== undefined || inputs.provenanceName !== undefined;
    if (local === remote) {
        throw (0,errors/* usageError */.Wp)('give either `artifact-path` and `provenance-path` (files in the workspace) or `artifact-name` and `provenance-name` (artifacts of run `run-id`)');
    }
    if (local && (!inputs.artifactPath || !inputs.provenancePath))
        throw new errors/* InputError */.dz('artifact-path', 'and `provenance-path` go together');
    if (remote && (!inputs.artifactName || !inputs.provenanceName))
        throw new errors/* InputError */.dz('artifact-name', 'and `provenance-name` go together');
    if (remote && !inputs.githubToken)
        throw new errors/* InputError */.dz('github-token', 'is needed to download the run artifacts');
    checkKpiInputs(inputs);
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/.pnpm/yauzl@3.4.0/node_modules/yauzl/index.js
var yauzl = __webpack_require__(4834);
;// CONCATENATED MODULE: ./packages/core/src/archive/extract-zip.ts





const DEFAULT_ZIP_LIMITS = { maxEntries: 10_000, maxTotalBytes: 8 * 1024 ** 3 };
function extract_zip_refuse(zipFile, message) {
    return new errors/* ReleaseGuardError */.dZ('artifact_missing', `${external_node_path_default().basename(zipFile)}: ${message}; nothing was extracted from it`);
}
/**
 * Resolves a zip entry name inside `dir`, refusing zip-slip (`../`, absolute and drive paths,
 * backslashes) so no entry can be written outside the folder.
 */
function entryTarget(dir, name) {
    if (name.includes('\\') || name.includes('\0') || external_node_path_default().isAbsolute(name) || /^[a-zA-Z]:/.test(name))
        return null;
    const parts = name.split('/');
    if (parts.some((part) => part === '..'))
        return null;
    const target = external_node_path_default().resolve(dir, name);
    return target.startsWith(external_node_path_default().resolve(dir) + (external_node_path_default()).sep) ? target : null;
}
function isSymlink(entry) {
    const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
    return mode === 0o120000;
}
/**
 * Extracts a zip into `dir` (which must be new and empty), streaming each entry to disk. Refuses
 * zip-slip names, symlinks, too many entries and more bytes than the limit; yauzl checks that every
 * entry expands to exactly the size it declares. On refusal `dir` is emptied again.
 */
async function extractZip(zipFile, dir, limits = DEFAULT_ZIP_LIMITS) {
    let zip;
    try {
        zip = await new Promise((resolve, reject) => yauzl.open(zipFile, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true }, (error, opened) => (error || !opened ? reject(error ?? new Error('no zip')) : resolve(opened))));
    }
    catch (error) {
        throw extract_zip_refuse(zipFile, `not a readable zip archive (${error.message})`);
    }
    if (zip.entryCount > limits.maxEntries) {
        zip.close();
        throw extract_zip_refuse(zipFile, `${zip.entryCount} entries exceed the limit of ${limits.maxEntries}`);
    }
    const written = [];
    let total = 0;
    try {
        await new Promise((resolve, reject) => {
            zip.on('error', reject);
            zip.on('end', resolve);
            zip.on('entry', (entry) => {
                const handle = async () => {
                    if (entry.fileName.endsWith('/'))
                        return;
                    if (isSymlink(entry))
                        throw extract_zip_refuse(zipFile, `entry ${JSON.stringify(entry.fileName)} is a symbolic link`);
                    const target = entryTarget(dir, entry.fileName);
                    if (!target)
                        throw extract_zip_refuse(zipFile, `entry ${JSON.stringify(entry.fileName)} would be written outside the folder`);
                    total += entry.uncompressedSize;
                    if (total > limits.maxTotalBytes)
                        throw extract_zip_refuse(zipFile, `expands to more than ${limits.maxTotalBytes} bytes`);
                    external_node_fs_default().mkdirSync(external_node_path_default().dirname(target), { recursive: true });
                    const stream = await new Promise((res, rej) => zip.openReadStream(entry, (error, opened) => error || !opened ? rej(error ?? new Error('no stream')) : res(opened)));
                    await (0,external_node_stream_promises_.pipeline)(stream, external_node_fs_default().createWriteStream(target, { flags: 'wx' }));
                    written.push(target);
                };
                handle().then(() => zip.readEntry(), reject);
            });
            zip.readEntry();
        });
    }
    catch (error) {
        zip.close();
        for (const file of written)
            external_node_fs_default().rmSync(file, { force: true });
        if (error instanceof errors/* ReleaseGuardError */.dZ)
            throw error;
        throw extract_zip_refuse(zipFile, `broken archive (${error.message})`);
    }
    return written;
}

;// CONCATENATED MODULE: ./packages/core/src/artifacts/download-run-artifact.ts










/** A failure worth another try: the artifact may not be listed yet, or GitHub had a bad moment. */
class Transient extends Error {
}
function missing(options, reason) {
    return new errors/* ReleaseGuardError */.dZ('artifact_missing', `artifact ${JSON.stringify(options.name)} of run ${options.runId}: ${reason}`, { artifact: options.name, run_id: options.runId, reason });
}
function classify(error, options) {
    if (error instanceof errors/* ReleaseGuardError */.dZ || error instanceof Transient)
        return error;
    if (error instanceof GitHubPermissionError)
        return missing(options, error.message);
    if (error instanceof request_error_dist_node.RequestError) {
        if (error.status === 410)
            return missing(options, 'retention expired (HTTP 410): rebuild the release to get a new artifact');
        if (error.status === 404 || error.status === 403 || error.status >= 500) {
            return new Transient(`HTTP ${error.status}${error.status === 404 ? ' (not found)' : ''}`);
        }
        return missing(options, `GitHub answered HTTP ${error.status}`);
    }
    return new Transient(error.message ?? String(error));
}
async function attempt(client, options, zipFile) {
    const { data } = await client.rest.actions.listWorkflowRunArtifacts({
        owner: options.owner,
        repo: options.repo,
        run_id: options.runId,
        name: options.name,
        per_page: 100,
        request: { retries: 0 },
    });
    const artifact = data.artifacts.find((candidate) => candidate.name === options.name);
    if (!artifact)
        throw new Transient('not listed for this run (404)');
    if (artifact.expired)
        throw missing(options, `retention expired on ${artifact.expires_at ?? 'an earlier date'}: rebuild the release`);
    // Ask for the redirect instead of following it: the blob host must never see our token.
    const response = await client.rest.actions.downloadArtifact({
        owner: options.owner,
        repo: options.repo,
        artifact_id: artifact.id,
        archive_format: 'zip',
        request: { retries: 0, redirect: 'manual' },
    });
    const location = response.headers.location ?? response.url;
    if (!location)
        throw new Transient('GitHub gave no download location');
    const blob = await fetch(location, { signal: AbortSignal.timeout(options.downloadTimeoutMs ?? 600_000) });
    if (blob.status === 410)
        throw missing(options, 'retention expired (HTTP 410 from the blob store)');
    if (!blob.ok || !blob.body)
        throw new Transient(`blob download answered HTTP ${blob.status}`);
    const hash = external_node_crypto_default().createHash('sha256');
    const hashing = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            hash.update(chunk);
            done(null, chunk);
        },
    });
    await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(blob.body), hashing, external_node_fs_default().createWriteStream(zipFile));
    const zipSha256 = hash.digest('hex');
    const recorded = artifact.digest;
    if (recorded && recorded !== `sha256:${zipSha256}`) {
        throw new errors/* ReleaseGuardError */.dZ('digest_mismatch', `artifact ${JSON.stringify(options.name)}: the downloaded zip (sha256:${zipSha256}) differs from the digest GitHub recorded (${recorded})`, { expected: recorded, actual: `sha256:${zipSha256}` });
    }
    return { id: artifact.id, zipSha256 };
}
/**
 * Downloads a workflow run's artifact through the REST API and extracts it safely. 5xx, timeouts, 404
 * and 403 are tried `tries` times with backoff, then `artifact_missing` with the last reason; 410 and
 * expired artifacts are `artifact_missing` ("retention expired") at once.
 */
async function downloadRunArtifact(client, options) {
    const tries = options.tries ?? 3;
    external_node_fs_default().mkdirSync(options.destination, { recursive: true });
    const zipFile = external_node_path_default().join(external_node_path_default().dirname(options.destination), `${external_node_path_default().basename(options.destination)}.zip`);
    let last = '';
    for (let tryNumber = 1; tryNumber <= tries; tryNumber++) {
        try {
            const { id, zipSha256 } = await attempt(client, options, zipFile);
            const files = await extractZip(zipFile, options.destination);
            return { id, name: options.name, zipSha256, files, tries: tryNumber };
        }
        catch (error) {
            const classified = classify(error, options);
            if (!(classified instanceof Transient))
                throw classified;
            last = classified.message;
            if (tryNumber < tries)
                await (0,promises_.setTimeout)(tryNumber * (options.backoffMs ?? 2000));
        }
        finally {
            external_node_fs_default().rmSync(zipFile, { force: true });
        }
    }
    throw missing(options, `not downloaded after ${tries} tries (last: ${last})`);
}

// EXTERNAL MODULE: ./node_modules/.pnpm/fast-glob@3.3.3/node_modules/fast-glob/out/index.js
var out = __webpack_require__(197);
var out_default = /*#__PURE__*/__webpack_require__.n(out);
;// CONCATENATED MODULE: ./packages/core/src/validate/resolve-paths.ts


/**
 * Resolves an action's path input: one pattern per line (as actions/upload-artifact takes them),
 * relative to the workspace. Only regular files; symbolic links are not followed.
 */
async function resolvePathInput(input, workspace) {
    const patterns = input
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    const found = new Set();
    for (const pattern of patterns) {
        const absolute = external_node_path_default().isAbsolute(pattern);
        const cwd = absolute ? external_node_path_default().parse(pattern).root : workspace;
        const relative = absolute ? external_node_path_default().relative(cwd, pattern) : pattern;
        const matches = out_default().isDynamicPattern(relative)
            ? await out_default()(relative, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: false, dot: true })
            : [external_node_path_default().resolve(cwd, relative)];
        for (const match of matches.sort())
            found.add(match);
    }
    return [...found];
}

;// CONCATENATED MODULE: ./packages/core/src/validate/gather-files.ts




const PROVENANCE_NAMES = /\.(intoto\.jsonl|sigstore\.json|sigstore|jsonl|json|build\.slsa)$/;
function singleProvenance(files, where) {
    if (files.length === 0)
        throw new errors/* ReleaseGuardError */.dZ('provenance_missing', `no provenance file in ${where}`);
    if (files.length === 1)
        return files[0];
    const candidates = files.filter((file) => PROVENANCE_NAMES.test(file));
    if (candidates.length === 1)
        return candidates[0];
    throw new errors/* ReleaseGuardError */.dZ('provenance_missing', `${where} holds ${files.length} files and no single provenance among them (${files.map((f) => external_node_path_default().basename(f)).join(', ')}); name one file`);
}
/** The artifacts and the provenance to verify: workspace files, or the run's artifacts downloaded. */
async function gatherFiles(inputs, client) {
    if (inputs.artifactPath !== undefined && inputs.provenancePath !== undefined) {
        const provenance = singleProvenance(await resolvePathInput(inputs.provenancePath, inputs.workspace), '`provenance-path`');
        const artifacts = (await resolvePathInput(inputs.artifactPath, inputs.workspace)).filter((file) => file !== provenance);
        if (artifacts.length === 0)
            throw new errors/* ReleaseGuardError */.dZ('artifact_missing', `\`artifact-path\` matched no file in ${inputs.workspace}`);
        return { artifacts, provenance, downloads: [] };
    }
    const [owner, repo] = inputs.repository.split('/');
    const base = external_node_path_default().join(inputs.tempDir, `release-guard-run-${inputs.runId}-${process.pid}-${Date.now()}`);
    const runId = Number(inputs.runId);
    const artifact = await downloadRunArtifact(client(), {
        owner,
        repo,
        runId,
        name: inputs.artifactName,
        destination: external_node_path_default().join(base, 'artifact'),
    });
    let provenanceDownload;
    try {
        provenanceDownload = await downloadRunArtifact(client(), {
            owner,
            repo,
            runId,
            name: inputs.provenanceName,
            destination: external_node_path_default().join(base, 'provenance'),
        });
    }
    catch (error) {
        if (error instanceof errors/* ReleaseGuardError */.dZ && error.code === 'artifact_missing') {
            throw new errors/* ReleaseGuardError */.dZ('provenance_missing', error.message.replace(/^artifact /, 'provenance artifact '), error.details);
        }
        throw error;
    }
    const provenance = singleProvenance(provenanceDownload.files, `artifact ${JSON.stringify(inputs.provenanceName)}`);
    if (artifact.files.length === 0)
        throw new errors/* ReleaseGuardError */.dZ('artifact_missing', `artifact ${JSON.stringify(inputs.artifactName)} is empty`);
    return {
        artifacts: artifact.files.filter((file) => file !== provenance),
        provenance,
        downloads: [artifact, provenanceDownload].map(({ name, tries, zipSha256 }) => ({
            name,
            tries,
            zipSha256,
        })),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/validate/validate-release.ts













/** The verdict as the manifest records it: success, or failure with its reason and a re-queue. */
async function recordInManifest(inputs, report, recorder) {
    const artifactUrl = inputs.artifactUrl ?? `${inputs.serverUrl}/${inputs.repository}/actions/runs/${inputs.runId}`;
    const set = report.verified
        ? { status: 'success', failure_reason: null, requeue: false, artifact_url: artifactUrl }
        : { status: 'failure', failure_reason: report.failure_reason, requeue: true, artifact_url: artifactUrl };
    if (report.governance_flags.includes('security-backcompat'))
        set.governance_flag = 'security-backcompat';
    const note = report.verified
        ? 'provenance verified'
        : `provenance validation failed: ${report.failure_reason}`;
    // An entry further along (a re-run in progress) keeps its status: recover records the outcome.
    const result = await recorder.record(set, note, { keepStatus: true });
    return {
        location: recorder.location,
        entry: result.entry,
        problem: result.problem,
        metrics: result.entry ? recorder.metrics : null,
    };
}
function summaryOf(result, inputs) {
    const lines = [
        renderVerifyMarkdown(result.report, `provenance-validate ${markdownCell(inputs.tag)} (run ${inputs.runId})`),
    ];
    const entry = result.manifest.entry;
    lines.push(entry
        ? `Manifest: entry ${markdownCell(entry.tag)} / ${entry.run_id} is now \`${entry.status}\` in ${markdownCell(result.manifest.location)}.`
        : `Manifest: **not written** (${markdownCell(result.manifest.problem)}).`);
    if (result.manifest.entry && result.manifest.problem)
        lines.push(`Manifest note: ${markdownCell(result.manifest.problem)}`);
    if (result.kpi) {
        lines.push(result.kpi.delivered
            ? 'KPI: recorded.'
            : `KPI: not recorded (${markdownCell(result.kpi.error)}); the job does not fail for it.`);
    }
    lines.push(`Report: ${markdownCell(result.reportPath)}`, '');
    return lines.join('\n\n');
}
/**
 * provenance-validate: fetch (or find) the artifacts and provenance of a release run, verify them,
 * record the verdict in the release manifest, post the KPI record and write the JSON report.
 * Throws ReleaseGuardError('usage_error') for unusable inputs; every other problem is in the result.
 */
async function validateRelease(inputs, deps = {}) {
    checkValidateInputs(inputs);
    const now = deps.now ?? (() => new Date());
    let client = deps.client;
    const github = () => (client ??= createGitHubClient({ token: inputs.githubToken, retries: 0 }));
    let report;
    let downloads = [];
    try {
        const files = await gatherFiles(inputs, github);
        downloads = files.downloads;
        report = await verifyProvenance({
            provenance: files.provenance,
            artifacts: files.artifacts,
            sourceRepo: inputs.sourceRepo,
            tag: inputs.tag,
            builderIds: inputs.builderIds,
            allowSlsaV02: inputs.allowSlsaV02,
            identity: inputs.identity,
            trustedRoot: inputs.trustedRoot,
            skipSignature: false,
        });
    }
    catch (error) {
        if (!(error instanceof errors/* ReleaseGuardError */.dZ) || error.exitCode === 2)
            throw error;
        report = inputFailureReport(error.code, error.message);
    }
    const recorder = new ManifestRecorder(openActionManifestStore(inputs, github), { tag: inputs.tag, runId: inputs.runId, actor: inputs.actor }, now);
    const manifest = await recordInManifest(inputs, report, recorder);
    const verifiedAt = manifest.entry?.verified_at ?? now().toISOString();
    const metrics = {
        'security_ci.predicate_validation_pass_rate': report.verified ? 1 : 0,
        ...(manifest.metrics ?? {}),
    };
    let kpi = null;
    if (inputs.kpiUrl && inputs.kpiToken) {
        kpi = await postKpi({
            tag: inputs.tag,
            run_id: inputs.runId,
            status: report.verified ? 'success' : 'failure',
            ...(report.verified
                ? { verified_at: verifiedAt }
                : { failure_reason: report.failure_reason }),
            metrics,
        }, { url: inputs.kpiUrl, token: inputs.kpiToken });
        metrics['security_ci.kpi_ingest_success'] = kpi.delivered;
    }
    const reportPath = external_node_path_default().resolve(inputs.workspace, inputs.reportPath ?? external_node_path_default().join(inputs.tempDir, `provenance-validate-${inputs.runId}.json`));
    const partial = { report, reportPath, manifest, kpi, downloads, metrics };
    await writeFileAtomic(reportPath, `${JSON.stringify({ tag: inputs.tag, run_id: inputs.runId, ...report, metrics, manifest: { location: manifest.location, problem: manifest.problem, status: manifest.entry?.status ?? null }, kpi, downloads }, null, 2)}\n`);
    return { ...partial, summary: summaryOf(partial, inputs) };
}


/***/ })

};
;