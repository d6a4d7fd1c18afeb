"use strict";
exports.id = 226;
exports.ids = [226];
exports.modules = {

/***/ 49226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPostureReport: () => (/* binding */ runPostureReport)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/action/context.ts + 2 modules
var context = __webpack_require__(93463);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(36429);
// EXTERNAL MODULE: ./packages/core/src/text/safe-text.ts
var safe_text = __webpack_require__(88625);
;// CONCATENATED MODULE: ./packages/core/src/freeze/scope.ts
/** A tag as git names it: `refs/tags/v1.2.0` and `v1.2.0` are the same tag. */
function normaliseTag(tag) {
    return tag.startsWith('refs/tags/') ? tag.slice('refs/tags/'.length) : tag;
}
/**
 * Whether a tag pattern matches the whole tag: `*` stands for any characters (dots and slashes too),
 * `?` for one, everything else for itself. `v2.*` matches `v2.3.0`, not `v20.1.0` nor `v3.0.0`.
 */
function tagMatchesPattern(tag, pattern) {
    const source = [...pattern]
        .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
        .join('');
    return new RegExp(`^${source}$`, 'su').test(normaliseTag(tag));
}
function scopeCoversTag(scope, tag) {
    return scope === 'all' || scope.some((pattern) => tagMatchesPattern(tag, normaliseTag(pattern)));
}

;// CONCATENATED MODULE: ./packages/core/src/freeze/variable.ts
/** Values of the freeze variable that leave releases alone; any other value freezes. */
const OFF_VALUES = new Set(['', 'false', '0', 'off', 'no']);
/**
 * Whether the freeze variable (`vars.RELEASE_FREEZE` through an action's `freeze` input, or the
 * `RELEASE_FREEZE` environment variable of the CLI) forces the freeze on. Trimmed and read
 * case-insensitively; an unset variable is empty. Anything unexpected freezes: a typo in an
 * emergency switch must not ship a release.
 */
function variableFreezes(value) {
    return !OFF_VALUES.has((value ?? '').trim().toLowerCase());
}

;// CONCATENATED MODULE: ./packages/core/src/freeze/evaluate.ts



/**
 * The decision for a freeze file that was read (null: there is none) and the variable. A freeze the
 * variable forces covers every release; the file's covers the tags of its scope until `expires_at`.
 */
function evaluateFreeze(state, query) {
    const tag = query.tag === undefined ? undefined : normaliseTag(query.tag);
    if (variableFreezes(query.variable)) {
        return {
            frozen: true,
            reason: `forced on by the freeze variable RELEASE_FREEZE ("${(0,safe_text/* safeText */.H)((query.variable ?? '').trim().slice(0, 200))}"); set it to false or empty to lift it`,
            incident: null,
            set_by: 'the RELEASE_FREEZE variable',
            set_at: null,
            scope: 'all',
            expires_at: null,
            expired: false,
            source: 'variable',
            applies_to_tag: tag === undefined ? null : true,
        };
    }
    if (state === null) {
        return {
            frozen: false,
            reason: null,
            incident: null,
            set_by: null,
            set_at: null,
            scope: null,
            expires_at: null,
            expired: false,
            source: 'file',
            applies_to_tag: tag === undefined ? null : false,
        };
    }
    const now = query.now ?? new Date();
    const expired = state.frozen && state.expires_at !== null && Date.parse(state.expires_at) <= now.getTime();
    const active = state.frozen && !expired;
    const applies = tag === undefined ? null : active && scopeCoversTag(state.scope, tag);
    return {
        frozen: applies ?? active,
        reason: state.reason,
        incident: state.incident,
        set_by: state.set_by,
        set_at: state.set_at,
        scope: state.scope,
        expires_at: state.expires_at,
        expired,
        source: 'file',
        applies_to_tag: applies,
    };
}
/** The decision when the freeze state exists but cannot be read: frozen, for every release. */
function unreadableFreeze(problem, tag) {
    return {
        frozen: true,
        reason: `freeze state unreadable: ${problem}`,
        incident: null,
        set_by: null,
        set_at: null,
        scope: null,
        expires_at: null,
        expired: false,
        source: 'unreadable',
        applies_to_tag: tag === undefined ? null : true,
    };
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@humanwhocodes+momoa@3.3.13/node_modules/@humanwhocodes/momoa/dist/momoa.js
var momoa = __webpack_require__(20172);
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

// EXTERNAL MODULE: ./packages/core/src/schema/json-schema.ts + 1 modules
var json_schema = __webpack_require__(57529);
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

;// CONCATENATED MODULE: ./packages/core/src/freeze/check.ts




/**
 * The one question every side effect asks before it acts: is this release frozen? Reads the freeze
 * file from `store` and decides with the variable and the tag. Fails closed: a file that exists but
 * cannot be read, parsed or validated, or a store error (a contents-API answer other than 404),
 * answers frozen with source `unreadable`. A missing file answers not frozen. Never throws.
 */
async function checkReleaseFreeze(check) {
    let content;
    try {
        ({ content } = await check.store.read());
    }
    catch (error) {
        return unreadableFreeze(problemOf(error), check.tag);
    }
    if (content === null)
        return evaluateFreeze(null, check);
    try {
        return evaluateFreeze(parseFreezeState(content, check.store.location), check);
    }
    catch (error) {
        return unreadableFreeze(problemOf(error), check.tag);
    }
}
/**
 * checkReleaseFreeze for a side effect: returns the (not frozen) decision, or throws
 * ReleaseGuardError('release_frozen') saying what was refused, why, and how to lift the freeze.
 * The decision is in the error's details as `freeze`.
 */
async function assertNotFrozen(check) {
    const decision = await checkReleaseFreeze(check);
    if (decision.frozen)
        throw releaseFrozenError(check.action, decision, check.store.location);
    return decision;
}
/** The refusal of a side effect under `decision`, which must be frozen. */
function releaseFrozenError(action, decision, location) {
    return new ReleaseGuardError('release_frozen', `${action} refused: the release freeze is on (${describeFreeze(decision)}). ${howToLift(decision, location)}`, { freeze: decision, location });
}
/** One line for people: why, by whom, since when, until when. */
function describeFreeze(decision) {
    const parts = [safeText(decision.reason ?? 'no reason given')];
    if (decision.source === 'file') {
        if (decision.incident !== null)
            parts.push(`incident ${safeText(decision.incident)}`);
        if (decision.set_by !== null)
            parts.push(`set by ${safeText(decision.set_by)}`);
        if (decision.set_at !== null)
            parts.push(`since ${decision.set_at}`);
        if (Array.isArray(decision.scope))
            parts.push(`scope ${decision.scope.map(safeText).join(', ')}`);
        if (decision.expires_at !== null)
            parts.push(`until ${decision.expires_at}`);
    }
    return parts.join('; ');
}
/** What the on-call engineer does to lift this freeze. */
function howToLift(decision, location) {
    switch (decision.source) {
        case 'variable':
            return 'Lift it by setting the repository variable RELEASE_FREEZE to false (or deleting it).';
        case 'unreadable':
            return `Repair or restore ${location} (its git history has the last good version), or fix access to it; side effects stay refused until it reads.`;
        default:
            return `Lift it with \`release-guard freeze off --reason TEXT\` (or the release-freeze workflow, mode off) once the incident allows; the freeze file is ${location}.`;
    }
}
function problemOf(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/store.ts
const store_MANIFEST_STORE_LABEL = {
    noun: 'manifest',
    pathFlag: '--manifest',
    examplePath: 'docs/reports/manifest.json',
};

// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+request-error@5.1.1/node_modules/@octokit/request-error/dist-node/index.js
var dist_node = __webpack_require__(86788);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./packages/core/src/manifest/errors.ts + 1 modules
var manifest_errors = __webpack_require__(48210);
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
var external_node_child_process_ = __webpack_require__(31421);
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
var schema = __webpack_require__(95129);
// EXTERNAL MODULE: ./packages/core/src/manifest/location.ts
var manifest_location = __webpack_require__(61969);
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
var types = __webpack_require__(14227);
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

// EXTERNAL MODULE: ./node_modules/.pnpm/@octokit+plugin-retry@6.1.0_@octokit+core@5.2.2/node_modules/@octokit/plugin-retry/dist-node/index.js
var plugin_retry_dist_node = __webpack_require__(79195);
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

// EXTERNAL MODULE: ./packages/core/src/posture/action.ts
var action = __webpack_require__(11061);
// EXTERNAL MODULE: ./node_modules/.pnpm/semver@7.8.6/node_modules/semver/index.js
var semver = __webpack_require__(91132);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./packages/core/src/manifest/types.ts
var manifest_types = __webpack_require__(25285);
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
        detail: detail === null || detail.length <= CONTROL_DETAIL_MAX
            ? detail
            : `${detail.slice(0, CONTROL_DETAIL_MAX - 1)}…`,
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

;// CONCATENATED MODULE: ./packages/core/src/posture/model.ts


/** Where the README says what to do when a posture source shows "unknown". */
const POSTURE_RUNBOOK = 'README.md#runbook-a-posture-source-shows-unknown';
/** The four release controls a release row shows (the drill has its own section). */
const RELEASE_CONTROLS = [
    'provenance',
    'signature',
    'repro',
    'evidence',
];
const DRILL_OVERDUE_DAYS = 30;
const SECRET_ROTATION_DAYS = 90;
const DAY_MS = 86_400_000;
const OPEN_STATUSES = ['failure', 'blocked', 'requeued'];
function days(from, now) {
    return Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / DAY_MS));
}
function firstAt(entry) {
    return entry.history[0]?.at ?? entry.updated_at;
}
function latest(records) {
    return records.reduce((best, record) => (best === null || Date.parse(record.at) >= Date.parse(best.at) ? record : best), null);
}
/** Builds the posture from what was read; every fact the renderers show is here. */
function buildPosture(input) {
    const { now } = input;
    const since = input.since ?? null;
    const all = 'entries' in input.manifest ? input.manifest.entries : [];
    const inWindow = (at) => since === null || Date.parse(at) >= since.getTime();
    const releasesEntries = all.filter((entry) => !isDrillEntry(entry));
    const drills = all.filter((entry) => isDrillEntry(entry));
    const byTag = new Map();
    for (const entry of releasesEntries)
        byTag.set(entry.tag, [...(byTag.get(entry.tag) ?? []), entry]);
    const chronological = [...byTag.entries()]
        .map(([tag, entries]) => ({ tag, entries, first: entries.map(firstAt).sort()[0] }))
        .filter((release) => inWindow(release.first))
        .sort((a, b) => Date.parse(a.first) - Date.parse(b.first) || (a.tag < b.tag ? -1 : 1));
    const rows = rowsOf(chronological);
    const newestFirst = [...rows].reverse().slice(0, input.maxReleases ?? 20);
    const incidents = incidentsOf(releasesEntries, now);
    const drift = driftOf(chronological);
    const drill = 'entries' in input.manifest
        ? drillOf(drills, now)
        : {
            state: 'unknown',
            reason: `the manifest cannot be read: ${input.manifest.problem}`,
            runbook: POSTURE_RUNBOOK,
        };
    const secrets = secretsOf(input.secrets, now);
    const freeze = freezeOf(input.freeze);
    const { metrics, trend } = metricsOf(releasesEntries.filter((entry) => inWindow(firstAt(entry))), chronological.map((release) => release.tag));
    const { blocking, warnings } = findingsOf({
        freeze,
        newest: newestFirst[0],
        drill,
        drift,
        incidents,
        secrets,
        manifestRead: 'entries' in input.manifest,
    });
    const manifest = 'entries' in input.manifest
        ? { state: 'read', location: input.manifest.location, entries: input.manifest.entries.length }
        : {
            state: 'unknown',
            reason: input.manifest.problem,
            runbook: POSTURE_RUNBOOK,
            location: input.manifest.location,
        };
    const line = blocking.length > 0
        ? `posture: ${blocking.join('; ')}`
        : `posture: ok${warnings.length > 0 ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}`;
    return {
        generated_at: now.toISOString(),
        since: since?.toISOString() ?? null,
        manifest,
        freeze,
        releases: newestFirst,
        incidents,
        drift,
        drill,
        secrets,
        metrics,
        trend,
        warnings,
        verdict: { exit_code: blocking.length > 0 ? 1 : 0, line, blocking },
    };
}
function rowsOf(chronological) {
    return chronological.map(({ tag, entries, first }) => {
        const newest = [...entries]
            .sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at))
            .at(-1);
        const controls = Object.fromEntries(RELEASE_CONTROLS.map((name) => {
            const record = latest(entries.flatMap((entry) => (entry.controls?.[name] ? [entry.controls[name]] : [])));
            return [name, record === null ? { state: 'no data' } : { state: 'recorded', ...record }];
        }));
        return { tag, first_recorded_at: first, status: newest.status, runs: entries.length, controls };
    });
}
function incidentsOf(releasesEntries, now) {
    return releasesEntries
        .filter((entry) => OPEN_STATUSES.includes(entry.status))
        .map((entry) => {
        const since = [...entry.history]
            .reverse()
            .find((record) => record.to === entry.status && record.from !== entry.status)?.at ??
            entry.updated_at;
        return {
            tag: entry.tag,
            run_id: entry.run_id,
            status: entry.status,
            failure_reason: entry.failure_reason,
            issue_number: entry.issue_number,
            since,
            age_days: days(since, now),
        };
    })
        .sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
}
/** What blocks a release (exit 1) and what only warns. */
function findingsOf(context) {
    const { freeze, newest, drill, drift, incidents, secrets } = context;
    const blocking = [];
    if (freeze.state === 'on')
        blocking.push('frozen');
    if (freeze.state === 'unknown')
        blocking.push('freeze unreadable (fail closed)');
    if (newest !== undefined) {
        for (const name of RELEASE_CONTROLS) {
            const cell = newest.controls[name];
            if (cell.state === 'recorded' && cell.status === 'fail')
                blocking.push(`${newest.tag} ${name} ${cell.failure_reason ?? 'fail'}`);
        }
    }
    if (drill.state === 'fail')
        blocking.push(`drill ${drill.tag} failed`);
    else if ((drill.state === 'pass' || drill.state === 'warn') && drill.overdue)
        blocking.push(`drill overdue (${drill.age_days} days)`);
    const warnings = [];
    for (const item of drift)
        warnings.push(`drift ${item.previous_tag} → ${item.tag}: ${item.field} ${item.previous} → ${item.current}`);
    if (newest !== undefined)
        for (const name of RELEASE_CONTROLS) {
            const cell = newest.controls[name];
            if (cell.state === 'recorded' && cell.status === 'warn')
                warnings.push(`${newest.tag} ${name} warn`);
        }
    if (incidents.length > 0)
        warnings.push(`${incidents.length} open incident(s)`);
    if (drill.state === 'none')
        warnings.push('no drill recorded');
    if (secrets.state === 'checked' && secrets.overdue.length > 0)
        warnings.push(`${secrets.overdue.length} secret(s) older than ${SECRET_ROTATION_DAYS} days`);
    if (!context.manifestRead)
        warnings.push('manifest unknown');
    if (secrets.state === 'unknown')
        warnings.push('secrets unknown');
    return { blocking, warnings };
}
function summaryOf(entries) {
    const withSummary = entries.filter((entry) => entry.provenance_summary);
    const newest = withSummary.sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at)).at(-1);
    return newest?.provenance_summary ?? null;
}
function versionOf(tag) {
    return semver_default().valid(tag.replace(/^v/i, ''), { loose: false });
}
/** Builder, source repo, workflow path or signer changed, or a version lower than the one before. */
function driftOf(chronological) {
    const drift = [];
    for (let i = 1; i < chronological.length; i++) {
        const before = chronological[i - 1];
        const after = chronological[i];
        const [a, b] = [summaryOf(before.entries), summaryOf(after.entries)];
        if (a !== null && b !== null) {
            for (const field of ['builder_id', 'source_repo', 'workflow_path', 'signer_san']) {
                const [previous, current] = [a[field], b[field]];
                if (previous !== null && current !== null && previous !== current)
                    drift.push({ previous_tag: before.tag, tag: after.tag, field, previous, current });
            }
        }
        const [va, vb] = [versionOf(before.tag), versionOf(after.tag)];
        if (va !== null && vb !== null && semver_default().lt(vb, va))
            drift.push({
                previous_tag: before.tag,
                tag: after.tag,
                field: 'version',
                previous: before.tag,
                current: after.tag,
            });
    }
    return drift;
}
function drillOf(drills, now) {
    const records = drills.map((entry) => {
        const control = entry.controls?.drill;
        const state = control
            ? control.status
            : entry.status === 'success'
                ? 'pass'
                : entry.status === 'failure' || entry.status === 'blocked'
                    ? 'fail'
                    : null;
        return { entry, control, state, at: control?.at ?? entry.updated_at };
    });
    const last = latest(records.filter((record) => record.state !== null));
    if (last === null || last.state === null)
        return drills.length === 0
            ? {
                state: 'none',
                reason: 'no drill recorded in the manifest; run `release-guard drill` (or the security-drill workflow)',
            }
            : {
                state: 'unknown',
                reason: 'drill entries exist but none recorded an outcome',
                runbook: POSTURE_RUNBOOK,
            };
    const age = days(last.at, now);
    return {
        state: last.state,
        tag: last.entry.tag,
        at: last.at,
        age_days: age,
        overdue: age > DRILL_OVERDUE_DAYS,
        run_url: last.control?.run_url ?? null,
        detail: last.control?.detail ?? null,
    };
}
function secretsOf(source, now) {
    if (source.state !== 'checked')
        return source;
    const overdue = source.secrets
        .map((secret) => ({ ...secret, age_days: days(secret.updated_at, now) }))
        .filter((secret) => secret.age_days > SECRET_ROTATION_DAYS)
        .sort((a, b) => b.age_days - a.age_days);
    return { state: 'checked', total: source.secrets.length, overdue };
}
function freezeOf({ decision, location }) {
    if (decision.source === 'unreadable')
        return {
            state: 'unknown',
            reason: `${decision.reason ?? 'the freeze file cannot be read'} (releases are refused while it cannot be read: fail closed)`,
            runbook: POSTURE_RUNBOOK,
            location,
        };
    return {
        state: decision.frozen ? 'on' : 'off',
        reason: decision.frozen ? decision.reason : null,
        incident: decision.frozen ? decision.incident : null,
        set_by: decision.frozen ? decision.set_by : null,
        set_at: decision.frozen ? decision.set_at : null,
        source: decision.source,
        location,
    };
}
const ratio = (hits, samples) => ({
    value: samples === 0 ? null : Math.round((hits / samples) * 1000) / 1000,
    unit: 'ratio',
    samples,
});
const mean = (values) => ({
    value: values.length === 0 ? null : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length),
    unit: 'seconds',
    samples: values.length,
});
/** The metrics of the README's "Posture metrics" table, from the entries' records. */
function metricsOf(entries, tags) {
    const provenance = entries.flatMap((entry) => entry.controls?.provenance ? [entry.controls.provenance] : []);
    const reruns = entries.flatMap((entry) => entry.history.flatMap((record, index) => record.to === 'rerunning' && record.from !== 'rerunning' ? [{ entry, index }] : []));
    const resolved = reruns.flatMap(({ entry, index }) => {
        const next = entry.history.slice(index + 1).find((record) => record.to !== 'rerunning');
        return next?.to === 'success' ? [(Date.parse(next.at) - Date.parse(entry.history[index].at)) / 1000] : [];
    });
    const fixes = entries.flatMap((entry) => {
        if (entry.issue_number === null)
            return [];
        const mark = `#${entry.issue_number}`;
        const opened = entry.history.find((record) => record.note?.includes(mark)) ??
            entry.history.find((record) => record.to === 'failure');
        if (!opened)
            return [];
        const fixed = entries
            .filter((other) => other.tag === entry.tag)
            .flatMap((other) => other.history)
            .filter((record) => record.to === 'success' && Date.parse(record.at) > Date.parse(opened.at))
            .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
        return fixed ? [(Date.parse(fixed.at) - Date.parse(opened.at)) / 1000] : [];
    });
    const failed = entries.filter((entry) => entry.history.some((record) => record.to === 'failure'));
    const metrics = {
        'security_ci.predicate_validation_pass_rate': ratio(provenance.filter((record) => record.status === 'pass').length, provenance.length),
        'security_ci.re_run_count': { value: reruns.length, unit: 'count', samples: entries.length },
        'rerun.success_rate': ratio(resolved.length, reruns.length),
        'rerun.time_to_resolution': mean(resolved),
        'recovery.issue_to_fix': mean(fixes),
        'notify.slack_success_rate': ratio(failed.filter((entry) => entry.notify_slack).length, failed.length),
    };
    const trend = tags.map((tag) => {
        const records = entries
            .filter((entry) => entry.tag === tag)
            .flatMap((entry) => (entry.controls?.provenance ? [entry.controls.provenance] : []));
        return {
            tag,
            pass_rate: ratio(records.filter((record) => record.status === 'pass').length, records.length).value,
        };
    });
    return { metrics, trend };
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

;// CONCATENATED MODULE: ./packages/core/src/posture/render.ts



const POSTURE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const ICON = { pass: '✅', warn: '⚠️', fail: '❌', 'no data': '–' };
/** The page uses glyphs every system font has (no emoji font on a bare Linux, in print). */
const GLYPH = { pass: '✓', warn: '⚠', fail: '✗' };
function cellText(cell) {
    return cell.state === 'no data'
        ? 'no data'
        : `${cell.status}${cell.failure_reason ? ` ${cell.failure_reason}` : ''} (${cell.at})`;
}
function metricText(metric) {
    if (metric.value === null)
        return 'no data';
    if (metric.unit === 'ratio')
        return `${Math.round(metric.value * 1000) / 10}% (n=${metric.samples})`;
    if (metric.unit === 'seconds')
        return `${metric.value} s (n=${metric.samples})`;
    return String(metric.value);
}
const unknownText = (section) => `unknown: ${section.reason} (runbook: ${section.runbook})`;
function mdLink(text, url) {
    return url !== null && isHttpUrl(url)
        ? `[${markdownCell(text)}](${url.replace(/[()\s]/g, encodeURIComponent)})`
        : markdownCell(text);
}
/** posture.md: also the job summary of posture-report. */
function renderPostureMarkdown(model) {
    const lines = [`## Release posture: ${markdownCell(model.verdict.line)}`, ''];
    lines.push(`Known as of ${model.generated_at}${model.since ? `, since ${model.since}` : ''}.`, '');
    const freeze = model.freeze;
    lines.push(freeze.state === 'unknown'
        ? `**Freeze: ${markdownCell(unknownText(freeze))}**`
        : freeze.state === 'on'
            ? `**🧊 Freeze ON**: ${markdownCell(freeze.reason)}; incident ${markdownCell(freeze.incident)}; set by ${markdownCell(freeze.set_by)} at ${markdownCell(freeze.set_at)} (${markdownCell(freeze.location)})`
            : `Freeze: off (${markdownCell(freeze.location)})`, '', '### Releases', '');
    if (model.manifest.state === 'unknown')
        lines.push(markdownCell(unknownText(model.manifest)), '');
    else if (model.releases.length === 0)
        lines.push('No release recorded.', '');
    else {
        lines.push(`| Release | First recorded | ${RELEASE_CONTROLS.join(' | ')} |`, `|---|---|${RELEASE_CONTROLS.map(() => '---').join('|')}|`);
        for (const row of model.releases) {
            const cells = RELEASE_CONTROLS.map((name) => {
                const cell = row.controls[name];
                const icon = ICON[cell.state === 'no data' ? 'no data' : cell.status];
                return `${icon} ${mdLink(cellText(cell), cell.state === 'recorded' ? cell.run_url : null)}`;
            });
            lines.push(`| ${markdownCell(row.tag)} | ${row.first_recorded_at} | ${cells.join(' | ')} |`);
        }
        lines.push('');
    }
    lines.push('### Open incidents', '');
    if (model.manifest.state === 'unknown')
        lines.push(markdownCell(unknownText(model.manifest)));
    else if (model.incidents.length === 0)
        lines.push('None.');
    else
        for (const incident of model.incidents)
            lines.push(`- ${markdownCell(incident.tag)} run ${incident.run_id}: ${incident.status} ${markdownCell(incident.failure_reason)}, issue ${incident.issue_number === null ? '–' : `#${incident.issue_number}`}, open ${incident.age_days} day(s) (since ${incident.since})`);
    lines.push('', '### Drift', '');
    if (model.drift.length === 0)
        lines.push(model.manifest.state === 'unknown' ? 'unknown (no manifest)' : 'None.');
    for (const drift of model.drift)
        lines.push(`- ⚠️ ${markdownCell(drift.previous_tag)} → ${markdownCell(drift.tag)}: ${drift.field} ${markdownCell(drift.previous)} → ${markdownCell(drift.current)}`);
    lines.push('', '### Last drill', '');
    const drill = model.drill;
    lines.push(drill.state === 'unknown'
        ? markdownCell(unknownText(drill))
        : drill.state === 'none'
            ? `⚠️ ${markdownCell(drill.reason)}`
            : `${ICON[drill.state]} ${markdownCell(drill.tag)} ${drill.state} at ${drill.at} (${drill.age_days} day(s) ago${drill.overdue ? ', **overdue**' : ''})`, '', '### Secrets older than 90 days', '');
    const secrets = model.secrets;
    if (secrets.state === 'checked') {
        if (secrets.overdue.length === 0)
            lines.push(`None of ${secrets.total}.`);
        for (const secret of secrets.overdue)
            lines.push(`- ⚠️ ${markdownCell(secret.name)}: updated ${secret.updated_at} (${secret.age_days} days)`);
    }
    else
        lines.push(markdownCell(secrets.state === 'unknown' ? unknownText(secrets) : `not checked: ${secrets.reason}`));
    lines.push('', '### Metrics', '', '| Metric | Value |', '|---|---|');
    for (const [name, metric] of Object.entries(model.metrics))
        lines.push(`| \`${name}\` | ${metricText(metric)} |`);
    if (model.warnings.length > 0)
        lines.push('', '### Warnings', '', ...model.warnings.map((warning) => `- ${markdownCell(warning)}`));
    return `${lines.join('\n')}\n`;
}
function renderPostureJson(model) {
    return `${JSON.stringify(model, null, 2)}\n`;
}
/** Every value goes through here: text content and attribute values alike. */
function escapeHtml(value) {
    return String(value ?? '–')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
function render_link(text, url) {
    return url !== null && isHttpUrl(url)
        ? `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(text)}</a>`
        : escapeHtml(text);
}
const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--banner:#fff8c5}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--pass:#3fb950;--warn:#d29922;--fail:#f85149;--banner:#3b2e00}}
body{margin:0;padding:1rem;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,sans-serif}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.4rem 0 .4rem;border-bottom:1px solid var(--line)}
.muted{color:var(--muted)}.banner{padding:.6rem .8rem;border:1px solid var(--line);border-radius:6px;margin:.6rem 0}
.banner.on,.banner.unknown{background:var(--banner);border-color:var(--warn);font-weight:600}
.table{overflow-x:auto}table{border-collapse:collapse;width:100%}th{white-space:nowrap}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.pass{color:var(--pass)}.warn{color:var(--warn)}.fail{color:var(--fail);font-weight:600}.nodata{color:var(--muted)}
a{color:inherit}svg{max-width:100%;height:auto}
@media (max-width:600px){body{padding:.5rem}th,td{padding:.2rem .3rem;font-size:12px}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#999}body{padding:0}a{text-decoration:none}.banner{border:2px solid #000}}
`;
function trendSvg(model) {
    const points = model.trend.filter((point) => point.pass_rate !== null);
    if (points.length === 0)
        return '<p class="muted">No pass-rate data yet.</p>';
    const width = 320;
    const height = 96;
    const step = points.length === 1 ? 0 : (width - 20) / (points.length - 1);
    const coords = points.map((point, index) => [10 + index * step, 70 - point.pass_rate * 60]);
    const label = points.map((point) => `${point.tag}: ${Math.round(point.pass_rate * 100)}%`).join(', ');
    return (`<svg role="img" aria-label="${escapeHtml(`provenance pass rate per release: ${label}`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
        `<line x1="10" y1="70" x2="${width - 10}" y2="70" stroke="currentColor" stroke-opacity=".3"/>` +
        `<polyline fill="none" stroke="currentColor" stroke-width="2" points="${coords.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>` +
        coords
            .map(([x, y], index) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3"><title>${escapeHtml(label.split(', ')[index])}</title></circle>` +
            `<text x="${x.toFixed(1)}" y="88" font-size="10" text-anchor="${index === 0 && points.length > 1 ? 'start' : index === points.length - 1 && points.length > 1 ? 'end' : 'middle'}" fill="currentColor">${escapeHtml(points[index].tag.slice(0, 24))}</text>`)
            .join('') +
        '</svg>');
}
function unknownHtml(section) {
    return `<span class="warn">unknown</span>: ${escapeHtml(section.reason)} <span class="muted">(runbook: ${escapeHtml(section.runbook)})</span>`;
}
/** Open incidents, drift, the last drill and the secrets, as HTML sections. */
function detailSectionsHtml(model) {
    const parts = [];
    parts.push('<h2>Open incidents</h2>');
    if (model.manifest.state === 'unknown')
        parts.push(`<p>${unknownHtml(model.manifest)}</p>`);
    else if (model.incidents.length === 0)
        parts.push('<p>None.</p>');
    else
        parts.push(`<ul id="incidents">${model.incidents.map((incident) => `<li>${escapeHtml(incident.tag)} run ${escapeHtml(incident.run_id)}: <span class="fail">${escapeHtml(incident.status)} ${escapeHtml(incident.failure_reason)}</span>, issue ${incident.issue_number === null ? '–' : `#${escapeHtml(incident.issue_number)}`}, open ${escapeHtml(incident.age_days)} day(s)</li>`).join('')}</ul>`);
    parts.push('<h2>Drift</h2>');
    parts.push(model.drift.length === 0
        ? `<p>${model.manifest.state === 'unknown' ? 'unknown (no manifest)' : 'None.'}</p>`
        : `<ul id="drift">${model.drift.map((drift) => `<li class="warn">⚠ ${escapeHtml(drift.previous_tag)} → ${escapeHtml(drift.tag)}: ${escapeHtml(drift.field)} ${escapeHtml(drift.previous)} → ${escapeHtml(drift.current)}</li>`).join('')}</ul>`);
    const drill = model.drill;
    parts.push('<h2>Last drill</h2>');
    parts.push(`<p id="drill">${drill.state === 'unknown'
        ? unknownHtml(drill)
        : drill.state === 'none'
            ? `<span class="warn">⚠ ${escapeHtml(drill.reason)}</span>`
            : `<span class="${drill.state}">${GLYPH[drill.state]} ${escapeHtml(drill.tag)} ${drill.state}</span> at ${escapeHtml(drill.at)} (${drill.age_days} day(s) ago${drill.overdue ? ', <span class="fail">overdue</span>' : ''})${drill.run_url ? ` ${render_link('run', drill.run_url)}` : ''}`}</p>`);
    parts.push('<h2>Secrets older than 90 days</h2>');
    const secrets = model.secrets;
    parts.push(secrets.state === 'checked'
        ? secrets.overdue.length === 0
            ? `<p>None of ${secrets.total}.</p>`
            : `<ul id="secrets">${secrets.overdue.map((secret) => `<li class="warn">${escapeHtml(secret.name)}: updated ${escapeHtml(secret.updated_at)} (${secret.age_days} days)</li>`).join('')}</ul>`
        : `<p id="secrets">${secrets.state === 'unknown' ? unknownHtml(secrets) : `not checked: ${escapeHtml(secrets.reason)}`}</p>`);
    return parts;
}
/** posture.html: one self-contained page, no script, nothing loaded from anywhere. */
function renderPostureHtml(model) {
    const verdictClass = model.verdict.exit_code === 1 ? 'fail' : model.warnings.length > 0 ? 'warn' : 'pass';
    const freeze = model.freeze;
    const banner = freeze.state === 'unknown'
        ? `<div class="banner unknown" id="freeze" data-state="unknown">Freeze: ${unknownHtml(freeze)}</div>`
        : freeze.state === 'on'
            ? `<div class="banner on" id="freeze" data-state="on">Release freeze ON: ${escapeHtml(freeze.reason)} — incident ${render_link(freeze.incident ?? '–', freeze.incident)}; set by ${escapeHtml(freeze.set_by)} at ${escapeHtml(freeze.set_at)}</div>`
            : `<div class="banner" id="freeze" data-state="off">Release freeze off <span class="muted">(${escapeHtml(freeze.location)})</span></div>`;
    const parts = [];
    parts.push(`<h1 class="${verdictClass}" id="verdict">${escapeHtml(model.verdict.line)}</h1>`);
    parts.push(`<p class="muted">Last known status as of ${escapeHtml(model.generated_at)}${model.since ? `, since ${escapeHtml(model.since)}` : ''}.</p>`, banner);
    parts.push('<h2>Releases</h2>');
    if (model.manifest.state === 'unknown')
        parts.push(`<p id="releases-unknown">${unknownHtml(model.manifest)}</p>`);
    else if (model.releases.length === 0)
        parts.push('<p>No release recorded.</p>');
    else {
        parts.push(`<div class="table"><table id="releases"><thead><tr><th>Release</th><th>First recorded</th>${RELEASE_CONTROLS.map((name) => `<th>${name}</th>`).join('')}</tr></thead><tbody>`);
        for (const row of model.releases) {
            const cells = RELEASE_CONTROLS.map((name) => {
                const cell = row.controls[name];
                if (cell.state === 'no data')
                    return '<td class="nodata">no data</td>';
                const text = `${GLYPH[cell.status]} ${cell.status}${cell.failure_reason ? ` ${cell.failure_reason}` : ''}`;
                return `<td class="${cell.status}" data-control="${name}">${render_link(text, cell.run_url)}<br><span class="muted">${escapeHtml(cell.at)}</span>${cell.detail ? `<br>${escapeHtml(cell.detail)}` : ''}</td>`;
            });
            parts.push(`<tr class="release"><td>${escapeHtml(row.tag)}</td><td>${escapeHtml(row.first_recorded_at)}</td>${cells.join('')}</tr>`);
        }
        parts.push('</tbody></table></div>');
    }
    parts.push(...detailSectionsHtml(model));
    parts.push('<h2>Metrics</h2>', trendSvg(model));
    parts.push(`<div class="table"><table id="metrics"><tbody>${Object.entries(model.metrics)
        .map(([name, metric]) => `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(metricText(metric))}</td></tr>`)
        .join('')}</tbody></table></div>`);
    if (model.warnings.length > 0)
        parts.push('<h2>Warnings</h2>', `<ul id="warnings">${model.warnings.map((warning) => `<li class="warn">${escapeHtml(warning)}</li>`).join('')}</ul>`);
    return [
        '<!DOCTYPE html>',
        '<html lang="en"><head><meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${POSTURE_CSP}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        `<title>${escapeHtml(model.verdict.line)}</title>`,
        `<style>${STYLE}</style></head><body>`,
        ...parts,
        '</body></html>',
        '',
    ].join('\n');
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

;// CONCATENATED MODULE: ./packages/core/src/posture/sources.ts








/** The manifest file's entries, or why they cannot be read (a missing file is "unknown", not an error). */
function readPostureManifest(file) {
    return readManifestStore(new FileManifestStore(file));
}
/** The manifest as a store holds it (a workspace file or a branch through the contents API). */
async function readManifestStore(store) {
    try {
        const { content } = await store.read();
        if (content === null)
            return { location: store.location, problem: `no manifest at ${store.location}` };
        return { location: store.location, entries: (0,schema/* parseManifest */.Ng)(content, store.location).entries };
    }
    catch (error) {
        return { location: store.location, problem: error.message };
    }
}
/**
 * Repository secrets and when each was last updated: GET /repos/{owner}/{repo}/actions/secrets. The
 * token needs secrets read (GITHUB_TOKEN cannot); without one the section is "not checked", a refusal
 * or any other error is "unknown" with the reason.
 */
async function readRepositorySecrets(client, repository) {
    if (client === null || repository === undefined)
        return {
            state: 'not checked',
            reason: 'no token given; pass --github-repo OWNER/REPO --secrets-token-env VAR (the action: secrets-token) with a token that may read repository secrets (fine-grained: "Secrets: read"; GITHUB_TOKEN cannot)',
        };
    const [owner, repo] = repository.split('/');
    try {
        const secrets = await client.paginate(client.rest.actions.listRepoSecrets, {
            owner,
            repo,
            per_page: 100,
        });
        return {
            state: 'checked',
            secrets: secrets.map((secret) => ({ name: secret.name, updated_at: secret.updated_at })),
        };
    }
    catch (error) {
        const status = statusOf(error);
        return {
            state: 'unknown',
            reason: status === 403 || status === 404
                ? `GitHub answered ${status} to GET /repos/${repository}/actions/secrets (${githubMessage(error)}): the token may not read repository secrets; give one with "Secrets: read"`
                : `GET /repos/${repository}/actions/secrets failed: ${githubMessage(error)}`,
            runbook: POSTURE_RUNBOOK,
        };
    }
}
/** Writes posture.md, posture.json and posture.html into `outDir` (each atomically). */
async function writePostureFiles(model, outDir) {
    await promises_default().mkdir(outDir, { recursive: true });
    const files = {
        md: external_node_path_default().join(outDir, 'posture.md'),
        json: external_node_path_default().join(outDir, 'posture.json'),
        html: external_node_path_default().join(outDir, 'posture.html'),
    };
    await writeFileAtomic(files.md, renderPostureMarkdown(model));
    await writeFileAtomic(files.json, renderPostureJson(model));
    await writeFileAtomic(files.html, renderPostureHtml(model));
    return files;
}

;// CONCATENATED MODULE: ./packages/core/src/posture/action-run.ts











/** posture-report: the manifest and the freeze from their branches (or the workspace), the secrets with their own token. */
async function runPostureReport(inputs) {
    (0,context/* checkActionContext */.M5)(inputs);
    (0,action/* checkPostureReportInputs */.Mo)(inputs);
    let github;
    const client = () => (github ??= createGitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl, retries: 2 }));
    const manifest = await readManifestStore(openActionManifestStore(inputs, client));
    const freezeStore = openActionFreezeStore(inputs, client());
    const decision = await checkReleaseFreeze({ store: freezeStore });
    const secretsClient = inputs.secretsToken
        ? createGitHubClient({ token: inputs.secretsToken, baseUrl: inputs.apiUrl, retries: 1 })
        : null;
    const secrets = await readRepositorySecrets(secretsClient, secretsClient ? inputs.repository : undefined);
    const model = buildPosture({
        manifest,
        freeze: { decision, location: freezeStore.location },
        secrets,
        now: new Date(),
        maxReleases: inputs.maxReleases,
    });
    const outDir = external_node_path_default().join(inputs.tempDir, `posture-report-${inputs.runId}`);
    const files = await writePostureFiles(model, outDir);
    let upload = { kind: 'off' };
    if (inputs.upload) {
        const name = inputs.artifactName;
        const result = await uploadWorkflowArtifact(name, [files.html, files.md, files.json], outDir);
        upload = result.uploaded ? { kind: 'uploaded', name } : { kind: 'failed', name, problem: result.problem };
    }
    return (0,action/* postureReportOutcome */.ru)(model, files, renderPostureMarkdown(model), upload);
}


/***/ })

};
;