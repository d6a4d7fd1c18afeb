"use strict";
exports.id = 995;
exports.ids = [995];
exports.modules = {

/***/ 4995:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runReproVerify: () => (/* binding */ runReproVerify)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(6429);
;// CONCATENATED MODULE: ./packages/core/src/manifest/store.ts
const store_MANIFEST_STORE_LABEL = {
    noun: 'manifest',
    pathFlag: '--manifest',
    examplePath: 'docs/reports/manifest.json',
};

// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+request-error@5.1.1/node_modules/@octokit/request-error/dist-node/index.js
var dist_node = __webpack_require__(6788);
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
class GitHubRequestError extends dist_node.RequestError {
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
        this.label = options.label ?? store_MANIFEST_STORE_LABEL;
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./packages/core/src/manifest/errors.ts
var manifest_errors = __webpack_require__(3485);
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
class file_store_FileManifestStore {
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
        this.label = options.label ?? store_MANIFEST_STORE_LABEL;
    }
    async read() {
        const bytes = await this.readBytes();
        return bytes === null
            ? { content: null, version: null }
            : { content: bytes.toString('utf8'), version: fileManifestVersion(bytes) };
    }
    async write(content, expectedVersion, _message) {
        const folder = (0,external_node_path_.dirname)(this.path);
        await this.fsStep('create the folder of', () => (0,promises_.mkdir)(folder, { recursive: true }));
        const lock = await this.acquireLock();
        let temp = null;
        try {
            const current = await this.readBytes();
            if ((current === null ? null : fileManifestVersion(current)) !== expectedVersion)
                return { ok: false, reason: 'conflict' };
            await this.removeLeftovers();
            const bytes = Buffer.from(content, 'utf8');
            const mode = await (0,promises_.stat)(this.path).then((stats) => stats.mode & 0o777, () => 0o644);
            temp = (0,external_node_path_.join)(folder, `.${(0,external_node_path_.basename)(this.path)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
            const tempPath = temp;
            await this.fsStep('write a temporary file next to', async () => {
                const handle = await (0,promises_.open)(tempPath, 'wx', mode);
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
            await this.fsStep('replace', () => (0,promises_.rename)(tempPath, this.path));
            temp = null;
            await syncFolder(folder);
            return { ok: true, version: fileManifestVersion(bytes) };
        }
        finally {
            if (temp !== null)
                await (0,promises_.unlink)(temp).catch(() => undefined);
            await this.releaseLock(lock);
        }
    }
    async readBytes() {
        try {
            return await (0,promises_.readFile)(this.path);
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
            await (0,external_node_timers_promises_.setTimeout)(delayMs * (0.5 + Math.random()));
            delayMs = Math.min(delayMs * 2, 200);
        }
    }
    async tryCreateLock() {
        let handle;
        try {
            handle = await (0,promises_.open)(this.lockPath, 'wx');
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
            const stats = await (0,promises_.stat)(this.lockPath);
            const text = await (0,promises_.readFile)(this.lockPath, 'utf8').catch(() => '');
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
            await (0,promises_.rename)(this.lockPath, aside);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return;
            throw this.fsError('take over the stale lock of', error);
        }
        const moved = await (0,promises_.stat)(aside);
        if (!sameLock(moved, stale))
            await (0,promises_.link)(aside, this.lockPath).catch(() => undefined);
        await (0,promises_.unlink)(aside).catch(() => undefined);
    }
    async holds(lock) {
        const current = await (0,promises_.stat)(this.lockPath).catch(() => null);
        return current !== null && sameLock(current, lock);
    }
    async releaseLock(lock) {
        if (await this.holds(lock))
            await (0,promises_.unlink)(this.lockPath).catch(() => undefined);
    }
    /** Temp files and moved-aside locks of writers that died; only the lock holder writes either. */
    async removeLeftovers() {
        const folder = (0,external_node_path_.dirname)(this.path);
        const name = (0,external_node_path_.basename)(this.path);
        const names = await (0,promises_.readdir)(folder).catch(() => []);
        const leftovers = names.filter((entry) => (entry.startsWith(`.${name}.`) && entry.endsWith('.tmp')) || entry.startsWith(`${name}.lock.stale.`));
        await Promise.all(leftovers.map((entry) => (0,promises_.unlink)((0,external_node_path_.join)(folder, entry)).catch(() => undefined)));
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
        const handle = await (0,promises_.open)(folder, 'r');
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./packages/core/src/manifest/git-store.ts








/** Who commits when the environment names nobody: works on a machine without any git config. */
const DEFAULT_IDENTITY = { name: 'release-guard', email: 'release-guard@users.noreply.github.com' };
/** Variables that would point git at another repository than our private clone. */
const REPOSITORY_VARIABLES = (/* unused pure expression or super */ null && ([
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_COMMON_DIR',
    'GIT_NAMESPACE',
    'GIT_PREFIX',
]));
/** Private refs: the branch tip as last fetched, and the commit being pushed. */
const TIP_REF = 'refs/release-guard/tip';
const NEW_COMMIT_REF = 'refs/release-guard/new';
class GitCommandError extends Error {
    args;
    exitCode;
    stdout;
    stderr;
    constructor(args, exitCode, stdout, stderr) {
        super(`git ${args[0]} failed (exit ${exitCode}): ${stderr.trim() || stdout.trim()}`);
        this.args = args;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }
}
/**
 * A manifest kept as a file on a branch of a git remote. Each store works in its own temporary bare
 * repository: read fetches the branch; write commits the new file on top of the commit it read and
 * pushes without force. The push is the compare-and-swap: when the branch moved, git rejects it as
 * not a fast-forward and write answers `conflict`. A branch the remote lacks is created with an orphan
 * commit. Only the git binary is run, with arguments (never a shell); the remote and refs come after
 * `--`, the file's path and content through stdin.
 * Call close() to remove the temporary repository.
 */
class git_store_GitManifestStore {
    location;
    remote;
    branch;
    path;
    baseEnv;
    timeoutMs;
    label;
    repository = null;
    constructor(options) {
        if (options.remote === '' || options.remote.startsWith('-')) {
            throw usageError(`--git-remote ${echoValue(options.remote)} is not a repository URL or path`);
        }
        if (options.branch === '' || options.branch.startsWith('-')) {
            throw usageError(`--git-branch ${echoValue(options.branch)} is not a branch name`);
        }
        this.label = options.label ?? MANIFEST_STORE_LABEL;
        this.remote = isLocalPath(options.remote)
            ? resolve(options.cwd ?? process.cwd(), options.remote)
            : options.remote;
        this.branch = options.branch;
        this.path = repositoryPath(options.path, this.label);
        this.baseEnv = options.env ?? process.env;
        this.timeoutMs = options.timeoutMs ?? 120_000;
        this.location = `${redactCredentials(this.remote)}#${options.branch}:${this.path}`;
    }
    async read() {
        const repository = await this.ensureRepository();
        try {
            await this.git(repository, [
                'fetch',
                '--quiet',
                '--no-tags',
                '--no-show-forced-updates',
                '--no-write-fetch-head',
                '--',
                this.remote,
                `+refs/heads/${this.branch}:${TIP_REF}`,
            ]);
        }
        catch (error) {
            if (error instanceof GitCommandError && /couldn't find remote ref/i.test(error.stderr)) {
                await this.git(repository, ['update-ref', '-d', TIP_REF]).catch(() => undefined);
                return { content: null, version: null };
            }
            throw this.remoteError('fetch the branch from', error);
        }
        // One cat-file for the tip commit and the file: fewer processes in each compare-and-swap round.
        const [tip, file] = parseBatch((await this.git(repository, ['cat-file', '--batch'], {
            input: `${TIP_REF}\n${TIP_REF}:${this.path}\n`,
        })).stdout);
        if (tip.type !== 'commit')
            throw new Error(`git cat-file: ${TIP_REF} is a ${tip.type}, not a commit`);
        if (file.type === 'missing')
            return { content: null, version: tip.name };
        if (file.type !== 'blob') {
            throw new ReleaseGuardError('unreadable_input', `${this.path} on branch ${this.branch} of ${redactCredentials(this.remote)} is a ${file.type}, not a file; point ${this.label.pathFlag} at the ${this.label.noun}.`, { location: this.location });
        }
        return { content: file.body.toString('utf8'), version: tip.name };
    }
    async write(content, expectedVersion, message) {
        const repository = await this.ensureRepository();
        // Only a commit this clone fetched can be built on; anything else means: read again.
        if (expectedVersion !== null && !/^[0-9a-f]{40,64}$/.test(expectedVersion))
            return { ok: false, reason: 'conflict' };
        // fast-import builds blob, trees and commit in one process, keeping the read-to-push window short.
        const marks = join(repository, `marks-${randomBytes(6).toString('hex')}`);
        let commit;
        try {
            await this.git(repository, ['fast-import', '--quiet', '--force', `--export-marks=${marks}`], {
                input: this.commitStream(content, expectedVersion, message),
            });
            commit = (await readFile(marks, 'utf8')).trim().split(' ')[1];
        }
        catch (error) {
            if (error instanceof GitCommandError && /not a valid commit/i.test(error.stderr)) {
                return { ok: false, reason: 'conflict' };
            }
            throw error;
        }
        finally {
            await unlink(marks).catch(() => undefined);
        }
        try {
            await this.git(repository, [
                'push',
                '--porcelain',
                '--quiet',
                '--',
                this.remote,
                `${commit}:refs/heads/${this.branch}`,
            ]);
        }
        catch (error) {
            if (error instanceof GitCommandError && isLostRace(error.stdout))
                return { ok: false, reason: 'conflict' };
            throw this.remoteError(`push the ${this.label.noun} commit to`, error);
        }
        return { ok: true, version: commit };
    }
    /** A git fast-import stream: one commit, on `parent` (none: an orphan), that sets the manifest file. */
    commitStream(content, parent, message) {
        const identity = this.identity();
        const when = `${Math.floor(Date.now() / 1000)} +0000`;
        const data = (bytes) => [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
        const quotedPath = `"${this.path.replace(/"/g, '\\"')}"`;
        return Buffer.concat([
            Buffer.from(`reset ${NEW_COMMIT_REF}\ncommit ${NEW_COMMIT_REF}\nmark :1\n` +
                `author ${identity.authorName} <${identity.authorEmail}> ${when}\n` +
                `committer ${identity.committerName} <${identity.committerEmail}> ${when}\n`),
            ...data(Buffer.from(message, 'utf8')),
            Buffer.from(`${parent === null ? '' : `from ${parent}\n`}M 100644 inline ${quotedPath}\n`),
            ...data(Buffer.from(content, 'utf8')),
            Buffer.from('\n'),
        ]);
    }
    /** The environment's git identity, else release-guard's; safe inside a fast-import header. */
    identity() {
        const clean = (value, fallback) => (value || fallback).replace(/[<>\n\r\0]/g, '');
        const env = this.baseEnv;
        return {
            authorName: clean(env.GIT_AUTHOR_NAME, DEFAULT_IDENTITY.name),
            authorEmail: clean(env.GIT_AUTHOR_EMAIL, DEFAULT_IDENTITY.email),
            committerName: clean(env.GIT_COMMITTER_NAME, DEFAULT_IDENTITY.name),
            committerEmail: clean(env.GIT_COMMITTER_EMAIL, DEFAULT_IDENTITY.email),
        };
    }
    /** Removes the temporary repository. The store can be used again afterwards (it clones anew). */
    async close() {
        const repository = this.repository;
        this.repository = null;
        if (repository !== null) {
            const folder = await repository.catch(() => null);
            if (folder !== null)
                await rm(folder, { recursive: true, force: true });
        }
    }
    ensureRepository() {
        this.repository ??= this.createRepository();
        return this.repository;
    }
    async createRepository() {
        const folder = await mkdtemp(join(tmpdir(), 'release-guard-manifest-'));
        try {
            await this.git(folder, ['-c', 'init.defaultBranch=main', 'init', '--quiet', '--bare', folder], {
                gitDir: false,
            });
            try {
                await this.git(folder, ['check-ref-format', `refs/heads/${this.branch}`]);
            }
            catch {
                throw usageError(`--git-branch ${echoValue(this.branch)} is not a valid git branch name`);
            }
            return folder;
        }
        catch (error) {
            await rm(folder, { recursive: true, force: true });
            this.repository = null;
            throw error;
        }
    }
    git(repository, args, options = {}) {
        const env = { ...this.baseEnv };
        for (const name of REPOSITORY_VARIABLES)
            delete env[name];
        Object.assign(env, {
            GIT_TERMINAL_PROMPT: '0',
            LC_ALL: 'C',
            ...(options.gitDir === false ? {} : { GIT_DIR: repository }),
        });
        // ext:: runs arbitrary commands: never let a remote URL reach it. The temporary clone needs no
        // housekeeping: skipping it saves a process per fetch.
        const fullArgs = [
            '-c',
            'protocol.ext.allow=never',
            '-c',
            'gc.auto=0',
            '-c',
            'maintenance.auto=false',
            ...args,
        ];
        return new Promise((resolve, reject) => {
            const child = execFile('git', fullArgs, { cwd: repository, env, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, timeout: this.timeoutMs }, (error, stdout, stderr) => {
                if (error === null) {
                    resolve({ stdout, stderr: stderr.toString() });
                    return;
                }
                const code = error.code;
                if (code === 'ENOENT') {
                    reject(new ReleaseGuardError('unreadable_input', `git is not installed or not on PATH; install git to keep the ${this.label.noun} on a git branch.`));
                }
                else if (error.killed) {
                    reject(new GitCommandError(args, null, stdout.toString(), `timed out after ${this.timeoutMs / 1000} s`));
                }
                else {
                    reject(new GitCommandError(args, typeof error.code === 'number' ? error.code : null, stdout.toString(), stderr.toString()));
                }
            });
            child.stdin?.on('error', () => undefined);
            child.stdin?.end(options.input ?? '');
        });
    }
    remoteError(what, error) {
        if (!(error instanceof GitCommandError))
            return error;
        return new ReleaseGuardError('unreadable_input', `could not ${what} ${this.location}: ${redactCredentials(error.stderr.trim() || error.stdout.trim())}. ` +
            'Check the remote URL, the branch name and that these credentials may read and push it; nothing was written.', { location: this.location });
    }
}
/** Splits `git cat-file --batch` output: `<id> <type> <size>\n<body>\n`, or `<name> missing\n`. */
function parseBatch(output) {
    const objects = [];
    let offset = 0;
    while (offset < output.length) {
        const end = output.indexOf(0x0a, offset);
        const header = output.subarray(offset, end).toString('utf8');
        offset = end + 1;
        if (header.endsWith(' missing')) {
            objects.push({ name: header.slice(0, -' missing'.length), type: 'missing', body: Buffer.alloc(0) });
            continue;
        }
        const [name, type, size] = header.split(' ');
        objects.push({ name, type, body: output.subarray(offset, offset + Number(size)) });
        offset += Number(size) + 1;
    }
    return objects;
}
/**
 * `git push --porcelain` marks each refused ref with `!`. A plain `[rejected]` (not a fast-forward,
 * fetch first, stale info) means the branch moved; a `[remote rejected]` is a lost race only when the
 * remote could not lock or update the ref because another push held it. Hooks and protections are not.
 */
function isLostRace(porcelain) {
    return porcelain
        .split('\n')
        .filter((line) => line.startsWith('!'))
        .some((line) => line.includes('[rejected]') ||
        (line.includes('[remote rejected]') &&
            /cannot lock ref|failed to update ref|failed to lock|incorrect old value/i.test(line)));
}
/** A path inside the repository, normalised; absolute paths, `..` and `.git` are refused. */
function repositoryPath(path, label) {
    // eslint-disable-next-line no-control-regex
    if (path === '' || /[\u0000-\u001f\u007f\\]/.test(path)) {
        throw usageError(`${label.pathFlag} ${echoValue(path)} is not a usable path inside the repository`);
    }
    const normalised = posix.normalize(path).replace(/^(\.\/)+/, '');
    const parts = normalised.split('/');
    if (posix.isAbsolute(normalised) ||
        parts.includes('..') ||
        parts.some((part) => part.toLowerCase() === '.git') ||
        normalised.endsWith('/') ||
        normalised === '.') {
        throw usageError(`${label.pathFlag} ${echoValue(path)} must be a file path inside the repository (relative, no "..", not in .git), e.g. ${label.examplePath}`);
    }
    return normalised;
}
/** Not a URL (`scheme://`) nor scp-like (`host:path`, a colon before any slash): a path on this machine. */
function isLocalPath(remote) {
    return !/^[a-z][a-z0-9+.-]*:\/\//i.test(remote) && !/^[^/]*:/.test(remote);
}
function redactCredentials(text) {
    return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}

// EXTERNAL MODULE: ./packages/core/src/manifest/schema.ts
var schema = __webpack_require__(5129);
// EXTERNAL MODULE: ./packages/core/src/manifest/location.ts
var manifest_location = __webpack_require__(1969);
;// CONCATENATED MODULE: ./packages/core/src/manifest/open-store.ts







/** The store the CLI options name: a git branch when --git-remote and --git-branch are given, else a file. */
function open_store_openManifestStore(location) {
    const { gitRemote, gitBranch } = location;
    const label = location.label ?? MANIFEST_STORE_LABEL;
    if ((gitRemote === undefined) !== (gitBranch === undefined)) {
        throw usageError(`--git-remote and --git-branch go together: give both to keep the ${label.noun} on a git branch, or neither for a local file`);
    }
    if (gitRemote !== undefined && gitBranch !== undefined) {
        const store = new GitManifestStore({
            remote: gitRemote,
            branch: gitBranch,
            path: location.manifest,
            cwd: location.cwd,
            env: location.env,
            label,
        });
        return { store, close: () => store.close() };
    }
    return {
        store: new FileManifestStore(resolve(location.cwd, location.manifest), { label }),
        close: async () => undefined,
    };
}
/** Reads and validates the manifest; a missing or invalid one is unusable input (exit 2). */
async function loadManifest(store) {
    const { content } = await store.read();
    if (content === null) {
        throw new ReleaseGuardError('unreadable_input', `there is no manifest at ${store.location}; \`release-guard manifest update\` creates it with the first entry.`, { location: store.location });
    }
    return parseManifest(content, store.location);
}

// EXTERNAL MODULE: ./packages/core/src/freeze/types.ts
var types = __webpack_require__(4227);
;// CONCATENATED MODULE: ./packages/core/src/freeze/store.ts



/** How the stores name the freeze file in their messages. */
const FREEZE_STORE_LABEL = {
    noun: 'freeze file',
    pathFlag: '--freeze-file',
    examplePath: types/* DEFAULT_FREEZE_PATH */.y,
};
/** The freeze file's path: the flag, else RELEASE_GUARD_FREEZE_FILE, else .github/release-freeze.json. */
function freezeFilePath(flag, env) {
    return flag ?? (env.RELEASE_GUARD_FREEZE_FILE || DEFAULT_FREEZE_PATH);
}
/** The freeze store of the CLI: the manifest's file or git store, named for the freeze file. */
function openFreezeStore(location) {
    return openManifestStore({
        manifest: location.file,
        gitRemote: location.gitRemote,
        gitBranch: location.gitBranch,
        cwd: location.cwd,
        env: location.env,
        label: { ...FREEZE_STORE_LABEL, pathFlag: location.pathFlag ?? FREEZE_STORE_LABEL.pathFlag },
    });
}
/**
 * The freeze store of an action: always the contents API on one branch, never the workspace. A
 * release job runs on the tag's checkout, and a freeze committed after the tag must still stop it.
 */
function openActionFreezeStore(location, octokit) {
    const [owner, repo] = location.repository.split('/');
    return new ContentsApiManifestStore({
        octokit,
        owner,
        repo,
        path: location.freezeFile,
        branch: location.freezeBranch,
        label: FREEZE_STORE_LABEL,
    });
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+plugin-retry@6.1.0_@octokit+core@5.2.2/node_modules/@octokit/plugin-retry/dist-node/index.js
var plugin_retry_dist_node = __webpack_require__(9195);
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
const ReleaseGuardOctokit = rest_dist_node.Octokit.plugin(requestTimeout, plugin_retry_dist_node.retry, plugin_throttling_dist_node.throttling);
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
                await (0,external_node_timers_promises_.setTimeout)(wait.waitMs);
                waitedMs += wait.waitMs;
            }
        }
    });
    return octokit;
}

;// CONCATENATED MODULE: ./packages/core/src/notify/notification.ts
function manifestSnippet(entry) {
    return {
        tag: entry.tag,
        run_id: entry.run_id,
        status: entry.status,
        failure_reason: entry.failure_reason,
        requeue: entry.requeue,
        notify_slack: entry.notify_slack,
        slack_retry: entry.slack_retry,
        issue_number: entry.issue_number,
        artifact_url: entry.artifact_url,
    };
}
/** The run's page, as GitHub links it. */
function runUrlOf(serverUrl, repository, runId) {
    return `${serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
}
/** How a failure reason reads in messages: the code, or `unknown` when the failing job gave none. */
function describeFailureReason(reason) {
    return reason ?? 'unknown (the failing job gave no failure code)';
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
    return new file_store_FileManifestStore(external_node_path_default().resolve(location.workspace, location.manifestPath));
}

// EXTERNAL MODULE: ./packages/core/src/manifest/types.ts
var manifest_types = __webpack_require__(5285);
;// CONCATENATED MODULE: ./packages/core/src/manifest/controls.ts

/** The stored record for an outcome: a run URL only when it is http(s), a detail cut to its limit. */
function controlRecord(outcome, at) {
    const runUrl = outcome.runUrl ?? null;
    const detail = outcome.detail ?? null;
    return {
        status: outcome.status,
        failure_reason: outcome.failureReason ?? null,
        at: outcome.at ?? at,
        run_url: runUrl !== null && isHttpUrl(runUrl) ? runUrl : null,
        detail: detail === null || detail.length <= manifest_types/* CONTROL_DETAIL_MAX */.hj
            ? detail
            : `${detail.slice(0, manifest_types/* CONTROL_DETAIL_MAX */.hj - 1)}…`,
    };
}
/** True for an absolute http: or https: URL (the only ones a report turns into links). */
function isHttpUrl(value) {
    try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//i.test(value);
    }
    catch {
        return false;
    }
}
/**
 * Records one control's outcome in the recorder's (tag, run) entry, compare-and-swap: the record is
 * merged into the entry's `controls` as read at the moment of the write, so a record of any other
 * control (written by another action, even concurrently) is never dropped. A refusal is returned in
 * the result (and kept in the recorder's problems), not thrown.
 */
function recordControl(recorder, control, outcome, options = {}) {
    const record = controlRecord(outcome, recorder.now().toISOString());
    const reason = record.failure_reason === null ? '' : ` (${record.failure_reason})`;
    const { note, set, ...recordOptions } = options;
    return recorder.record({ ...set, controls: { [control]: record } }, note ?? `${control}: ${record.status}${reason}`, recordOptions);
}
/** The provenance summary of a validated provenance, for `provenance_summary`. */
function manifestProvenanceSummary(fields) {
    const text = (value) => value === undefined || value === null || value === '' ? null : value.slice(0, CONTROL_DETAIL_MAX);
    return {
        builder_id: text(fields.builder_id),
        source_repo: text(fields.source_repo),
        workflow_path: text(fields.workflow_path),
        commit: text(fields.commit),
        signer_san: text(fields.signer_san),
    };
}
/** A security drill's entry is tagged `drill-<UTC date>` and flagged `governance_flag: drill`. */
function drillTag(at) {
    return `drill-${at.toISOString().slice(0, 10)}`;
}
const DRILL_TAG = /^drill-\d{4}-\d{2}-\d{2}$/;
/** Drill entries never count as releases, incidents or drift. */
function isDrillEntry(entry) {
    return entry.governance_flag === 'drill' || DRILL_TAG.test(entry.tag);
}

// EXTERNAL MODULE: ./packages/core/src/text/echo-value.ts
var echo_value = __webpack_require__(769);
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
        if (!manifest_types/* MANIFEST_SETTABLE_FIELDS */.jo.includes(field)) {
            throw (0,errors/* usageError */.Wp)(`cannot set ${(0,echo_value/* echoValue */.J_)(field)}; settable fields: ${manifest_types/* MANIFEST_SETTABLE_FIELDS */.jo.join(', ')}`);
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
    const key = (0,manifest_types/* manifestEntryKey */.TK)({ tag: update.tag, run_id: update.runId });
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
    const changedFields = manifest_types/* MANIFEST_DATA_FIELDS */.Vr.filter((field) => previous === null ? merged[field] !== undefined : !(0,external_node_util_.isDeepStrictEqual)(previous[field], merged[field]));
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
    const known = manifest_types/* MANIFEST_ENTRY_FIELDS */.pC.filter((field) => entry[field] !== undefined).map((field) => [field, entry[field]]);
    const unknown = Object.entries(entry).filter(([field]) => !manifest_types/* MANIFEST_ENTRY_FIELDS */.pC.includes(field));
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
        await (0,external_node_timers_promises_.setTimeout)(Math.random() * Math.min(maxMs, slotMs * 2 ** (attempt - 1)));
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
            ? manifest_types/* MANIFEST_DATA_FIELDS */.Vr.filter((field) => applied.entry[field] !== undefined)
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
        giveUp: (last, attempts, elapsedSeconds) => new manifest_errors/* ManifestConflictError */.k(store.location, attempts, `${(0,manifest_types/* manifestEntryKey */.TK)(last.entry)}: gave up after ${attempts} attempts in ${elapsedSeconds.toFixed(1)} s: other writers changed ${store.location} every time. ` +
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
    const lines = [`manifest: ${(0,manifest_types/* manifestEntryKey */.TK)(applied.entry)}: ${from} → ${applied.entry.status}`, ''];
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
    constructor(store, key, 
    /** The clock of every write (and of the records written through it, e.g. recordControl). */
    now) {
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

;// CONCATENATED MODULE: ./packages/core/src/manifest/action-control.ts




/**
 * What an action calls to record its control in the manifest entry of (tag, this run), where its
 * `manifest-path` / `manifest-branch` inputs say: merged into the entry's controls (compare-and-swap,
 * another control's record is never dropped); the run URL is the run's page unless the outcome gives
 * one. Never throws for a manifest problem: the action reports it in `note` and goes on.
 */
async function recordActionControl(context, client, control, outcome, options = {}) {
    if (context.tag === undefined || context.tag === '')
        return {
            written: false,
            entry: null,
            location: null,
            note: `manifest: controls.${control} not recorded (no tag)`,
        };
    const { now = () => new Date(), ...recordOptions } = options;
    const recorder = new ManifestRecorder(openActionManifestStore(context, client), { tag: context.tag, runId: context.runId, actor: context.actor }, now);
    const runUrl = outcome.runUrl ?? runUrlOf(context.serverUrl, context.repository, context.runId);
    const result = await recordControl(recorder, control, { ...outcome, runUrl }, recordOptions);
    return {
        written: result.entry !== null,
        entry: result.entry,
        location: recorder.location,
        note: result.entry !== null
            ? `manifest: controls.${control} = ${outcome.status} recorded in ${recorder.location}`
            : `manifest: controls.${control} not recorded: ${result.problem ?? 'unknown problem'}`,
    };
}

// EXTERNAL MODULE: ./packages/core/src/text/markdown.ts
var markdown = __webpack_require__(709);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/.pnpm/yauzl@3.4.0/node_modules/yauzl/index.js
var yauzl = __webpack_require__(4834);
;// CONCATENATED MODULE: ./packages/core/src/archive/extract-zip.ts





const DEFAULT_ZIP_LIMITS = { maxEntries: 10_000, maxTotalBytes: 8 * 1024 ** 3 };
function refuse(zipFile, message) {
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
        throw refuse(zipFile, `not a readable zip archive (${error.message})`);
    }
    if (zip.entryCount > limits.maxEntries) {
        zip.close();
        throw refuse(zipFile, `${zip.entryCount} entries exceed the limit of ${limits.maxEntries}`);
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
                        throw refuse(zipFile, `entry ${JSON.stringify(entry.fileName)} is a symbolic link`);
                    const target = entryTarget(dir, entry.fileName);
                    if (!target)
                        throw refuse(zipFile, `entry ${JSON.stringify(entry.fileName)} would be written outside the folder`);
                    total += entry.uncompressedSize;
                    if (total > limits.maxTotalBytes)
                        throw refuse(zipFile, `expands to more than ${limits.maxTotalBytes} bytes`);
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
        throw refuse(zipFile, `broken archive (${error.message})`);
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
    if (error instanceof dist_node.RequestError) {
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
                await (0,external_node_timers_promises_.setTimeout)(tryNumber * (options.backoffMs ?? 2000));
        }
        finally {
            external_node_fs_default().rmSync(zipFile, { force: true });
        }
    }
    throw missing(options, `not downloaded after ${tries} tries (last: ${last})`);
}

;// CONCATENATED MODULE: ./packages/core/src/repro/action-builds.ts




function insideWorkspace(inputs, field, given) {
    const resolved = external_node_path_default().resolve(inputs.workspace, given);
    const relative = external_node_path_default().relative(external_node_path_default().resolve(inputs.workspace), resolved);
    if (relative.startsWith('..') || external_node_path_default().isAbsolute(relative))
        throw new errors/* InputError */.dz(field, `must be a path inside the workspace, got ${JSON.stringify(given.slice(0, 200))}`);
    return resolved;
}
/**
 * Where repro-verify finds each build: the workspace path, or the artifact of this run downloaded
 * and extracted (safely: zip-slip, links and bombs refused) into a new temp folder.
 */
async function actionBuilds(inputs, client) {
    const downloads = inputs.firstArtifact !== undefined || inputs.secondArtifact !== undefined
        ? external_node_fs_default().mkdtempSync(external_node_path_default().join(inputs.tempDir, 'release-guard-repro-'))
        : null;
    const [owner, repo] = inputs.repository.split('/');
    const resolve = async (field, artifact) => {
        if (artifact === undefined || downloads === null)
            return insideWorkspace(inputs, field, inputs[field]);
        const destination = external_node_path_default().join(downloads, field);
        await downloadRunArtifact(client(), {
            owner,
            repo,
            runId: Number(inputs.runId),
            name: artifact,
            destination,
        });
        return destination;
    };
    try {
        return {
            first: await resolve('first', inputs.firstArtifact),
            second: await resolve('second', inputs.secondArtifact),
            downloads,
        };
    }
    catch (error) {
        if (downloads !== null)
            external_node_fs_default().rmSync(downloads, { recursive: true, force: true });
        throw error;
    }
}

// EXTERNAL MODULE: ./packages/core/src/repro/action.ts + 2 modules
var action = __webpack_require__(3468);
// EXTERNAL MODULE: ./packages/core/src/action/context.ts + 2 modules
var context = __webpack_require__(3463);
;// CONCATENATED MODULE: ./packages/core/src/repro/types.ts
const DIFFOSCOPE_MODES = ['auto', 'never', 'always'];
const DEFAULT_ARCHIVE_LIMITS = {
    maxEntries: 100_000,
    maxRatio: 200,
    ratioFloorBytes: 1024 * 1024,
    maxTotalBytes: 8 * 1024 ** 3,
    maxDepth: 3,
};

;// CONCATENATED MODULE: ./packages/core/src/repro/inputs.ts



/** Refuses inputs no run could use (exit 2), before anything is read. */
function checkReproVerifyInputs(inputs) {
    (0,context/* checkActionContext */.M5)(inputs);
    for (const [field, artifact] of [
        ['first', 'firstArtifact'],
        ['second', 'secondArtifact'],
    ]) {
        const given = [inputs[field], inputs[artifact]].filter((value) => value !== undefined && value.trim() !== '');
        if (given.length !== 1)
            throw new errors/* InputError */.dz(field, `or \`${field}-artifact\`: give exactly one (a workspace path, or an artifact of this run)`);
        if (inputs[artifact] !== undefined && !inputs.githubToken)
            throw new errors/* InputError */.dz('github-token', `is needed to download \`${field}-artifact\` (actions: read)`);
    }
    if (!DIFFOSCOPE_MODES.includes(inputs.diffoscope))
        throw new errors/* InputError */.dz('diffoscope', `must be one of ${DIFFOSCOPE_MODES.join(', ')}, got ${JSON.stringify(inputs.diffoscope.slice(0, 50))}`);
    if (inputs.setFreeze && !inputs.githubToken)
        throw new errors/* InputError */.dz('github-token', 'is needed to set the freeze on a mismatch (contents: write), or set `set-freeze` to false');
    if (inputs.freezeFile === '')
        throw new errors/* InputError */.dz('freeze-file', 'must name a file');
}

// EXTERNAL MODULE: ./packages/core/src/text/safe-text.ts
var safe_text = __webpack_require__(8625);
// EXTERNAL MODULE: ./packages/core/src/store/conflict-error.ts
var conflict_error = __webpack_require__(1049);
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

// EXTERNAL MODULE: ./packages/core/src/schema/json-schema.ts
var json_schema = __webpack_require__(2236);
;// CONCATENATED MODULE: ./packages/core/src/freeze/freeze.schema.json
const freeze_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://release-guard.dev/schemas/release-freeze/v1.json","title":"release-guard release freeze","description":"The release freeze (kill switch) of one repository, default .github/release-freeze.json. While `frozen` is true, unexpired, and its scope covers a tag, every side effect of a release of that tag is refused with release_frozen. `history` is append-only: `release-guard freeze on|off` and the release-freeze action add one record per change and never rewrite one.","type":"object","required":["schema_version","frozen","reason","incident","set_by","set_at","scope","expires_at","history"],"additionalProperties":false,"properties":{"schema_version":{"description":"Version of this schema. Always 1.","const":1},"frozen":{"description":"True while the freeze is on.","type":"boolean"},"reason":{"description":"Why the freeze was last turned on or off.","$ref":"#/$defs/text"},"incident":{"description":"The incident the freeze is for (free text or a URL), or null.","anyOf":[{"$ref":"#/$defs/text"},{"type":"null"}]},"set_by":{"description":"Who last turned the freeze on or off.","$ref":"#/$defs/text"},"set_at":{"description":"When the freeze was last turned on or off (RFC 3339 date-time).","$ref":"#/$defs/timestamp"},"scope":{"$ref":"#/$defs/scope"},"expires_at":{"description":"When the freeze stops applying by itself (RFC 3339 date-time), or null for never.","anyOf":[{"$ref":"#/$defs/timestamp"},{"type":"null"}]},"history":{"description":"Every on and off, oldest first; append-only.","type":"array","items":{"$ref":"#/$defs/record"}}},"$defs":{"text":{"description":"1 to 2000 characters, no control characters.","type":"string","minLength":1,"maxLength":2000,"pattern":"^[^\\\\u0000-\\\\u001f\\\\u007f]+$"},"timestamp":{"description":"An RFC 3339 date-time, e.g. 2026-12-02T09:00:00.000Z.","type":"string","format":"date-time"},"pattern":{"description":"A tag pattern: the tag as git names it (without refs/tags/), where * stands for any characters and ? for one; 1 to 256 characters, no control characters.","type":"string","minLength":1,"maxLength":256,"pattern":"^[^\\\\u0000-\\\\u001f\\\\u007f]+$","not":{"const":"all"}},"scope":{"description":"What the freeze covers: \\"all\\" (every release), or a list of tag patterns such as [\\"v2.*\\"].","anyOf":[{"const":"all"},{"type":"array","minItems":1,"maxItems":100,"uniqueItems":true,"items":{"$ref":"#/$defs/pattern"}}]},"record":{"type":"object","required":["action","at","by","reason","incident","scope","expires_at"],"additionalProperties":false,"properties":{"action":{"description":"Whether this change turned the freeze on or off.","enum":["on","off"]},"at":{"$ref":"#/$defs/timestamp"},"by":{"$ref":"#/$defs/text"},"reason":{"$ref":"#/$defs/text"},"incident":{"anyOf":[{"$ref":"#/$defs/text"},{"type":"null"}]},"scope":{"$ref":"#/$defs/scope"},"expires_at":{"anyOf":[{"$ref":"#/$defs/timestamp"},{"type":"null"}]}}}}}');
;// CONCATENATED MODULE: ./packages/core/src/freeze/schema.ts




/** The release freeze's JSON Schema (draft 2020-12), as shipped in freeze.schema.json. */
const FREEZE_SCHEMA = (/* unused pure expression or super */ null && (freezeSchema));
const freezeJsonSchema = (0,json_schema/* lazyJsonSchema */.eP)(freeze_schema_namespaceObject);
/** Schema errors of a freeze document, as `where: what` lines; empty when it is valid. */
function freezeProblems(document) {
    const { validate } = freezeJsonSchema();
    if (validate(document))
        return [];
    return (0,json_schema/* withoutAnyOfBranches */.ej)(validate.errors ?? []).map((error) => `${(0,json_schema/* describeInstancePath */.AB)(error.instancePath)}: ${(0,json_schema/* describeSchemaError */.LA)(error)}`);
}
/**
 * Parses and validates freeze file text read from `location`. Text that is not strict JSON (duplicate
 * keys included: two readers must not disagree on `frozen`) or breaks the schema is `unreadable_input`.
 */
function parseFreezeState(text, location) {
    let document;
    try {
        document = parseStrictJson(text, location);
    }
    catch (error) {
        throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `the freeze file ${location} is not valid JSON (${error.message}); repair it by hand (its git history has the last good version).`, { location });
    }
    const problems = freezeProblems(document);
    if (problems.length > 0) {
        const shown = problems.slice(0, 10).join('; ');
        throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `the freeze file ${location} does not match the freeze schema: ${shown}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}; repair it by hand.`, { location, problems });
    }
    return document;
}
/** The file text: two-space JSON and a final newline, so git diffs stay small. */
function serializeFreezeState(state) {
    return `${JSON.stringify(state, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./packages/core/src/freeze/write.ts







/** Other writers kept changing the freeze file and every attempt lost the race. Nothing was written. */
class FreezeConflictError extends conflict_error/* StoreConflictError */.y {
    constructor(location, attempts, message) {
        super(location, attempts, message);
        this.name = 'FreezeConflictError';
    }
}
/**
 * Turns the freeze on or off: read → append one history record and set the top-level fields from it
 * → write with compare-and-swap, re-reading and re-applying when another writer got there first, so
 * no writer's record is lost. Every call writes (turning on a freeze that is on records the new reason).
 * An existing file that cannot be read is `unreadable_input` and is not overwritten: it holds the
 * history. Invalid input is a usage error. Nothing is written in either case.
 */
async function changeReleaseFreeze(store, change) {
    const now = change.now ?? (() => new Date());
    const template = freezeRecord(change, now());
    const outcome = await compareAndSwap(store, (stored) => {
        const previous = stored.content === null ? null : parseFreezeState(stored.content, store.location);
        const record = { ...template, at: now().toISOString() };
        const state = {
            schema_version: types/* FREEZE_SCHEMA_VERSION */.r,
            frozen: record.action === 'on',
            reason: record.reason,
            incident: record.incident,
            set_by: record.by,
            set_at: record.at,
            scope: record.scope,
            expires_at: record.expires_at,
            history: [...(previous?.history ?? []), record],
        };
        return {
            result: { state, record },
            write: { content: serializeFreezeState(state), message: write_commitMessage(record) },
        };
    }, {
        maxAttempts: change.maxAttempts,
        backoffBaseMs: change.backoffBaseMs,
        backoffMaxMs: change.backoffMaxMs,
        giveUp: (_last, attempts, elapsedSeconds) => new FreezeConflictError(store.location, attempts, `freeze ${change.action}: gave up after ${attempts} attempts in ${elapsedSeconds.toFixed(1)} s: other writers changed ${store.location} every time. Run it again; nothing was written.`),
    });
    return { ...outcome.result, attempts: outcome.attempts, version: outcome.version };
}
/** The history record of `change`, checked against the schema before anything is read or written. */
function freezeRecord(change, at) {
    const reason = change.reason.trim();
    if (reason === '')
        throw new errors/* InputError */.dz('reason', 'must say why the freeze is turned on or off');
    const on = change.action === 'on';
    if (!on && (change.incident !== undefined || change.scope?.length || change.expires !== undefined)) {
        throw (0,errors/* usageError */.Wp)('`incident`, `scope` and `expires` describe a freeze being turned on; `off` lifts it whole');
    }
    const record = {
        action: change.action,
        at: at.toISOString(),
        by: change.actor.trim() || 'unknown',
        reason,
        incident: change.incident?.trim() || null,
        scope: on ? freezeScope(change.scope ?? []) : 'all',
        expires_at: on && change.expires !== undefined ? expiry(change.expires, at) : null,
    };
    const problems = freezeProblems({
        schema_version: types/* FREEZE_SCHEMA_VERSION */.r,
        frozen: on,
        reason: record.reason,
        incident: record.incident,
        set_by: record.by,
        set_at: record.at,
        scope: record.scope,
        expires_at: record.expires_at,
        history: [record],
    });
    if (problems.length > 0)
        throw (0,errors/* usageError */.Wp)(`the freeze cannot be written: ${problems.join('; ')}`);
    return record;
}
function freezeScope(patterns) {
    const trimmed = [...new Set(patterns.map((pattern) => pattern.trim()))];
    if (trimmed.length === 0 || (trimmed.length === 1 && trimmed[0] === 'all'))
        return 'all';
    if (trimmed.includes('all'))
        throw new errors/* InputError */.dz('scope', 'mixes all with tag patterns: give all alone, or only patterns such as v2.*');
    if (trimmed.includes(''))
        throw new errors/* InputError */.dz('scope', 'needs a tag pattern such as v2.*');
    return trimmed;
}
function expiry(value, now) {
    // A date (midnight UTC) or a date-time with its zone: Date.parse alone also takes "March 7", and a
    // time without a zone would mean the local time of whichever machine reads it.
    const ms = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/i.test(value.trim())
        ? Date.parse(value.trim())
        : NaN;
    if (Number.isNaN(ms)) {
        throw new errors/* InputError */.dz('expires', `${(0,echo_value/* echoValue */.J_)(value)} is not an ISO 8601 date or date-time with a zone, such as 2026-12-31T18:00:00Z`);
    }
    if (ms <= now.getTime())
        throw new errors/* InputError */.dz('expires', `${(0,echo_value/* echoValue */.J_)(value)} has already passed; give a time in the future`);
    return new Date(ms).toISOString();
}
function write_commitMessage(record) {
    const scope = record.scope === 'all' ? 'all releases' : record.scope.join(', ');
    const lines = [
        record.action === 'on' ? `release freeze: on (${scope})` : 'release freeze: off',
        '',
        `Reason: ${(0,safe_text/* safeText */.H)(record.reason)}`,
    ];
    if (record.incident !== null)
        lines.push(`Incident: ${(0,safe_text/* safeText */.H)(record.incident)}`);
    if (record.expires_at !== null)
        lines.push(`Expires: ${record.expires_at}`);
    lines.push(`Actor: ${(0,safe_text/* safeText */.H)(record.by)}`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./packages/core/src/report/write-file-atomic.ts



/** Writes a file so that a reader or a crash sees the old file or the new one whole, never half. */
async function writeFileAtomic(file, content) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `.${(0,external_node_path_.basename)(file)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    try {
        const handle = await (0,promises_.open)(temp, 'wx', 0o644);
        try {
            await handle.writeFile(content);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,promises_.rename)(temp, file);
    }
    catch (error) {
        await (0,promises_.unlink)(temp).catch(() => undefined);
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/text/tag-file-name.ts

/** Longest name a tag becomes: well inside every file system's 255 bytes, with room for a prefix and an extension. */
const MAX_TAG_FILE_NAME = 160;
/**
 * The file (and artifact) name part for a release tag: every character outside `[A-Za-z0-9._-]` is
 * percent-encoded as UTF-8 bytes, so `v1/x`, `v1$(id)`, a backtick or U+202E can neither leave the
 * folder nor mean anything to a shell; `.` and `..` are encoded whole. A name longer than
 * MAX_TAG_FILE_NAME is cut and ends with `~` and the first 16 hex digits of the tag's SHA-256, so
 * two long tags never share a name.
 */
function tagFileName(tag) {
    let name = Array.from(Buffer.from(tag, 'utf8'))
        .map((byte) => /[A-Za-z0-9._-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('');
    if (name === '.' || name === '..')
        name = name.replace(/\./g, '%2E');
    if (name.length <= MAX_TAG_FILE_NAME)
        return name;
    const digest = (0,external_node_crypto_.createHash)('sha256').update(tag, 'utf8').digest('hex').slice(0, 16);
    // Cut outside an escape, so the kept part still decodes.
    let cut = MAX_TAG_FILE_NAME - 17;
    const escape = name.lastIndexOf('%', cut);
    if (escape > cut - 3)
        cut = escape;
    return `${name.slice(0, cut)}~${digest}`;
}

;// CONCATENATED MODULE: ./packages/core/src/repro/attestation.ts
const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** Our predicate, modelled on OSS Rebuild's ArtifactEquivalence: both builds' digests per artifact. */
const REPRO_PREDICATE_TYPE = 'https://release-guard.dev/attestation/repro-equivalence/v1';
/**
 * The in-toto Statement v1 of a comparison: every file FIRST holds is a subject with FIRST's sha256
 * (a file only in SECOND has no FIRST digest and appears in the predicate only).
 */
function reproStatement(input) {
    return {
        _type: IN_TOTO_STATEMENT_V1,
        subject: input.artifacts
            .filter((artifact) => artifact.first !== null)
            .map((artifact) => ({ name: artifact.path, digest: { sha256: artifact.first } })),
        predicateType: REPRO_PREDICATE_TYPE,
        predicate: {
            verdict: input.reproducible ? 'reproducible' : 'mismatch',
            reproducible: input.reproducible,
            release_tag: input.tag,
            artifacts: input.artifacts.map((artifact) => ({
                path: artifact.path,
                first: artifact.first === null ? null : { sha256: artifact.first },
                second: artifact.second === null ? null : { sha256: artifact.second },
                identical: artifact.first !== null && artifact.first === artifact.second,
            })),
            differences: input.differences,
            unexplained: input.unexplained,
            method: {
                verdict_on: 'sha256 of each file compared bit for bit; what is found inside archives explains, never excuses',
                archives: 'tar, tar.gz/tgz, zip (.whl, .jar, .nupkg, .vsix) parsed without extraction',
                max_depth: input.maxDepth,
            },
            tools: input.tools,
            compared_at: input.comparedAt,
        },
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
const WORKER_SOURCE = (/* unused pure expression or super */ null && (`
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
`));
/** A read or hash error inside a worker: the errno code (`EIO`, …) or the error's text. */
class hash_workers_WorkerHashError extends Error {
    code;
    constructor(code) {
        super(`hashing failed: ${code}`);
        this.code = code;
    }
}
/** Worker threads that hash open files, so many artifacts use every core while each is read once. */
class hash_workers_HashWorkers {
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
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { chunkSize } });
        worker.on('message', (answer) => {
            const pending = this.pending.get(answer.id);
            this.pending.delete(answer.id);
            if ('error' in answer)
                pending?.reject(new hash_workers_WorkerHashError(answer.error));
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
function hash_workers_hashWorkerCount(files, cores = os.availableParallelism()) {
    return Math.max(1, Math.min(cores, files));
}

;// CONCATENATED MODULE: ./packages/core/src/digest/digest-file.ts




const DIGEST_ALGORITHMS = ['sha256', 'sha512'];
/** Bytes per read: large enough to keep the hash functions busy, small enough for a 2 GiB artifact. */
const DIGEST_CHUNK_SIZE = 1024 * 1024;
/** A single file at least this large is hashed on a worker thread (see digestFiles). */
const WORKER_MIN_BYTES = (/* unused pure expression or super */ null && (32 * 1024 * 1024));
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
        throw new ReleaseGuardError('usage_error', `digest concurrency must be a whole number of at least 1`, {
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

;// CONCATENATED MODULE: ./packages/core/src/repro/archive-kind.ts
/** Formats that are plain zip under another name. */
const ZIP_EXTENSIONS = ['.zip', '.whl', '.jar', '.nupkg', '.vsix'];
/**
 * The archive format of a file by its name, or null for bytes compared as they are (tar.xz among
 * them: no maintained Node 20 library reads xz).
 */
function archiveKind(name) {
    const lower = name.toLowerCase();
    if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz'))
        return 'tar.gz';
    if (lower.endsWith('.tar'))
        return 'tar';
    if (ZIP_EXTENSIONS.some((extension) => lower.endsWith(extension)))
        return 'zip';
    return null;
}

;// CONCATENATED MODULE: ./packages/core/src/repro/refusal.ts

/**
 * An archive that cannot be explained safely (hostile names or links, too many entries, a bomb) or at
 * all (truncated, corrupt). Unusable input: exit 2, and never a partial "identical".
 */
class ArchiveRefusal extends errors/* ReleaseGuardError */.dZ {
    constructor(archive, reason, options = {}) {
        super('unreadable_input', `${archive}: ${reason}; the archive was not explained`, { archive, reason }, options);
        this.name = 'ArchiveRefusal';
    }
}

;// CONCATENATED MODULE: ./packages/core/src/repro/budget.ts

/** Decompressed bytes of one side, against the total limit; shared by the outer and nested archives. */
class ExpansionBudget {
    limits;
    total = 0;
    constructor(limits) {
        this.limits = limits;
    }
    /** A counter for one archive of `archiveSize` bytes on disk, checking the ratio and the total. */
    archive(label, archiveSize) {
        let expanded = 0;
        return (bytes) => {
            expanded += bytes;
            this.total += bytes;
            if (this.total > this.limits.maxTotalBytes)
                throw new ArchiveRefusal(label, `expands to more than ${this.limits.maxTotalBytes} bytes in total (the limit)`);
            if (expanded > this.limits.ratioFloorBytes &&
                expanded > this.limits.maxRatio * Math.max(archiveSize, 1))
                throw new ArchiveRefusal(label, `expands more than 1:${this.limits.maxRatio} (${archiveSize} bytes to over ${expanded}): an archive bomb`);
        };
    }
}
/** Counts the entries of one archive against the limit. */
function entryCounter(label, limits) {
    let entries = 0;
    return () => {
        entries += 1;
        if (entries > limits.maxEntries)
            throw new ArchiveRefusal(label, `holds more than ${limits.maxEntries} entries (the limit)`);
    };
}

;// CONCATENATED MODULE: ./packages/core/src/repro/build-tree.ts



function build_tree_unreadable(field, message) {
    return new errors/* ReleaseGuardError */.dZ('unreadable_input', `${field}: ${message}`, { field });
}
/**
 * Lists a build. A symbolic link or anything but a regular file or folder is unusable input: a build
 * output compared through a link could compare something else than what ships.
 */
async function readBuildTree(root, field) {
    const stat = await external_node_fs_default().promises.lstat(root).catch(() => null);
    if (stat === null)
        throw build_tree_unreadable(field, `${root} does not exist`);
    if (stat.isFile())
        return { root, kind: 'file', files: [external_node_path_default().basename(root)] };
    if (!stat.isDirectory())
        throw build_tree_unreadable(field, `${root} is neither a regular file nor a folder`);
    const files = [];
    const walk = async (dir, prefix) => {
        const entries = await external_node_fs_default().promises.readdir(dir, { withFileTypes: true });
        for (const entry of entries) {
            const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
            if (entry.isDirectory())
                await walk(external_node_path_default().join(dir, entry.name), relative);
            else if (entry.isFile())
                files.push(relative);
            else
                throw build_tree_unreadable(field, `${relative} is not a regular file (symbolic link, device or socket): refusing to follow it`);
        }
    };
    await walk(root, '');
    return { root, kind: 'directory', files: files.sort() };
}
/** The file on disk for a relative path of the tree. */
function treeFile(tree, relative) {
    return tree.kind === 'file' ? tree.root : external_node_path_default().join(tree.root, ...relative.split('/'));
}

;// CONCATENATED MODULE: ./packages/core/src/repro/diffoscope.ts



/** Most bytes of diffoscope's output kept per file. */
const DIFFOSCOPE_MAX_OUTPUT = 1024 * 1024;
/** The diffoscope executable on `PATH`, or null. */
function findDiffoscope(env) {
    for (const dir of (env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (dir === '')
            continue;
        const candidate = external_node_path_default().join(dir, 'diffoscope');
        try {
            external_node_fs_default().accessSync(candidate, (external_node_fs_default()).constants.X_OK);
            if (external_node_fs_default().statSync(candidate).isFile())
                return candidate;
        }
        catch {
            // not here
        }
    }
    return null;
}
function run(executable, args, env, timeoutMs) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(executable, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        let size = 0;
        let truncated = false;
        let stderr = '';
        let timedOut = false;
        child.stdout.on('data', (chunk) => {
            if (size >= DIFFOSCOPE_MAX_OUTPUT)
                return void (truncated = true);
            out.push(chunk.subarray(0, DIFFOSCOPE_MAX_OUTPUT - size));
            size += Math.min(chunk.length, DIFFOSCOPE_MAX_OUTPUT - size);
        });
        child.stderr.on('data', (chunk) => {
            if (stderr.length < 4096)
                stderr += chunk.toString('utf8');
        });
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        const done = (code) => {
            clearTimeout(timer);
            resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr, truncated, timedOut });
        };
        child.on('error', (error) => ((stderr += error.message), done(null)));
        child.on('close', done);
    });
}
/** Runs `diffoscope --text - FIRST SECOND` within the time limit, keeping at most 1 MiB of its output. */
async function runDiffoscope(executable, first, second, options) {
    const result = await run(executable, ['--no-progress', '--text', '-', first, second], options.env, options.timeoutSeconds * 1000);
    if (result.timedOut)
        return {
            status: 'timeout',
            output: `diffoscope stopped after ${options.timeoutSeconds} s (--diffoscope-timeout)\n`,
            truncated: false,
        };
    if (result.code === 1 || result.code === 0)
        return {
            status: result.code === 1 ? 'differ' : 'same',
            output: result.stdout,
            truncated: result.truncated,
        };
    return {
        status: 'error',
        output: `diffoscope failed (exit ${result.code}): ${result.stderr.trim()}\n`,
        truncated: false,
    };
}
/** `diffoscope 240`, or null when it does not answer. */
async function diffoscopeVersion(executable, env) {
    const result = await run(executable, ['--version'], env, 30_000);
    return result.code === 0 ? result.stdout.trim().replace(/^diffoscope\s+/, '') : null;
}

;// CONCATENATED MODULE: ./packages/core/src/repro/member-diff.ts
/** A member present on both sides whose content (bytes, type or link target) differs. */
function contentDiffers(first, second) {
    return (first.type !== second.type || first.sha256 !== second.sha256 || first.linkTarget !== second.linkTarget);
}
function octal(mode) {
    return mode === null ? 'none' : `0${mode.toString(8)}`;
}
/** The metadata fields that differ between two members of equal content, with both values. */
function metadataChanges(first, second) {
    const changes = [];
    const add = (field, a, b) => {
        if (a !== b)
            changes.push({ field, values: `${a ?? 'none'} → ${b ?? 'none'}` });
    };
    add('mtime', first.mtime, second.mtime);
    add('mode', octal(first.mode), octal(second.mode));
    add('owner', first.owner, second.owner);
    add('compression', first.compression, second.compression);
    return changes;
}
/** "metadata only: mtime (a → b), mode (0644 → 0755)" */
function metadataDetail(changes) {
    return `metadata only: ${changes.map((change) => `${change.field} (${change.values})`).join(', ')}`;
}
/** Where the members both sides hold are stored in another order: the first position that differs. */
function orderChange(first, second) {
    const inSecond = new Set(second.members.map((member) => member.name));
    const inFirst = new Set(first.members.map((member) => member.name));
    const a = first.members.map((member) => member.name).filter((name) => inSecond.has(name));
    const b = second.members.map((member) => member.name).filter((name) => inFirst.has(name));
    const at = a.findIndex((name, index) => name !== b[index]);
    if (at < 0)
        return null;
    return `order (position ${at + 1}: ${JSON.stringify(a[at])} → ${JSON.stringify(b[at])})`;
}
/** Container fields (gzip header, zip comment) that differ, with both values. */
function containerChanges(first, second) {
    const keys = [...new Set([...Object.keys(first.container), ...Object.keys(second.container)])];
    return keys
        .filter((key) => first.container[key] !== second.container[key])
        .map((key) => `${key} ${JSON.stringify(first.container[key] ?? null)} → ${JSON.stringify(second.container[key] ?? null)}`);
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/.pnpm/tar@7.5.24/node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(5083);
;// CONCATENATED MODULE: ./packages/core/src/repro/member-name.ts

/**
 * Why a member name could point outside the archive's root (`../`, absolute or drive paths, NUL), or
 * null when it is safe. Archives are never extracted, but a name that would escape is what an
 * attacker's archive looks like, and no verdict of ours may read past it.
 */
function unsafeMemberName(name) {
    if (name === '')
        return 'an entry has an empty name';
    if (name.includes('\0'))
        return `entry ${JSON.stringify(name)} has a NUL byte in its name`;
    if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.startsWith('\\'))
        return `entry ${JSON.stringify(name)} has an absolute name`;
    if (name.split(/[/\\]/).includes('..'))
        return `entry ${JSON.stringify(name)} climbs out with ..`;
    return null;
}
/**
 * Why a link points outside the archive's root, or null. A symbolic link's target is relative to the
 * link's folder; a hard link's to the archive's root.
 */
function unsafeLinkTarget(name, target, kind) {
    const label = `${kind === 'symlink' ? 'symbolic' : 'hard'} link ${JSON.stringify(name)} → ${JSON.stringify(target)}`;
    if (target.startsWith('/') || /^[a-zA-Z]:/.test(target) || target.includes('\0'))
        return `${label} points to an absolute path`;
    const base = kind === 'symlink' ? external_node_path_default().posix.dirname(name) : '.';
    const resolved = external_node_path_default().posix.normalize(external_node_path_default().posix.join(base, target.replace(/\\/g, '/')));
    if (resolved === '..' || resolved.startsWith('../'))
        return `${label} points outside the archive`;
    return null;
}

;// CONCATENATED MODULE: ./packages/core/src/repro/tar-listing.ts










const TYPES = {
    File: 'file',
    OldFile: 'file',
    ContiguousFile: 'file',
    Directory: 'directory',
    SymbolicLink: 'symlink',
    Link: 'hardlink',
};
/**
 * Reads a tar (or a gzip-compressed tar) in one streamed pass through node-tar's Parser, hashing each
 * member and never writing a member to its own path. Any parser warning (bad checksum, truncated
 * input, unknown format) refuses the archive: half a listing must never read as identical.
 */
async function listTar(file, gzip, options) {
    const { label } = options;
    const size = (await external_node_fs_default().promises.stat(file)).size;
    const expand = options.budget.archive(label, size);
    const members = [];
    let failure = null;
    const parser = new index_min/* Parser */.iX({ strict: false });
    parser.on('warn', (code, message) => {
        failure ??= new ArchiveRefusal(label, `corrupt or truncated tar (${code}: ${String(message)})`);
    });
    const count = entryCounter(label, options.budget.limits);
    parser.on('entry', (entry) => {
        try {
            count();
            readEntry(entry, members, options);
        }
        catch (error) {
            failure ??= error;
            entry.resume();
        }
    });
    const ended = (0,external_node_events_.once)(parser, 'end');
    const source = external_node_fs_default().createReadStream(file, { highWaterMark: 1024 * 1024 });
    const stream = gzip ? source.pipe((0,external_node_zlib_.createGunzip)()) : source;
    try {
        for await (const chunk of stream) {
            if (gzip)
                expand(chunk.length);
            if (!parser.write(chunk))
                await (0,external_node_events_.once)(parser, 'drain');
            if (failure !== null)
                break;
        }
    }
    catch (error) {
        throw error instanceof ArchiveRefusal
            ? error
            : new ArchiveRefusal(label, `not a readable ${gzip ? 'gzip' : 'tar'} stream (${error.message})`, {
                cause: error,
            });
    }
    finally {
        source.destroy();
    }
    if (failure !== null)
        throw failure;
    parser.end();
    await ended;
    if (failure !== null)
        throw failure;
    return { members, container: gzip ? await gzipHeader(file) : {} };
}
function readEntry(entry, members, options) {
    const name = entry.path;
    const unsafe = unsafeMemberName(name);
    if (unsafe !== null)
        throw new ArchiveRefusal(options.label, unsafe);
    const type = TYPES[entry.type] ?? 'other';
    const linkTarget = entry.linkpath ?? null;
    if ((type === 'symlink' || type === 'hardlink') && linkTarget !== null) {
        const outside = unsafeLinkTarget(name, linkTarget, type);
        if (outside !== null)
            throw new ArchiveRefusal(options.label, outside);
    }
    const member = {
        name,
        type,
        sha256: null,
        size: entry.size,
        mode: entry.mode ?? null,
        mtime: entry.mtime?.toISOString() ?? null,
        owner: ownerOf(entry),
        linkTarget,
        compression: null,
        spooled: null,
    };
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const spool = type === 'file' && options.spoolDir !== null && archiveKind(name) !== null
        ? external_node_path_default().join(options.spoolDir, `${members.length}-${external_node_path_default().posix.basename(name)}`)
        : null;
    const fd = spool === null ? null : external_node_fs_default().openSync(spool, 'wx', 0o600);
    entry.on('data', (chunk) => {
        hash.update(chunk);
        // Synchronous, so a slow disk holds the parser back instead of filling memory.
        if (fd !== null)
            external_node_fs_default().writeSync(fd, chunk);
    });
    entry.on('end', () => {
        if (fd !== null)
            external_node_fs_default().closeSync(fd);
        members.push({
            ...member,
            sha256: type === 'file' || type === 'other' ? hash.digest('hex') : null,
            spooled: spool,
        });
    });
}
function ownerOf(entry) {
    const ids = `${entry.uid ?? '?'}:${entry.gid ?? '?'}`;
    return entry.uname || entry.gname ? `${ids} (${entry.uname ?? ''}:${entry.gname ?? ''})` : ids;
}
/** The gzip header fields that differ between otherwise equal streams (RFC 1952 section 2.3). */
async function gzipHeader(file) {
    const handle = await external_node_fs_default().promises.open(file, 'r');
    try {
        const header = Buffer.alloc(10);
        await handle.read(header, 0, 10, 0);
        return {
            'gzip header mtime': String(header.readUInt32LE(4)),
            'gzip extra flags (level)': String(header[8]),
            'gzip header OS': String(header[9]),
            'gzip header flags': String(header[3]),
        };
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./packages/core/src/repro/zip-listing.ts








const METHODS = {
    0: 'stored',
    8: 'deflate',
    9: 'deflate64',
    12: 'bzip2',
    14: 'lzma',
};
function openZip(file, label) {
    return new Promise((resolve, reject) => yauzl.open(file, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => error || !zip
        ? reject(new ArchiveRefusal(label, `not a readable zip (${error?.message ?? 'no zip'})`, {
            cause: error,
        }))
        : resolve(zip)));
}
/**
 * Reads a zip's central directory and streams every entry through sha256 (yauzl checks each entry
 * expands to exactly its declared size). Entry count and declared sizes are checked against the
 * limits before any byte is inflated.
 */
async function listZip(file, options) {
    const { label } = options;
    const size = (await external_node_fs_default().promises.stat(file)).size;
    const zip = await openZip(file, label);
    try {
        if (zip.entryCount > options.budget.limits.maxEntries)
            throw new ArchiveRefusal(label, `holds ${zip.entryCount} entries, more than the limit of ${options.budget.limits.maxEntries}`);
        const count = entryCounter(label, options.budget.limits);
        const expand = options.budget.archive(label, size);
        const members = [];
        for (;;) {
            const entry = await nextEntry(zip, label);
            if (entry === null)
                break;
            count();
            expand(entry.uncompressedSize);
            members.push(await zip_listing_readEntry(zip, entry, members.length, options));
        }
        return { members, container: { 'zip comment': zip.comment } };
    }
    finally {
        zip.close();
    }
}
function nextEntry(zip, label) {
    return new Promise((resolve, reject) => {
        const cleanup = () => {
            zip.removeListener('entry', onEntry);
            zip.removeListener('end', onEnd);
            zip.removeListener('error', onError);
        };
        const onEntry = (entry) => (cleanup(), resolve(entry));
        const onEnd = () => (cleanup(), resolve(null));
        const onError = (error) => (cleanup(),
            reject(new ArchiveRefusal(label, `corrupt zip (${error.message})`, { cause: error })));
        zip.on('entry', onEntry);
        zip.on('end', onEnd);
        zip.on('error', onError);
        zip.readEntry();
    });
}
async function zip_listing_readEntry(zip, entry, index, options) {
    const name = entry.fileName;
    const unsafe = unsafeMemberName(name) ??
        (name.includes('\\') ? `entry ${JSON.stringify(name)} has a backslash in its name` : null);
    if (unsafe !== null)
        throw new ArchiveRefusal(options.label, unsafe);
    const unixMode = (entry.externalFileAttributes >>> 16) & 0xffff;
    const symlink = (unixMode & 0o170000) === 0o120000;
    const directory = name.endsWith('/');
    const spool = !symlink && !directory && options.spoolDir !== null && archiveKind(name) !== null
        ? external_node_path_default().join(options.spoolDir, `${index}-${external_node_path_default().posix.basename(name)}`)
        : null;
    const { sha256, bytes } = await hashEntry(zip, entry, spool, symlink, options.label);
    if (symlink) {
        const outside = unsafeLinkTarget(name, bytes.toString('utf8'), 'symlink');
        if (outside !== null)
            throw new ArchiveRefusal(options.label, outside);
    }
    return {
        name,
        type: symlink ? 'symlink' : directory ? 'directory' : 'file',
        sha256: symlink || directory ? null : sha256,
        size: entry.uncompressedSize,
        mode: unixMode === 0 ? null : unixMode,
        mtime: entry.getLastModDate({ timezone: 'UTC' }).toISOString(),
        owner: null,
        linkTarget: symlink ? bytes.toString('utf8') : null,
        compression: METHODS[entry.compressionMethod] ?? `method ${entry.compressionMethod}`,
        spooled: spool,
    };
}
function hashEntry(zip, entry, spool, keep, label) {
    return new Promise((resolve, reject) => {
        const fail = (error) => reject(new ArchiveRefusal(label, `corrupt entry ${JSON.stringify(entry.fileName)} (${error.message})`, {
            cause: error,
        }));
        zip.openReadStream(entry, (error, stream) => {
            if (error || !stream)
                return fail(error ?? new Error('no stream'));
            const hash = (0,external_node_crypto_.createHash)('sha256');
            const kept = [];
            let keptBytes = 0;
            const fd = spool === null ? null : external_node_fs_default().openSync(spool, 'wx', 0o600);
            stream.on('data', (chunk) => {
                hash.update(chunk);
                if (fd !== null)
                    external_node_fs_default().writeSync(fd, chunk);
                // A link target: keep only what a path can be.
                if (keep && keptBytes < 4096) {
                    kept.push(chunk);
                    keptBytes += chunk.length;
                }
            });
            stream.on('error', (streamError) => {
                if (fd !== null)
                    external_node_fs_default().closeSync(fd);
                fail(streamError);
            });
            stream.on('end', () => {
                if (fd !== null)
                    external_node_fs_default().closeSync(fd);
                resolve({ sha256: hash.digest('hex'), bytes: Buffer.concat(kept) });
            });
        });
    });
}

;// CONCATENATED MODULE: ./packages/core/src/repro/explain-archive.ts






function list(kind, file, options) {
    return kind === 'zip' ? listZip(file, options) : listTar(file, kind === 'tar.gz', options);
}
async function listSide(ctx, pair, side) {
    const spoolDir = pair.depth < ctx.maxDepth ? await external_node_fs_default().promises.mkdtemp(external_node_path_default().join(ctx.tempDir, `${side}-`)) : null;
    const inside = pair.prefix === '' ? '' : `!/${pair.prefix.slice(0, -2)}`;
    return list(pair.kind, side === 'first' ? pair.first : pair.second, {
        label: `${ctx.path}${inside} (${side === 'first' ? 'FIRST' : 'SECOND'})`,
        budget: ctx.budgets[side],
        spoolDir,
    });
}
function byName(listing) {
    return new Map(listing.members.map((member) => [member.name, member]));
}
/**
 * Says where two archives whose bytes differ differ: members in content (both sha256, and nested
 * archives opened in turn up to the depth), on one side only, or in metadata only. Throws
 * ArchiveRefusal for a hostile or corrupt archive. Explains; never decides the verdict.
 */
async function explainArchive(ctx, pair) {
    const first = await listSide(ctx, pair, 'first');
    const second = await listSide(ctx, pair, 'second');
    const a = byName(first);
    const b = byName(second);
    const differences = [];
    const add = (member, kind, x, y, detail) => differences.push({ path: ctx.path, member: pair.prefix + member, kind, first: x, second: y, detail });
    for (const [name, member] of a) {
        const other = b.get(name);
        if (other === undefined) {
            add(name, 'missing', member.sha256, null, `only in FIRST (${member.type}, ${member.size} bytes)`);
        }
        else if (contentDiffers(member, other)) {
            const nested = await explainNested(ctx, pair, member, other);
            add(name, 'content', member.sha256, other.sha256, contentDetail(member, other, nested));
            differences.push(...nested);
        }
        else {
            const changes = metadataChanges(member, other);
            if (changes.length > 0)
                add(name, 'metadata', member.sha256, other.sha256, metadataDetail(changes));
        }
    }
    for (const [name, member] of b)
        if (!a.has(name))
            add(name, 'extra', null, member.sha256, `only in SECOND (${member.type}, ${member.size} bytes)`);
    const order = orderChange(first, second);
    const member = pair.prefix === '' ? null : pair.prefix.slice(0, -2);
    if (order !== null)
        differences.push({
            path: ctx.path,
            member,
            kind: 'metadata',
            first: null,
            second: null,
            detail: `metadata only: ${order}`,
        });
    if (differences.length === 0)
        differences.push({
            path: ctx.path,
            member,
            kind: 'metadata',
            first: null,
            second: null,
            detail: containerDetail(pair.kind, first, second),
        });
    return differences;
}
async function explainNested(ctx, pair, first, second) {
    const kind = archiveKind(first.name);
    if (kind === null || first.spooled === null || second.spooled === null)
        return [];
    return explainArchive(ctx, {
        kind,
        first: first.spooled,
        second: second.spooled,
        prefix: `${pair.prefix}${first.name}!/`,
        depth: pair.depth + 1,
    });
}
function contentDetail(first, second, nested) {
    if (first.type !== second.type)
        return `type differs: ${first.type} → ${second.type}`;
    if (first.linkTarget !== second.linkTarget)
        return `link target differs: ${JSON.stringify(first.linkTarget)} → ${JSON.stringify(second.linkTarget)}`;
    const sizes = first.size === second.size ? `${first.size} bytes each` : `${first.size} → ${second.size} bytes`;
    return nested.length === 0
        ? `content differs (${sizes})`
        : `content differs (${sizes}); inside: ${summarise(nested)}`;
}
function containerDetail(kind, first, second) {
    const changes = containerChanges(first, second);
    if (changes.length > 0)
        return `metadata only: compression (${changes.join(', ')})`;
    if (kind === 'tar.gz')
        return 'metadata only: compression (same members, another compressed stream: a different gzip level or implementation)';
    if (kind === 'zip')
        return 'metadata only: compression (same members, different zip framing: extra fields or directory layout)';
    return 'the tar bytes differ outside every member (header padding or end-of-archive blocks)';
}
/** "2 content, 1 metadata only: mtime" for a list of differences. */
function summarise(differences) {
    const content = differences.filter((d) => d.kind === 'content').length;
    const sides = differences.filter((d) => d.kind === 'missing' || d.kind === 'extra').length;
    const metadata = differences.filter((d) => d.kind === 'metadata');
    const parts = [];
    if (content > 0)
        parts.push(`${content} member${content === 1 ? '' : 's'} differ in content`);
    if (sides > 0)
        parts.push(`${sides} on one side only`);
    if (metadata.length > 0) {
        const fields = [
            ...new Set(metadata.flatMap((d) => [...d.detail.matchAll(/(?:^metadata only: |, )(\w+) \(/g)].map((m) => m[1]))),
        ];
        parts.push(`metadata only: ${fields.join(', ') || 'container'}`);
    }
    return parts.join('; ');
}

;// CONCATENATED MODULE: ./packages/core/src/repro/text-diff.ts

/** Bytes of each file read for a text diff, and lines of the diff kept. */
const TEXT_DIFF_READ_BYTES = 256 * 1024;
const TEXT_DIFF_MAX_LINES = 40;
const CONTEXT = 3;
async function head(file) {
    const handle = await external_node_fs_default().promises.open(file, 'r');
    try {
        const buffer = Buffer.alloc(TEXT_DIFF_READ_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
function asText(bytes) {
    if (bytes.includes(0))
        return null;
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    // More than a few replacement characters: binary, not text.
    return (text.match(/\uFFFD/g)?.length ?? 0) > 8 ? null : text;
}
/**
 * A unified diff of the first differing lines of two text files (bounded: the first 256 KiB of each,
 * at most 40 lines), or null when either looks binary or nothing differs in what was read.
 */
async function firstLinesDiff(first, second, label) {
    const a = asText(await head(first));
    const b = asText(await head(second));
    if (a === null || b === null)
        return null;
    const left = a.split('\n');
    const right = b.split('\n');
    let at = 0;
    while (at < left.length && at < right.length && left[at] === right[at])
        at++;
    if (at === left.length && at === right.length)
        return null;
    // Resynchronise on the first common tail, else show the rest of both (cut below).
    let endA = left.length;
    let endB = right.length;
    while (endA > at && endB > at && left[endA - 1] === right[endB - 1]) {
        endA--;
        endB--;
    }
    const start = Math.max(0, at - CONTEXT);
    const lines = [
        `--- FIRST/${label}`,
        `+++ SECOND/${label}`,
        `@@ -${start + 1},${endA - start} +${start + 1},${endB - start} @@`,
        ...left.slice(start, at).map((line) => ` ${line}`),
        ...left.slice(at, endA).map((line) => `-${line}`),
        ...right.slice(at, endB).map((line) => `+${line}`),
    ];
    const kept = lines.slice(0, TEXT_DIFF_MAX_LINES).map((line) => line.slice(0, 400));
    const cut = lines.length > TEXT_DIFF_MAX_LINES ? `… (diff cut at ${TEXT_DIFF_MAX_LINES} lines)\n` : '';
    return `${kept.join('\n')}\n${cut}`;
}

;// CONCATENATED MODULE: ./packages/core/src/repro/compare-builds.ts













function checkOptions(options) {
    const maxDepth = options.maxDepth ?? DEFAULT_ARCHIVE_LIMITS.maxDepth;
    if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > 10)
        throw new errors/* InputError */.dz('max-depth', `must be a whole number from 0 to 10, got ${maxDepth}`);
    const mode = options.diffoscope ?? 'auto';
    if (!DIFFOSCOPE_MODES.includes(mode))
        throw new errors/* InputError */.dz('diffoscope', `must be one of ${DIFFOSCOPE_MODES.join(', ')}, got ${JSON.stringify(mode)}`);
    const timeout = options.diffoscopeTimeoutSeconds ?? 120;
    if (!Number.isFinite(timeout) || timeout <= 0)
        throw new errors/* InputError */.dz('diffoscope-timeout', `must be a positive number of seconds, got ${timeout}`);
    return { maxDepth, mode, timeout };
}
async function digestOf(tree, relative, present) {
    if (!present)
        return null;
    return digestFile(treeFile(tree, relative), ['sha256']);
}
/**
 * Compares two builds of one release, file by file (by relative path), on their sha256: the verdict.
 * Then explains every file that differs: archives member by member (bounded, never extracted), text
 * files by their first differing lines, and diffoscope's report where it runs.
 */
async function compareBuilds(options) {
    const { maxDepth, mode, timeout } = checkOptions(options);
    const diffoscope = mode === 'never' ? null : findDiffoscope(options.env);
    if (mode === 'always' && diffoscope === null)
        throw (0,errors/* usageError */.Wp)('--diffoscope always: diffoscope is not on PATH (Debian: apt-get install --no-install-recommends diffoscope-minimal)');
    const first = await readBuildTree(options.first, 'FIRST');
    const second = await readBuildTree(options.second, 'SECOND');
    if (first.kind !== second.kind)
        throw (0,errors/* usageError */.Wp)(`FIRST is a ${first.kind} and SECOND a ${second.kind}: compare two files or two folders`);
    const paths = first.kind === 'file' ? first.files : [...new Set([...first.files, ...second.files])].sort();
    const inFirst = new Set(first.files);
    const inSecond = new Set(second.kind === 'file' ? first.files : second.files);
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits, maxDepth };
    const tempDir = await external_node_fs_default().promises.mkdtemp(external_node_path_default().join(options.tempDir ?? external_node_os_default().tmpdir(), 'release-guard-repro-'));
    const comparison = {
        reproducible: true,
        artifacts: [],
        differences: [],
        unexplained: [],
        explanations: [],
        diffoscope: {
            path: diffoscope,
            version: diffoscope === null ? null : await diffoscopeVersion(diffoscope, options.env),
        },
        maxDepth,
        comparedAt: new Date().toISOString(),
    };
    const budgets = { first: new ExpansionBudget(limits), second: new ExpansionBudget(limits) };
    try {
        for (const relative of paths) {
            const a = await digestOf(first, relative, inFirst.has(relative));
            const b = await digestOf(second, relative, inSecond.has(relative));
            comparison.artifacts.push({
                path: relative,
                first: a?.sha256 ?? null,
                second: b?.sha256 ?? null,
                size: { first: a?.size ?? null, second: b?.size ?? null },
            });
            if (a?.sha256 === b?.sha256)
                continue;
            comparison.reproducible = false;
            if (a === null || b === null) {
                comparison.differences.push(sideDifference(relative, a?.sha256 ?? null, b?.sha256 ?? null));
                continue;
            }
            const ctx = { path: relative, maxDepth, budgets, tempDir };
            await explainFile(ctx, comparison, [treeFile(first, relative), treeFile(second, relative)], { a, b }, { diffoscope, options, timeout });
        }
    }
    finally {
        await external_node_fs_default().promises.rm(tempDir, { recursive: true, force: true });
    }
    return comparison;
}
function sideDifference(relative, a, b) {
    return a === null
        ? { path: relative, member: null, kind: 'extra', first: null, second: b, detail: 'only in SECOND' }
        : { path: relative, member: null, kind: 'missing', first: a, second: null, detail: 'only in FIRST' };
}
async function explainFile(ctx, comparison, [firstFile, secondFile], digests, tools) {
    const { a, b } = digests;
    const sizes = a.size === b.size ? `${a.size} bytes each` : `${a.size} → ${b.size} bytes`;
    const outer = {
        path: ctx.path,
        member: null,
        kind: 'content',
        first: a.sha256 ?? null,
        second: b.sha256 ?? null,
        detail: `content differs (${sizes})`,
    };
    comparison.differences.push(outer);
    const kind = archiveKind(ctx.path);
    let textDiff = null;
    if (kind !== null && ctx.maxDepth >= 1) {
        try {
            const inside = await explainArchive(ctx, {
                kind,
                first: firstFile,
                second: secondFile,
                prefix: '',
                depth: 1,
            });
            outer.detail += `; inside: ${summarise(inside) || inside.map((d) => d.detail).join('; ')}`;
            comparison.differences.push(...inside);
        }
        catch (error) {
            if (!(error instanceof ArchiveRefusal))
                throw error;
            outer.detail += `; not explained: ${error.message}`;
            comparison.unexplained.push(error.message);
        }
    }
    else if (kind === null) {
        textDiff = await firstLinesDiff(firstFile, secondFile, ctx.path);
    }
    const diffoscope = tools.diffoscope === null
        ? null
        : await runDiffoscope(tools.diffoscope, firstFile, secondFile, {
            env: tools.options.env,
            timeoutSeconds: tools.timeout,
        });
    if (diffoscope !== null)
        outer.detail += `; diffoscope: ${diffoscope.status}`;
    comparison.explanations.push({ path: ctx.path, textDiff, diffoscope });
}

// EXTERNAL MODULE: ./node_modules/.pnpm/tar@7.5.24/node_modules/tar/package.json
var tar_package = __webpack_require__(1080);
// EXTERNAL MODULE: ./node_modules/.pnpm/yauzl@3.4.0/node_modules/yauzl/package.json
var yauzl_package = __webpack_require__(7291);
;// CONCATENATED MODULE: ./packages/core/package.json
const core_package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./packages/core/src/repro/tools.ts



/** The tools a comparison used, with their versions, for the attestation. */
function reproTools(diffoscopeVersion) {
    const tools = [
        { name: 'release-guard', version: core_package_namespaceObject.rE },
        { name: 'node-tar', version: tar_package/* version */.rE },
        { name: 'yauzl', version: yauzl_package/* version */.rE },
        { name: 'node', version: process.versions.node },
    ];
    if (diffoscopeVersion !== null)
        tools.push({ name: 'diffoscope', version: diffoscopeVersion });
    return tools;
}

;// CONCATENATED MODULE: ./packages/core/src/repro/repro.ts








/** Where the attestation goes unless told: `artifacts/repro/attestations/<tag>.json`. */
function defaultAttestationPath(tag) {
    return `artifacts/repro/attestations/${tagFileName(tag)}.json`;
}
/**
 * Compares the two builds, writes the attestation (identical or not, atomically), and on a mismatch
 * sets the release freeze where it can. An identical result never lifts a freeze.
 */
async function reproVerify(options) {
    if ((options.tag === undefined || options.tag.trim() === '') && options.attestationPath === undefined)
        throw new errors/* InputError */.dz('tag', 'is required unless --attestation names the attestation file');
    const attestation = options.attestationPath ?? defaultAttestationPath(options.tag);
    const comparison = await compareBuilds(options);
    const statement = reproStatement({
        tag: options.tag ?? null,
        reproducible: comparison.reproducible,
        artifacts: comparison.artifacts,
        differences: comparison.differences,
        unexplained: comparison.unexplained,
        maxDepth: comparison.maxDepth,
        tools: reproTools(comparison.diffoscope.version),
        comparedAt: comparison.comparedAt,
    });
    await writeFileAtomic(external_node_path_default().resolve(options.cwd, attestation), `${JSON.stringify(statement, null, 2)}\n`);
    const differing = comparison.artifacts.filter((artifact) => artifact.first !== artifact.second).length;
    let frozen = false;
    let freezeNote = comparison.reproducible ? 'identical: the freeze is left as it is' : '';
    if (!comparison.reproducible) {
        if ('skipped' in options.freeze) {
            freezeNote = `the release freeze was NOT set: ${options.freeze.skipped}`;
        }
        else {
            const name = options.tag ?? external_node_path_default().basename(options.first);
            await changeReleaseFreeze(options.freeze.store, {
                action: 'on',
                reason: `repro mismatch for ${name}: ${differing} file${differing === 1 ? ' differs' : 's differ'}`,
                incident: attestation,
                actor: options.freeze.actor,
            });
            frozen = true;
            freezeNote = `release freeze set in ${options.freeze.store.location}`;
        }
    }
    return {
        report: {
            reproducible: comparison.reproducible,
            failure_reason: comparison.reproducible ? null : 'repro_mismatch',
            compared: comparison.artifacts.length,
            differences: comparison.differences,
            attestation,
            frozen,
        },
        comparison,
        freezeNote,
        exitCode: comparison.reproducible ? 0 : comparison.unexplained.length > 0 ? 2 : 1,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/repro/action-run.ts









/** repro-verify's work: fetch or find the two builds, compare them, set the freeze on a mismatch. */
async function runReproVerify(inputs) {
    checkReproVerifyInputs(inputs);
    let github;
    const client = () => (github ??= createGitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl }));
    const builds = await actionBuilds(inputs, client);
    try {
        const freeze = inputs.setFreeze
            ? { store: openActionFreezeStore(inputs, client()), actor: inputs.actor }
            : { skipped: '`set-freeze` is false' };
        const run = await reproVerify({
            first: builds.first,
            second: builds.second,
            tag: inputs.tag,
            attestationPath: inputs.attestationPath,
            cwd: inputs.workspace,
            freeze,
            diffoscope: inputs.diffoscope,
            env: process.env,
            tempDir: inputs.tempDir,
        });
        const recorded = await recordActionControl(inputs, client, 'repro', {
            status: run.report.reproducible ? 'pass' : 'fail',
            failureReason: run.report.reproducible ? null : 'repro_mismatch',
            detail: run.report.reproducible
                ? `${run.report.compared} files identical`
                : `${run.comparison.artifacts.filter((a) => a.first !== a.second).length} of ${run.report.compared} files differ`,
        });
        const outcome = (0,action/* reproVerifyOutcome */.q)(run, inputs.secrets ?? []);
        return {
            ...outcome,
            summary: `${outcome.summary.trimEnd()}\n\n${(0,markdown/* markdownCell */.UZ)(recorded.note)}\n`,
            log: [...outcome.log, recorded.note],
        };
    }
    finally {
        if (builds.downloads !== null)
            external_node_fs_default().rmSync(builds.downloads, { recursive: true, force: true });
    }
}


/***/ })

};
;