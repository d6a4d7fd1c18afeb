"use strict";
exports.id = 334;
exports.ids = [334];
exports.modules = {

/***/ 334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  detectWorkflowIdentity: () => (/* binding */ detectWorkflowIdentity),
  identityDisagreements: () => (/* binding */ identityDisagreements),
  workflowIdentityOf: () => (/* binding */ workflowIdentityOf)
});

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(573);
;// CONCATENATED MODULE: ./node_modules/.pnpm/jose@5.10.0/node_modules/jose/dist/node/esm/lib/buffer_utils.js

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const MAX_INT32 = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
    const size = buffers.reduce((acc, { length }) => acc + length, 0);
    const buf = new Uint8Array(size);
    let i = 0;
    for (const buffer of buffers) {
        buf.set(buffer, i);
        i += buffer.length;
    }
    return buf;
}
function p2s(alg, p2sInput) {
    return concat(encoder.encode(alg), new Uint8Array([0]), p2sInput);
}
function writeUInt32BE(buf, value, offset) {
    if (value < 0 || value >= MAX_INT32) {
        throw new RangeError(`value must be >= 0 and <= ${MAX_INT32 - 1}. Received ${value}`);
    }
    buf.set([value >>> 24, value >>> 16, value >>> 8, value & 0xff], offset);
}
function uint64be(value) {
    const high = Math.floor(value / MAX_INT32);
    const low = value % MAX_INT32;
    const buf = new Uint8Array(8);
    writeUInt32BE(buf, high, 0);
    writeUInt32BE(buf, low, 4);
    return buf;
}
function uint32be(value) {
    const buf = new Uint8Array(4);
    writeUInt32BE(buf, value);
    return buf;
}
function lengthAndInput(input) {
    return concat(uint32be(input.length), input);
}
async function concatKdf(secret, bits, value) {
    const iterations = Math.ceil((bits >> 3) / 32);
    const res = new Uint8Array(iterations * 32);
    for (let iter = 0; iter < iterations; iter++) {
        const buf = new Uint8Array(4 + secret.length + value.length);
        buf.set(uint32be(iter + 1));
        buf.set(secret, 4);
        buf.set(value, 4 + secret.length);
        res.set(await digest('sha256', buf), iter * 32);
    }
    return res.slice(0, bits >> 3);
}

;// CONCATENATED MODULE: ./node_modules/.pnpm/jose@5.10.0/node_modules/jose/dist/node/esm/runtime/base64url.js


function normalize(input) {
    let encoded = input;
    if (encoded instanceof Uint8Array) {
        encoded = decoder.decode(encoded);
    }
    return encoded;
}
const encode = (input) => external_node_buffer_.Buffer.from(input).toString('base64url');
const decodeBase64 = (input) => new Uint8Array(Buffer.from(input, 'base64'));
const encodeBase64 = (input) => Buffer.from(input).toString('base64');

const decode = (input) => new Uint8Array(external_node_buffer_.Buffer.from(normalize(input), 'base64url'));

;// CONCATENATED MODULE: ./node_modules/.pnpm/jose@5.10.0/node_modules/jose/dist/node/esm/util/base64url.js

const base64url_encode = encode;
const base64url_decode = decode;

;// CONCATENATED MODULE: ./node_modules/.pnpm/jose@5.10.0/node_modules/jose/dist/node/esm/lib/is_object.js
function isObjectLike(value) {
    return typeof value === 'object' && value !== null;
}
function isObject(input) {
    if (!isObjectLike(input) || Object.prototype.toString.call(input) !== '[object Object]') {
        return false;
    }
    if (Object.getPrototypeOf(input) === null) {
        return true;
    }
    let proto = input;
    while (Object.getPrototypeOf(proto) !== null) {
        proto = Object.getPrototypeOf(proto);
    }
    return Object.getPrototypeOf(input) === proto;
}

;// CONCATENATED MODULE: ./node_modules/.pnpm/jose@5.10.0/node_modules/jose/dist/node/esm/util/errors.js
class JOSEError extends Error {
    static code = 'ERR_JOSE_GENERIC';
    code = 'ERR_JOSE_GENERIC';
    constructor(message, options) {
        super(message, options);
        this.name = this.constructor.name;
        Error.captureStackTrace?.(this, this.constructor);
    }
}
class JWTClaimValidationFailed extends JOSEError {
    static code = 'ERR_JWT_CLAIM_VALIDATION_FAILED';
    code = 'ERR_JWT_CLAIM_VALIDATION_FAILED';
    claim;
    reason;
    payload;
    constructor(message, payload, claim = 'unspecified', reason = 'unspecified') {
        super(message, { cause: { claim, reason, payload } });
        this.claim = claim;
        this.reason = reason;
        this.payload = payload;
    }
}
class JWTExpired extends JOSEError {
    static code = 'ERR_JWT_EXPIRED';
    code = 'ERR_JWT_EXPIRED';
    claim;
    reason;
    payload;
    constructor(message, payload, claim = 'unspecified', reason = 'unspecified') {
        super(message, { cause: { claim, reason, payload } });
        this.claim = claim;
        this.reason = reason;
        this.payload = payload;
    }
}
class JOSEAlgNotAllowed extends (/* unused pure expression or super */ null && (JOSEError)) {
    static code = (/* unused pure expression or super */ null && ('ERR_JOSE_ALG_NOT_ALLOWED'));
    code = 'ERR_JOSE_ALG_NOT_ALLOWED';
}
class JOSENotSupported extends (/* unused pure expression or super */ null && (JOSEError)) {
    static code = (/* unused pure expression or super */ null && ('ERR_JOSE_NOT_SUPPORTED'));
    code = 'ERR_JOSE_NOT_SUPPORTED';
}
class JWEDecryptionFailed extends JOSEError {
    static code = 'ERR_JWE_DECRYPTION_FAILED';
    code = 'ERR_JWE_DECRYPTION_FAILED';
    constructor(message = 'decryption operation failed', options) {
        super(message, options);
    }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
    static code = (/* unused pure expression or super */ null && ('ERR_JWE_INVALID'));
    code = 'ERR_JWE_INVALID';
}
class JWSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
    static code = (/* unused pure expression or super */ null && ('ERR_JWS_INVALID'));
    code = 'ERR_JWS_INVALID';
}
class JWTInvalid extends JOSEError {
    static code = 'ERR_JWT_INVALID';
    code = 'ERR_JWT_INVALID';
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
    static code = (/* unused pure expression or super */ null && ('ERR_JWK_INVALID'));
    code = 'ERR_JWK_INVALID';
}
class JWKSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
    static code = (/* unused pure expression or super */ null && ('ERR_JWKS_INVALID'));
    code = 'ERR_JWKS_INVALID';
}
class JWKSNoMatchingKey extends JOSEError {
    static code = 'ERR_JWKS_NO_MATCHING_KEY';
    code = 'ERR_JWKS_NO_MATCHING_KEY';
    constructor(message = 'no applicable key found in the JSON Web Key Set', options) {
        super(message, options);
    }
}
class JWKSMultipleMatchingKeys extends JOSEError {
    [Symbol.asyncIterator];
    static code = 'ERR_JWKS_MULTIPLE_MATCHING_KEYS';
    code = 'ERR_JWKS_MULTIPLE_MATCHING_KEYS';
    constructor(message = 'multiple matching keys found in the JSON Web Key Set', options) {
        super(message, options);
    }
}
class JWKSTimeout extends JOSEError {
    static code = 'ERR_JWKS_TIMEOUT';
    code = 'ERR_JWKS_TIMEOUT';
    constructor(message = 'request timed out', options) {
        super(message, options);
    }
}
class JWSSignatureVerificationFailed extends JOSEError {
    static code = 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
    code = 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
    constructor(message = 'signature verification failed', options) {
        super(message, options);
    }
}

;// CONCATENATED MODULE: ./node_modules/.pnpm/jose@5.10.0/node_modules/jose/dist/node/esm/util/decode_jwt.js




function decodeJwt(jwt) {
    if (typeof jwt !== 'string')
        throw new JWTInvalid('JWTs must use Compact JWS serialization, JWT must be a string');
    const { 1: payload, length } = jwt.split('.');
    if (length === 5)
        throw new JWTInvalid('Only JWTs using Compact JWS serialization can be decoded');
    if (length !== 3)
        throw new JWTInvalid('Invalid JWT');
    if (!payload)
        throw new JWTInvalid('JWTs must contain a payload');
    let decoded;
    try {
        decoded = base64url_decode(payload);
    }
    catch {
        throw new JWTInvalid('Failed to base64url decode the payload');
    }
    let result;
    try {
        result = JSON.parse(decoder.decode(decoded));
    }
    catch {
        throw new JWTInvalid('Failed to parse the decoded payload as JSON');
    }
    if (!isObject(result))
        throw new JWTInvalid('Invalid JWT Claims Set');
    return result;
}

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(429);
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

// EXTERNAL MODULE: ./packages/core/src/workflow-identity/inputs.ts
var workflow_identity_inputs = __webpack_require__(20);
;// CONCATENATED MODULE: ./packages/core/src/workflow-identity/workflow-identity.ts




const SHA = /^[0-9a-f]{40}$/;
const WORKFLOW_REF = /^([^/\s@]+\/[^/\s@]+)\/([^@\s]+)@(\S+)$/;
// The token is only read, never passed on; its audience names what asked for it.
const AUDIENCE = 'release-guard';
/** The identity in a token's claims, or a usage error naming the claim that is missing or malformed. */
function workflowIdentityOf(claims, serverUrl) {
    const workflowRef = claims.job_workflow_ref;
    const match = typeof workflowRef === 'string' ? WORKFLOW_REF.exec(workflowRef) : null;
    if (typeof workflowRef !== 'string' || !match) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `the OIDC token's job_workflow_ref is not owner/repo/path@ref: ${JSON.stringify(String(workflowRef).slice(0, 200))}`);
    }
    const [, repository, workflowPath, ref] = match;
    // GitHub Enterprise Server releases before the claim existed: a ref that is a SHA is the commit.
    const claimed = typeof claims.job_workflow_sha === 'string' ? claims.job_workflow_sha : undefined;
    const sha = (claimed ?? (SHA.test(ref) ? ref : '')).toLowerCase();
    if (!SHA.test(sha)) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', `the OIDC token's job_workflow_sha is not a commit SHA: ${JSON.stringify(String(claimed).slice(0, 200))}`);
    }
    return {
        workflowRef,
        repository,
        workflowPath,
        ref,
        sha,
        builderId: `${serverUrl.replace(/\/+$/, '')}/${workflowRef}`,
    };
}
/** Each expectation the identity contradicts. */
function identityDisagreements(identity, expected) {
    const found = [];
    if (expected.repository !== undefined &&
        expected.repository.toLowerCase() !== identity.repository.toLowerCase())
        found.push(`\`expected-repository\` is ${expected.repository}, but this job's workflow comes from ${identity.repository} (job_workflow_ref ${identity.workflowRef})`);
    if (expected.sha !== undefined && expected.sha.toLowerCase() !== identity.sha)
        found.push(`\`expected-sha\` is ${expected.sha}, but this job's workflow was read at ${identity.sha} (job_workflow_ref ${identity.workflowRef})`);
    return found;
}
/**
 * Reads the job's own workflow identity from its OIDC token, as slsa-github-generator's detect-workflow
 * does: inside a reusable workflow the `github` context is the caller's, the token's job_workflow_* claims
 * are the called file's. The token comes straight from the runner's endpoint, so it is decoded, not verified.
 */
async function detectWorkflowIdentity(inputs) {
    (0,workflow_identity_inputs/* checkWorkflowIdentityInputs */.r)(inputs);
    const { token } = await requestActionsIdToken(inputs.env, AUDIENCE, workflow_identity_inputs/* MISSING_TOKEN */.V);
    let claims;
    try {
        claims = decodeJwt(token);
    }
    catch (error) {
        throw new errors/* ReleaseGuardError */.dZ('usage_error', 'the GitHub Actions OIDC token endpoint returned something that is not a JWT', {}, { cause: error });
    }
    const identity = workflowIdentityOf(claims, inputs.serverUrl);
    return { identity, token, disagreements: identityDisagreements(identity, inputs.expected) };
}


/***/ })

};
;