"use strict";
exports.id = 839;
exports.ids = [839];
exports.modules = {

/***/ 70839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  releaseSign: () => (/* binding */ releaseSign),
  resolveFiles: () => (/* binding */ resolveFiles)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/.pnpm/fast-glob@3.3.3/node_modules/fast-glob/out/index.js
var out = __webpack_require__(80197);
var out_default = /*#__PURE__*/__webpack_require__.n(out);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(36429);
// EXTERNAL MODULE: ./packages/core/src/freeze/store.ts + 3 modules
var store = __webpack_require__(54981);
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
    const base = external_node_path_default().basename(file);
    if (checksums !== undefined && base.startsWith(external_node_path_default().basename(checksums)))
        return true;
    return isSignatureOrAttestationFile(base);
}

// EXTERNAL MODULE: ./packages/core/src/action/context.ts + 2 modules
var context = __webpack_require__(93463);
;// CONCATENATED MODULE: ./packages/core/src/sign/inputs.ts


const RELEASE_SIGN_MODES = ['keyless', 'key'];
function checkUrl(field, value) {
    if (value === undefined)
        return;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* InputError */.dz(field, 'must be an http(s) URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new errors/* InputError */.dz(field, 'must be an http(s) URL');
}
/** Refuses inputs no run could use (exit 2), before anything is read or signed. */
function checkReleaseSignInputs(inputs) {
    (0,context/* checkActionContext */.M5)(inputs);
    if (inputs.files.length === 0)
        throw new errors/* InputError */.dz('files', 'is required: one glob per line');
    if (!RELEASE_SIGN_MODES.includes(inputs.mode)) {
        throw new errors/* InputError */.dz('mode', `must be keyless or key, got ${JSON.stringify(inputs.mode.slice(0, 100))}`);
    }
    if (inputs.mode === 'key' && !inputs.key)
        throw new errors/* InputError */.dz('key', 'is required with mode key (the PEM private key)');
    if (inputs.mode === 'keyless' && inputs.key)
        throw new errors/* InputError */.dz('key', 'only applies with mode key');
    if (inputs.mode === 'keyless' && inputs.keyPassword)
        throw new errors/* InputError */.dz('key-password', 'only applies with mode key');
    if (!/^[A-Za-z0-9._-]+$/.test(inputs.checksums) || inputs.checksums.startsWith('.')) {
        throw new errors/* InputError */.dz('checksums', 'must be a plain file name such as SHA256SUMS');
    }
    if (inputs.upload && inputs.tag === undefined)
        throw new errors/* InputError */.dz('tag', 'is required to attach the bundles to its release');
    if (inputs.upload && !inputs.githubToken)
        throw new errors/* InputError */.dz('github-token', 'is needed to attach assets (contents: write)');
    if (!inputs.githubToken)
        throw new errors/* InputError */.dz('github-token', 'is needed to read the release freeze (contents: read)');
    checkUrl('fulcio-url', inputs.fulcioUrl);
    checkUrl('rekor-url', inputs.rekorUrl);
    checkUrl('tsa-url', inputs.tsaUrl);
}

// EXTERNAL MODULE: ./packages/core/src/freeze/check.ts + 7 modules
var check = __webpack_require__(75052);
// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+bundle@4.0.0/node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(40168);
// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+sign@4.1.1/node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(21040);
;// CONCATENATED MODULE: ./packages/core/src/sign/bundle.ts


const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';
const CLIENT_TIMEOUT_MS = 30_000;
const RETRY = { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 5000 };
/** The witnesses of a run: Rekor (hashedrekord) unless `rekorURL` is null, and a TSA when given. */
function witnessesFor(urls) {
    const list = [];
    if (urls.rekorURL !== null) {
        list.push(new sign_dist/* RekorWitness */.fU({
            rekorBaseURL: urls.rekorURL,
            entryType: 'dsse',
            timeout: CLIENT_TIMEOUT_MS,
            retry: RETRY,
        }));
    }
    if (urls.tsaURL !== undefined) {
        list.push(new sign_dist/* TSAWitness */.gs({ tsaBaseURL: urls.tsaURL, timeout: CLIENT_TIMEOUT_MS, retry: RETRY }));
    }
    return list;
}
/**
 * A Sigstore bundle v0.3 holding a message signature (sha256 `messageDigest`), its certificate or
 * key hint, and what every witness returned. The signature was made by streaming the file.
 */
async function messageSignatureBundle(signed, material, witnesses) {
    const bundle = (0,dist.toMessageSignatureBundle)({
        digest: signed.digest,
        signature: signed.signature,
        certificate: material.certificate,
        keyHint: material.keyHint,
        certificateChain: false,
    });
    const results = await Promise.all(witnesses.map((w) => w.testify(bundle.content, material.witnessKey)));
    for (const result of results) {
        bundle.verificationMaterial.tlogEntries.push(...(result.tlogEntries ?? []));
        bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.push(...(result.rfc3161Timestamps ?? []));
    }
    return (0,dist.bundleToJSON)(bundle);
}

;// CONCATENATED MODULE: ./packages/core/src/sign/checksums.ts

/** Names a checksum line cannot carry safely: they would escape the directory or break the format. */
function hostileName(name) {
    if (name === '')
        return 'an empty name';
    if (/[\n\r\0]/.test(name))
        return 'a newline or NUL';
    if (name.includes('\\'))
        return 'a backslash';
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name))
        return 'an absolute path';
    if (name.split('/').some((part) => part === '..' || part === '.' || part === ''))
        return 'a `..`, `.` or empty segment';
    return null;
}
/** `sha256sum` format: `<hex>  <name>`, one line each, sorted by name. */
function renderChecksums(lines) {
    const sorted = [...lines].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return sorted.map((line) => `${line.sha256}  ${line.name}\n`).join('');
}
/**
 * Parses a `sha256sum` file (text `  ` or binary ` *` mode). A name that could leave the directory or
 * break the format, a malformed line or a name listed twice is `malformed_provenance`.
 */
function parseChecksums(text, where) {
    const lines = [];
    const seen = new Set();
    const rows = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    for (const [index, row] of rows.entries()) {
        const match = /^([0-9a-fA-F]{64}) [ *](.*)$/s.exec(row);
        if (!match) {
            throw new ReleaseGuardError('malformed_provenance', `${where} line ${index + 1} is not \`<sha256>  <name>\``);
        }
        const name = match[2];
        const hostile = hostileName(name);
        if (hostile !== null) {
            throw new ReleaseGuardError('malformed_provenance', `${where} line ${index + 1} names a file with ${hostile}: refused`, { line: index + 1 });
        }
        if (seen.has(name)) {
            throw new ReleaseGuardError('malformed_provenance', `${where} lists ${JSON.stringify(name)} twice`);
        }
        seen.add(name);
        lines.push({ name, sha256: match[1].toLowerCase() });
    }
    if (lines.length === 0)
        throw new ReleaseGuardError('malformed_provenance', `${where} lists no file`);
    return lines;
}

;// CONCATENATED MODULE: ./packages/core/src/github/actions-id-token.ts

/**
 * Asks GitHub Actions' token endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL` / `_TOKEN`) for a token with this
 * audience. `missing` is the usage error's message when the job has no endpoint.
 */
async function requestActionsIdToken(env, audience, missing) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !requestToken)
        throw new errors/* ReleaseGuardError */.dZ('usage_error', missing);
    const endpoint = new URL(url);
    endpoint.searchParams.set('audience', audience);
    let response;
    try {
        response = await fetch(endpoint, { headers: { authorization: `Bearer ${requestToken}` } });
    }
    catch (error) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', 'the GitHub Actions OIDC token endpoint could not be reached', {}, { cause: error });
    }
    if (!response.ok) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `the GitHub Actions OIDC token endpoint answered ${response.status}: does the job have \`id-token: write\`?`);
    }
    const value = (await response.json()).value;
    if (typeof value !== 'string' || value === '') {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', 'the GitHub Actions OIDC token endpoint returned no token');
    }
    return { token: value, requestToken };
}

;// CONCATENATED MODULE: ./packages/core/src/sign/identity-token.ts


const AUDIENCE = 'sigstore';
/**
 * The token named by `--identity-token-env`, else GitHub Actions' token endpoint
 * (`ACTIONS_ID_TOKEN_REQUEST_URL` / `_TOKEN`, audience `sigstore`). Neither: a usage error, up front.
 */
function identityTokenSource(env, tokenEnv) {
    const secrets = [];
    if (tokenEnv !== undefined) {
        const token = env[tokenEnv]?.trim();
        if (!token) {
            throw new errors/* ReleaseGuardError */.dZ('usage_error', `--identity-token-env ${tokenEnv}: the variable is not set or empty`);
        }
        secrets.push(token);
        return { provider: { getToken: () => Promise.resolve(token) }, secrets };
    }
    const missing = 'keyless signing needs an OIDC token: run in GitHub Actions with `permissions: id-token: write`, ' +
        'or name the variable holding a token with --identity-token-env';
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !bearer)
        throw new errors/* ReleaseGuardError */.dZ('usage_error', missing);
    secrets.push(bearer);
    const getToken = async () => {
        const { token } = await requestActionsIdToken(env, AUDIENCE, missing);
        secrets.push(token);
        return token;
    };
    return { provider: { getToken }, secrets };
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@sigstore+core@3.2.1/node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(48508);
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
        return X509Certificate.parse(der);
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sign/keyless.ts




const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev';
/** A certificate with less than this left is renewed before the next file (Fulcio's last 10 minutes). */
const RENEW_BEFORE_MS = 60_000;
/**
 * Keyless signing material: an ephemeral P-256 key and its Fulcio certificate, taken through
 * `FulcioSigner` with our key as its key holder (one OIDC exchange per certificate). The key then
 * signs every file itself, streamed. A new key and certificate are made when less than 60 s are left.
 */
class KeylessCertificates {
    options;
    held = null;
    /** Every certificate issued this run (PEM), in order. */
    issued = [];
    constructor(options) {
        this.options = options;
    }
    async current() {
        const now = (this.options.now ?? Date.now)();
        if (this.held === null || this.held.notAfter - now < RENEW_BEFORE_MS)
            this.held = await this.issue();
        return this.held.material;
    }
    /** The SAN and issuer of the latest certificate, null before the first. */
    identity() {
        return this.held && { san: this.held.san, issuer: this.held.issuer };
    }
    certificatePem() {
        return this.held?.pem ?? null;
    }
    async issue() {
        const { privateKey, publicKey } = external_node_crypto_default().generateKeyPairSync('ec', { namedCurve: 'P-256' });
        const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
        const keyHolder = {
            sign: (data) => Promise.resolve({
                signature: external_node_crypto_default().sign('sha256', data, privateKey),
                key: { $case: 'publicKey', publicKey: publicPem },
            }),
        };
        const fulcio = new sign_dist/* FulcioSigner */.$o({
            identityProvider: this.options.identity,
            fulcioBaseURL: this.options.fulcioURL,
            keyHolder,
            timeout: 30_000,
            retry: { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 5000 },
        });
        // The signature over nothing is discarded: the call is for the certificate.
        const { key } = await fulcio.sign(Buffer.alloc(0));
        const pem = key.$case === 'x509Certificate' ? key.certificate : '';
        const cert = core_dist.X509Certificate.parse(pem);
        const identity = fulcioIdentity(cert);
        this.issued.push(pem);
        return {
            material: {
                kind: 'keyless',
                privateKey,
                witnessKey: pem,
                certificate: derOf(pem),
                certificatePem: pem,
            },
            notAfter: cert.notAfter.getTime(),
            san: identity.san,
            issuer: identity.issuer,
            pem,
        };
    }
}
function derOf(pem) {
    return Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''), 'base64');
}

// EXTERNAL MODULE: ./packages/core/src/text/redact-secrets.ts
var redact_secrets = __webpack_require__(40965);
;// CONCATENATED MODULE: ./packages/core/src/sign/library-error.ts


/** sigstore-js codes that mean the identity token itself is unusable (exit 2). */
const TOKEN_CODES = new Set(['IDENTITY_TOKEN_PARSE_ERROR', 'IDENTITY_TOKEN_READ_ERROR']);
const MAX_CAUSES = 4;
function describe(error) {
    const parts = [];
    let current = error;
    for (let depth = 0; current !== undefined && current !== null && depth < MAX_CAUSES; depth++) {
        parts.push(current instanceof Error ? current.message : String(current));
        current = current instanceof Error ? current.cause : undefined;
    }
    return parts.join(': ');
}
/**
 * Any error of a signing run as it may be printed or stored: every message and `cause` redacted
 * (`@sigstore/sign` writes the identity token into IDENTITY_TOKEN_PARSE_ERROR). A library error
 * becomes `signature_invalid` (the signature could not be made) or, for the token, `usage_error`; any
 * other error is `internal_error`;
 * the original error is not kept, not even as the cause.
 */
function redactedSigningError(error, secrets) {
    if (error instanceof errors/* ReleaseGuardError */.dZ) {
        const cause = error.cause === undefined ? undefined : new Error((0,redact_secrets/* redactSecrets */.fp)(describe(error.cause), secrets));
        return new errors/* ReleaseGuardError */.dZ(error.code, (0,redact_secrets/* redactSecrets */.fp)(error.message, secrets), (0,redact_secrets/* redactSecretsDeep */.Zh)(error.details, secrets), { cause });
    }
    const libraryCode = error?.code;
    const fromLibrary = typeof libraryCode === 'string';
    // Only sigstore-js errors (they carry a code) are failures to sign; anything else is our bug.
    const code = !fromLibrary
        ? 'internal_error'
        : TOKEN_CODES.has(libraryCode)
            ? 'usage_error'
            : 'signature_invalid';
    const what = code === 'usage_error'
        ? 'the OIDC identity token is not usable'
        : code === 'internal_error'
            ? 'internal error while signing'
            : 'signing failed';
    const label = fromLibrary ? ` (${libraryCode})` : '';
    const text = (0,redact_secrets/* redactSecrets */.fp)(describe(error), secrets);
    return new errors/* ReleaseGuardError */.dZ(code, `${what}${label}: ${text}`, {}, { cause: new Error(text) });
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
        text = fs.readFileSync(file, 'utf8');
    }
    catch {
        throw new ReleaseGuardError('usage_error', `--key file not readable: ${file}`);
    }
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
        throw new ReleaseGuardError('usage_error', `--key ${file} holds a private key: give the public key`);
    }
    let key;
    try {
        key = crypto.createPublicKey({ key: text, format: 'pem' });
    }
    catch (error) {
        throw new ReleaseGuardError('usage_error', `--key ${file} is not a PEM public key (${error.message})`);
    }
    const der = key.export({ type: 'spki', format: 'der' });
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return {
        file,
        key,
        fingerprint: `sha256:${crypto.createHash('sha256').update(der).digest('hex')}`,
        hash: key.asymmetricKeyType === 'ed25519' ? null : curve ? (CURVE_HASH[curve] ?? 'sha256') : 'sha256',
        refusal: keyTypeRefusal(key, null),
    };
}
/** Verifies a signature over `data` (a DSSE PAE) with the key, using the digest its type signs with. */
function verifyWithKey(key, data, signature) {
    return crypto.verify(key.hash, data, key.key, signature);
}

// EXTERNAL MODULE: ./node_modules/.pnpm/tweetnacl@1.0.3/node_modules/tweetnacl/nacl-fast.js
var nacl_fast = __webpack_require__(78564);
var nacl_fast_default = /*#__PURE__*/__webpack_require__.n(nacl_fast);
;// CONCATENATED MODULE: ./packages/core/src/sign/cosign-key.ts



/** PEM labels of cosign's encrypted key files (older cosign writes the second). */
const COSIGN_KEY_LABELS = ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'];
/**
 * scrypt parameters above these are refused: a key file chooses how much memory and time we spend,
 * and cosign writes N=32768, r=8, p=1 (32 MiB). The bound allows four times that memory.
 */
const SCRYPT_BOUNDS = { maxN: 131_072, maxR: 16, maxP: 16, maxMemory: 128 * 1024 * 1024 };
function unusable(file, problem) {
    return new errors/* ReleaseGuardError */.dZ('usage_error', `--key ${file}: ${problem}`);
}
function parseDocument(file, body) {
    let doc;
    try {
        doc = JSON.parse(body.toString('utf8'));
    }
    catch {
        throw unusable(file, 'the cosign key file does not hold its JSON document');
    }
    if (doc?.kdf?.name !== 'scrypt' || doc?.cipher?.name !== 'nacl/secretbox') {
        throw unusable(file, 'only scrypt + nacl/secretbox cosign keys are supported');
    }
    const { N, r, p } = doc.kdf.params ?? {};
    const whole = [N, r, p].every((v) => Number.isInteger(v) && v > 0);
    if (!whole || (N & (N - 1)) !== 0) {
        throw unusable(file, 'the scrypt parameters N, r, p must be positive whole numbers, N a power of two');
    }
    const memory = 128 * N * r;
    if (N > SCRYPT_BOUNDS.maxN ||
        r > SCRYPT_BOUNDS.maxR ||
        p > SCRYPT_BOUNDS.maxP ||
        memory > SCRYPT_BOUNDS.maxMemory) {
        throw unusable(file, `scrypt parameters N=${N}, r=${r}, p=${p} exceed the accepted bound (N <= ${SCRYPT_BOUNDS.maxN}, ` +
            `r <= ${SCRYPT_BOUNDS.maxR}, p <= ${SCRYPT_BOUNDS.maxP}, 128*N*r <= 128 MiB)`);
    }
    return doc;
}
/**
 * Decrypts a cosign key file's body (the JSON inside the PEM block): scrypt derives the secretbox key
 * from the password. Returns the PKCS#8 DER private key. A wrong password is a usage error.
 */
function decryptCosignKey(file, body, password) {
    const doc = parseDocument(file, body);
    const { N, r, p } = doc.kdf.params;
    const salt = Buffer.from(doc.kdf.salt, 'base64');
    const nonce = Buffer.from(doc.cipher.nonce, 'base64');
    if (nonce.length !== (nacl_fast_default()).secretbox.nonceLength)
        throw unusable(file, 'the secretbox nonce is not 24 bytes');
    const key = external_node_crypto_default().scryptSync(Buffer.from(password, 'utf8'), salt, (nacl_fast_default()).secretbox.keyLength, {
        N,
        r,
        p,
        // Node refuses scrypt above 32 MiB by default, which cosign's own parameters reach.
        maxmem: 2 * 128 * N * r + 1024 * 1024,
    });
    const opened = nacl_fast_default().secretbox.open(Buffer.from(doc.ciphertext, 'base64'), nonce, key);
    if (opened === null) {
        throw unusable(file, 'cannot decrypt the cosign key: wrong password (--key-password-env)');
    }
    return Buffer.from(opened);
}

;// CONCATENATED MODULE: ./packages/core/src/sign/signing-key.ts





const ED25519_REFUSAL = 'Ed25519 keys are refused: Ed25519 signs the whole message, so a file cannot be signed while it is ' +
    "streamed, and Rekor's hashedrekord refuses Ed25519 for files; use ECDSA P-256/P-384 or RSA >= 2048";
const refusal = (key) => keyTypeRefusal(key, ED25519_REFUSAL);
function pemBlock(text) {
    const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
    return match ? { label: match[1], body: Buffer.from(match[2].replace(/\s+/g, ''), 'base64') } : null;
}
function privateKeyOf(file, text, password) {
    const block = pemBlock(text);
    if (!block)
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key ${file} is not a PEM file`);
    if (COSIGN_KEY_LABELS.includes(block.label)) {
        const der = decryptCosignKey(file, block.body, password ?? '');
        return parsePrivate(file, { key: der, format: 'der', type: 'pkcs8' });
    }
    if (block.label === 'ENCRYPTED PRIVATE KEY') {
        if (password === undefined) {
            throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key ${file} is encrypted: name the variable holding its password with --key-password-env`);
        }
        return parsePrivate(file, { key: text, format: 'pem', passphrase: password }, 'wrong password or damaged key');
    }
    if (block.label === 'PRIVATE KEY')
        return parsePrivate(file, { key: text, format: 'pem' });
    if (block.label.endsWith('PUBLIC KEY')) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key ${file} holds a public key: signing needs the private key`);
    }
    throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key ${file} is a ${block.label} block: give a PKCS#8 key (openssl pkcs8 -topk8) or a cosign key file`);
}
function parsePrivate(file, input, problem = 'not a readable PKCS#8 private key') {
    try {
        return external_node_crypto_default().createPrivateKey(input);
    }
    catch {
        // The library's message is not shown: it is about the bytes of a secret.
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key ${file}: ${problem}`);
    }
}
/** Reads `--key FILE` (PKCS#8 PEM, encrypted or not, or a cosign key file) and checks its type. */
function loadSigningKey(file, password) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key file not readable: ${file}`);
    }
    const privateKey = privateKeyOf(file, text, password);
    const refused = refusal(privateKey);
    if (refused)
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key ${file}: ${refused}`);
    const publicKey = external_node_crypto_default().createPublicKey(privateKey);
    const der = publicKey.export({ type: 'spki', format: 'der' });
    const digest = external_node_crypto_default().createHash('sha256').update(der).digest();
    return {
        privateKey,
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        hint: digest.toString('base64'),
        fingerprint: `sha256:${digest.toString('hex')}`,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/sign/staged-writes.ts



/**
 * Files written under temporary names and renamed into place together, only by `commit`: a run that
 * fails half way calls `discard` and leaves none of them.
 */
class StagedWrites {
    staged = [];
    /** Writes `content` beside `target` under a temporary name; returns that name. */
    write(target, content) {
        external_node_fs_default().mkdirSync(external_node_path_default().dirname(target), { recursive: true });
        const temp = external_node_path_default().join(external_node_path_default().dirname(target), `.${external_node_path_default().basename(target)}.${process.pid}.${external_node_crypto_default().randomBytes(4).toString('hex')}.tmp`);
        external_node_fs_default().writeFileSync(temp, content, { flag: 'wx' });
        this.staged.push({ temp, target });
        return temp;
    }
    commit() {
        for (const { temp, target } of this.staged)
            external_node_fs_default().renameSync(temp, target);
        this.staged.length = 0;
    }
    discard() {
        for (const { temp } of this.staged)
            external_node_fs_default().rmSync(temp, { force: true });
        this.staged.length = 0;
    }
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




const DIGEST_ALGORITHMS = (/* unused pure expression or super */ null && (['sha256', 'sha512']));
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
        handle = await fs.promises.open(path, OPEN_FLAGS);
    }
    catch (err) {
        throw unreadable(path, errno(err));
    }
    try {
        const stat = await handle.stat();
        if (stat.isDirectory())
            throw unreadable(path, 'EISDIR');
        if (!stat.isFile()) {
            throw new ReleaseGuardError('artifact_missing', `artifact is not a regular file: ${path}`, {
                path,
                expected: 'regular file',
                actual: fileType(stat),
            });
        }
        return { handle, size: stat.size };
    }
    catch (err) {
        await handle.close().catch(() => undefined);
        throw err instanceof ReleaseGuardError ? err : unreadable(path, errno(err));
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
    const hashes = new Map(wanted.map((algorithm) => [algorithm, createHash(algorithm)]));
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
        throw new ReleaseGuardError('usage_error', `digest algorithms must be one or more of ${DIGEST_ALGORITHMS.join(', ')}; got [${algorithms.join(', ')}]`, { expected: DIGEST_ALGORITHMS, actual: algorithms });
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
    return new ReleaseGuardError('artifact_missing', `${reason}: ${path}`, { path, errno: code });
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

;// CONCATENATED MODULE: ./packages/core/src/sign/stream-sign.ts




/**
 * Streams `file` through a hash and a signer in the same pass, never holding it whole: a
 * multi-GiB asset costs one chunk of memory. The signature is over the SHA-256 of the file, the
 * digest a message-signature bundle names.
 */
async function streamSignFile(file, privateKey) {
    let handle;
    try {
        handle = await external_node_fs_default().promises.open(file, 'r');
    }
    catch {
        throw new errors/* ReleaseGuardError */.dZ('artifact_missing', `artifact not readable: ${file}`, { path: file });
    }
    const hash = external_node_crypto_default().createHash('sha256');
    const signer = external_node_crypto_default().createSign('sha256');
    let size = 0;
    try {
        if (!(await handle.stat()).isFile()) {
            throw new errors/* ReleaseGuardError */.dZ('artifact_missing', `artifact is not a regular file: ${file}`, {
                path: file,
            });
        }
        const stream = handle.createReadStream({ highWaterMark: DIGEST_CHUNK_SIZE, autoClose: false });
        for await (const chunk of stream) {
            size += chunk.length;
            hash.update(chunk);
            signer.update(chunk);
        }
    }
    catch (error) {
        if (error instanceof errors/* ReleaseGuardError */.dZ)
            throw error;
        throw new errors/* ReleaseGuardError */.dZ('artifact_missing', `artifact could not be read: ${file}`, { path: file });
    }
    finally {
        await handle.close().catch(() => undefined);
    }
    return { digest: hash.digest(), signature: signer.sign(privateKey), size };
}

;// CONCATENATED MODULE: ./packages/core/src/sign/targets.ts






function outputStem(file, name, outputDir) {
    return outputDir === undefined ? file : external_node_path_default().join(outputDir, name);
}
/** The files of a run, their checksum names and bundle paths; a name given twice is a usage error. */
function resolveTargets(artifacts, artifactsDir, outputDir, checksums) {
    const found = artifacts.map((file) => ({
        path: file,
        name: external_node_path_default().basename(file),
    }));
    if (artifactsDir !== undefined) {
        if (!external_node_fs_default().statSync(artifactsDir, { throwIfNoEntry: false })?.isDirectory()) {
            throw new errors/* ReleaseGuardError */.dZ('usage_error', `--artifacts-dir ${artifactsDir} is not a directory`);
        }
        const names = out_default().sync('**/*', {
            cwd: artifactsDir,
            onlyFiles: true,
            dot: true,
            followSymbolicLinks: false,
        });
        for (const name of names.sort()) {
            const file = external_node_path_default().join(artifactsDir, name);
            if (isReleaseEvidenceFile(name, checksums) ||
                (checksums && external_node_path_default().resolve(file) === external_node_path_default().resolve(checksums)))
                continue;
            found.push({ path: file, name });
        }
    }
    if (found.length === 0) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', 'nothing to sign: give --artifact PATH or --artifacts-dir DIR');
    }
    const seen = new Map();
    for (const target of found) {
        const hostile = hostileName(target.name);
        if (hostile !== null) {
            throw new errors/* ReleaseGuardError */.dZ('usage_error', `${JSON.stringify(target.path)} has a name with ${hostile}`);
        }
        const other = seen.get(target.name);
        if (other !== undefined) {
            throw new errors/* ReleaseGuardError */.dZ('usage_error', `${other} and ${target.path} have the same name ${target.name}: their checksum lines and bundles would collide`);
        }
        seen.set(target.name, target.path);
    }
    return found.map((target) => {
        const stem = outputStem(target.path, target.name, outputDir);
        return { ...target, stem, bundle: `${stem}.sigstore.json` };
    });
}

;// CONCATENATED MODULE: ./packages/core/src/sign/sign-release.ts











function validate(options) {
    const keyless = options.mode.kind === 'keyless';
    if (keyless && !options.tlog && options.tsaURL === undefined) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', '--keyless --no-tlog without --tsa-url makes a signature nobody can verify later (nothing proves it was ' +
            'made while the 10-minute certificate was valid): give --tsa-url or drop --no-tlog');
    }
    if (!keyless && options.fulcioURL !== undefined) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', '--fulcio-url is for --keyless; a key signature has no certificate');
    }
    if (!options.tlog && options.rekorURL !== undefined) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', '--rekor-url and --no-tlog contradict each other: drop one');
    }
}
function passwordOf(options, variable) {
    if (variable === undefined)
        return undefined;
    const value = options.env[variable];
    if (value === undefined) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `--key-password-env ${variable}: the variable is not set`);
    }
    return value;
}
function openRun(options, secrets) {
    const witnesses = witnessesFor({
        rekorURL: options.tlog ? (options.rekorURL ?? DEFAULT_REKOR_URL) : null,
        tsaURL: options.tsaURL,
    });
    const mode = options.mode;
    if (mode.kind === 'key') {
        const password = passwordOf(options, mode.passwordEnv);
        if (password !== undefined)
            secrets.push([password]);
        const key = loadSigningKey(mode.file, password);
        const material = {
            kind: 'key',
            privateKey: key.privateKey,
            witnessKey: key.publicKeyPem,
            keyHint: key.hint,
        };
        return {
            source: { current: () => Promise.resolve(material) },
            witnesses,
            kind: 'key',
            key: key.fingerprint,
            publicKey: key.publicKeyPem,
            identity: () => null,
            secrets,
        };
    }
    const token = identityTokenSource(options.env, mode.identityTokenEnv);
    secrets.push(token.secrets);
    const certificates = new KeylessCertificates({
        fulcioURL: options.fulcioURL ?? DEFAULT_FULCIO_URL,
        identity: token.provider,
    });
    return {
        source: certificates,
        witnesses,
        kind: 'keyless',
        key: null,
        publicKey: null,
        identity: () => certificates.identity(),
        secrets,
    };
}
async function signTarget(target, run, staged, report, legacy) {
    const material = await run.source.current();
    const signed = await streamSignFile(target.path, material.privateKey);
    const bundle = await messageSignatureBundle(signed, material, run.witnesses);
    const entries = bundle.verificationMaterial.tlogEntries ?? [];
    for (const entry of entries)
        report.tlog_entries.push({ path: target.path, log_index: entry.logIndex });
    staged.write(target.bundle, `${JSON.stringify(bundle, null, 2)}\n`);
    if (legacy) {
        staged.write(`${target.stem}.sig`, signed.signature.toString('base64'));
        report.legacy.push(`${target.stem}.sig`);
        if (material.certificatePem !== undefined) {
            staged.write(`${target.stem}.pem`, material.certificatePem);
            report.legacy.push(`${target.stem}.pem`);
        }
    }
    report.signed.push({
        path: target.path,
        sha256: signed.digest.toString('hex'),
        bundle: target.bundle,
        signature: run.kind,
        tlog: entries.length > 0,
    });
}
function emptyReport() {
    return {
        signed: [],
        checksums: null,
        failure_reason: null,
        identity: null,
        key: null,
        public_key: null,
        tlog_entries: [],
        legacy: [],
        error: null,
        notes: [],
    };
}
async function signAll(options, targets, run, staged, report) {
    for (const target of targets)
        await signTarget(target, run, staged, report, options.legacySignatures);
    if (options.checksums !== undefined) {
        const content = renderChecksums(report.signed.map((s, i) => ({ name: targets[i].name, sha256: s.sha256 })));
        const temp = staged.write(options.checksums, content);
        const checksums = {
            path: temp,
            name: '',
            stem: options.checksums,
            bundle: `${options.checksums}.sigstore.json`,
        };
        await signTarget(checksums, run, staged, report, options.legacySignatures);
        const last = report.signed[report.signed.length - 1];
        last.path = options.checksums;
        for (const entry of report.tlog_entries)
            if (entry.path === temp)
                entry.path = options.checksums;
        report.checksums = options.checksums;
    }
}
/**
 * `release-guard sign`: one Sigstore bundle v0.3 per file (and for the checksum file), keyless or
 * with a key. All or nothing: every file is staged and renamed only once all are signed. A refusal
 * (frozen, a file unreadable, a service failing) is the report's failure_reason; unusable input throws.
 */
async function signRelease(options) {
    validate(options);
    const targets = resolveTargets(options.artifacts, options.artifactsDir, options.outputDir, options.checksums);
    const report = emptyReport();
    const secrets = [];
    const staged = new StagedWrites();
    try {
        await (0,check/* assertNotFrozen */.Oh)({
            store: options.freeze.store,
            variable: options.freeze.variable,
            tag: options.tag,
            action: `signing ${options.tag ?? 'the release assets'}`,
        });
        const run = openRun(options, secrets);
        report.key = run.key;
        report.public_key = run.publicKey;
        await signAll(options, targets, run, staged, report);
        staged.commit();
        report.identity = run.identity();
        if (!options.tlog)
            report.notes.push('no transparency-log entry (--no-tlog): the signing time is not logged');
        return report;
    }
    catch (error) {
        staged.discard();
        const refusal = redactedSigningError(error, secrets.flat());
        if (refusal.exitCode === 2)
            throw refusal;
        return {
            ...report,
            signed: [],
            checksums: null,
            legacy: [],
            failure_reason: refusal.code,
            error: refusal.message,
        };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sign/summary.ts



const MAX_COSIGN_COMMANDS = 10;
/** A value as one shell word: single-quoted unless plainly safe. */
function shellWord(value) {
    const text = (0,safe_text/* safeText */.H)(value);
    return /^[\w./:@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
function fenced(lines) {
    const body = lines.join('\n');
    const longest = Math.max(2, ...(body.match(/~+/g) ?? []).map((run) => run.length));
    const fence = '~'.repeat(longest + 1);
    return `${fence}sh\n${body}\n${fence}`;
}
function signerFlags(report, ctx, cosign) {
    if (report.identity) {
        const san = shellWord(report.identity.san ?? '');
        const issuer = shellWord(report.identity.issuer ?? '');
        const repo = shellWord(ctx.repository);
        return cosign
            ? `--certificate-identity ${san} --certificate-oidc-issuer ${issuer} --certificate-github-workflow-repository ${repo}`
            : `--cert-identity ${san} --cert-oidc-issuer ${issuer} --source-repo ${repo}`;
    }
    const key = shellWord(external_node_path_default().basename(ctx.publicKeyFile ?? 'release.pub'));
    if (cosign)
        return `--key ${key}${ctx.tlog ? '' : ' --insecure-ignore-tlog=true'}`;
    return `--key ${key}${ctx.tlog ? '' : ' --no-tlog'}`;
}
function commands(report, ctx) {
    const lines = [];
    const artifacts = report.signed.filter((file) => file.path !== report.checksums);
    if (report.checksums !== null) {
        const sums = shellWord(external_node_path_default().basename(report.checksums));
        lines.push(`release-guard verify-signature --checksums ${sums} --bundle ${shellWord(`${external_node_path_default().basename(report.checksums)}.sigstore.json`)} \\`, `  --artifacts-dir . ${signerFlags(report, ctx, false)}`);
    }
    else {
        for (const file of artifacts.slice(0, MAX_COSIGN_COMMANDS)) {
            lines.push(`release-guard verify-signature --bundle ${shellWord(external_node_path_default().basename(file.bundle))} --artifact ${shellWord(external_node_path_default().basename(file.path))} ${signerFlags(report, ctx, false)}`);
        }
    }
    for (const file of artifacts.slice(0, MAX_COSIGN_COMMANDS)) {
        lines.push(`cosign verify-blob --bundle ${shellWord(external_node_path_default().basename(file.bundle))} --new-bundle-format ${signerFlags(report, ctx, true)} ${shellWord(external_node_path_default().basename(file.path))}`);
    }
    if (artifacts.length > MAX_COSIGN_COMMANDS)
        lines.push(`# … and the same for the other ${artifacts.length - MAX_COSIGN_COMMANDS} files`);
    return lines;
}
/** The job summary of release-sign: each file, its digest, the signer, and verification commands. */
function renderSignSummary(report, ctx, attached) {
    const title = ctx.tag === undefined ? 'release-sign' : `release-sign ${markdownCell(ctx.tag)}`;
    if (report.failure_reason !== null) {
        return `## ${title}: FAILED (${report.failure_reason})\n\n${markdownCell(report.error ?? '')}\n\nNothing was written.\n`;
    }
    const signer = report.identity
        ? `keyless: ${markdownCode(report.identity.san ?? '?')} (issuer ${markdownCode(report.identity.issuer ?? '?')})`
        : `key ${markdownCode(report.key ?? '?')}${ctx.publicKeyFile ? ` (public key ${markdownCode(ctx.publicKeyFile)})` : ''}`;
    const rows = report.signed.map((file) => [
        markdownCode(external_node_path_default().relative(ctx.workspace, file.path)),
        markdownCode(`sha256:${file.sha256}`),
        markdownCode(external_node_path_default().relative(ctx.workspace, file.bundle)),
        file.tlog ? 'logged' : 'not logged',
    ]);
    const parts = [
        `## ${title}: ${report.signed.length} file(s) signed`,
        `Signed with ${signer}.`,
        markdownTable(['file', 'digest', 'bundle', 'transparency log'], rows),
        attached === null
            ? 'Not attached to a release (`upload: false`).'
            : `Attached to the release: ${attached.map(markdownCode).join(', ')}.`,
        'Verify a download (in the directory holding the files and their bundles):',
        fenced(commands(report, ctx)),
    ];
    return `${parts.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./packages/core/src/sign/release-sign.ts














const PASSWORD_VARIABLE = 'RELEASE_SIGN_KEY_PASSWORD';
/** The files the globs match inside the workspace; a glob that leaves it, or matches nothing, is refused. */
function resolveFiles(workspace, patterns, checksums) {
    const files = new Set();
    for (const pattern of patterns) {
        if (external_node_path_default().isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..')) {
            throw new errors/* InputError */.dz('files', `globs are resolved inside the workspace: ${JSON.stringify(pattern)} leaves it`);
        }
        const matched = out_default().sync(pattern, { cwd: workspace, onlyFiles: true, followSymbolicLinks: false, dot: false })
            .filter((name) => !isReleaseEvidenceFile(name, checksums));
        if (matched.length === 0)
            throw new errors/* InputError */.dz('files', `${JSON.stringify(pattern)} matches no file in the workspace`);
        for (const name of matched)
            files.add(external_node_path_default().join(workspace, name));
    }
    return [...files].sort();
}
/** The key input as a file only this user can read, under RUNNER_TEMP; removed by the caller. */
function writeKeyFile(tempDir, key) {
    const dir = external_node_fs_default().mkdtempSync(external_node_path_default().join(tempDir, 'release-sign-'));
    const file = external_node_path_default().join(dir, 'signing.key');
    external_node_fs_default().writeFileSync(file, key.endsWith('\n') ? key : `${key}\n`, { mode: 0o600 });
    return file;
}
function assetsOf(report, publicKeyFile) {
    const files = [];
    for (const signed of report.signed) {
        files.push({ path: signed.bundle, contentType: 'application/json' });
        if (signed.path === report.checksums)
            files.push({ path: signed.path, sha256: signed.sha256, contentType: 'text/plain' });
    }
    if (publicKeyFile !== null)
        files.push({ path: publicKeyFile, contentType: 'application/x-pem-file' });
    for (const legacy of report.legacy)
        files.push({ path: legacy, contentType: 'text/plain' });
    return files;
}
function writePublicKey(report, checksums, workspace, name) {
    if (report.public_key === null || report.failure_reason !== null)
        return null;
    const file = `${checksums ?? external_node_path_default().join(workspace, name)}.pub`;
    const temp = `${file}.${external_node_crypto_default().randomBytes(4).toString('hex')}.tmp`;
    external_node_fs_default().writeFileSync(temp, report.public_key);
    external_node_fs_default().renameSync(temp, file);
    return file;
}
/**
 * release-sign: the freeze first, then every matched file signed (keyless with the job's OIDC token,
 * or with the `key` input written 0600 under RUNNER_TEMP and removed at the end), the bundles and
 * the signed checksum file (and in key mode its `.pub`) written in the workspace, then attached to
 * the release of `tag` unless `upload` is false.
 */
async function releaseSign(inputs, deps = {}) {
    checkReleaseSignInputs(inputs);
    const files = resolveFiles(inputs.workspace, inputs.files, inputs.checksums);
    const client = deps.client ?? createGitHubClient({ token: inputs.githubToken, retries: 2 });
    const keyFile = inputs.mode === 'key' ? writeKeyFile(inputs.tempDir, inputs.key ?? '') : null;
    const checksums = external_node_path_default().join(inputs.workspace, inputs.checksums);
    let report;
    try {
        report = await signRelease({
            artifacts: files,
            mode: keyFile === null
                ? { kind: 'keyless' }
                : {
                    kind: 'key',
                    file: keyFile,
                    passwordEnv: inputs.keyPassword === undefined ? undefined : PASSWORD_VARIABLE,
                },
            fulcioURL: inputs.fulcioUrl,
            rekorURL: inputs.rekorUrl,
            tsaURL: inputs.tsaUrl,
            tlog: inputs.tlog,
            checksums,
            legacySignatures: inputs.legacySignatures,
            freeze: { store: (0,store/* openActionFreezeStore */.ZE)(inputs, client), variable: inputs.freeze },
            tag: inputs.tag,
            env: { ...(deps.env ?? process.env), [PASSWORD_VARIABLE]: inputs.keyPassword },
        });
    }
    finally {
        if (keyFile !== null)
            external_node_fs_default().rmSync(external_node_path_default().dirname(keyFile), { recursive: true, force: true });
    }
    const result = await finish(inputs, client, report);
    const failed = report.failure_reason !== null || result.failure !== null;
    const attachCode = result.failure?.code;
    const recorded = await recordActionControl(inputs, () => client, 'signature', {
        status: failed ? 'fail' : 'pass',
        failureReason: report.failure_reason ?? ((0,errors/* isFailureCode */.sH)(attachCode) ? attachCode : null),
        detail: failed
            ? (report.error ?? result.failure?.message ?? 'signing failed')
            : `${report.signed.length} file(s) signed${result.attached === null ? '' : ', attached to the release'}`,
    });
    return {
        ...result,
        manifestNote: recorded.note,
        summary: `${result.summary.trimEnd()}\n\n${markdownCell(recorded.note)}\n`,
    };
}
async function finish(inputs, client, report) {
    const publicKeyFile = writePublicKey(report, report.checksums, inputs.workspace, inputs.checksums);
    let attached = null;
    let failure = null;
    if (report.failure_reason === null && inputs.upload) {
        const [owner, repo] = inputs.repository.split('/');
        try {
            const result = await attachReleaseAssets(client, { owner, repo, tag: inputs.tag ?? '' }, assetsOf(report, publicKeyFile));
            attached = result.assets.map((asset) => asset.name);
        }
        catch (error) {
            failure = error;
        }
    }
    const relative = (p) => external_node_path_default().relative(inputs.workspace, p);
    const summary = renderSignSummary(report, {
        workspace: inputs.workspace,
        repository: inputs.repository,
        tag: inputs.tag,
        publicKeyFile: publicKeyFile && relative(publicKeyFile),
        tlog: inputs.tlog,
    }, attached);
    return {
        report,
        bundles: report.signed.map((s) => ({
            path: relative(s.path),
            sha256: s.sha256,
            bundle: relative(s.bundle),
        })),
        checksumsPath: report.checksums && relative(report.checksums),
        attached,
        summary,
        failure,
    };
}


/***/ })

};
;