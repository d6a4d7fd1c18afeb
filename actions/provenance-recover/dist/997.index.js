"use strict";
exports.id = 997;
exports.ids = [997];
exports.modules = {

/***/ 5997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  recoverRun: () => (/* binding */ recoverRun)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(6429);
// EXTERNAL MODULE: ./packages/core/src/freeze/gate.ts + 10 modules
var gate = __webpack_require__(7215);
// EXTERNAL MODULE: ./packages/core/src/manifest/open-store.ts + 2 modules
var open_store = __webpack_require__(1869);
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

// EXTERNAL MODULE: ./packages/core/src/manifest/errors.ts + 1 modules
var manifest_errors = __webpack_require__(8210);
// EXTERNAL MODULE: ./packages/core/src/text/echo-value.ts
var echo_value = __webpack_require__(769);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./packages/core/src/manifest/schema.ts
var schema = __webpack_require__(5129);
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

// EXTERNAL MODULE: ./packages/core/src/text/safe-text.ts
var safe_text = __webpack_require__(8625);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
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

;// CONCATENATED MODULE: ./packages/core/src/recover/claim.ts






class ClaimRefused extends Error {
    refusal;
    entry;
    constructor(refusal, entry, message) {
        super(message);
        this.refusal = refusal;
        this.entry = entry;
    }
}
/** The refusal for this entry as read, or null when a re-run may be claimed (failure, requeued, a stopped rerunning). */
function refusalOf(entry, options) {
    const key = (0,types/* manifestEntryKey */.TK)(entry);
    if (entry.status === 'success') {
        return new ClaimRefused('succeeded', entry, `${key} already succeeded (verified ${entry.verified_at ?? 'earlier'}); there is nothing to re-run.`);
    }
    if (entry.rerun_in_progress) {
        const claim = lastRecordTo(entry, (to) => to === 'requeued' || to === 'rerunning');
        const by = claim ? ` (claimed by ${(0,safe_text/* safeText */.H)(claim.actor)} at ${claim.at})` : '';
        return new ClaimRefused('rerun_in_progress', entry, `a re-run of ${key} is already in progress${by}; not starting another. ` +
            'If no provenance-recover run for it is still running, clear the flag with ' +
            `\`release-guard manifest update --manifest ${options.manifestHint} --tag <tag> --run-id ${entry.run_id} --set rerun_in_progress=false\` and dispatch again.`);
    }
    if (entry.status === 'failure' || entry.status === 'requeued' || entry.status === 'rerunning')
        return null;
    const why = {
        pending: 'its validation has not finished yet (status pending); wait for it',
        blocked: 'it is blocked: a re-run already failed or was denied, and a finished run is never re-opened. ' +
            'Release again with a new run: dispatch the release workflow for the tag, or have a release steward create the `<tag>-retry` tag',
        rollback: 'it was rolled back (final)',
    };
    return new ClaimRefused('not_recoverable', entry, `${key} cannot be re-run: ${why[entry.status]}.`);
}
/**
 * The claim's answer for the entry as it is now, without writing: a skip (already succeeded, a
 * re-run in progress, not recoverable) is decided before anything else is asked, and a missing
 * entry is known before GitHub is asked about the run.
 */
async function previewClaim(store, options) {
    const { content } = await store.read();
    if (content === null)
        return { kind: 'missing' };
    const entry = (0,schema/* parseManifest */.Ng)(content, store.location).entries.find((e) => e.tag === options.tag && e.run_id === options.runId);
    if (!entry)
        return { kind: 'missing' };
    const refusal = refusalOf(entry, options);
    return refusal
        ? {
            kind: 'refused',
            refused: { claimed: false, refusal: refusal.refusal, entry: refusal.entry, message: refusal.message },
        }
        : { kind: 'claimable' };
}
/**
 * Claims the (tag, run) entry for one re-run: sets `rerun_in_progress` (and status requeued) by
 * compare-and-swap, re-checking after every lost race that nobody claimed it meanwhile. Of two
 * provenance-recover runs started together, exactly one gets `claimed: true`; the other reads the
 * winner's flag and is refused, before either calls GitHub.
 *
 * An entry that does not exist is unusable input (exit 2): there is no recorded failure to recover,
 * unless `createMissing` says what to record for it.
 */
async function claimRerun(store, options) {
    const key = (0,types/* manifestEntryKey */.TK)({ tag: options.tag, run_id: options.runId });
    try {
        const update = await updateManifest(store, {
            tag: options.tag,
            runId: options.runId,
            set: { status: 'requeued', rerun_in_progress: true, requeue: true },
            actor: options.actor,
            note: options.note,
            now: options.now,
            createWith: options.createMissing,
            precondition: (entry) => {
                if (entry === null && options.createMissing)
                    return;
                if (entry === null) {
                    throw (0,errors/* usageError */.Wp)(`the manifest ${store.location} has no entry for ${key}: no failure of this run is recorded. ` +
                        'Check `run-id` and `tag` (provenance-validate records the run it validated, e.g. a security-ci run).');
                }
                const refusal = refusalOf(entry, options);
                if (refusal)
                    throw refusal;
            },
        });
        return { claimed: true, update };
    }
    catch (error) {
        if (error instanceof ClaimRefused)
            return { claimed: false, refusal: error.refusal, entry: error.entry, message: error.message };
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/recover/rerun-request.ts


/** GitHub's limits on re-runs. */
const RERUN_WINDOW_DAYS = 30;
const MAX_RUN_ATTEMPTS = 50;
const DAY_MS = 24 * 3600 * 1000;
/** A failed request in one line: the status and GitHub's words, or the client's own explanation of a missing permission. */
function describeGitHubFailure(error) {
    if (error instanceof request_errors/* GitHubPermissionError */.x6)
        return error.message;
    const status = (0,request_errors/* statusOf */.c2)(error);
    return `${status === undefined ? '' : `GitHub answered ${status}: `}${(0,request_errors/* githubMessage */.hg)(error)}`;
}
async function readRun(client, where) {
    try {
        const { data } = await client.rest.actions.getWorkflowRun({
            owner: where.owner,
            repo: where.repo,
            run_id: where.runId,
        });
        return {
            id: data.id,
            runAttempt: data.run_attempt ?? 1,
            status: data.status,
            conclusion: data.conclusion,
            createdAt: data.created_at,
            headSha: data.head_sha,
            htmlUrl: data.html_url,
            workflowPath: data.path ?? null,
            workflowId: data.workflow_id,
            headBranch: data.head_branch ?? null,
            displayTitle: data.display_title,
        };
    }
    catch (error) {
        if ((0,request_errors/* statusOf */.c2)(error) === 404)
            throw (0,errors/* usageError */.Wp)(`workflow run ${where.runId} was not found in ${where.owner}/${where.repo}: check \`run-id\` (the number in the run's URL).`);
        throw error;
    }
}
/** Which of GitHub's limits the run hits, in words; the caller adds what GitHub said. */
function explainDenial(run, now) {
    const ageDays = (now.getTime() - Date.parse(run.createdAt)) / DAY_MS;
    if (ageDays > RERUN_WINDOW_DAYS)
        return `run ${run.id} was created ${Math.floor(ageDays)} days ago (${run.createdAt}); GitHub re-runs a run only within ${RERUN_WINDOW_DAYS} days`;
    if (run.runAttempt >= MAX_RUN_ATTEMPTS)
        return `run ${run.id} is at attempt ${run.runAttempt}; GitHub allows at most ${MAX_RUN_ATTEMPTS} attempts`;
    if (run.status !== 'completed')
        return `run ${run.id} is still ${run.status ?? 'running'}; GitHub re-runs only a completed run`;
    if (run.conclusion === 'success')
        return `run ${run.id} concluded success on GitHub: it has no failed jobs to re-run`;
    return `GitHub refused to re-run run ${run.id}`;
}
/**
 * Asks GitHub to re-run the failed jobs of `run` (one POST, never retried: a repeated re-run request
 * is a second attempt). A 403 is a refusal: the 30-day window, the 50-attempt limit, a run still in
 * progress, or a token without `actions: write`. When the answer is lost (5xx, timeout) the run is
 * read again: a new attempt means GitHub took the request.
 */
async function requestFailedJobsRerun(client, where, run, now) {
    try {
        await client.rest.actions.reRunWorkflowFailedJobs({
            owner: where.owner,
            repo: where.repo,
            run_id: where.runId,
        });
    }
    catch (error) {
        const status = (0,request_errors/* statusOf */.c2)(error);
        // A rate limit the client waited out in vain is no refusal: nothing was decided about the run.
        if (status === 403 && !(error instanceof request_errors/* GitHubRateLimitError */.Rr)) {
            // A missing `actions: write` is a refusal too; its message names the permission.
            const denial = error instanceof request_errors/* GitHubPermissionError */.x6
                ? error.message
                : `${explainDenial(run, now)} (GitHub answered 403: ${(0,request_errors/* githubMessage */.hg)(error)})`;
            return { accepted: false, denial, githubStatus: 403 };
        }
        const answerLost = status === undefined || status >= 500;
        if (answerLost) {
            const after = await readRun(client, where).catch(() => undefined);
            if (after && after.runAttempt > run.runAttempt)
                return { accepted: true, attempt: after.runAttempt };
        }
        throw new errors/* ReleaseGuardError */.dZ('rerun_failed', `the re-run request for run ${run.id} failed (${describeGitHubFailure(error)})${answerLost ? ' and no new attempt started' : ''}; nothing was re-run.`, { status: status ?? null });
    }
    return { accepted: true, attempt: run.runAttempt + 1 };
}

;// CONCATENATED MODULE: ./packages/core/src/recover/fallback.ts

/** The name of the tag that releases `tag` again when its run can no longer be re-run. */
function retryTagName(tag) {
    return `${tag}-retry`;
}
/**
 * Takes the chosen fallback after a denied re-run. `dispatch` starts the release workflow on
 * `refs/tags/<tag>` (fully qualified, so a branch of the same name cannot be picked) without inputs;
 * a failure to dispatch is returned, not thrown: the denial is the outcome either way.
 */
async function takeFallback(client, options) {
    if (options.fallback === 'none')
        return { kind: 'none' };
    if (options.fallback === 'retry-tag')
        return { kind: 'retry-tag', tag: retryTagName(options.tag), commit: options.run.headSha };
    const workflow = options.releaseWorkflow;
    const ref = `refs/tags/${options.tag}`;
    try {
        const response = await client.rest.actions.createWorkflowDispatch({
            owner: options.where.owner,
            repo: options.where.repo,
            workflow_id: workflow,
            ref,
            return_run_details: true,
        });
        const details = (response.data ?? {});
        return {
            kind: 'dispatch',
            workflow,
            ref,
            started: true,
            runId: typeof details.workflow_run_id === 'number' ? String(details.workflow_run_id) : null,
            runUrl: typeof details.html_url === 'string' ? details.html_url : null,
        };
    }
    catch (error) {
        return { kind: 'dispatch', workflow, ref, started: false, error: describeGitHubFailure(error) };
    }
}

// EXTERNAL MODULE: ./packages/core/src/recover/inputs.ts
var recover_inputs = __webpack_require__(1285);
// EXTERNAL MODULE: ./packages/core/src/text/redact-secrets.ts
var redact_secrets = __webpack_require__(965);
;// CONCATENATED MODULE: ./packages/core/src/recover/reason.ts


/**
 * Credentials redacted from the reason even when nobody named them as a secret (an on-call pasting a
 * token at 3 a.m.): GitHub tokens (classic and fine-grained), Slack tokens and webhook URLs.
 */
const CREDENTIAL_SHAPES = [
    /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
    /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
    /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
    /https:\/\/hooks\.slack\.com\/[^\s"'<>]+/g,
];
/** Longer reasons are cut: the manifest keeps the why, a link holds the details. */
const REASON_MAX_LENGTH = 1000;
/** `text` with the given secrets and every credential-shaped string replaced by `***`. */
function redactCredentials(text, secrets) {
    let redacted = (0,redact_secrets/* redactSecrets */.fp)(text, secrets);
    for (const shape of CREDENTIAL_SHAPES)
        redacted = redacted.replace(shape, '***');
    return redacted;
}
/**
 * The on-call's `reason` as it may be written anywhere (log, job summary, manifest note, report):
 * secrets redacted, control characters and bidirectional overrides escaped so it stays one line and
 * cannot forge a workflow command, and cut at REASON_MAX_LENGTH characters.
 */
function recordableReason(reason, secrets) {
    const text = (0,safe_text/* safeText */.H)(redactCredentials(reason.trim(), secrets));
    return text.length > REASON_MAX_LENGTH ? `${text.slice(0, REASON_MAX_LENGTH)}… (cut)` : text;
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

;// CONCATENATED MODULE: ./packages/core/src/recover/summary.ts


const VERDICTS = {
    'rerun-succeeded': '✅ re-run succeeded',
    'rerun-failed': '❌ re-run failed (`rerun_failed`)',
    'rerun-started': '⏳ re-run started',
    denied: '⛔ re-run denied (`rerun_denied`)',
    skipped: '⏭️ skipped',
    frozen: '🧊 refused: the release freeze is on (`release_frozen`)',
};
function fallbackCell(result) {
    const fallback = result.fallback;
    if (fallback === null)
        return '–';
    if (fallback.kind === 'none')
        return 'none chosen';
    if (fallback.kind === 'retry-tag')
        return `create tag ${markdownCode(fallback.tag)} (not created)`;
    if (!fallback.started)
        return `dispatch of ${markdownCell(fallback.workflow)} **failed**: ${markdownCell(fallback.error)}`;
    const run = fallback.runId
        ? markdownLink(fallback.runUrl, `run ${fallback.runId}`)
        : 'a new run (GitHub did not return its id)';
    return `dispatched ${markdownCell(fallback.workflow)} on ${markdownCell(fallback.ref)}: ${run}`;
}
/** What the on-call does next, for each way a recovery ends. */
function nextStep(result, context) {
    const tag = markdownCode(context.tag);
    const retryTag = markdownCode(retryTagName(context.tag));
    const newRelease = `release again with a new run: dispatch the release workflow for the tag, or have a release steward create ${retryTag}`;
    const attempt = result.newRunAttempt;
    switch (result.status) {
        case 'rerun-succeeded':
            return `Nothing: attempt ${attempt} succeeded and the manifest entry is \`success\`.`;
        case 'rerun-failed':
            return attempt === null
                ? "The re-run request failed and nothing was re-run. The entry stays `requeued` and is free again: dispatch provenance-recover once more; if it keeps failing, check GitHub's status page."
                : `Attempt ${attempt} failed again; the entry is \`blocked\` with \`rerun_failed\`. Do not release from this run. Read its failed jobs (${markdownLink(result.run?.htmlUrl, 'the run')}), fix the cause, then ${newRelease}; or decide on a rollback (Failure Recovery Runbook).`;
        case 'rerun-started':
            return (`Attempt ${attempt} is running (${markdownLink(result.run?.htmlUrl, 'the run')}). The entry stays \`rerunning\` with \`rerun_in_progress\` until the outcome is recorded: ` +
                "the re-run's provenance-validate job records success; otherwise record it with `release-guard manifest update --set status=success|blocked`.");
        case 'denied': {
            const fallback = result.fallback;
            if (fallback === null)
                return 'The run is still running on GitHub and no validation recorded it: nothing was recorded or re-run. Wait for it to finish; if it fails, dispatch provenance-recover again.';
            const blocked = 'The entry is `blocked` (`rerun_denied`).';
            if (fallback?.kind === 'dispatch' && fallback.started)
                return `${blocked} The release workflow was started again for ${tag}; its provenance is validated like any release run. Follow ${fallback.runId ? markdownLink(fallback.runUrl, `run ${fallback.runId}`) : 'the new run in the Actions tab'}.`;
            if (fallback?.kind === 'dispatch')
                return `${blocked} Starting the release workflow failed too: ${newRelease}.`;
            if (fallback?.kind === 'retry-tag')
                return `${blocked} A release steward must create the tag ${retryTag} on commit ${result.run ? markdownCode(result.run.headSha) : 'of the release'} (the commit run ${context.runId} built) and push it; the release workflow runs for it. provenance-recover never creates tags.`;
            return `${blocked} No fallback was chosen: ${newRelease}.`;
        }
        case 'skipped':
            return 'Nothing was changed.';
        case 'frozen':
            return 'Nothing was re-run, dispatched or named while the release freeze is on: the message above says why and how to lift it. Dispatch provenance-recover again once the freeze is lifted.';
    }
}
/** The job summary of a recovery: verdict, the facts, and what to do next. Every untrusted value is escaped. */
function renderRecoverMarkdown(result, context) {
    const entry = result.manifest.entry;
    const run = result.run;
    const rows = [
        [
            'run',
            run
                ? `${markdownLink(run.htmlUrl, `run ${run.id}`)} (${markdownCell(run.workflowPath)}), commit ${markdownCode(run.headSha)}`
                : `run ${context.runId}`,
        ],
        ['reason', markdownCell(result.reason)],
        ['requested by', markdownCell(context.actor)],
        ['new attempt', result.newRunAttempt === null ? '–' : String(result.newRunAttempt)],
        ['fallback', fallbackCell(result)],
        [
            'manifest',
            `${entry ? `\`${entry.status}\`${entry.rerun_in_progress ? ', rerun_in_progress' : ''}` : 'not written'} in ${markdownCell(result.manifest.location)}`,
        ],
    ];
    if (result.manifest.problem)
        rows.push(['manifest problem', markdownCell(result.manifest.problem)]);
    const lines = [
        `### provenance-recover ${markdownCell(context.tag)} (run ${context.runId}): ${VERDICTS[result.status]}`,
        '',
        `> ${markdownCell(result.message)}`,
        '',
        ...result.warnings.flatMap((warning) => [`> ⚠️ ${markdownCell(warning)}`, '']),
        '| | |',
        '| --- | --- |',
        ...rows.map(([name, value]) => `| ${name} | ${value} |`),
        '',
        `**What to do next:** ${nextStep(result, context)}`,
        '',
    ];
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./packages/core/src/recover/unrecorded-run.ts





/** Conclusions of a run that ended before a validation recorded it, and that a re-run may fix. */
const UNRECORDED_FAILURES = ['failure', 'cancelled', 'timed_out', 'startup_failure'];
/** True when the run belongs to the release workflow, named by file (`release.yml`) or by id. */
function isReleaseWorkflowRun(run, releaseWorkflow) {
    if (/^[0-9]+$/.test(releaseWorkflow))
        return run.workflowId === Number(releaseWorkflow);
    // A run's path may carry the ref it was read at (`.github/workflows/release.yml@refs/heads/main`).
    const file = (run.workflowPath ?? '').split('@')[0];
    return external_node_path_.posix.dirname(file) === '.github/workflows' && external_node_path_.posix.basename(file) === releaseWorkflow;
}
/**
 * A warning when `tag` is neither the run's head branch (a tag push runs on the tag) nor in its
 * title; null when it matches. Never a refusal: the on-call names the entry, GitHub names the run.
 */
function tagMismatch(run, tag) {
    if (run.headBranch === tag || run.displayTitle.includes(tag))
        return null;
    return (`tag ${(0,safe_text/* safeText */.H)(JSON.stringify(tag))} matches neither the head branch of run ${run.id} ` +
        `(${(0,safe_text/* safeText */.H)(JSON.stringify(run.headBranch))}) nor its title (${(0,safe_text/* safeText */.H)(JSON.stringify(run.displayTitle))}); ` +
        'the manifest entry is recorded under the tag and run id given. Check `tag` if that is not the release.');
}
/**
 * Asks GitHub about a run the manifest has no entry for (the validation never ran, the manifest is
 * new, or a validation was cancelled before it wrote). Only a run of the release workflow is taken:
 * no other workflow's run is re-run under a release tag. Throws a usage error (exit 2) without
 * `release-workflow`, for an unknown run (404), another workflow's run, or a conclusion that is no
 * failure to recover.
 */
async function lookUpUnrecordedRun(client, where, options) {
    const key = (0,types/* manifestEntryKey */.TK)({ tag: options.tag, run_id: options.runId });
    const releaseWorkflow = options.releaseWorkflow;
    if (releaseWorkflow === undefined)
        throw new errors/* InputError */.dz('release-workflow', `is required when the manifest ${options.manifestLocation} has no entry for ${key}: ` +
            'the run is then read from GitHub and re-run only if it is a run of the release workflow (e.g. release.yml)');
    const run = await readRun(client, where);
    if (!isReleaseWorkflowRun(run, releaseWorkflow))
        throw (0,errors/* usageError */.Wp)(`run ${run.id} of ${where.owner}/${where.repo} is a run of ${(0,safe_text/* safeText */.H)(run.workflowPath ?? `workflow ${run.workflowId}`)}, ` +
            `not of the release workflow ${(0,safe_text/* safeText */.H)(releaseWorkflow)}, and the manifest has no entry for ${key}: ` +
            'only a release run is re-run under a release tag. Check `run-id` and `release-workflow`.');
    if (run.status !== 'completed')
        return { kind: 'running', run };
    if (run.conclusion === 'success')
        return { kind: 'succeeded', run };
    const conclusion = run.conclusion ?? 'none';
    if (!UNRECORDED_FAILURES.includes(conclusion))
        throw (0,errors/* usageError */.Wp)(`run ${run.id} concluded ${(0,safe_text/* safeText */.H)(conclusion)} and the manifest has no entry for ${key}: ` +
            `there is no failure to recover (re-runnable: ${UNRECORDED_FAILURES.join(', ')}).`);
    return {
        kind: 'failed',
        run,
        createMissing: {
            set: { status: 'failure', failure_reason: 'provenance_missing', artifact_url: run.htmlUrl },
            note: `recorded by provenance-recover: no validation had recorded this run; run concluded ${(0,safe_text/* safeText */.H)(conclusion)}`,
        },
    };
}

;// CONCATENATED MODULE: ./packages/core/src/recover/wait-for-attempt.ts

const GROWTH = 1.5;
const MAX_FACTOR = 8;
/** The wait before poll `n + 1` (n ≥ 1): intervalMs · 1.5^(n-1), capped at 8 · intervalMs. */
function pollDelayMs(intervalMs, polls) {
    return Math.min(intervalMs * GROWTH ** (polls - 1), intervalMs * MAX_FACTOR);
}
/**
 * Polls one attempt of a run until it completes or the time is up. Read errors are not caught: the
 * client already retried them, and a run that cannot be read cannot be followed.
 */
async function waitForAttempt(client, where, attempt, options) {
    const started = Date.now();
    for (let polls = 1;; polls++) {
        const { data } = await client.rest.actions.getWorkflowRunAttempt({
            owner: where.owner,
            repo: where.repo,
            run_id: where.runId,
            attempt_number: attempt,
        });
        if (data.status === 'completed')
            return { completed: true, conclusion: data.conclusion, polls, htmlUrl: data.html_url };
        const status = data.status ?? 'unknown';
        const left = options.timeoutMs - (Date.now() - started);
        if (left <= 0)
            return { completed: false, status, polls, waitedMs: Date.now() - started };
        const waitMs = Math.min(pollDelayMs(options.intervalMs, polls), left);
        options.onPoll?.({ status, waitMs, polls });
        await (0,promises_.setTimeout)(waitMs);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/recover/recover-run.ts



















function describeFallback(fallback) {
    if (fallback.kind === 'none')
        return 'no fallback chosen';
    if (fallback.kind === 'retry-tag')
        return `a release steward must create tag ${(0,safe_text/* safeText */.H)(JSON.stringify(fallback.tag))} on commit ${fallback.commit}`;
    if (!fallback.started)
        return `dispatching ${fallback.workflow} failed: ${(0,safe_text/* safeText */.H)(fallback.error)}`;
    return `dispatched ${fallback.workflow} on ${(0,safe_text/* safeText */.H)(fallback.ref)}${fallback.runId ? ` as run ${fallback.runId}` : ''}`;
}
/** A GitHub or store error in one line, redacted and escaped. */
function whyOf(context, error) {
    return (0,safe_text/* safeText */.H)(redactCredentials(error instanceof Error ? error.message : String(error), context.secrets));
}
/** Reads the run and asks GitHub to re-run its failed jobs; a failed request releases the claim. */
async function requestRerun(context) {
    try {
        const run = await readRun(context.github(), context.where);
        return {
            run,
            request: await requestFailedJobsRerun(context.github(), context.where, run, context.now()),
        };
    }
    catch (error) {
        const why = whyOf(context, error);
        await context.record.record({ rerun_in_progress: false }, `re-run not started: ${why}`);
        if (error instanceof errors/* ReleaseGuardError */.dZ && error.code === 'rerun_failed') {
            return {
                status: 'rerun-failed',
                message: `rerun_failed: ${why} The claim was released; dispatch provenance-recover again.`,
                failed: true,
            };
        }
        throw error;
    }
}
/** GitHub refused the re-run: take the caller's fallback and block the entry. */
async function fallBack(context, run, denial) {
    const { inputs } = context;
    context.log(`GitHub refused the re-run: ${denial}`);
    const fallback = await takeFallback(context.github(), {
        fallback: inputs.fallback,
        tag: inputs.tag,
        releaseWorkflow: inputs.releaseWorkflow,
        where: context.where,
        run,
    });
    const taken = describeFallback(fallback);
    await context.record.record({ status: 'blocked', failure_reason: 'rerun_denied', requeue: false }, `re-run denied: ${denial}; fallback: ${taken}`);
    return {
        status: 'denied',
        message: `rerun_denied: ${denial}. Fallback: ${taken}.`,
        failed: true,
        run,
        fallback,
    };
}
/** Follows the new attempt to its end (or the time limit) and records success or blocked. */
async function follow(context, run, attempt) {
    const { inputs, record, subject } = context;
    const started = { newRunAttempt: attempt, run };
    let outcome;
    try {
        outcome = await waitForAttempt(context.github(), context.where, attempt, {
            intervalMs: inputs.pollIntervalSeconds * 1000,
            timeoutMs: inputs.timeoutMinutes * 60_000,
            onPoll: ({ status, waitMs }) => context.log(`attempt ${attempt} is ${(0,safe_text/* safeText */.H)(status)}; next check in ${Math.round(waitMs / 100) / 10} s`),
        });
    }
    catch (error) {
        return {
            status: 'rerun-started',
            message: `re-run attempt ${attempt} of run ${run.id} started, but it could not be followed: ${whyOf(context, error)}`,
            failed: true,
            ...started,
        };
    }
    if (!outcome.completed) {
        return {
            status: 'rerun-started',
            message: `re-run attempt ${attempt} of run ${run.id} is still ${(0,safe_text/* safeText */.H)(outcome.status)} after ${inputs.timeoutMinutes} minutes (timeout-minutes); the manifest entry stays rerunning.`,
            failed: true,
            ...started,
        };
    }
    const conclusion = outcome.conclusion ?? 'none';
    if (conclusion === 'success') {
        await record.record({ status: 'success', failure_reason: null, requeue: false, run_attempt: attempt }, `re-run attempt ${attempt} succeeded`);
        return {
            status: 'rerun-succeeded',
            message: `re-run attempt ${attempt} of run ${run.id} succeeded; ${subject} is recorded as success.`,
            failed: false,
            ...started,
        };
    }
    await record.record({ status: 'blocked', failure_reason: 'rerun_failed', requeue: false, run_attempt: attempt }, `re-run attempt ${attempt} failed again (conclusion ${(0,safe_text/* safeText */.H)(conclusion)})`);
    return {
        status: 'rerun-failed',
        message: `rerun_failed: re-run attempt ${attempt} of run ${run.id} ended ${(0,safe_text/* safeText */.H)(conclusion)}; ${subject} is blocked.`,
        failed: true,
        ...started,
    };
}
/**
 * The release freeze refuses every way a recovery could ship (re-run, dispatch, a retry tag): the
 * refusal, noted in the entry's history when there is an entry; null when not frozen.
 */
async function freezeRefusal(context) {
    const { inputs } = context;
    try {
        await (0,gate/* assertActionNotFrozen */.K)(inputs, context.github(), {
            action: `re-running run ${inputs.runId} of ${(0,safe_text/* safeText */.H)(inputs.tag)}`,
            tag: inputs.tag,
        });
        return null;
    }
    catch (error) {
        if (!(error instanceof errors/* ReleaseGuardError */.dZ && error.code === 'release_frozen'))
            throw error;
        const message = `release_frozen: ${whyOf(context, error)}`;
        if (await entryExists(context))
            await context.record.record({}, message);
        return { status: 'frozen', message, failed: true };
    }
}
async function entryExists(context) {
    try {
        const manifest = await (0,open_store/* loadManifest */.eY)(context.store);
        return manifest.entries.some((e) => e.tag === context.inputs.tag && e.run_id === context.inputs.runId);
    }
    catch {
        return false;
    }
}
/** The re-run runs: record it, then follow it unless told not to wait. */
async function rerunStarted(context, run, attempt) {
    context.log(`GitHub accepted the re-run of the failed jobs of run ${run.id}: attempt ${attempt}`);
    await context.record.record({ status: 'rerunning', run_attempt: attempt }, `re-run attempt ${attempt} started`);
    if (context.inputs.wait)
        return follow(context, run, attempt);
    return {
        status: 'rerun-started',
        message: `re-run attempt ${attempt} of run ${run.id} started; not waiting for it (wait: false).`,
        failed: false,
        newRunAttempt: attempt,
        run,
    };
}
function contextOf(inputs, deps) {
    const now = deps.now ?? (() => new Date());
    let client = deps.client;
    const github = () => (client ??= createGitHubClient({ token: inputs.githubToken }));
    const store = openActionManifestStore(inputs, github);
    const secrets = [inputs.githubToken];
    const [owner, repo] = inputs.repository.split('/');
    return {
        inputs,
        github,
        log: deps.log ?? (() => undefined),
        now,
        secrets,
        reason: recordableReason(inputs.reason, secrets),
        record: new ManifestRecorder(store, { tag: inputs.tag, runId: inputs.runId, actor: inputs.actor }, now),
        store,
        where: { owner, repo, runId: Number(inputs.runId) },
        subject: (0,types/* manifestEntryKey */.TK)({ tag: inputs.tag, run_id: inputs.runId }),
        warnings: [],
    };
}
/**
 * No entry for the run: ask GitHub about it. A failed release run gets its entry created with the
 * claim; a run that succeeded or is still running ends here with nothing written.
 */
async function unrecordedRun(context) {
    const { inputs } = context;
    const found = await lookUpUnrecordedRun(context.github(), context.where, {
        tag: inputs.tag,
        runId: inputs.runId,
        releaseWorkflow: inputs.releaseWorkflow,
        manifestLocation: context.record.location,
    });
    const mismatch = tagMismatch(found.run, inputs.tag);
    if (mismatch)
        context.warnings.push(mismatch);
    const { run } = found;
    const none = `no validation recorded ${context.subject}`;
    if (found.kind === 'succeeded')
        return {
            status: 'skipped',
            message: `skipped: ${none}, and run ${run.id} concluded success on GitHub: there is nothing to re-run.`,
            failed: false,
            run,
        };
    if (found.kind === 'running')
        return {
            status: 'denied',
            message: `rerun_denied: ${none}, and run ${run.id} is still ${(0,safe_text/* safeText */.H)(run.status ?? 'running')} on GitHub: wait for it to finish, then dispatch provenance-recover again if it failed. Nothing was recorded or re-run.`,
            failed: true,
            run,
        };
    context.log(`${none}; run ${run.id} concluded ${(0,safe_text/* safeText */.H)(run.conclusion ?? 'none')}: recording it with the claim`);
    return found.createMissing;
}
/**
 * provenance-recover: claim the manifest entry of a failed run (compare-and-swap on
 * `rerun_in_progress`), ask GitHub to re-run its failed jobs, take the chosen fallback when GitHub
 * refuses, follow the new attempt, and record the outcome in the manifest and a JSON report.
 * A run the manifest has no entry for is read from GitHub first (see `unrecordedRun`).
 * Throws ReleaseGuardError('usage_error') for unusable inputs; every other outcome is in the result.
 * Steps: preview → (unrecorded run) → freeze → claim → request the re-run → fall back, or follow → finish.
 */
async function recoverRun(inputs, deps = {}) {
    (0,recover_inputs/* checkRecoverInputs */.So)(inputs);
    const context = contextOf(inputs, deps);
    const { store, record, reason, now, secrets } = context;
    const claimOptions = {
        tag: inputs.tag,
        runId: inputs.runId,
        actor: inputs.actor,
        note: `re-run requested by ${inputs.actor}: ${reason}`,
        manifestHint: inputs.manifestPath,
        now,
    };
    const unclaimed = { inputs, reason, record, failedAt: null, warnings: context.warnings };
    const skip = (refused) => finish(unclaimed, {
        status: 'skipped',
        message: `skipped: ${refused.message}`,
        failed: false,
        entryRead: refused.entry,
    });
    // A skip needs no freeze check (it changes nothing); anything else checks it before the claim, so
    // a frozen release leaves no entry requeued.
    const preview = await previewClaim(store, claimOptions);
    if (preview.kind === 'refused')
        return skip(preview.refused);
    if (preview.kind === 'missing') {
        const missing = await unrecordedRun(context);
        if ('status' in missing)
            return finish(unclaimed, missing);
        claimOptions.createMissing = missing;
    }
    const frozen = await freezeRefusal(context);
    if (frozen)
        return finish(unclaimed, frozen);
    const claim = await claimRerun(store, claimOptions);
    if (!claim.claimed)
        return skip(claim);
    record.add(claim.update);
    context.log(`claimed ${context.subject} for a re-run (rerun_in_progress set in ${record.location})`);
    const finishing = { ...unclaimed, failedAt: failureRecordedAt(claim.update.entry) };
    const requested = await requestRerun(context);
    if ('status' in requested)
        return finish(finishing, requested);
    const { run, request } = requested;
    const ending = request.accepted
        ? await rerunStarted(context, run, request.attempt)
        : await fallBack(context, run, (0,safe_text/* safeText */.H)(redactCredentials(request.denial, secrets)));
    return finish(finishing, ending);
}
function metricsOf(ending, context, entry) {
    const { record, failedAt } = context;
    const attempts = ending.newRunAttempt ?? ending.run?.runAttempt ?? entry?.run_attempt ?? 1;
    const metrics = {
        'security_ci.re_run_count': attempts - 1,
        ...record.metrics,
    };
    if (ending.status === 'rerun-succeeded')
        metrics['rerun.success_rate'] = 1;
    // A failed re-run request ran nothing: it counts for neither rate.
    if ((ending.status === 'denied' && ending.fallback) ||
        (ending.status === 'rerun-failed' && ending.newRunAttempt))
        metrics['rerun.success_rate'] = 0;
    const final = record.entry;
    if (failedAt !== null && final !== null && (final.status === 'success' || final.status === 'blocked')) {
        metrics['rerun.time_to_resolution'] = Math.max(0, Math.round((Date.parse(final.updated_at) - Date.parse(failedAt)) / 1000));
    }
    if (ending.status !== 'skipped') {
        const fallback = ending.fallback;
        const automated = ending.status !== 'denied' || (fallback?.kind === 'dispatch' && fallback.started);
        metrics['rerun.automated_vs_manual'] = automated ? 'automated' : 'manual';
    }
    return metrics;
}
async function finish(context, ending) {
    const { inputs, reason, record } = context;
    const entry = record.entry ?? ending.entryRead ?? null;
    const partial = {
        status: ending.status,
        failureReason: ending.status === 'denied'
            ? 'rerun_denied'
            : ending.status === 'rerun-failed'
                ? 'rerun_failed'
                : ending.status === 'frozen'
                    ? 'release_frozen'
                    : null,
        message: record.problem
            ? `${ending.message} The manifest does not show it: ${(0,safe_text/* safeText */.H)(record.problem)}`
            : ending.message,
        failed: ending.failed || record.problem !== null,
        newRunAttempt: ending.newRunAttempt ?? null,
        run: ending.run ?? null,
        fallback: ending.fallback ?? null,
        reason,
        warnings: context.warnings,
        manifest: { location: record.location, entry, problem: record.problem },
        metrics: metricsOf(ending, context, entry),
        reportPath: external_node_path_default().resolve(inputs.workspace, inputs.reportPath ?? external_node_path_default().join(inputs.tempDir, `provenance-recover-${inputs.runId}.json`)),
    };
    const report = {
        tag: inputs.tag,
        run_id: inputs.runId,
        status: partial.status,
        failure_reason: partial.failureReason,
        message: partial.message,
        reason,
        requested_by: inputs.actor,
        new_run_attempt: partial.newRunAttempt,
        run: partial.run,
        fallback: partial.fallback,
        warnings: partial.warnings,
        manifest: {
            location: record.location,
            status: entry?.status ?? null,
            rerun_in_progress: entry?.rerun_in_progress ?? null,
            problem: record.problem,
        },
        metrics: partial.metrics,
    };
    await writeFileAtomic(partial.reportPath, `${JSON.stringify(report, null, 2)}\n`);
    return {
        ...partial,
        summary: renderRecoverMarkdown(partial, { tag: inputs.tag, runId: inputs.runId, actor: inputs.actor }),
    };
}


/***/ })

};
;