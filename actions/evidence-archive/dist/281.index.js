"use strict";
exports.id = 281;
exports.ids = [281];
exports.modules = {

/***/ 78281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  evidenceArchive: () => (/* binding */ evidenceArchive),
  evidenceArtifactName: () => (/* binding */ evidenceArtifactName)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./packages/core/package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(36429);
// EXTERNAL MODULE: ./packages/core/src/freeze/gate.ts + 12 modules
var gate = __webpack_require__(97290);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+plugin-retry@6.1.0_@octokit+core@5.2.2/node_modules/@octokit/plugin-retry/dist-node/index.js
var dist_node = __webpack_require__(79195);
// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+plugin-throttling@8.2.0_@octokit+core@5.2.2/node_modules/@octokit/plugin-throttling/dist-node/index.js
var plugin_throttling_dist_node = __webpack_require__(97100);
// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+rest@20.1.2/node_modules/@octokit/rest/dist-node/index.js
var rest_dist_node = __webpack_require__(13020);
// EXTERNAL MODULE: ./node_modules/.pnpm/bottleneck@2.19.5/node_modules/bottleneck/lib/index.js
var lib = __webpack_require__(91500);
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

// EXTERNAL MODULE: ./packages/core/src/github/request-errors.ts
var request_errors = __webpack_require__(76667);
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
                throw new request_errors/* GitHubTimeoutError */.Dr(octokit.request.endpoint(endpoint), timeoutMs);
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
                    throw (0,request_errors/* toPermissionError */.rK)(error) ?? error;
                if (retries >= policy.maxRetries) {
                    throw new request_errors/* GitHubRateLimitError */.Rr(error, wait.kind, waitedMs, `still held after ${retries} retries over ${Math.round(waitedMs / 1000)} s`);
                }
                if (waitedMs + wait.waitMs > policy.maxTotalWaitMs) {
                    throw new request_errors/* GitHubRateLimitError */.Rr(error, wait.kind, waitedMs, `asks for ${Math.ceil(wait.waitMs / 1000)} s more, past the ${Math.round(policy.maxTotalWaitMs / 1000)} s this client may wait`);
                }
                log.warn(`${(0,request_errors/* describeRequest */.Ng)(error.request)}: GitHub ${wait.kind} rate limit; waiting ${Math.ceil(wait.waitMs / 1000)} s before retry ${retries + 1} of ${policy.maxRetries}`);
                await (0,promises_.setTimeout)(wait.waitMs);
                waitedMs += wait.waitMs;
            }
        }
    });
    return octokit;
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./packages/core/src/text/safe-text.ts
var safe_text = __webpack_require__(88625);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./packages/core/src/github/stream-fetch.ts



const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
function responseHeaders(raw) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(raw)) {
        if (value === undefined)
            continue;
        for (const one of Array.isArray(value) ? value : [value])
            headers.append(name, one);
    }
    return headers;
}
/**
 * A `fetch` for requests whose body is a Node stream (a release upload), given to Octokit as
 * `request.fetch`. Node's own fetch reads a streamed body as fast as the disk gives it, whatever the
 * socket takes, so a large upload ends up in memory; node:http's pipe waits for the socket. Only what
 * Octokit uses: method, headers, a body, an abort signal; no redirects (uploads get none). The answer
 * is read whole.
 */
function streamFetch(input, init = {}) {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const transport = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
    const signal = init.signal ?? undefined;
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const request = transport.request(url, {
            method: init.method ?? 'GET',
            headers: init.headers,
        });
        const abort = () => request.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        signal?.addEventListener('abort', abort, { once: true });
        request.on('error', (error) => {
            signal?.removeEventListener('abort', abort);
            reject(error);
        });
        // The answer of an upload is a small JSON document: read whole, it needs no stream API.
        request.on('response', (message) => {
            const chunks = [];
            message.on('data', (chunk) => chunks.push(chunk));
            message.on('error', reject);
            message.on('end', () => {
                signal?.removeEventListener('abort', abort);
                const status = message.statusCode ?? 500;
                const body = NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks);
                resolve(new Response(body, {
                    status,
                    statusText: message.statusMessage,
                    headers: responseHeaders(message.headers),
                }));
            });
        });
        const body = init.body;
        if (body instanceof external_node_stream_.Readable) {
            (0,external_node_stream_.pipeline)(body, request, (error) => {
                if (error)
                    request.destroy(error);
            });
        }
        else {
            request.end(body === undefined || body === null ? undefined : body);
        }
    });
}

;// CONCATENATED MODULE: ./packages/core/src/github/asset-upload.ts




/**
 * One upload attempt to the release's own `upload_url` (its RFC 6570 `{?name,label}` expanded by
 * Octokit), the body streamed from disk and hashed on the way: the file is read once and never held
 * in memory. Not retried here: a stream cannot be replayed, and the caller checks first whether a
 * lost attempt left an asset.
 */
async function uploadOnce(client, release, source, sent, timeoutMs) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    sent.bytes = 0;
    delete sent.sha256;
    const meter = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            hash.update(chunk);
            sent.bytes += chunk.length;
            done(null, chunk);
        },
        flush(done) {
            sent.sha256 = hash.digest('hex');
            done();
        },
    });
    // A read error destroys the body, which fails the request.
    const body = (0,external_node_stream_.pipeline)((0,external_node_fs_.createReadStream)(source.path), meter, () => undefined);
    const { data } = await client.request(`POST ${release.uploadUrl}`, {
        name: source.name,
        ...(source.label !== undefined ? { label: source.label } : {}),
        data: body,
        headers: { 'content-type': source.contentType, 'content-length': source.size },
        // Node's fetch would hold the streamed body in memory; see streamFetch.
        request: { retries: 0, timeout: timeoutMs, fetch: streamFetch },
    });
    return data;
}
/** Every asset of the release (paginated). */
async function listAssets(client, where, releaseId) {
    return client.paginate(client.rest.repos.listReleaseAssets, {
        owner: where.owner,
        repo: where.repo,
        release_id: releaseId,
        per_page: 100,
    });
}
/** Deletes an asset; one already gone (a retried delete whose first answer was lost) is fine. */
async function deleteAsset(client, where, assetId) {
    try {
        await client.rest.repos.deleteReleaseAsset({
            owner: where.owner,
            repo: where.repo,
            asset_id: assetId,
            request: { retries: 0 },
        });
    }
    catch (error) {
        if (error.status !== 404)
            throw error;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/github/release-asset-error.ts


const CODES = {
    permission: 'usage_error',
    immutable: 'usage_error',
    release_missing: 'usage_error',
    digest_mismatch: 'digest_mismatch',
    github_failed: 'unreadable_input',
};
/** A release or asset operation that failed; `reason` tells the cases apart for callers that map them. */
class release_asset_error_ReleaseAssetError extends errors/* ReleaseGuardError */.dZ {
    reason;
    constructor(reason, message, details = {}, cause) {
        super(CODES[reason], message, { reason, ...details }, { cause });
        this.name = 'ReleaseAssetError';
        this.reason = reason;
    }
}
/** 5xx, a timeout (reported as 500) or no answer at all: the request may be tried again. */
function isTransient(error) {
    if (error instanceof errors/* ReleaseGuardError */.dZ || error instanceof request_errors/* GitHubRateLimitError */.Rr)
        return false;
    const status = (0,request_errors/* statusOf */.c2)(error);
    return status === undefined || status >= 500;
}
/** What a GitHub answer said, in one line, for messages (never the request's headers). */
function describeAnswer(error) {
    const status = (0,request_errors/* statusOf */.c2)(error);
    return status === undefined ? (0,request_errors/* githubMessage */.hg)(error) : `GitHub answered ${status}: ${(0,request_errors/* githubMessage */.hg)(error)}`;
}
/** A refusal for lack of permission, naming the permission a workflow grants. */
function permissionError(what, repository, error) {
    const said = error instanceof request_errors/* GitHubPermissionError */.x6 ? error.message.replace(/\.$/, '') : describeAnswer(error);
    return new release_asset_error_ReleaseAssetError('permission', `${what} in ${repository} was refused (${said}). Releases and their assets need \`contents: write\`: ` +
        "add it to the job's permissions: block, or pass a token that has it.", { status: (0,request_errors/* statusOf */.c2)(error) ?? null }, error);
}
/**
 * Turns a failed request into the ReleaseAssetError a caller reports: 401/403 (other than a rate
 * limit) is a permission refusal, 404 a missing release, anything else GitHub failing.
 */
function release_asset_error_releaseRequestError(what, repository, error) {
    if (error instanceof release_asset_error_ReleaseAssetError)
        return error;
    const status = (0,request_errors/* statusOf */.c2)(error);
    if (!(error instanceof request_errors/* GitHubRateLimitError */.Rr) && (status === 401 || status === 403))
        return permissionError(what, repository, error);
    if (status === 404) {
        return new release_asset_error_ReleaseAssetError('release_missing', `${what} in ${repository} failed: GitHub answered 404 (${(0,request_errors/* githubMessage */.hg)(error)}): the repository or ` +
            'release does not exist, or the token cannot see it.', { status }, error);
    }
    return new release_asset_error_ReleaseAssetError('github_failed', `${what} in ${repository} failed (${describeAnswer(error)}); run again later.`, { status: status ?? null }, error);
}

;// CONCATENATED MODULE: ./packages/core/src/github/transient-retry.ts


/**
 * Runs `attempt` again after a transient failure, with backoff, for a request the GitHub client does
 * not retry by itself (a POST, or a body that is a stream and cannot be replayed). `beforeRetry` is
 * where a caller finds out whether a lost answer's request took effect; it may return a result,
 * which ends the retries.
 */
async function transient_retry_retryTransient(what, attempt, options = {}) {
    const retries = options.retries ?? 3;
    const unit = options.retryDelayMs ?? 1000;
    for (let retry = 0;; retry++) {
        try {
            if (retry > 0 && options.beforeRetry) {
                const settled = await options.beforeRetry();
                if (settled !== undefined)
                    return settled;
            }
            return await attempt();
        }
        catch (error) {
            if (!isTransient(error) || retry >= retries)
                throw error;
            options.log?.(`${what}: ${describeAnswer(error)}; retry ${retry + 1} of ${retries}`);
            await (0,promises_.setTimeout)((retry + 1) ** 2 * unit);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/github/asset-replace.ts






/** Deletes the asset a re-run replaces; a release made immutable meanwhile is named as such. */
async function removeAsset(client, where, asset, options) {
    const what = `deleting the asset ${(0,safe_text/* safeText */.H)(asset.name)} (id ${asset.id})`;
    try {
        await transient_retry_retryTransient(what, () => deleteAsset(client, where, asset.id), options);
    }
    catch (error) {
        if ((0,request_errors/* statusOf */.c2)(error) === 422 && /immutable/i.test((0,request_errors/* githubMessage */.hg)(error))) {
            throw new release_asset_error_ReleaseAssetError('immutable', `${what} was refused: the release was published as immutable meanwhile (GitHub answered 422: ${(0,request_errors/* githubMessage */.hg)(error)}).`, { status: 422 }, error);
        }
        throw release_asset_error_releaseRequestError(what, `${where.owner}/${where.repo}`, error);
    }
}
async function uploadWithRetries(client, where, release, source, options) {
    const what = `uploading ${(0,safe_text/* safeText */.H)(source.name)} to release ${release.id}`;
    const sent = { bytes: 0 };
    const attempt = async () => {
        const asset = await uploadOnce(client, release, source, sent, options.uploadTimeoutMs);
        return { asset, sha256: checkedSent(sent, source) };
    };
    // The answer was lost: an asset of that name now is that upload (same digest) or a broken one.
    const beforeRetry = async () => {
        const now = (await listAssets(client, where, release.id)).find((a) => a.name === source.name);
        if (!now)
            return undefined;
        if (sent.sha256 && now.state === 'uploaded' && now.digest === `sha256:${sent.sha256}`) {
            options.log?.(`${what}: the upload whose answer was lost did land; keeping it`);
            return { asset: now, sha256: checkedSent(sent, source) };
        }
        await deleteAsset(client, where, now.id);
        return undefined;
    };
    try {
        return await transient_retry_retryTransient(what, attempt, { ...options, beforeRetry });
    }
    catch (error) {
        if (error instanceof errors/* ReleaseGuardError */.dZ)
            throw error;
        if ((0,request_errors/* statusOf */.c2)(error) === 422 && /immutable/i.test((0,request_errors/* githubMessage */.hg)(error))) {
            throw new release_asset_error_ReleaseAssetError('immutable', `${what} was refused: the release was published as immutable meanwhile (GitHub answered 422: ${(0,request_errors/* githubMessage */.hg)(error)}). ` +
                'Attach assets to a draft release and publish it last.', { status: 422 }, error);
        }
        if ((0,request_errors/* statusOf */.c2)(error) === 422 && /already_exists/.test(JSON.stringify(errorData(error)))) {
            throw new release_asset_error_ReleaseAssetError('github_failed', `${what} was refused: an asset of that name appeared on the release meanwhile (another run attaching ` +
                'to the same release?); run again once it is done.', { status: 422 }, error);
        }
        throw release_asset_error_releaseRequestError(what, `${where.owner}/${where.repo}`, error);
    }
}
function errorData(error) {
    return error.response?.data;
}
/** The sha256 of what went out, once all of it did. */
function checkedSent(sent, source) {
    if (sent.sha256 === undefined || sent.bytes !== source.size) {
        throw new errors/* ReleaseGuardError */.dZ('digest_mismatch', `${(0,safe_text/* safeText */.H)(source.path)} changed while it was uploaded (${sent.bytes} bytes sent, ${source.size} expected).`, { path: source.path, expected: source.size, actual: sent.bytes });
    }
    return sent.sha256;
}
/**
 * The bytes sent against the digest the file was to have (as signed), and GitHub's digest of the
 * stored asset against the bytes sent. A mismatching asset is removed: no one should download it.
 */
async function checkDigest(client, where, source, asset, sha256) {
    if (source.sha256 !== undefined && source.sha256 !== sha256) {
        await deleteAsset(client, where, asset.id).catch(() => undefined);
        throw new release_asset_error_ReleaseAssetError('digest_mismatch', `${(0,safe_text/* safeText */.H)(source.path)} is not the file that was signed: it streamed to sha256:${sha256}, expected ` +
            `sha256:${source.sha256}; the asset was removed.`, { path: source.path, expected: `sha256:${source.sha256}`, actual: `sha256:${sha256}` });
    }
    if (!asset.digest)
        return false;
    if (asset.digest === `sha256:${sha256}`)
        return true;
    await deleteAsset(client, where, asset.id).catch(() => undefined);
    throw new release_asset_error_ReleaseAssetError('digest_mismatch', `GitHub stored ${(0,safe_text/* safeText */.H)(source.name)} with digest ${(0,safe_text/* safeText */.H)(asset.digest)}, but the bytes sent have sha256:${sha256}; ` +
        'the asset was removed. Run again to upload it anew.', { path: source.path, expected: `sha256:${sha256}`, actual: asset.digest });
}

;// CONCATENATED MODULE: ./packages/core/src/github/release-lookup.ts




function toInfo(release, created) {
    return {
        id: release.id,
        tag: release.tag_name,
        draft: release.draft,
        immutable: release.immutable === true,
        uploadUrl: release.upload_url,
        htmlUrl: release.html_url,
        created,
    };
}
function repository(where) {
    return `${where.owner}/${where.repo}`;
}
/**
 * The release of `where.tag`, preferring a draft: drafts are found only through the list of releases
 * (GET /releases/tags/{tag} does not see them, and lists them only to a token with push access).
 * Several drafts for one tag: the newest. Undefined when the tag has none.
 */
async function findRelease(client, where, log) {
    let published;
    const drafts = [];
    try {
        const pages = client.paginate.iterator(client.rest.repos.listReleases, {
            owner: where.owner,
            repo: where.repo,
            per_page: 100,
        });
        for await (const { data } of pages) {
            for (const release of data) {
                if (release.tag_name !== where.tag)
                    continue;
                if (release.draft)
                    drafts.push(release);
                else
                    published ??= release;
            }
        }
    }
    catch (error) {
        throw release_asset_error_releaseRequestError(`listing the releases of ${(0,safe_text/* safeText */.H)(where.tag)}`, repository(where), error);
    }
    if (drafts.length > 1) {
        log?.(`${drafts.length} draft releases for ${(0,safe_text/* safeText */.H)(where.tag)} (ids ${drafts.map((d) => d.id).join(', ')}); using the newest, ${drafts[0].id}`);
    }
    const chosen = drafts[0] ?? published;
    return chosen ? toInfo(chosen, false) : undefined;
}
async function createDraft(client, where, options) {
    const what = `creating a draft release for ${(0,safe_text/* safeText */.H)(where.tag)}`;
    try {
        return await transient_retry_retryTransient(what, async () => {
            const { data } = await client.rest.repos.createRelease({
                owner: where.owner,
                repo: where.repo,
                tag_name: where.tag,
                name: options.name ?? where.tag,
                draft: true,
                ...(options.targetCommitish ? { target_commitish: options.targetCommitish } : {}),
                request: { retries: 0 },
            });
            return toInfo(data, true);
        }, 
        // A lost answer may have created the draft: a retry would make a second one.
        { ...options, beforeRetry: () => findRelease(client, where, options.log) });
    }
    catch (error) {
        if ((0,request_errors/* statusOf */.c2)(error) === 422) {
            throw new release_asset_error_ReleaseAssetError('release_missing', `${what} in ${repository(where)} was refused (GitHub answered 422: ${(0,request_errors/* githubMessage */.hg)(error)}); ` +
                'check that the tag name is valid and that no other release owns it.', { status: 422 }, error);
        }
        throw release_asset_error_releaseRequestError(what, repository(where), error);
    }
}
/** The release of the tag (a draft first, see findRelease), or a new draft when it has none. */
async function findOrCreateRelease(client, where, options = {}) {
    const found = await findRelease(client, where, options.log);
    if (found)
        return found;
    if (options.createDraft === false) {
        throw new release_asset_error_ReleaseAssetError('release_missing', `${repository(where)} has no release for the tag ${(0,safe_text/* safeText */.H)(where.tag)} (a draft is visible only to a token ` +
            'with `contents: write`); create the release first, or let this step create a draft.');
    }
    return createDraft(client, where, options);
}
/**
 * Publishes (un-drafts) a release: the last step of a chain that attached everything to a draft,
 * since an immutable release locks its assets at publish. Publishing an already published release
 * changes nothing. A lost answer is retried (the change is idempotent).
 */
async function publishRelease(client, where, options = {}) {
    const what = `publishing release ${where.releaseId}`;
    try {
        const { data } = await retryTransient(what, () => client.rest.repos.updateRelease({
            owner: where.owner,
            repo: where.repo,
            release_id: where.releaseId,
            draft: false,
            request: { retries: 0 },
        }), options);
        return toInfo(data, false);
    }
    catch (error) {
        if (statusOf(error) === 422) {
            throw new ReleaseAssetError('release_missing', `${what} in ${repository(where)} was refused (GitHub answered 422: ${githubMessage(error)}); ` +
                'another published release may already own its tag.', { status: 422 }, error);
        }
        throw releaseRequestError(what, repository(where), error);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/github/release-assets.ts










const DEFAULT_UPLOAD_TIMEOUT_MS = 15 * 60_000;
/** Names GitHub stores as given; it renames others (special characters, leading or trailing dots). */
const ASSET_NAME = /^[A-Za-z0-9_+-](?:[A-Za-z0-9._+-]*[A-Za-z0-9_+-])?$/;
async function sourcesOf(files) {
    const sources = [];
    const names = new Set();
    for (const file of files) {
        const name = file.name ?? (0,external_node_path_.basename)(file.path);
        if (names.has(name))
            throw (0,errors/* usageError */.Wp)(`two files would be attached as ${(0,safe_text/* safeText */.H)(name)}; rename one.`);
        names.add(name);
        if (!ASSET_NAME.test(name)) {
            throw (0,errors/* usageError */.Wp)(`the asset name ${(0,safe_text/* safeText */.H)(name)} has characters GitHub rewrites (it keeps letters, digits, "." "_" "-" "+", ` +
                'and no leading or trailing "."): the stored name would differ, and a re-run could not replace it. Rename the file.');
        }
        const info = await (0,external_node_fs_promises_.stat)(file.path).catch(() => undefined);
        if (!info?.isFile()) {
            throw new errors/* ReleaseGuardError */.dZ('artifact_missing', `${(0,safe_text/* safeText */.H)(file.path)} is not a readable file; nothing was attached.`, {
                path: file.path,
            });
        }
        sources.push({
            path: file.path,
            name,
            size: info.size,
            contentType: file.contentType ?? 'application/octet-stream',
            label: file.label,
            sha256: file.sha256?.toLowerCase(),
        });
    }
    return sources;
}
/** Refuses, before any upload, a release that cannot take assets: published and immutable. */
function assertAcceptsAssets(release, where) {
    if (!release.immutable || release.draft)
        return;
    throw new release_asset_error_ReleaseAssetError('immutable', `the release ${(0,safe_text/* safeText */.H)(release.tag)} (id ${release.id}) of ${where.owner}/${where.repo} is published and immutable: ` +
        'GitHub locked its assets at publish, so nothing can be attached or replaced. Attach assets to a draft ' +
        'release and publish it last, or cut a new release.', { releaseId: release.id });
}
/**
 * Attaches files to the release of `where.tag` (see findOrCreateRelease), idempotently: an asset of
 * the same name is deleted and uploaded again, never duplicated. Each upload is streamed from disk to
 * the release's own upload URL, its digest checked against the bytes sent; 5xx and timeouts are
 * retried with backoff, and a lost answer whose upload landed is recognised by its digest.
 */
async function attachReleaseAssets(client, where, files, options = {}) {
    const sources = await sourcesOf(files);
    const release = await findOrCreateRelease(client, where, options);
    assertAcceptsAssets(release, where);
    const repository = `${where.owner}/${where.repo}`;
    let existing;
    try {
        existing = await listAssets(client, where, release.id);
    }
    catch (error) {
        throw release_asset_error_releaseRequestError(`listing the assets of release ${release.id}`, repository, error);
    }
    const assets = [];
    for (const source of sources) {
        const previous = existing.find((asset) => asset.name === source.name);
        if (previous)
            await removeAsset(client, where, previous, options);
        const { asset, sha256 } = await uploadWithRetries(client, where, release, source, {
            ...options,
            uploadTimeoutMs: options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS,
        });
        const digestChecked = await checkDigest(client, where, source, asset, sha256);
        if (!digestChecked)
            options.log?.(`GitHub answered no digest for ${(0,safe_text/* safeText */.H)(asset.name)}: its stored bytes were not checked`);
        assets.push({
            path: source.path,
            name: asset.name,
            size: source.size,
            sha256,
            id: asset.id,
            url: asset.browser_download_url,
            replaced: previous !== undefined,
            digestChecked,
        });
    }
    return { release, assets };
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

// EXTERNAL MODULE: ./packages/core/src/manifest/contents-store.ts
var contents_store = __webpack_require__(3540);
// EXTERNAL MODULE: ./packages/core/src/manifest/file-store.ts
var file_store = __webpack_require__(63412);
;// CONCATENATED MODULE: ./packages/core/src/manifest/action-store.ts



/**
 * The manifest store of an action: a file in the workspace, or with `manifestBranch` the file on that
 * branch of the repository, changed through the contents API (the token needs `contents: write`).
 * `client` is only called for the contents API.
 */
function openActionManifestStore(location, client) {
    if (location.manifestBranch !== undefined) {
        const [owner, repo] = location.repository.split('/');
        return new contents_store/* ContentsApiManifestStore */.V({
            octokit: client(),
            owner,
            repo,
            path: location.manifestPath,
            branch: location.manifestBranch,
        });
    }
    return new file_store/* FileManifestStore */.z(external_node_path_default().resolve(location.workspace, location.manifestPath));
}

// EXTERNAL MODULE: ./packages/core/src/manifest/types.ts
var types = __webpack_require__(25285);
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
        detail: detail === null || detail.length <= types/* CONTROL_DETAIL_MAX */.hj
            ? detail
            : `${detail.slice(0, types/* CONTROL_DETAIL_MAX */.hj - 1)}…`,
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

// EXTERNAL MODULE: ./packages/core/src/manifest/errors.ts + 1 modules
var manifest_errors = __webpack_require__(48210);
// EXTERNAL MODULE: ./packages/core/src/text/echo-value.ts
var echo_value = __webpack_require__(70769);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./packages/core/src/manifest/schema.ts
var schema = __webpack_require__(95129);
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

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+artifact@4.0.0_encoding@0.1.14/node_modules/@actions/artifact/lib/artifact.js
var artifact = __webpack_require__(30357);
;// CONCATENATED MODULE: ./packages/core/src/artifacts/upload-workflow-artifact.ts



/**
 * Uploads `files` as the workflow artifact `name` with @actions/artifact (the runner's results
 * service, ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN), paths inside it relative to `root`.
 * A refusal (409 for a name the run already has) or a service that keeps failing (5xx, retried by
 * the client) is returned, not thrown: whether it fails the step is the caller's to say.
 */
async function uploadWorkflowArtifact(name, files, root) {
    try {
        const result = await new artifact.DefaultArtifactClient().uploadArtifact(name, [...files], root);
        return {
            uploaded: true,
            artifact: {
                name,
                id: result.id ?? 0,
                size: result.size ?? 0,
                digest: result.digest ?? '',
                files: files.map((file) => (0,external_node_path_.relative)(root, file).split('\\').join('/')),
            },
        };
    }
    catch (error) {
        const message = (0,safe_text/* safeText */.H)(error instanceof Error ? error.message : String(error));
        const hint = /\(409\)/.test(message)
            ? 'an artifact of this name already exists in this run: the name carries the run attempt, so another step of this attempt uploaded it'
            : 're-run the job once the artifact service answers';
        return { uploaded: false, problem: `${message}; ${hint}`, cause: error };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/artifact-upload.ts


/** The bundle and its manifest as the workflow artifact `name`; a refused upload is `evidence_fail`: the evidence is not archived. */
async function uploadEvidenceArtifact(name, files, root) {
    const upload = await uploadWorkflowArtifact(name, files, root);
    if (upload.uploaded)
        return upload.artifact;
    throw new errors/* ReleaseGuardError */.dZ('evidence_fail', `the evidence could not be uploaded as the workflow artifact ${name}: ${upload.problem} (the bundle and manifest are still in the workspace).`, { artifact: name }, { cause: upload.cause });
}

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

// EXTERNAL MODULE: ./packages/core/src/text/redact-secrets.ts
var redact_secrets = __webpack_require__(40965);
;// CONCATENATED MODULE: ./packages/core/src/evidence/archive-summary.ts


const MARK = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', off: 'off' };
/** What the on-call engineer does next, by result. */
function nextSteps(result) {
    const { manifest } = result.evidence;
    const steps = [];
    if (manifest.redactions.length > 0) {
        steps.push('Remove each file above from the evidence (or the secret from it), **rotate the secret** — it was in the workspace — and run again.');
    }
    if (manifest.result === 'fail') {
        steps.push(`Halt the promotion of ${markdownCode(manifest.tag)} and open a security review referencing ${markdownCode(result.manifestPath)} and the SBOM/vulnerability reports in the bundle; fix each failing rule and run again.`);
    }
    else if (manifest.result === 'warn') {
        steps.push('Review each warning; promote only once they are accepted (`allow-warn: true`) or fixed.');
    }
    if (result.failure !== null)
        steps.push('The evidence was not archived: see the error below and run the job again.');
    if (steps.length === 0)
        steps.push('Nothing: the evidence passed the policy and is archived.');
    return steps;
}
/** The job summary: the result, each rule (expected vs actual), each redaction, where it went, what to do next. */
function renderArchiveSummary(result, inputs) {
    const { manifest } = result.evidence;
    const code = manifest.result === 'pass' ? '' : ` (\`evidence_${manifest.result}\`)`;
    const lines = [
        `## Evidence for ${markdownCode(manifest.tag)}: ${MARK[manifest.result]}${code}`,
        '',
        markdownTable(['rule', 'result', 'expected', 'actual'], manifest.evaluations.map((e) => [
            markdownCode(e.rule),
            MARK[e.result],
            markdownCell(e.expected),
            markdownCell(e.actual),
        ])),
        '',
    ];
    if (manifest.redactions.length > 0) {
        lines.push('### Left out: these files hold a secret (the value is never shown)', '');
        lines.push(markdownTable(['file', 'line', 'rule'], manifest.redactions.map((r) => [markdownCode(r.path), String(r.line), markdownCode(r.rule)])), '');
    }
    lines.push('### Archived', '');
    lines.push(`- ${manifest.items.length} files in ${markdownCode(result.bundlePath)} (sha256 \`${manifest.bundle_sha256}\`)`);
    lines.push(`- manifest ${markdownCode(result.manifestPath)}`);
    if (result.artifact !== null) {
        lines.push(`- workflow artifact ${markdownCode(result.artifact.name)} (${result.artifact.size} bytes, zip sha256 \`${result.artifact.digest}\`)`);
    }
    if (result.attached !== null) {
        lines.push(`- attached to the release of ${markdownCode(manifest.tag)}: ${result.attached.map(markdownCode).join(', ')}`);
    }
    else if (result.notAttached !== null) {
        lines.push(`- not attached to the release: ${markdownCell(result.notAttached)}`);
    }
    if (result.failure !== null)
        lines.push('', `**${result.failure.code}**: ${markdownCell(result.failure.message)}`);
    lines.push('', '### What to do next', '', ...nextSteps(result).map((step) => `- ${step}`), '');
    return (0,redact_secrets/* redactSecrets */.fp)(lines.join('\n'), inputs.secrets ?? []);
}

// EXTERNAL MODULE: ./packages/core/src/action/context.ts + 2 modules
var context = __webpack_require__(93463);
;// CONCATENATED MODULE: ./packages/core/src/evidence/inputs.ts


/** Refuses inputs no run could use (exit 2), before anything is collected or uploaded. */
function checkEvidenceArchiveInputs(inputs) {
    (0,context/* checkActionContext */.M5)(inputs);
    if (inputs.tag === undefined)
        throw new errors/* InputError */.dz('tag', 'is required');
    if (!/^[1-9][0-9]*$/.test(inputs.runAttempt)) {
        throw (0,errors/* usageError */.Wp)(`GITHUB_RUN_ATTEMPT must be the run attempt (digits), got ${JSON.stringify(inputs.runAttempt.slice(0, 50))}`);
    }
    if (!inputs.githubToken && inputs.attach) {
        throw new errors/* InputError */.dz('github-token', 'is needed to read the release freeze and attach to the release (contents: write)');
    }
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@secretlint+core@11.7.1/node_modules/@secretlint/core/package.json
var core_package = __webpack_require__(86534);
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

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/.pnpm/tar-stream@3.1.7/node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(78004);
;// CONCATENATED MODULE: ./packages/core/src/evidence/bundle.ts


/** Byte 9 of a gzip header names the OS that wrote it; "unknown" keeps the bytes the same everywhere. */
const GZIP_OS_UNKNOWN = 255;
/**
 * A reproducible .tar.gz: entries sorted by name, every mtime `mtime`, mode 0644, uid and gid 0 with
 * no owner names, and a gzip header with neither a file name nor a time. The same entries and time
 * give the same bytes.
 */
async function deterministicTarGz(entries, mtime) {
    const tar = (0,tar_stream.pack)();
    const chunks = [];
    tar.on('data', (chunk) => chunks.push(chunk));
    const done = new Promise((resolve, reject) => {
        tar.on('end', resolve);
        tar.on('error', reject);
    });
    const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of sorted) {
        tar.entry({
            name: entry.name,
            size: entry.content.length,
            mtime,
            mode: 0o644,
            uid: 0,
            gid: 0,
            uname: '',
            gname: '',
            type: 'file',
        }, entry.content);
    }
    tar.finalize();
    await done;
    const gzip = (0,external_node_zlib_.gzipSync)(Buffer.concat(chunks), { level: 9 });
    gzip[9] = GZIP_OS_UNKNOWN;
    return gzip;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
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

// EXTERNAL MODULE: ./node_modules/.pnpm/fast-glob@3.3.3/node_modules/fast-glob/out/index.js
var out = __webpack_require__(80197);
var out_default = /*#__PURE__*/__webpack_require__.n(out);
;// CONCATENATED MODULE: ./packages/core/src/evidence/collect.ts




function inside(root, target) {
    const rel = (0,external_node_path_.relative)(root, target);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !(0,external_node_path_.isAbsolute)(rel));
}
async function matches(workspace, pattern, field) {
    const absolute = (0,external_node_path_.resolve)(workspace, pattern);
    if (!inside(workspace, absolute))
        throw new errors/* InputError */.dz(field, `${pattern} is outside the workspace`);
    const relativePattern = (0,external_node_path_.relative)(workspace, absolute).split(external_node_path_.sep).join('/');
    const found = await out_default()(out_default().isDynamicPattern(pattern) ? relativePattern : out_default().escapePath(relativePattern), {
        cwd: workspace,
        onlyFiles: true,
        dot: true,
        followSymbolicLinks: false,
        unique: true,
    });
    if (found.length === 0 && !out_default().isDynamicPattern(pattern) && (await isLink(absolute))) {
        // Globs never descend links; a link named outright is read if it stays inside (readInside checks).
        return [relativePattern];
    }
    if (found.length === 0)
        throw new errors/* InputError */.dz(field, `${pattern} matches no file in the workspace`);
    return found.sort();
}
async function isLink(path) {
    try {
        return (await (0,external_node_fs_promises_.lstat)(path)).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/** Reads one match, refusing a symbolic link (or a link on its way) that leads out of the workspace. */
async function readInside(workspace, path, field) {
    const absolute = (0,external_node_path_.resolve)(workspace, path);
    const real = await (0,external_node_fs_promises_.realpath)(absolute);
    if (!inside(workspace, real)) {
        throw new errors/* InputError */.dz(field, `${path} is a symbolic link out of the workspace; it is not followed`);
    }
    if (!(await (0,external_node_fs_promises_.lstat)(real)).isFile())
        throw new errors/* InputError */.dz(field, `${path} is not a regular file`);
    return (0,external_node_fs_promises_.readFile)(real);
}
/**
 * Resolves every pattern inside the workspace (globs with fast-glob, links not followed) and reads
 * the files. A pattern matching nothing, or leading out of the workspace, is a usage error.
 * A file given under two kinds is taken once, under the first.
 */
async function collectEvidence(workspaceDir, requests) {
    const workspace = await (0,external_node_fs_promises_.realpath)(workspaceDir);
    const files = new Map();
    for (const { kind, field, patterns } of requests) {
        for (const pattern of patterns) {
            for (const path of await matches(workspace, pattern, field)) {
                if (files.has(path))
                    continue;
                files.set(path, { kind, path, content: await readInside(workspace, path, field) });
            }
        }
    }
    return [...files.values()];
}
/**
 * The files the patterns name inside the workspace, as collectEvidence resolves them (links not
 * followed out of it), without reading them: `[workspace path, real absolute path]`, in order.
 */
async function resolveEvidenceFiles(workspaceDir, patterns, field) {
    const workspace = await (0,external_node_fs_promises_.realpath)(workspaceDir);
    const files = new Map();
    for (const pattern of patterns) {
        for (const path of await matches(workspace, pattern, field)) {
            const real = await (0,external_node_fs_promises_.realpath)((0,external_node_path_.resolve)(workspace, path));
            if (!inside(workspace, real)) {
                throw new errors/* InputError */.dz(field, `${path} is a symbolic link out of the workspace; it is not followed`);
            }
            if (!(await (0,external_node_fs_promises_.lstat)(real)).isFile())
                throw new errors/* InputError */.dz(field, `${path} is not a regular file`);
            files.set(path, real);
        }
    }
    return [...files.entries()];
}

// EXTERNAL MODULE: ./node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js
var dist = __webpack_require__(98985);
;// CONCATENATED MODULE: ./packages/core/src/evidence/document.ts

const EVIDENCE_SCHEMA_VERSION = 1;
const HEADER = '# release-guard evidence: what was archived for this release and how the policy judged it.\n';
function renderEvidenceYaml(document) {
    return HEADER + (0,dist/* stringify */.As)(document, { lineWidth: 0 });
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/evaluation.ts
/** The verdict of a rule that found a violation at `level` (or none, when `violated` is false). */
function verdict(violated, level) {
    if (!violated)
        return 'pass';
    return level;
}
/** fail if any rule failed, else warn if any warned, else pass. */
function overallResult(evaluations) {
    if (evaluations.some((evaluation) => evaluation.result === 'fail'))
        return 'fail';
    if (evaluations.some((evaluation) => evaluation.result === 'warn'))
        return 'warn';
    return 'pass';
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/evaluate.ts

function missing(rule, level, expected, what, leftOut = false) {
    const actual = leftOut ? `the ${what} was left out: it holds a secret` : `no ${what} given`;
    return { rule, result: level, expected, actual };
}
function ids(finding) {
    return [finding.id, ...finding.aliases];
}
function list(values) {
    const unique = [...new Set(values)].sort();
    return unique.length <= 5
        ? unique.join(', ')
        : `${unique.slice(0, 5).join(', ')} and ${unique.length - 5} more`;
}
function coverageRule(policy, evidence) {
    const { min_line_percent: min, severity, missing: absent } = policy.rules.coverage;
    const expected = `line coverage >= ${min} %`;
    if (!evidence.coverage)
        return missing('coverage', absent, expected, 'coverage report', evidence.leftOut.has('coverage'));
    const { percent, covered, total, format } = evidence.coverage;
    return {
        rule: 'coverage',
        result: verdict(percent < min, severity),
        expected,
        actual: `${percent} % (${covered}/${total} lines, ${format})`,
    };
}
function testsRule(policy, evidence) {
    const { severity, missing: absent } = policy.rules.tests;
    const expected = 'at least one test, none failed or errored';
    if (!evidence.tests)
        return missing('tests', absent, expected, 'JUnit report', evidence.leftOut.has('junit'));
    const { tests, failures, errors, skipped } = evidence.tests;
    return {
        rule: 'tests',
        result: verdict(tests === 0 || failures > 0 || errors > 0, severity),
        expected,
        actual: `${tests} tests, ${failures} failed, ${errors} errored, ${skipped} skipped`,
    };
}
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
function vulnerabilitiesRule(policy, evidence) {
    const levels = policy.rules.vulnerabilities;
    const judged = SEVERITIES.filter((severity) => levels[severity] !== 'off');
    const expected = `no ${judged.join(' or ')} vulnerability`;
    if (!evidence.findings)
        return missing('vulnerabilities', levels.missing, expected, 'vulnerability report', evidence.leftOut.has('vulnerabilities'));
    const findings = evidence.findings;
    const counts = SEVERITIES.map((severity) => `${findings.filter((f) => f.severity === severity).length} ${severity}`);
    const worst = judged
        .map((severity) => ({ severity, level: levels[severity] }))
        .filter(({ severity }) => findings.some((finding) => finding.severity === severity));
    const result = worst.some(({ level }) => level === 'fail') ? 'fail' : worst.length > 0 ? 'warn' : 'pass';
    const flagged = findings.filter((finding) => worst.some(({ severity }) => severity === finding.severity));
    const suppressed = evidence.suppressed.length
        ? `; suppressed by VEX not_affected: ${list(evidence.suppressed)}`
        : '';
    const named = flagged.length ? `: ${list(flagged.map((finding) => finding.id))}` : '';
    return { rule: 'vulnerabilities', result, expected, actual: `${counts.join(', ')}${named}${suppressed}` };
}
function kevRule(policy, evidence) {
    const { severity, missing: absent } = policy.rules.kev;
    const expected = 'no finding listed in the KEV catalog';
    if (!evidence.findings)
        return missing('kev', absent, expected, 'vulnerability report');
    const kev = evidence.kev;
    if (!kev)
        return missing('kev', absent, expected, 'KEV catalog (--kev)');
    const listed = evidence.findings.filter((finding) => ids(finding).some((id) => kev.has(id)));
    return {
        rule: 'kev',
        result: verdict(listed.length > 0, severity),
        expected,
        actual: listed.length
            ? `KEV-listed: ${list(listed.flatMap(ids).filter((id) => kev.has(id)))}`
            : 'none KEV-listed',
    };
}
function epssRule(policy, evidence) {
    const { threshold, severity, missing: absent } = policy.rules.epss;
    const expected = `no finding with EPSS >= ${threshold}`;
    if (!evidence.findings)
        return missing('epss', absent, expected, 'vulnerability report');
    const epss = evidence.epss;
    if (!epss)
        return missing('epss', absent, expected, 'EPSS file (--epss)');
    const scored = evidence.findings.flatMap(ids).filter((id) => (epss.get(id) ?? 0) >= threshold);
    return {
        rule: 'epss',
        result: verdict(scored.length > 0, severity),
        expected,
        actual: scored.length
            ? `EPSS >= ${threshold}: ${list(scored.map((id) => `${id} (${epss.get(id)})`))}`
            : `none >= ${threshold}`,
    };
}
function provenanceRule(policy, evidence) {
    const { severity, missing: absent } = policy.rules.provenance;
    const expected = 'a verify report with verified: true';
    if (evidence.provenance.length === 0)
        return missing('provenance', absent, expected, 'verify report', evidence.leftOut.has('provenance-report'));
    const unverified = evidence.provenance.filter((verified) => !verified).length;
    return {
        rule: 'provenance',
        result: verdict(unverified > 0, severity),
        expected,
        actual: unverified ? 'the verify report says verified: false' : 'verified: true',
    };
}
function sbomRule(policy, evidence) {
    const { min_components: min, severity, missing: absent } = policy.rules.sbom;
    const expected = `an SBOM with at least ${min} component${min === 1 ? '' : 's'}`;
    if (evidence.sboms.length === 0)
        return missing('sbom', absent, expected, 'SBOM', evidence.leftOut.has('sbom'));
    const short = evidence.sboms.filter((sbom) => sbom.components < min);
    const subjects = evidence.artifacts === null
        ? null
        : evidence.sboms.map((sbom) => subjectMatch(sbom, evidence.artifacts ?? []));
    const unmatched = (subjects ?? []).filter((match) => !match.matched).length;
    return {
        rule: 'sbom',
        result: verdict(short.length > 0 || unmatched > 0, severity),
        expected: subjects === null ? expected : `${expected}, whose subject is one of the release files`,
        actual: evidence.sboms
            .map((sbom, index) => `${sbom.format} ${sbom.specVersion}: ${sbom.components} components${subjects === null ? '' : `, ${subjects[index].text}`}`)
            .join('; '),
    };
}
/** The file base name's form of a package name: `@acme/app` is packed as `acme-app-<version>.tgz`. */
function packedName(name) {
    return name.replace(/^@/, '').replace(/\//g, '-').toLowerCase();
}
/**
 * Whether an SBOM describes one of the release files: a SHA-256 it records for its subject is a
 * file's, or (without digests) a file's base name holds the subject's name and version.
 */
function subjectMatch(sbom, files) {
    if (sbom.format === 'cyclonedx-xml')
        return { matched: true, text: 'subject not matched (CycloneDX XML)' };
    const subject = sbom.subject ?? 'no subject';
    if (sbom.subjectSha256.length > 0) {
        const file = files.find((candidate) => sbom.subjectSha256.includes(candidate.sha256));
        return file
            ? { matched: true, text: `subject ${subject} is ${file.path} (sha256)` }
            : { matched: false, text: `the sha256 of subject ${subject} is none of the release files'` };
    }
    const name = sbom.subjectName === null ? null : packedName(sbom.subjectName);
    const version = sbom.subjectVersion;
    const file = name === null || version === null
        ? undefined
        : files.find((candidate) => {
            const base = candidate.path.split('/').pop()?.toLowerCase() ?? '';
            return base.startsWith(name) && base.includes(version.toLowerCase());
        });
    return file
        ? { matched: true, text: `subject ${subject} names ${file.path}` }
        : { matched: false, text: `subject ${subject} names none of the release files` };
}
function secretsRule(evidence) {
    const files = [...new Set(evidence.secrets.map((finding) => finding.path))];
    return {
        rule: 'secrets',
        result: files.length > 0 ? 'fail' : 'pass',
        expected: 'no collected file holds a secret',
        actual: files.length ? `secrets in ${files.join(', ')}: left out of the bundle` : 'none found',
    };
}
/** Every rule of the policy over the parsed evidence, in the policy's order. */
function evaluateEvidence(policy, evidence) {
    return [
        testsRule(policy, evidence),
        coverageRule(policy, evidence),
        vulnerabilitiesRule(policy, evidence),
        kevRule(policy, evidence),
        epssRule(policy, evidence),
        provenanceRule(policy, evidence),
        sbomRule(policy, evidence),
        secretsRule(evidence),
    ];
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/image-digest.ts

const IMAGE_REF = /^([a-z0-9][a-z0-9._:/-]*)@(sha256:[0-9a-f]{64})$/;
function parseImageDigest(value) {
    const match = IMAGE_REF.exec(value);
    if (!match) {
        throw new errors/* InputError */.dz('image', `must be NAME@sha256:<64 lowercase hex digits>, got ${JSON.stringify(value)}`);
    }
    return { ref: value, name: match[1], digest: match[2] };
}

// EXTERNAL MODULE: ./node_modules/.pnpm/saxes@6.0.0/node_modules/saxes/saxes.js
var saxes = __webpack_require__(32309);
;// CONCATENATED MODULE: ./packages/core/src/evidence/xml.ts


function xml_unreadable(source, problem, cause) {
    return new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not usable XML: ${problem}`, { file: source }, { cause });
}
/**
 * Refuses the DTD features that make XML dangerous: an internal subset (`[...]`) can declare
 * entities that expand without bound, and ENTITY declarations can point at files or URLs. An
 * external DOCTYPE (Cobertura writes one) is only a name here: it is never fetched.
 */
function checkDoctype(doctype, source) {
    if (doctype.includes('[') || /ENTITY/i.test(doctype)) {
        throw xml_unreadable(source, 'a DOCTYPE with an internal subset or an ENTITY declaration is refused');
    }
}
function localName(name) {
    const colon = name.indexOf(':');
    return colon === -1 ? name : name.slice(colon + 1);
}
/**
 * Parses XML with a streaming, non-validating parser that knows only the five predefined entities
 * and character references: any other entity reference is an error, so nothing is ever expanded.
 */
function parseXml(text, source) {
    if (/<!ENTITY/i.test(text)) {
        throw xml_unreadable(source, 'a DOCTYPE with an internal subset or an ENTITY declaration is refused');
    }
    const parser = new saxes/* SaxesParser */.wT({ xmlns: false });
    const stack = [];
    let root;
    parser.on('doctype', (doctype) => checkDoctype(doctype, source));
    parser.on('opentag', (tag) => {
        const attributes = {};
        for (const [key, value] of Object.entries(tag.attributes)) {
            attributes[localName(key)] = String(value);
        }
        const element = { name: localName(tag.name), attributes, children: [] };
        const parent = stack[stack.length - 1];
        if (parent)
            parent.children.push(element);
        else
            root = element;
        stack.push(element);
    });
    parser.on('closetag', () => {
        stack.pop();
    });
    try {
        parser.write(text).close();
    }
    catch (error) {
        if (error instanceof errors/* ReleaseGuardError */.dZ)
            throw error;
        throw xml_unreadable(source, error instanceof Error ? error.message : String(error), error);
    }
    if (!root)
        throw xml_unreadable(source, 'it has no root element');
    return root;
}
/** Every descendant element (depth first) with this local name. */
function descendants(element, name) {
    const found = [];
    const visit = (node) => {
        for (const child of node.children) {
            if (child.name === name)
                found.push(child);
            visit(child);
        }
    };
    visit(element);
    return found;
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/coverage.ts


function coverage_unreadable(source, problem) {
    return new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not a coverage report: ${problem}`, {
        file: source,
    });
}
function coverage(format, covered, total, percent) {
    const computed = total === 0 ? 100 : (covered / total) * 100;
    return { format, covered, total, percent: Math.round((percent ?? computed) * 100) / 100 };
}
function fromIstanbulSummary(text, source) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw coverage_unreadable(source, 'it is not JSON');
    }
    const lines = parsed
        ?.total?.lines;
    if (!lines || typeof lines.covered !== 'number' || typeof lines.total !== 'number') {
        throw coverage_unreadable(source, 'an Istanbul coverage-summary.json has total.lines.covered and total.lines.total');
    }
    return coverage('istanbul-summary', lines.covered, lines.total);
}
function fromLcov(text, source) {
    let found = 0;
    let hit = 0;
    let records = 0;
    for (const line of text.split(/\r?\n/)) {
        const match = /^(LF|LH):(\d+)$/.exec(line.trim());
        if (!match)
            continue;
        records += 1;
        if (match[1] === 'LF')
            found += Number(match[2]);
        else
            hit += Number(match[2]);
    }
    if (records === 0)
        throw coverage_unreadable(source, 'an lcov.info has LF: and LH: lines');
    return coverage('lcov', hit, found);
}
function fromCobertura(text, source) {
    const root = parseXml(text, source);
    const rate = Number(root.attributes['line-rate']);
    if (root.name !== 'coverage' || !Number.isFinite(rate)) {
        throw coverage_unreadable(source, 'a Cobertura report has a <coverage line-rate="..."> root');
    }
    const covered = Number(root.attributes['lines-covered'] ?? NaN);
    const valid = Number(root.attributes['lines-valid'] ?? NaN);
    if (Number.isFinite(covered) && Number.isFinite(valid))
        return coverage('cobertura', covered, valid);
    return coverage('cobertura', 0, 0, rate * 100);
}
function fromTextSummary(text, source) {
    const match = /^\s*Lines\s*:\s*([\d.]+)%\s*\(\s*(\d+)\s*\/\s*(\d+)\s*\)/m.exec(text);
    if (!match)
        throw coverage_unreadable(source, 'an Istanbul text-summary has a "Lines : N% ( a/b )" line');
    return coverage('istanbul-text-summary', Number(match[2]), Number(match[3]));
}
/** Reads line coverage from any of the four formats, recognised by content, not by file name. */
function parseCoverage(text, source) {
    const start = text.trimStart();
    if (start.startsWith('{'))
        return fromIstanbulSummary(text, source);
    if (start.startsWith('<'))
        return fromCobertura(text, source);
    if (/^(TN|SF):/m.test(text))
        return fromLcov(text, source);
    if (/^\s*Lines\s*:/m.test(text))
        return fromTextSummary(text, source);
    throw coverage_unreadable(source, 'expected Istanbul coverage-summary.json, lcov.info, Cobertura XML or an Istanbul text-summary');
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/junit.ts


const NO_TESTS = { tests: 0, failures: 0, errors: 0, skipped: 0 };
/**
 * Totals of a JUnit XML report, counted from its `<testcase>` elements rather than the suites'
 * attributes, which the flavours fill differently: Jest (jest-junit) and gotestsum wrap suites in
 * `<testsuites>`, pytest too since 5.1, Maven Surefire writes one `<testsuite>` per file.
 * A case with `<failure>` fails, with `<error>` errors, with `<skipped>` is skipped.
 */
function parseJUnit(text, source) {
    const root = parseXml(text, source);
    if (root.name !== 'testsuites' && root.name !== 'testsuite') {
        throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not a JUnit XML report: its root element is <${root.name}>, not <testsuites> or <testsuite>`, { file: source });
    }
    const totals = { ...NO_TESTS };
    for (const testcase of descendants(root, 'testcase')) {
        totals.tests += 1;
        const kinds = new Set(testcase.children.map((child) => child.name));
        if (kinds.has('error'))
            totals.errors += 1;
        else if (kinds.has('failure'))
            totals.failures += 1;
        else if (kinds.has('skipped'))
            totals.skipped += 1;
    }
    return totals;
}
function addTotals(a, b) {
    return {
        tests: a.tests + b.tests,
        failures: a.failures + b.failures,
        errors: a.errors + b.errors,
        skipped: a.skipped + b.skipped,
    };
}

// EXTERNAL MODULE: ./packages/core/src/schema/json-schema.ts
var json_schema = __webpack_require__(62236);
;// CONCATENATED MODULE: ./packages/core/src/evidence/cyclonedx.schema.json
const cyclonedx_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://release-guard.dev/schemas/evidence/cyclonedx-subset/v1.json","title":"The parts of a CycloneDX 1.4-1.6 JSON BOM that release-guard relies on","description":"A structural subset of the CycloneDX JSON Schema: the fields evidence reads must have the types the specification gives them; every other field is allowed.","type":"object","required":["bomFormat","specVersion"],"properties":{"bomFormat":{"const":"CycloneDX"},"specVersion":{"enum":["1.4","1.5","1.6"],"description":"CycloneDX 1.4, 1.5 or 1.6"},"serialNumber":{"type":"string","pattern":"^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},"version":{"type":"integer","minimum":1},"metadata":{"type":"object","properties":{"timestamp":{"type":"string","format":"date-time"},"component":{"$ref":"#/$defs/component"}}},"components":{"type":"array","items":{"$ref":"#/$defs/component"}},"vulnerabilities":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"},"ratings":{"type":"array","items":{"type":"object","properties":{"severity":{"type":"string"}}}},"analysis":{"type":"object","properties":{"state":{"enum":["resolved","resolved_with_pedigree","exploitable","in_triage","false_positive","not_affected"]}}}}}}},"$defs":{"component":{"type":"object","required":["type","name"],"properties":{"type":{"enum":["application","framework","library","container","platform","operating-system","device","device-driver","firmware","file","machine-learning-model","data","cryptographic-asset"]},"name":{"type":"string"},"version":{"type":"string"},"purl":{"type":"string"},"bom-ref":{"type":"string"},"components":{"type":"array","items":{"$ref":"#/$defs/component"}}}}}}');
;// CONCATENATED MODULE: ./packages/core/src/evidence/spdx.schema.json
const spdx_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://release-guard.dev/schemas/evidence/spdx-2.3-subset/v1.json","title":"The parts of an SPDX 2.3 JSON document that release-guard relies on","description":"The required fields of an SPDX 2.3 document and of its packages, with their types; every other field is allowed.","type":"object","required":["spdxVersion","dataLicense","SPDXID","name","documentNamespace","creationInfo"],"properties":{"spdxVersion":{"const":"SPDX-2.3"},"dataLicense":{"const":"CC0-1.0"},"SPDXID":{"const":"SPDXRef-DOCUMENT"},"name":{"type":"string"},"documentNamespace":{"type":"string","format":"uri"},"creationInfo":{"type":"object","required":["created","creators"],"properties":{"created":{"type":"string","format":"date-time"},"creators":{"type":"array","minItems":1,"items":{"type":"string"}}}},"packages":{"type":"array","items":{"type":"object","required":["SPDXID","name","downloadLocation"],"properties":{"SPDXID":{"type":"string","pattern":"^SPDXRef-[A-Za-z0-9.-]+$"},"name":{"type":"string"},"versionInfo":{"type":"string"},"downloadLocation":{"type":"string"}}}}}}');
;// CONCATENATED MODULE: ./packages/core/src/evidence/sbom.ts





const cyclonedx = (0,json_schema/* lazyJsonSchema */.eP)(cyclonedx_schema_namespaceObject);
const spdx = (0,json_schema/* lazyJsonSchema */.eP)(spdx_schema_namespaceObject);
function sbom_unreadable(source, problem) {
    return new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not a usable SBOM: ${problem}`, {
        file: source,
    });
}
function validated(document, schema, source) {
    const { validate } = schema();
    if (validate(document))
        return;
    const problems = (validate.errors ?? [])
        .slice(0, 3)
        .map((error) => `${(0,json_schema/* describeInstancePath */.AB)(error.instancePath)}: ${(0,json_schema/* describeSchemaError */.LA)(error)}`);
    throw sbom_unreadable(source, problems.join('; '));
}
function sha256Of(digests) {
    return (digests ?? [])
        .filter((digest) => /^SHA-?256$/i.test(digest.algorithm) && /^[0-9a-f]{64}$/i.test(digest.value))
        .map((digest) => digest.value.toLowerCase());
}
function countComponents(components) {
    return (components ?? []).reduce((sum, component) => sum + 1 + countComponents(component.components), 0);
}
function named(name, version) {
    if (!name)
        return null;
    return version ? `${name}@${version}` : name;
}
function fromJson(document, source) {
    if (document.bomFormat === 'CycloneDX') {
        validated(document, cyclonedx, source);
        const subject = document.metadata?.component;
        return {
            format: 'cyclonedx-json',
            specVersion: String(document.specVersion),
            subject: named(subject?.name, subject?.version),
            subjectName: subject?.name ?? null,
            subjectVersion: subject?.version ?? null,
            subjectSha256: sha256Of(subject?.hashes?.map((hash) => ({ algorithm: hash.alg, value: hash.content }))),
            components: countComponents(document.components),
        };
    }
    if (typeof document.spdxVersion === 'string') {
        validated(document, spdx, source);
        const packages = (document.packages ?? []);
        const described = new Set(document.documentDescribes ?? []);
        const subject = packages.find((pkg) => described.has(pkg.SPDXID));
        return {
            format: 'spdx-json',
            specVersion: '2.3',
            subject: named(subject?.name, subject?.versionInfo),
            subjectName: subject?.name ?? null,
            subjectVersion: subject?.versionInfo ?? null,
            subjectSha256: sha256Of(subject?.checksums?.map((sum) => ({ algorithm: sum.algorithm, value: sum.checksumValue }))),
            components: packages.length,
        };
    }
    throw sbom_unreadable(source, 'expected a CycloneDX BOM (bomFormat) or an SPDX document (spdxVersion)');
}
const CYCLONEDX_XML_NAMESPACE = /^http:\/\/cyclonedx\.org\/schema\/bom\/(1\.[456])$/;
/** CycloneDX XML, checked for its structure only: XSD validation would need a native module. */
function fromXml(root, source) {
    const version = CYCLONEDX_XML_NAMESPACE.exec(root.attributes.xmlns ?? '')?.[1];
    if (root.name !== 'bom' || version === undefined) {
        throw sbom_unreadable(source, 'expected a CycloneDX 1.4-1.6 <bom> in the http://cyclonedx.org/schema/bom/1.x namespace');
    }
    const components = root.children.find((child) => child.name === 'components');
    const all = components ? [...components.children, ...descendants(components, 'component')] : [];
    const unique = new Set(all.filter((element) => element.name === 'component'));
    for (const component of unique) {
        if (!component.attributes.type)
            throw sbom_unreadable(source, 'a <component> has no type attribute');
    }
    const metadata = root.children.find((child) => child.name === 'metadata');
    const subject = metadata?.children.find((child) => child.name === 'component');
    return {
        format: 'cyclonedx-xml',
        specVersion: version,
        subject: subject?.attributes['bom-ref'] ?? null,
        // The XML reader keeps elements, not their text: the subject's name, version and hashes are not read.
        subjectName: null,
        subjectVersion: null,
        subjectSha256: [],
        components: unique.size,
    };
}
/** Recognises and checks a CycloneDX (JSON or XML) or SPDX 2.3 JSON SBOM. */
function parseSbom(text, source) {
    if (text.trimStart().startsWith('<'))
        return fromXml(parseXml(text, source), source);
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        throw sbom_unreadable(source, 'it is neither JSON nor XML');
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
        throw sbom_unreadable(source, 'it is not a JSON object');
    }
    return fromJson(document, source);
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/threat-feeds.ts

/** The CVE ids of a CISA Known Exploited Vulnerabilities catalog (known_exploited_vulnerabilities.json). */
function parseKevCatalog(text, source) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not JSON`, { file: source });
    }
    if (!Array.isArray(document?.vulnerabilities)) {
        throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not a KEV catalog: it has no vulnerabilities array`, { file: source });
    }
    return new Set(document.vulnerabilities.map((entry) => String(entry.cveID)));
}
/**
 * EPSS scores by CVE id from the FIRST daily CSV: an optional `#model_version:…` comment line,
 * then the header `cve,epss,percentile`.
 */
function parseEpssCsv(text, source) {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const header = (lines.shift() ?? '').split(',').map((cell) => cell.trim().toLowerCase());
    const cve = header.indexOf('cve');
    const epss = header.indexOf('epss');
    if (cve === -1 || epss === -1) {
        throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not an EPSS CSV: no cve,epss header`, {
            file: source,
        });
    }
    const scores = new Map();
    for (const line of lines) {
        const cells = line.split(',');
        const score = Number(cells[epss]);
        if (cells[cve] && Number.isFinite(score))
            scores.set(cells[cve].trim(), score);
    }
    return scores;
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/vulnerabilities.ts

function severity(value) {
    const word = String(value ?? '').toLowerCase();
    if (word === 'critical' || word === 'high' || word === 'medium' || word === 'low')
        return word;
    if (word === 'moderate')
        return 'medium';
    return 'unknown';
}
function array(value) {
    return Array.isArray(value) ? value.filter((item) => item && typeof item === 'object') : [];
}
function fromGrype(document) {
    const findings = array(document.matches).map((match) => {
        const vulnerability = (match.vulnerability ?? {});
        const related = array(match.relatedVulnerabilities).map((item) => String(item.id));
        const artifact = (match.artifact ?? {});
        return {
            id: String(vulnerability.id),
            aliases: related,
            severity: severity(vulnerability.severity),
            package: `${String(artifact.name ?? '')}@${String(artifact.version ?? '')}`,
        };
    });
    return { format: 'grype', findings, notAffected: [] };
}
function fromTrivy(document) {
    const findings = array(document.Results).flatMap((result) => array(result.Vulnerabilities).map((item) => ({
        id: String(item.VulnerabilityID),
        aliases: [],
        severity: severity(item.Severity),
        package: `${String(item.PkgName ?? '')}@${String(item.InstalledVersion ?? '')}`,
    })));
    return { format: 'trivy', findings, notAffected: [] };
}
/** OSV-Scanner keeps the severity on the group of aliases (`max_severity`, a CVSS score) of a package. */
function osvSeverity(groups, id) {
    const group = groups.find((item) => Array.isArray(item.ids) && item.ids.includes(id));
    const score = Number(group?.max_severity);
    if (!Number.isFinite(score) || group?.max_severity === '')
        return 'unknown';
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    return 'low';
}
function fromOsv(document) {
    const findings = array(document.results).flatMap((result) => array(result.packages).flatMap((entry) => {
        const pkg = (entry.package ?? {});
        const groups = array(entry.groups);
        return array(entry.vulnerabilities).map((item) => {
            const specific = (item.database_specific ?? {});
            const id = String(item.id);
            const fromGroup = osvSeverity(groups, id);
            return {
                id,
                aliases: Array.isArray(item.aliases) ? item.aliases.map(String) : [],
                severity: fromGroup === 'unknown' ? severity(specific.severity) : fromGroup,
                package: `${String(pkg.name ?? '')}@${String(pkg.version ?? '')}`,
            };
        });
    }));
    return { format: 'osv-scanner', findings, notAffected: [] };
}
function fromCycloneDx(document) {
    const findings = [];
    const notAffected = [];
    for (const item of array(document.vulnerabilities)) {
        const id = String(item.id);
        const analysis = (item.analysis ?? {});
        if (analysis.state === 'not_affected') {
            notAffected.push(id);
            continue;
        }
        const ratings = array(item.ratings).map((rating) => severity(rating.severity));
        const order = ['critical', 'high', 'medium', 'low'];
        const worst = order.find((level) => ratings.includes(level)) ?? 'unknown';
        const affects = array(item.affects).map((entry) => String(entry.ref));
        findings.push({ id, aliases: [], severity: worst, package: affects.join(',') });
    }
    return { format: 'cyclonedx', findings, notAffected };
}
/** Reads a Grype, Trivy, OSV-Scanner or CycloneDX (`vulnerabilities`, VEX included) JSON report. */
function parseVulnerabilityReport(text, source) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not JSON`, { file: source });
    }
    if (document && typeof document === 'object') {
        if (Array.isArray(document.matches))
            return fromGrype(document);
        if ('SchemaVersion' in document && 'ArtifactName' in document)
            return fromTrivy(document);
        if (Array.isArray(document.results))
            return fromOsv(document);
        if (document.bomFormat === 'CycloneDX')
            return fromCycloneDx(document);
    }
    throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not a vulnerability report: expected Grype, Trivy, OSV-Scanner or CycloneDX JSON`, { file: source });
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/parse-evidence.ts






/** `verified` of a `release-guard verify --format json` report (provenance-validate writes the same). */
function parseVerifyReport(text, source) {
    let report;
    try {
        report = JSON.parse(text);
    }
    catch {
        throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not JSON`, { file: source });
    }
    if (typeof report?.verified !== 'boolean') {
        throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `${source} is not a verify report: it has no boolean "verified" (write it with release-guard verify --format json)`, { file: source });
    }
    return report.verified;
}
function findingsOf(files) {
    if (files.length === 0)
        return { findings: null, suppressed: [] };
    const reports = files.map((file) => parseVulnerabilityReport(file.content.toString('utf8'), file.path));
    const notAffected = new Set(reports.flatMap((report) => report.notAffected));
    const all = reports.flatMap((report) => report.findings);
    const unique = new Map(all.map((finding) => [`${finding.id}\u0000${finding.package}`, finding]));
    const suppressed = new Set();
    const findings = [...unique.values()].filter((finding) => {
        const hit = [finding.id, ...finding.aliases].find((id) => notAffected.has(id));
        if (hit)
            suppressed.add(finding.id);
        return !hit;
    });
    return { findings, suppressed: [...suppressed].sort() };
}
/** Parses every clean collected file by its kind; policy logs and signature bundles are archived only. */
function parseEvidence(files, secrets, leftOut, artifacts = null) {
    const of = (kind) => files.filter((file) => file.kind === kind);
    const text = (file) => file.content.toString('utf8');
    const junit = of('junit');
    const coverage = of('coverage');
    const [kev] = of('kev');
    const [epss] = of('epss');
    if (coverage.length > 1) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', 'give one coverage report (--coverage), not several');
    }
    return {
        tests: junit.length
            ? junit.map((file) => parseJUnit(text(file), file.path)).reduce(addTotals, NO_TESTS)
            : null,
        coverage: coverage.length ? parseCoverage(text(coverage[0]), coverage[0].path) : null,
        sboms: of('sbom').map((file) => parseSbom(text(file), file.path)),
        ...findingsOf(of('vulnerabilities')),
        kev: kev ? parseKevCatalog(text(kev), kev.path) : null,
        epss: epss ? parseEpssCsv(text(epss), epss.path) : null,
        provenance: of('provenance-report').map((file) => parseVerifyReport(text(file), file.path)),
        secrets,
        artifacts,
        leftOut,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/policy.schema.json
const policy_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://release-guard.dev/schemas/evidence-policy/v1.json","title":"release-guard evidence policy","description":"How `release-guard evidence` judges a release\'s evidence. Each rule is optional and overrides the default policy (`release-guard evidence --print-policy`) field by field. A level is fail, warn or off.","type":"object","required":["version"],"additionalProperties":false,"properties":{"version":{"const":1,"description":"the policy format version, 1"},"rules":{"type":"object","description":"rules by id","propertyNames":{"enum":["coverage","tests","vulnerabilities","kev","epss","provenance","sbom","secrets"],"description":"a rule id: coverage, tests, vulnerabilities, kev, epss, provenance, sbom or secrets"},"additionalProperties":false,"properties":{"coverage":{"type":"object","additionalProperties":false,"properties":{"min_line_percent":{"type":"number","minimum":0,"maximum":100},"severity":{"$ref":"#/$defs/level"},"missing":{"$ref":"#/$defs/level"}}},"tests":{"type":"object","additionalProperties":false,"properties":{"severity":{"$ref":"#/$defs/level"},"missing":{"$ref":"#/$defs/level"}}},"vulnerabilities":{"type":"object","additionalProperties":false,"properties":{"critical":{"$ref":"#/$defs/level"},"high":{"$ref":"#/$defs/level"},"medium":{"$ref":"#/$defs/level"},"low":{"$ref":"#/$defs/level"},"missing":{"$ref":"#/$defs/level"}}},"kev":{"type":"object","additionalProperties":false,"properties":{"severity":{"$ref":"#/$defs/level"},"missing":{"$ref":"#/$defs/level"}}},"epss":{"type":"object","additionalProperties":false,"properties":{"threshold":{"type":"number","minimum":0,"maximum":1},"severity":{"$ref":"#/$defs/level"},"missing":{"$ref":"#/$defs/level"}}},"provenance":{"type":"object","additionalProperties":false,"properties":{"severity":{"$ref":"#/$defs/level"},"missing":{"$ref":"#/$defs/level"}}},"sbom":{"type":"object","additionalProperties":false,"properties":{"min_components":{"type":"integer","minimum":0},"severity":{"$ref":"#/$defs/level"},"missing":{"$ref":"#/$defs/level"}}},"secrets":{"type":"object","additionalProperties":false,"description":"a file holding a secret is always left out and always fails: this rule cannot be relaxed","properties":{"severity":{"const":"fail"}}}}}},"$defs":{"level":{"enum":["fail","warn","off"],"description":"fail, warn or off"}}}');
;// CONCATENATED MODULE: ./packages/core/src/evidence/policy.ts




const EVIDENCE_RULES = policy_schema_namespaceObject.properties.rules.propertyNames["enum"];
const EVIDENCE_POLICY_SCHEMA = (/* unused pure expression or super */ null && (policySchema));
/** The default policy, as `release-guard evidence --print-policy` prints it. */
const DEFAULT_POLICY_YAML = `# release-guard evidence policy. Each rule may be left out (this default applies) or
# changed field by field; a level is fail, warn or off.
version: 1
rules:
  coverage:
    min_line_percent: 70 # line coverage below this ...
    severity: fail # ... fails
    missing: warn # no coverage report given
  tests:
    severity: fail # a failed or errored test, or JUnit reports holding zero tests
    missing: warn # no JUnit report given
  vulnerabilities:
    critical: fail
    high: warn
    medium: off
    low: off
    missing: warn # no vulnerability report given
  kev:
    severity: fail # a finding listed in the CISA KEV catalog (--kev)
    missing: warn # vulnerability reports given without a KEV catalog
  epss:
    threshold: 0.5 # a finding whose EPSS score is at or above this ...
    severity: warn # ... warns
    missing: warn # vulnerability reports given without an EPSS file
  provenance:
    severity: fail # a verify report that is not verified
    missing: warn # no verify report given
  sbom:
    min_components: 1 # an SBOM listing fewer components ...
    severity: fail # ... fails
    missing: warn # no SBOM given
  secrets:
    severity: fail # a collected file holding a secret: left out of the bundle; always fail
`;
const policyJsonSchema = (0,json_schema/* lazyJsonSchema */.eP)(policy_schema_namespaceObject);
function unusable(source, problem) {
    return new errors/* ReleaseGuardError */.dZ('usage_error', `the evidence policy ${source} is not usable: ${problem}`, {
        file: source,
    });
}
function readYaml(text, source) {
    const document = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: true });
    if (document.errors.length > 0)
        throw unusable(source, document.errors[0].message);
    return document.toJS();
}
function validate(document, source) {
    const { validate: check } = policyJsonSchema();
    if (check(document))
        return;
    const problems = (0,json_schema/* withoutAnyOfBranches */.ej)(check.errors ?? []).map((error) => error.keyword === 'propertyNames'
        ? ''
        : `${(0,json_schema/* describeInstancePath */.AB)(error.instancePath)}: ${(0,json_schema/* describeSchemaError */.LA)(error)}`);
    const unknownRule = (check.errors ?? []).find((error) => error.instancePath === '/rules' && error.keyword === 'enum');
    if (unknownRule) {
        problems.unshift(`unknown rule ${JSON.stringify(unknownRule.data)}; the rules are ${EVIDENCE_RULES.join(', ')}`);
    }
    throw unusable(source, problems.filter(Boolean).join('; '));
}
let defaultPolicy;
function loadDefaultPolicy() {
    defaultPolicy ??= parsePolicyOver(DEFAULT_POLICY_YAML, 'default policy', null);
    return structuredClone(defaultPolicy);
}
function parsePolicyOver(text, source, base) {
    const document = readYaml(text, source);
    validate(document, source);
    const given = document;
    const merged = (base ?? { version: 1, rules: {} });
    for (const [rule, fields] of Object.entries(given.rules ?? {})) {
        merged.rules[rule] = { ...(merged.rules[rule] ?? {}), ...(fields ?? {}) };
    }
    return merged;
}
/** Parses a policy file's YAML and lays it over the default. Unknown rules and fields are usage errors. */
function parsePolicy(text, source) {
    return parsePolicyOver(text, source, loadDefaultPolicy());
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./packages/core/src/evidence/release-time.ts



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(workspace, args) {
    try {
        const { stdout } = await run('git', args, { cwd: workspace, encoding: 'utf8' });
        return stdout.trim() || null;
    }
    catch {
        return null;
    }
}
/**
 * The commit is the workspace's HEAD, else $GITHUB_SHA. The time is SOURCE_DATE_EPOCH (seconds), else
 * the commit's time; with neither there is no reproducible time, which is a usage error.
 */
async function releaseStamp(workspace, env) {
    const commit = (await git(workspace, ['rev-parse', 'HEAD'])) ?? env.GITHUB_SHA ?? null;
    const epoch = env.SOURCE_DATE_EPOCH;
    if (epoch !== undefined && epoch !== '') {
        if (!/^\d+$/.test(epoch))
            throw new errors/* InputError */.dz('source-date-epoch', `must be whole seconds, got ${JSON.stringify(epoch)}`);
        return { commit, time: new Date(Number(epoch) * 1000) };
    }
    const committed = await git(workspace, ['log', '-1', '--format=%ct', 'HEAD']);
    if (committed === null) {
        throw new errors/* InputError */.dz('source-date-epoch', 'is needed: the workspace is not a git checkout with a commit, so set SOURCE_DATE_EPOCH to the release time');
    }
    return { commit, time: new Date(Number(committed) * 1000) };
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@secretlint+core@11.7.1/node_modules/@secretlint/core/module/index.js + 17 modules
var core_module = __webpack_require__(79800);
// EXTERNAL MODULE: ./node_modules/.pnpm/@secretlint+secretlint-rule-preset-recommend@11.7.1/node_modules/@secretlint/secretlint-rule-preset-recommend/module/index.js
var secretlint_rule_preset_recommend_module = __webpack_require__(19463);
;// CONCATENATED MODULE: ./packages/core/src/evidence/secret-rules.ts
const OWN_SECRET_RULES = [
    {
        rule: 'release-guard/webhook-url',
        pattern: /https:\/\/(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{16,}|(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]{20,}|[\w-]+\.webhook\.office\.com\/webhookb2\/\S{20,}|chat\.googleapis\.com\/v1\/spaces\/[^\s?]+\/messages\?key=\S+)/g,
    },
    {
        rule: 'release-guard/npmrc-auth-token',
        // `${NPM_TOKEN}` reads a variable at install time: a reference, not a secret.
        pattern: /(?:^|[\s:])_(?:authToken|auth|password)\s*=\s*(?!["']?\$\{)["']?[^\s"']{8,}/gm,
    },
    {
        rule: 'release-guard/git-url-credentials',
        pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>]+:[^\s/@"'<>]+@[^\s/"'<>]+/gi,
    },
    {
        rule: 'release-guard/aws-credentials',
        pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
    },
    {
        rule: 'release-guard/aws-credentials',
        pattern: /aws_?secret_?access_?key[\s\\"':=]{1,8}[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/gi,
    },
    {
        rule: 'release-guard/pem-private-key',
        pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
    },
];

;// CONCATENATED MODULE: ./packages/core/src/evidence/secrets.ts



function lineAt(text, index) {
    let line = 1;
    for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1))
        line += 1;
    return line;
}
function ownFindings(path, text) {
    const found = [];
    for (const { rule, pattern } of OWN_SECRET_RULES) {
        for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
            found.push({ path, line: lineAt(text, match.index ?? 0), rule });
        }
    }
    return found;
}
async function secretlintFindings(path, text) {
    const result = await (0,core_module/* lintSource */.n)({
        source: { filePath: path, content: text, contentType: 'text' },
        options: {
            config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: secretlint_rule_preset_recommend_module/* creator */.x }] },
            maskSecrets: true,
        },
    });
    return result.messages.map((message) => ({ path, line: message.loc.start.line, rule: message.ruleId }));
}
/**
 * The secrets in one file's text: secretlint's recommended preset plus our own rules, one finding
 * per file, line and rule, in line order.
 */
async function findSecrets(path, text) {
    const all = [...(await secretlintFindings(path, text)), ...ownFindings(path, text)];
    const unique = new Map(all.map((finding) => [`${finding.line}\u0000${finding.rule}`, finding]));
    return [...unique.values()].sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/run-evidence.ts
















function requests(options) {
    const one = (value) => (value === undefined ? [] : [value]);
    return [
        { kind: 'policy', field: 'policy', patterns: one(options.policy) },
        { kind: 'junit', field: 'junit', patterns: options.junit ?? [] },
        { kind: 'coverage', field: 'coverage', patterns: one(options.coverage) },
        { kind: 'sbom', field: 'sbom', patterns: options.sbom ?? [] },
        { kind: 'vulnerabilities', field: 'vulns', patterns: options.vulns ?? [] },
        { kind: 'kev', field: 'kev', patterns: one(options.kev) },
        { kind: 'epss', field: 'epss', patterns: one(options.epss) },
        { kind: 'policy-log', field: 'policy-log', patterns: options.policyLogs ?? [] },
        { kind: 'provenance-report', field: 'provenance-report', patterns: one(options.provenanceReport) },
        { kind: 'signature', field: 'signatures', patterns: one(options.signatures).map((dir) => `${dir}/**`) },
    ];
}
/** The policy file, read as collected: inside the workspace like every other input. */
function loadPolicy(collected) {
    const file = collected.find((item) => item.kind === 'policy');
    return file ? parsePolicy(file.content.toString('utf8'), file.path) : loadDefaultPolicy();
}
function leftOutKinds(collected, dirty) {
    return new Set(collected.filter((file) => dirty.has(file.path)).map((file) => file.kind));
}
const sha256 = (content) => (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex');
async function scan(files) {
    const found = [];
    for (const file of files)
        found.push(...(await findSecrets(file.path, file.content.toString('utf8'))));
    return found;
}
/** The `--artifact` files, hashed (streamed): the SBOMs' subjects are matched against them; null when none. */
async function releaseFiles(options) {
    if (!options.artifacts || options.artifacts.length === 0)
        return null;
    const files = [];
    for (const [path, real] of await resolveEvidenceFiles(options.workspace, options.artifacts, 'artifact')) {
        files.push({ path, sha256: (await digestFile(real, ['sha256'])).sha256 });
    }
    return files;
}
/**
 * Collects the release's evidence, scans every file for secrets before anything is written, parses
 * and judges what is clean, and writes `evidence-<tag>.tar.gz` and `evidence/manifests/<tag>.yaml`
 * under the output folder (each whole or not at all). Unusable input throws before any write.
 */
async function runEvidence(options) {
    const images = (options.images ?? []).map(parseImageDigest);
    const collected = await collectEvidence(options.workspace, requests(options));
    const artifacts = await releaseFiles(options);
    const policy = loadPolicy(collected);
    const secrets = await scan(collected);
    const dirty = new Set(secrets.map((finding) => finding.path));
    const clean = collected.filter((file) => !dirty.has(file.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
    const evaluations = evaluateEvidence(policy, parseEvidence(clean, secrets, leftOutKinds(collected, dirty), artifacts));
    const stamp = await releaseStamp(options.workspace, options.env);
    const document = {
        schema_version: EVIDENCE_SCHEMA_VERSION,
        tag: options.tag,
        commit: stamp.commit,
        time: stamp.time.toISOString(),
        tools: { 'release-guard': options.toolVersion, secretlint: core_package/* version */.rE },
        images,
        items: clean.map((file) => ({
            kind: file.kind,
            path: file.path,
            sha256: sha256(file.content),
            size: file.content.length,
        })),
        evaluations,
        redactions: secrets.map((finding) => ({ ...finding, action: 'left_out' })),
        result: overallResult(evaluations),
    };
    const bundle = await deterministicTarGz([
        { name: 'evidence.yaml', content: Buffer.from(renderEvidenceYaml(document)) },
        ...clean.map((file) => ({ name: `items/${file.path}`, content: file.content })),
    ], stamp.time);
    const manifest = { ...document, bundle_sha256: sha256(bundle) };
    const outDir = (0,external_node_path_.resolve)(options.workspace, options.outDir ?? '.');
    const name = tagFileName(options.tag);
    const bundlePath = (0,external_node_path_.join)(outDir, `evidence-${name}.tar.gz`);
    const manifestPath = (0,external_node_path_.join)(outDir, 'evidence', 'manifests', `${name}.yaml`);
    await writeFileAtomic(bundlePath, bundle);
    await writeFileAtomic(manifestPath, renderEvidenceYaml(manifest));
    return { manifest, bundlePath, manifestPath };
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/archive.ts












/** `evidence-<tag>-<attempt>`: a re-run (a new attempt) never meets the 409 of the first one's name. */
function evidenceArtifactName(tag, runAttempt) {
    return `evidence-${tagFileName(tag)}-${runAttempt}`;
}
/**
 * `controls.evidence`, the only place the posture reads the evidence status from: the policy's
 * verdict, or fail when the evidence could not be archived.
 */
function evidenceControl(evidence, failure) {
    const { manifest } = evidence;
    if (failure !== null)
        return {
            status: 'fail',
            failureReason: (0,errors/* isFailureCode */.sH)(failure.code) ? failure.code : 'evidence_fail',
            detail: `not archived: ${failure.message}`,
        };
    const findings = manifest.evaluations
        .filter((e) => e.result !== 'pass')
        .map((e) => `${e.rule} ${e.result}`);
    return {
        status: manifest.result,
        failureReason: manifest.result === 'pass' ? null : `evidence_${manifest.result}`,
        detail: `${manifest.result} by the policy (${findings.join(', ') || 'every rule passed'})`,
    };
}
/**
 * evidence-archive: collect and judge the evidence in the workspace (secrets left out before
 * anything is written), upload the bundle and its manifest as a workflow artifact (never refused by
 * the freeze: it publishes nothing), then, with `attach` and unless the release is frozen, attach
 * both to the release's draft.
 */
async function evidenceArchive(inputs) {
    checkEvidenceArchiveInputs(inputs);
    const tag = inputs.tag;
    const evidence = await runEvidence({
        tag,
        workspace: inputs.workspace,
        policy: inputs.policy,
        junit: inputs.junit,
        coverage: inputs.coverage,
        sbom: inputs.sbom,
        vulns: inputs.vulns,
        kev: inputs.kev,
        epss: inputs.epss,
        images: inputs.images,
        artifacts: inputs.artifacts,
        policyLogs: inputs.policyLogs,
        provenanceReport: inputs.provenanceReport,
        signatures: inputs.signatures,
        toolVersion: package_namespaceObject.rE,
        env: process.env,
    });
    let failure = null;
    let artifact = null;
    const root = (0,external_node_path_.dirname)(evidence.bundlePath);
    try {
        artifact = await uploadEvidenceArtifact(evidenceArtifactName(tag, inputs.runAttempt), [evidence.bundlePath, evidence.manifestPath], root);
    }
    catch (error) {
        failure = error;
    }
    let attached = null;
    let notAttached = inputs.attach ? null : '`attach` is false';
    let frozen = false;
    let github;
    const client = () => (github ??= createGitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl, retries: 2 }));
    if (inputs.attach && failure === null) {
        try {
            await (0,gate/* assertActionNotFrozen */.K)(inputs, client(), { action: 'evidence-archive', tag });
            const [owner, repo] = inputs.repository.split('/');
            const result = await attachReleaseAssets(client(), { owner, repo, tag }, [
                { path: evidence.bundlePath, contentType: 'application/gzip' },
                {
                    path: evidence.manifestPath,
                    name: `evidence-${tagFileName(tag)}.yaml`,
                    contentType: 'application/yaml',
                },
            ]);
            attached = result.assets.map((asset) => asset.name);
        }
        catch (error) {
            const refusal = error;
            if (refusal.code === 'release_frozen') {
                frozen = true;
                notAttached = refusal.message;
            }
            else
                failure = refusal;
        }
    }
    const relativePath = (path) => (0,external_node_path_.relative)(inputs.workspace, path).split('\\').join('/');
    const recorded = await recordActionControl(inputs, client, 'evidence', evidenceControl(evidence, failure));
    const result = {
        evidence,
        bundlePath: relativePath(evidence.bundlePath),
        manifestPath: relativePath(evidence.manifestPath),
        artifact,
        attached,
        notAttached,
        frozen,
        failure,
        controlNote: recorded.note,
    };
    return { ...result, summary: `${renderArchiveSummary(result, inputs).trimEnd()}\n\n${recorded.note}\n` };
}


/***/ })

};
;