"use strict";
exports.id = 928;
exports.ids = [928];
exports.modules = {

/***/ 9928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkRequiredControls: () => (/* binding */ checkRequiredControls),
  releasePublish: () => (/* binding */ releasePublish)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/.pnpm/fast-glob@3.3.3/node_modules/fast-glob/out/index.js
var out = __webpack_require__(197);
var out_default = /*#__PURE__*/__webpack_require__.n(out);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(6429);
// EXTERNAL MODULE: ./packages/core/src/freeze/gate.ts + 13 modules
var gate = __webpack_require__(3525);
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

// EXTERNAL MODULE: ./packages/core/src/github/request-errors.ts
var request_errors = __webpack_require__(6667);
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
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./packages/core/src/text/safe-text.ts
var safe_text = __webpack_require__(8625);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
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
class ReleaseAssetError extends errors/* ReleaseGuardError */.dZ {
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
    return new ReleaseAssetError('permission', `${what} in ${repository} was refused (${said}). Releases and their assets need \`contents: write\`: ` +
        "add it to the job's permissions: block, or pass a token that has it.", { status: (0,request_errors/* statusOf */.c2)(error) ?? null }, error);
}
/**
 * Turns a failed request into the ReleaseAssetError a caller reports: 401/403 (other than a rate
 * limit) is a permission refusal, 404 a missing release, anything else GitHub failing.
 */
function releaseRequestError(what, repository, error) {
    if (error instanceof ReleaseAssetError)
        return error;
    const status = (0,request_errors/* statusOf */.c2)(error);
    if (!(error instanceof request_errors/* GitHubRateLimitError */.Rr) && (status === 401 || status === 403))
        return permissionError(what, repository, error);
    if (status === 404) {
        return new ReleaseAssetError('release_missing', `${what} in ${repository} failed: GitHub answered 404 (${(0,request_errors/* githubMessage */.hg)(error)}): the repository or ` +
            'release does not exist, or the token cannot see it.', { status }, error);
    }
    return new ReleaseAssetError('github_failed', `${what} in ${repository} failed (${describeAnswer(error)}); run again later.`, { status: status ?? null }, error);
}

;// CONCATENATED MODULE: ./packages/core/src/github/transient-retry.ts


/**
 * Runs `attempt` again after a transient failure, with backoff, for a request the GitHub client does
 * not retry by itself (a POST, or a body that is a stream and cannot be replayed). `beforeRetry` is
 * where a caller finds out whether a lost answer's request took effect; it may return a result,
 * which ends the retries.
 */
async function retryTransient(what, attempt, options = {}) {
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
        await retryTransient(what, () => deleteAsset(client, where, asset.id), options);
    }
    catch (error) {
        if ((0,request_errors/* statusOf */.c2)(error) === 422 && /immutable/i.test((0,request_errors/* githubMessage */.hg)(error))) {
            throw new ReleaseAssetError('immutable', `${what} was refused: the release was published as immutable meanwhile (GitHub answered 422: ${(0,request_errors/* githubMessage */.hg)(error)}).`, { status: 422 }, error);
        }
        throw releaseRequestError(what, `${where.owner}/${where.repo}`, error);
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
        return await retryTransient(what, attempt, { ...options, beforeRetry });
    }
    catch (error) {
        if (error instanceof errors/* ReleaseGuardError */.dZ)
            throw error;
        if ((0,request_errors/* statusOf */.c2)(error) === 422 && /immutable/i.test((0,request_errors/* githubMessage */.hg)(error))) {
            throw new ReleaseAssetError('immutable', `${what} was refused: the release was published as immutable meanwhile (GitHub answered 422: ${(0,request_errors/* githubMessage */.hg)(error)}). ` +
                'Attach assets to a draft release and publish it last.', { status: 422 }, error);
        }
        if ((0,request_errors/* statusOf */.c2)(error) === 422 && /already_exists/.test(JSON.stringify(errorData(error)))) {
            throw new ReleaseAssetError('github_failed', `${what} was refused: an asset of that name appeared on the release meanwhile (another run attaching ` +
                'to the same release?); run again once it is done.', { status: 422 }, error);
        }
        throw releaseRequestError(what, `${where.owner}/${where.repo}`, error);
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
        throw new ReleaseAssetError('digest_mismatch', `${(0,safe_text/* safeText */.H)(source.path)} is not the file that was signed: it streamed to sha256:${sha256}, expected ` +
            `sha256:${source.sha256}; the asset was removed.`, { path: source.path, expected: `sha256:${source.sha256}`, actual: `sha256:${sha256}` });
    }
    if (!asset.digest)
        return false;
    if (asset.digest === `sha256:${sha256}`)
        return true;
    await deleteAsset(client, where, asset.id).catch(() => undefined);
    throw new ReleaseAssetError('digest_mismatch', `GitHub stored ${(0,safe_text/* safeText */.H)(source.name)} with digest ${(0,safe_text/* safeText */.H)(asset.digest)}, but the bytes sent have sha256:${sha256}; ` +
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
        throw releaseRequestError(`listing the releases of ${(0,safe_text/* safeText */.H)(where.tag)}`, repository(where), error);
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
        return await retryTransient(what, async () => {
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
            throw new ReleaseAssetError('release_missing', `${what} in ${repository(where)} was refused (GitHub answered 422: ${(0,request_errors/* githubMessage */.hg)(error)}); ` +
                'check that the tag name is valid and that no other release owns it.', { status: 422 }, error);
        }
        throw releaseRequestError(what, repository(where), error);
    }
}
/** The release of the tag (a draft first, see findRelease), or a new draft when it has none. */
async function findOrCreateRelease(client, where, options = {}) {
    const found = await findRelease(client, where, options.log);
    if (found)
        return found;
    if (options.createDraft === false) {
        throw new ReleaseAssetError('release_missing', `${repository(where)} has no release for the tag ${(0,safe_text/* safeText */.H)(where.tag)} (a draft is visible only to a token ` +
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
        if ((0,request_errors/* statusOf */.c2)(error) === 422) {
            throw new ReleaseAssetError('release_missing', `${what} in ${repository(where)} was refused (GitHub answered 422: ${(0,request_errors/* githubMessage */.hg)(error)}); ` +
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
    throw new ReleaseAssetError('immutable', `the release ${(0,safe_text/* safeText */.H)(release.tag)} (id ${release.id}) of ${where.owner}/${where.repo} is published and immutable: ` +
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
        throw releaseRequestError(`listing the assets of release ${release.id}`, repository, error);
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

// EXTERNAL MODULE: ./packages/core/src/manifest/contents-store.ts
var contents_store = __webpack_require__(3540);
// EXTERNAL MODULE: ./packages/core/src/manifest/file-store.ts
var file_store = __webpack_require__(3412);
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

// EXTERNAL MODULE: ./packages/core/src/manifest/schema.ts + 1 modules
var schema = __webpack_require__(3565);
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

// EXTERNAL MODULE: ./packages/core/src/action/context.ts + 2 modules
var context = __webpack_require__(3463);
;// CONCATENATED MODULE: ./packages/core/src/publish/inputs.ts



const RELEASE_PUBLISH_MODES = ['draft', 'publish'];
/** The controls a release can require before it is published (the drill is not a release's control). */
const RELEASE_CONTROLS = [
    'provenance',
    'signature',
    'repro',
    'evidence',
];
/** Refuses inputs no run could use (exit 2), before anything is read or written. */
function checkReleasePublishInputs(inputs) {
    (0,context/* checkActionContext */.M5)(inputs);
    if (!RELEASE_PUBLISH_MODES.includes(inputs.mode))
        throw new errors/* InputError */.dz('mode', `must be one of ${RELEASE_PUBLISH_MODES.join(', ')}, got ${JSON.stringify(inputs.mode.slice(0, 200))}`);
    if (!inputs.githubToken)
        throw new errors/* InputError */.dz('github-token', 'is required (contents: write)');
    if (inputs.mode !== 'publish') {
        if (inputs.requiredControls.length > 0)
            throw new errors/* InputError */.dz('required-controls', 'is only for mode publish');
        for (const pattern of inputs.files) {
            if (external_node_path_default().isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..'))
                throw new errors/* InputError */.dz('files', `globs are resolved inside the workspace: ${JSON.stringify(pattern.slice(0, 200))} leaves it`);
        }
        return;
    }
    if (inputs.files.length > 0)
        throw new errors/* InputError */.dz('files', 'is only for mode draft: nothing is attached after publish');
    if (inputs.name !== undefined)
        throw new errors/* InputError */.dz('name', 'is only for mode draft');
    if (inputs.targetCommitish !== undefined)
        throw new errors/* InputError */.dz('target-commitish', 'is only for mode draft');
    if (inputs.requiredControls.length === 0)
        throw new errors/* InputError */.dz('required-controls', `is required with mode publish: the controls that must pass, e.g. ${RELEASE_CONTROLS.join(',')}`);
    for (const control of inputs.requiredControls) {
        if (!RELEASE_CONTROLS.includes(control))
            throw new errors/* InputError */.dz('required-controls', `names ${JSON.stringify(control.slice(0, 200))}; each must be one of ${RELEASE_CONTROLS.join(', ')}`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/publish/release-publish.ts











/** The code of a refusal for a control that did not record `pass` and gave no reason of its own. */
const NOT_PASSED = {
    provenance: 'provenance_missing',
    signature: 'signature_invalid',
    repro: 'repro_mismatch',
    evidence: 'evidence_fail',
};
/** The required controls as `entry` records them: a control the run did not record never reads as passed. */
function checkRequiredControls(entry, required) {
    return required.map((control) => {
        const record = entry?.controls?.[control];
        return {
            control,
            status: record?.status ?? 'missing',
            failureReason: record?.failure_reason ?? null,
        };
    });
}
async function entryOf(inputs, client) {
    const store = openActionManifestStore(inputs, () => client);
    const { content } = await store.read();
    if (content === null)
        return undefined;
    return (0,schema/* parseManifest */.Ng)(content, store.location).entries.find((entry) => entry.tag === inputs.tag && entry.run_id === inputs.runId);
}
function refusalOf(inputs, controls) {
    const failed = controls.filter((check) => check.status !== 'pass');
    if (failed.length === 0)
        return null;
    const first = failed[0];
    const words = failed.map((check) => check.status === 'missing' ? `${check.control} was not recorded` : `${check.control} is ${check.status}`);
    return new errors/* ReleaseGuardError */.dZ(first.failureReason ?? NOT_PASSED[first.control], `the release ${(0,safe_text/* safeText */.H)(inputs.tag)} stays a draft: ${words.join(', ')} in the manifest entry of run ${inputs.runId}; ` +
        'every required control must record pass in this run before it is published. Fix the failing control and re-run the workflow.', { controls: failed });
}
async function draft(inputs, client, where) {
    const release = await findOrCreateRelease(client, where, {
        name: inputs.name,
        targetCommitish: inputs.targetCommitish,
    });
    assertAcceptsAssets(release, where);
    if (!release.draft)
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `the release ${(0,safe_text/* safeText */.H)(inputs.tag)} (id ${release.id}) of ${inputs.repository} is already published: assets attached ` +
            'now would be public before every control passed. Delete or un-publish it, or release a new tag.', { releaseId: release.id });
    return release;
}
/** The files the `files` globs match in the workspace; a glob that matches nothing is refused. */
function filesOf(inputs) {
    const files = new Set();
    for (const pattern of inputs.files) {
        const matched = out_default().sync(pattern, { cwd: inputs.workspace, onlyFiles: true, followSymbolicLinks: false });
        if (matched.length === 0)
            throw new errors/* ReleaseGuardError */.dZ('artifact_missing', `${JSON.stringify(pattern)} matches no file in the workspace; nothing was attached.`, { pattern });
        for (const name of matched)
            files.add(external_node_path_default().join(inputs.workspace, name));
    }
    return [...files].sort();
}
async function publish(inputs, client, where, controls) {
    controls.push(...checkRequiredControls(await entryOf(inputs, client), inputs.requiredControls));
    const refusal = refusalOf(inputs, controls);
    if (refusal !== null)
        throw refusal;
    const release = await findOrCreateRelease(client, where, { createDraft: false });
    if (!release.draft)
        return release;
    return publishRelease(client, { owner: where.owner, repo: where.repo, releaseId: release.id });
}
function summaryOf(inputs, result) {
    const state = result.release === null
        ? 'no release changed'
        : result.release.draft
            ? `draft ${result.release.id}${result.release.created ? ' (created)' : ' (reused)'}`
            : `published (id ${result.release.id})`;
    const lines = [
        `## release-publish: ${markdownCell(inputs.mode)} ${markdownCell(inputs.tag)}`,
        '',
        `Release: ${markdownCell(state)}`,
    ];
    if (result.attached.length > 0)
        lines.push('', `Attached: ${result.attached.map(markdownCell).join(', ')}`);
    if (result.controls.length > 0)
        lines.push('', markdownTable(['Control', 'Status', 'Reason'], result.controls.map((check) => [check.control, check.status, check.failureReason ?? ''])));
    if (result.failure !== null)
        lines.push('', `**Refused:** ${markdownCell(result.failure.message)}`);
    return `${lines.join('\n')}\n`;
}
/**
 * release-publish: the freeze first, then with mode `draft` the draft release of the tag (found or
 * created; a published one is refused), or with mode `publish` the draft un-drafted only when the
 * manifest entry of (tag, this run) records `pass` for every required control.
 */
async function releasePublish(inputs, deps = {}) {
    checkReleasePublishInputs(inputs);
    const client = deps.client ?? createGitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl, retries: 2 });
    const [owner, repo] = inputs.repository.split('/');
    const where = { owner, repo, tag: inputs.tag };
    const controls = [];
    const attached = [];
    const log = [];
    let release = null;
    let failure = null;
    try {
        await (0,gate/* assertActionNotFrozen */.K)({ ...inputs }, client, {
            action: `release-publish (${inputs.mode})`,
            tag: inputs.tag,
        });
        // The files first: a glob that matches nothing leaves no empty draft behind.
        const files = inputs.mode === 'draft' ? filesOf(inputs) : [];
        release =
            inputs.mode === 'draft'
                ? await draft(inputs, client, where)
                : await publish(inputs, client, where, controls);
        if (files.length > 0) {
            const result = await attachReleaseAssets(client, where, files.map((file) => ({ path: file })));
            attached.push(...result.assets.map((asset) => asset.name));
            log.push(`attached to the draft: ${attached.map(safe_text/* safeText */.H).join(', ')}`);
        }
        log.push(release.draft
            ? `release ${inputs.tag}: draft ${release.id} ${release.created ? 'created' : 'reused'}`
            : `release ${inputs.tag}: published (id ${release.id})`);
    }
    catch (error) {
        if (!(error instanceof errors/* ReleaseGuardError */.dZ))
            throw error;
        failure = error;
    }
    const result = { release, attached, controls, failure, log };
    return { ...result, summary: summaryOf(inputs, result) };
}


/***/ })

};
;