"use strict";
exports.id = 615;
exports.ids = [615];
exports.modules = {

/***/ 9615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  releaseFreeze: () => (/* binding */ releaseFreeze)
});

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

// EXTERNAL MODULE: ./packages/core/src/freeze/check.ts + 1 modules
var check = __webpack_require__(168);
// EXTERNAL MODULE: ./packages/core/src/action/context.ts + 2 modules
var context = __webpack_require__(3463);
;// CONCATENATED MODULE: ./packages/core/src/freeze/inputs.ts


const RELEASE_FREEZE_MODES = ['on', 'off', 'status'];
/** Refuses inputs no run could use (exit 2), before the freeze file is read. */
function checkReleaseFreezeInputs(inputs) {
    (0,context/* checkActionContext */.M5)(inputs);
    if (!RELEASE_FREEZE_MODES.includes(inputs.mode))
        throw new errors/* InputError */.dz('mode', `must be one of ${RELEASE_FREEZE_MODES.join(', ')}, got ${JSON.stringify(inputs.mode.slice(0, 200))}`);
    if (inputs.mode !== 'status' && (inputs.reason === undefined || inputs.reason.trim() === ''))
        throw new errors/* InputError */.dz('reason', `is required with mode ${inputs.mode}: say why (it is kept in the history)`);
    if (inputs.mode !== 'on') {
        for (const [field, given] of [
            ['incident', inputs.incident !== undefined],
            ['scope', inputs.scope.length > 0],
            ['expires', inputs.expires !== undefined],
        ]) {
            if (given)
                throw new errors/* InputError */.dz(field, `only applies with mode on (this is mode ${inputs.mode})`);
        }
    }
    if (!inputs.githubToken)
        throw new errors/* InputError */.dz('github-token', `is needed to ${inputs.mode === 'status' ? 'read' : 'write'} the freeze file through the contents API (contents: ${inputs.mode === 'status' ? 'read' : 'write'})`);
    if (inputs.freezeFile === '')
        throw new errors/* InputError */.dz('freeze-file', 'must name a file');
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

;// CONCATENATED MODULE: ./packages/core/src/freeze/render.ts



function scopeText(scope) {
    return scope === null || scope === 'all' ? 'all releases' : scope.map(safe_text/* safeText */.H).join(', ');
}
/** The facts of a decision, one `label: value` per line, for text and Markdown alike. */
function facts(decision, location, tag) {
    const lines = [];
    if (decision.reason !== null)
        lines.push(['reason', (0,safe_text/* safeText */.H)(decision.reason)]);
    if (decision.incident !== null)
        lines.push(['incident', (0,safe_text/* safeText */.H)(decision.incident)]);
    if (decision.set_by !== null)
        lines.push(['set by', (0,safe_text/* safeText */.H)(decision.set_by)]);
    if (decision.set_at !== null)
        lines.push(['set at', decision.set_at]);
    if (decision.scope !== null)
        lines.push(['scope', scopeText(decision.scope)]);
    if (decision.expires_at !== null)
        lines.push([decision.expired ? 'expired at' : 'expires at', decision.expires_at]);
    if (tag !== undefined)
        lines.push([`tag ${(0,safe_text/* safeText */.H)(tag)}`, decision.applies_to_tag ? 'frozen' : 'not frozen']);
    lines.push(['source', decision.source]);
    lines.push(['freeze file', (0,safe_text/* safeText */.H)(location)]);
    return lines;
}
/** The headline: what an on-call engineer must know first. */
function headline(decision, tag) {
    const what = tag === undefined ? 'releases' : `releases of ${(0,safe_text/* safeText */.H)(tag)}`;
    if (decision.frozen) {
        return decision.source === 'unreadable'
            ? `FROZEN: the freeze state cannot be read, so ${what} are refused (fail closed)`
            : `FROZEN: ${what} are frozen`;
    }
    if (decision.expired)
        return `not frozen: the freeze expired at ${decision.expires_at}`;
    return `not frozen: ${what} may proceed`;
}
/** `release-guard freeze status` in text. */
function renderFreezeText(decision, location, tag) {
    const rows = facts(decision, location, tag);
    const width = Math.max(...rows.map(([label]) => label.length)) + 1;
    const lines = [
        headline(decision, tag),
        ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(width)} ${value}`),
    ];
    if (decision.frozen)
        lines.push(howToLift(decision, location));
    return `${lines.join('\n')}\n`;
}
/**
 * The job summary banner: frozen since, by, why, and how to lift; or that releases may proceed.
 * Every value is escaped for one line; Markdown in a reason is shown, not rendered.
 */
function renderFreezeMarkdown(decision, location, tag) {
    const banner = decision.frozen
        ? `> [!CAUTION]\n> **${markdownCell(headline(decision, tag))}.** ${markdownCell((0,check/* describeFreeze */.LU)(decision))}\n>\n> ${markdownCell((0,check/* howToLift */.rp)(decision, location))}`
        : `> [!NOTE]\n> **${markdownCell(headline(decision, tag))}.**`;
    const table = [
        '| | |',
        '| --- | --- |',
        ...facts(decision, location, tag).map(([label, value]) => `| ${markdownCell(label)} | ${markdownCell(value)} |`),
    ];
    return `## Release freeze\n\n${banner}\n\n${table.join('\n')}\n`;
}

// EXTERNAL MODULE: ./packages/core/src/freeze/store.ts + 8 modules
var freeze_store = __webpack_require__(64);
// EXTERNAL MODULE: ./packages/core/src/freeze/variable.ts
var variable = __webpack_require__(6172);
// EXTERNAL MODULE: ./packages/core/src/text/echo-value.ts
var echo_value = __webpack_require__(769);
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

// EXTERNAL MODULE: ./packages/core/src/store/conflict-error.ts
var conflict_error = __webpack_require__(1049);
// EXTERNAL MODULE: ./packages/core/src/freeze/schema.ts + 3 modules
var schema = __webpack_require__(6594);
// EXTERNAL MODULE: ./packages/core/src/freeze/types.ts
var types = __webpack_require__(4227);
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
        const previous = stored.content === null ? null : (0,schema/* parseFreezeState */.Ib)(stored.content, store.location);
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
            write: { content: (0,schema/* serializeFreezeState */.Fp)(state), message: commitMessage(record) },
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
    const problems = (0,schema/* freezeProblems */.EU)({
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
function commitMessage(record) {
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

;// CONCATENATED MODULE: ./packages/core/src/freeze/release-freeze.ts







/**
 * release-freeze: turn the freeze on or off through the contents API on the freeze branch (compare-
 * and-swap, one history record), or read it as a gate. Always ends with the state as it now reads,
 * variable included: what the next side effect will see. Throws for unusable inputs or a freeze file
 * that cannot be written; a gate that cannot read the state fails closed (frozen).
 */
async function releaseFreeze(inputs, deps = {}) {
    checkReleaseFreezeInputs(inputs);
    // Two retries of a read: a blip should not freeze a release, an outage must (fail closed) soon.
    const client = deps.client ?? createGitHubClient({ token: inputs.githubToken, retries: 2 });
    const store = (0,freeze_store/* openActionFreezeStore */.ZE)(inputs, client);
    let record = null;
    let attempts = 0;
    if (inputs.mode !== 'status') {
        ({ record, attempts } = await changeReleaseFreeze(store, {
            action: inputs.mode,
            reason: inputs.reason ?? '',
            incident: inputs.incident,
            scope: inputs.scope,
            expires: inputs.expires,
            actor: inputs.actor,
            now: deps.now,
        }));
    }
    const decision = await (0,check/* checkReleaseFreeze */.L4)({
        store,
        variable: inputs.freeze,
        tag: inputs.tag,
        now: deps.now?.(),
    });
    const warnings = inputs.mode === 'off' && (0,variable/* variableFreezes */.T)(inputs.freeze)
        ? [
            'The freeze file is lifted, but the repository variable RELEASE_FREEZE still forces the freeze on: set it to false (or delete it).',
        ]
        : [];
    const failure = inputs.mode === 'status' && inputs.failIfFrozen && decision.frozen
        ? (0,check/* releaseFrozenError */.K3)(inputs.tag === undefined ? 'The release gate' : `The release gate for ${inputs.tag}`, decision, store.location)
        : null;
    const summary = [
        renderFreezeMarkdown(decision, store.location, inputs.tag),
        ...warnings.map((warning) => `> [!WARNING]\n> ${warning}\n`),
    ].join('\n');
    return { decision, location: store.location, record, attempts, summary, warnings, failure };
}


/***/ })

};
;