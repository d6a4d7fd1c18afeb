/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 568:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.issue = exports.issueCommand = void 0;
const os = __importStar(__nccwpck_require__(857));
const utils_1 = __nccwpck_require__(924);
/**
 * Commands
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * Examples:
 *   ::warning::This is the message
 *   ::set-env name=MY_VAR::some value
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
exports.issueCommand = issueCommand;
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
exports.issue = issue;
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return (0, utils_1.toCommandValue)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0, utils_1.toCommandValue)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 751:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


// For internal use, subject to change.
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.prepareKeyValueMessage = exports.issueFileCommand = void 0;
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
const crypto = __importStar(__nccwpck_require__(982));
const fs = __importStar(__nccwpck_require__(896));
const os = __importStar(__nccwpck_require__(857));
const utils_1 = __nccwpck_require__(924);
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${(0, utils_1.toCommandValue)(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
exports.issueFileCommand = issueFileCommand;
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = (0, utils_1.toCommandValue)(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}
exports.prepareKeyValueMessage = prepareKeyValueMessage;
//# sourceMappingURL=file-command.js.map

/***/ }),

/***/ 905:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.summary = exports.markdownSummary = exports.SUMMARY_DOCS_URL = exports.SUMMARY_ENV_VAR = void 0;
const os_1 = __nccwpck_require__(857);
const fs_1 = __nccwpck_require__(896);
const { access, appendFile, writeFile } = fs_1.promises;
exports.SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
exports.SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[exports.SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${exports.SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, fs_1.constants.R_OK | fs_1.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(os_1.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
exports.markdownSummary = _summary;
exports.summary = _summary;
//# sourceMappingURL=summary.js.map

/***/ }),

/***/ 924:
/***/ ((__unused_webpack_module, exports) => {


// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.toCommandProperties = exports.toCommandValue = void 0;
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
exports.toCommandValue = toCommandValue;
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
exports.toCommandProperties = toCommandProperties;
//# sourceMappingURL=utils.js.map

/***/ }),

/***/ 77:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
exports.o = void 0;
const fs_1 = __nccwpck_require__(896);
const os_1 = __nccwpck_require__(857);
class Context {
    /**
     * Hydrate the context from the environment
     */
    constructor() {
        var _a, _b, _c;
        this.payload = {};
        if (process.env.GITHUB_EVENT_PATH) {
            if ((0, fs_1.existsSync)(process.env.GITHUB_EVENT_PATH)) {
                this.payload = JSON.parse((0, fs_1.readFileSync)(process.env.GITHUB_EVENT_PATH, { encoding: 'utf8' }));
            }
            else {
                const path = process.env.GITHUB_EVENT_PATH;
                process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist${os_1.EOL}`);
            }
        }
        this.eventName = process.env.GITHUB_EVENT_NAME;
        this.sha = process.env.GITHUB_SHA;
        this.ref = process.env.GITHUB_REF;
        this.workflow = process.env.GITHUB_WORKFLOW;
        this.action = process.env.GITHUB_ACTION;
        this.actor = process.env.GITHUB_ACTOR;
        this.job = process.env.GITHUB_JOB;
        this.runAttempt = parseInt(process.env.GITHUB_RUN_ATTEMPT, 10);
        this.runNumber = parseInt(process.env.GITHUB_RUN_NUMBER, 10);
        this.runId = parseInt(process.env.GITHUB_RUN_ID, 10);
        this.apiUrl = (_a = process.env.GITHUB_API_URL) !== null && _a !== void 0 ? _a : `https://api.github.com`;
        this.serverUrl = (_b = process.env.GITHUB_SERVER_URL) !== null && _b !== void 0 ? _b : `https://github.com`;
        this.graphqlUrl =
            (_c = process.env.GITHUB_GRAPHQL_URL) !== null && _c !== void 0 ? _c : `https://api.github.com/graphql`;
    }
    get issue() {
        const payload = this.payload;
        return Object.assign(Object.assign({}, this.repo), { number: (payload.issue || payload.pull_request || payload).number });
    }
    get repo() {
        if (process.env.GITHUB_REPOSITORY) {
            const [owner, repo] = process.env.GITHUB_REPOSITORY.split('/');
            return { owner, repo };
        }
        if (this.payload.repository) {
            return {
                owner: this.payload.repository.owner.login,
                repo: this.payload.repository.name
            };
        }
        throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
    }
}
exports.o = Context;
//# sourceMappingURL=context.js.map

/***/ }),

/***/ 429:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Wp: () => (/* binding */ usageError),
/* harmony export */   dZ: () => (/* binding */ ReleaseGuardError),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/* unused harmony exports FAILURE_CODES, USAGE_CODES, STORE_CODES, isFailureCode */
/**
 * The stable failure codes of the product spec. Reports, action outputs, the manifest, issues and KPI
 * posts all use these strings; this list is their only definition.
 */
const FAILURE_CODES = (/* unused pure expression or super */ null && ([
    'artifact_missing',
    'provenance_missing',
    'malformed_provenance',
    'predicate_mismatch',
    'digest_mismatch',
    'builder_mismatch',
    'source_mismatch',
    'tag_mismatch',
    'commit_mismatch',
    'signature_invalid',
    'identity_mismatch',
    'release_frozen',
    'repro_mismatch',
    'evidence_fail',
    'evidence_warn',
    'rerun_denied',
    'rerun_failed',
    'notify_failed',
]));
/**
 * Codes for input we cannot use at all, and for a library that failed in a way we did not foresee
 * (exit 2): no verdict comes from either, as opposed to a check that ran and failed (exit 1).
 */
const USAGE_CODES = ['usage_error', 'unreadable_input', 'internal_error'];
/**
 * Codes for refusals of the product's own stores, which are about the manifest or the freeze file,
 * not about a release: a rule of the state machine, or compare-and-swap races lost every time.
 */
const STORE_CODES = (/* unused pure expression or super */ null && (['manifest_rule', 'store_conflict']));
function isFailureCode(value) {
    return typeof value === 'string' && FAILURE_CODES.includes(value);
}
/**
 * Every error raised on purpose by core. `code` is stable; `message` says what went wrong and what to
 * do next; `details` holds expected/actual values for reports; `cause` the underlying error.
 */
class ReleaseGuardError extends Error {
    code;
    details;
    constructor(code, message, details = {}, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ReleaseGuardError';
        this.code = code;
        this.details = details;
    }
    /** Exit status of the CLI and the actions for this error: 2 for unusable input, 1 for a refusal. */
    get exitCode() {
        return USAGE_CODES.includes(this.code) ? 2 : 1;
    }
}
function usageError(message, details = {}, options = {}) {
    return new ReleaseGuardError('usage_error', message, details, options);
}
/**
 * A value that cannot be used, named by its field in kebab case (`run-id`, `manifest-path`) rather
 * than as a surface spells it: an action says input `run-id`, the CLI says `--run-id`.
 */
class InputError extends ReleaseGuardError {
    field;
    problem;
    constructor(field, problem, options = {}) {
        super('usage_error', `\`${field}\` ${problem}`, { field }, options);
        this.name = 'InputError';
        this.field = field;
        this.problem = problem;
    }
}


/***/ }),

/***/ 20:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ MISSING_TOKEN),
/* harmony export */   r: () => (/* binding */ checkWorkflowIdentityInputs)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(429);

const MISSING_TOKEN = 'reading the workflow identity needs an OIDC token: give the job `permissions: id-token: write` ' +
    '(a calling job must grant it too)';
const SHA = /^[0-9a-f]{40}$/;
/** Refuses, before any work, an expectation no token could agree with and a job without a token endpoint. */
function checkWorkflowIdentityInputs(inputs) {
    const { expected } = inputs;
    if (expected.sha !== undefined && !SHA.test(expected.sha.toLowerCase()))
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('expected-sha', `must be a full 40-character commit SHA, got ${JSON.stringify(expected.sha.slice(0, 200))}`);
    if (expected.repository !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(expected.repository))
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('expected-repository', `must be OWNER/REPO, got ${JSON.stringify(expected.repository.slice(0, 200))}`);
    if (!inputs.env.ACTIONS_ID_TOKEN_REQUEST_URL || !inputs.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseGuardError */ .dZ('usage_error', MISSING_TOKEN);
}


/***/ }),

/***/ 982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/compat */
/******/ 	
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./packages/core/src/text/redact-secrets.ts
/** What a redacted secret reads as: the same mark the runner prints for masked values. */
const REDACTED = '***';
/** Shorter values are not treated as secrets: redacting `1` or `ok` would garble every text. */
const MIN_SECRET_LENGTH = 6;
/**
 * The spellings a secret takes in the texts we write: as given, URL-encoded (in a query or a link),
 * JSON-escaped (inside a serialised payload), and for a URL its path and query without the host
 * (where a Slack webhook keeps its secret).
 */
function spellings(secret) {
    const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
    if (/^https?:\/\//i.test(secret)) {
        try {
            const url = new URL(secret);
            if (url.pathname.length > 1 || url.search)
                forms.add(`${url.pathname}${url.search}`);
        }
        catch {
            // Not a URL after all: the other spellings cover it.
        }
    }
    return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}
/**
 * Replaces every secret in `text` with `***`. The runner masks secrets in logs and job summaries
 * only; issue bodies, Slack payloads, the manifest and reports are ours to redact.
 * Longer secrets are replaced first, so a secret that contains another is redacted whole.
 */
function redactSecrets(text, secrets) {
    const forms = secrets
        .filter((secret) => typeof secret === 'string')
        .flatMap((secret) => spellings(secret.trim()))
        .sort((a, b) => b.length - a.length);
    let redacted = text;
    for (const form of forms)
        redacted = redacted.split(form).join(REDACTED);
    return redacted;
}
/** redactSecrets over every string inside a JSON-like value (objects and arrays are copied). */
function redactSecretsDeep(value, secrets) {
    if (typeof value === 'string')
        return redactSecrets(value, secrets);
    if (Array.isArray(value))
        return value.map((item) => redactSecretsDeep(item, secrets));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactSecretsDeep(item, secrets)]));
    }
    return value;
}

;// CONCATENATED MODULE: ./packages/core/src/text/safe-text.ts
/**
 * Makes an untrusted value (a tag, a path, a SAN) safe to print on one line: control characters,
 * bidirectional overrides (U+202E) and newlines are shown escaped, so a value can neither forge a
 * line of output nor a `::workflow command::`.
 */
function safeText(value) {
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    return value.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
        const code = ch.charCodeAt(0);
        return code <= 0xff
            ? `\\x${code.toString(16).padStart(2, '0')}`
            : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(429);
;// CONCATENATED MODULE: ./packages/core/src/store/conflict-error.ts

/**
 * Other writers kept changing a compare-and-swap store and every attempt lost the race. Nothing was
 * written. The manifest and the release freeze each throw their own subclass.
 */
class StoreConflictError extends errors/* ReleaseGuardError */.dZ {
    location;
    attempts;
    constructor(location, attempts, message) {
        super('store_conflict', message, { location, attempts });
        this.name = 'StoreConflictError';
        this.location = location;
        this.attempts = attempts;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/errors.ts


/** An update that would break a manifest rule. Nothing was written. */
class ManifestRuleError extends errors/* ReleaseGuardError */.dZ {
    rule;
    /** The entry, as `manifestEntryKey` names it. */
    entry;
    constructor(rule, entry, message, details = {}) {
        super('manifest_rule', message, details);
        this.name = 'ManifestRuleError';
        this.rule = rule;
        this.entry = entry;
    }
}
/** Other writers kept moving the manifest and every attempt lost the compare-and-swap. Nothing was written. */
class ManifestConflictError extends StoreConflictError {
    constructor(location, attempts, message) {
        super(location, attempts, message);
        this.name = 'ManifestConflictError';
    }
}

;// CONCATENATED MODULE: ./packages/core/src/action/outcome.ts


function emptyOutcome() {
    return {
        outputs: {},
        summary: '',
        report: null,
        log: [],
        notices: [],
        warnings: [],
        failure: null,
        secrets: [],
    };
}
/**
 * The failure an error stands for, as an action reports it: a field named as an action input, a
 * manifest rule by its rule, any other core error by its code, anything else as an internal error.
 */
function describeFailure(error) {
    if (error instanceof errors/* InputError */.dz)
        return {
            code: error.code,
            message: `usage_error: input \`${error.field}\` ${error.problem}`,
            exitCode: 2,
        };
    if (error instanceof ManifestRuleError)
        return { code: error.code, message: `${error.rule}: ${error.message}`, exitCode: 1 };
    if (error instanceof errors/* ReleaseGuardError */.dZ)
        return { code: error.code, message: `${error.code}: ${error.message}`, exitCode: error.exitCode };
    const message = error instanceof Error ? error.message : String(error);
    return { code: null, message: `internal error: ${message}`, exitCode: 1 };
}
/** The outcome of an action that stopped on an error before it had one of its own. */
function failureOutcome(error) {
    return { ...emptyOutcome(), failure: describeFailure(error) };
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@1.11.1/node_modules/@actions/core/lib/command.js
var command = __nccwpck_require__(568);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@1.11.1/node_modules/@actions/core/lib/file-command.js
var file_command = __nccwpck_require__(751);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@1.11.1/node_modules/@actions/core/lib/summary.js
var summary = __nccwpck_require__(905);
;// CONCATENATED MODULE: ./packages/core/src/action/runtime.ts




/**
 * The runner's side of an action, from `@actions/core`'s own command, file-command and summary
 * modules rather than its index: the index loads the OIDC token client, and with it an HTTP stack
 * (undici) that no release-guard action uses, on every start — a third of an entry's start-up.
 * Each function does what `@actions/core` 1.11's of the same name does.
 */
function actionsRuntime() {
    return {
        setSecret: (secret) => (0,command.issueCommand)('add-mask', {}, secret),
        setOutput: (name, value) => {
            if (process.env.GITHUB_OUTPUT) {
                (0,file_command.issueFileCommand)('OUTPUT', (0,file_command.prepareKeyValueMessage)(name, value));
                return;
            }
            process.stdout.write((external_node_os_default()).EOL);
            (0,command.issueCommand)('set-output', { name }, value);
        },
        info: (message) => process.stdout.write(message + (external_node_os_default()).EOL),
        notice: (message) => (0,command.issueCommand)('notice', {}, message),
        warning: (message) => (0,command.issueCommand)('warning', {}, message),
        setFailed: (message) => {
            process.exitCode = 1;
            (0,command.issueCommand)('error', {}, message);
        },
        summary: summary.summary,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/action/run-entry.ts




/**
 * Applies an outcome: masks, outputs, summary, lines, then the failure and its exit status. Every line
 * is escaped (no value can start a workflow command) and redacted of the known secrets.
 */
async function applyOutcome(runtime, outcome, inputSecrets = []) {
    for (const secret of outcome.secrets)
        runtime.setSecret(secret);
    const secrets = [...inputSecrets, ...outcome.secrets];
    const clean = (text) => safeText(redactSecrets(text, secrets));
    for (const [name, value] of Object.entries(outcome.outputs))
        runtime.setOutput(name, value);
    if (outcome.summary !== '')
        await runtime.summary.addRaw(outcome.summary).write();
    for (const line of outcome.log)
        runtime.info(line.split('\n').map(clean).join('\n'));
    for (const notice of outcome.notices)
        runtime.notice(clean(notice));
    for (const warning of outcome.warnings)
        runtime.warning(clean(warning));
    if (outcome.failure) {
        runtime.setFailed(clean(outcome.failure.message));
        process.exitCode = outcome.failure.exitCode;
    }
}
/**
 * Everything an action's entry does: read the context, mask its secret inputs before core runs (core
 * logs while it works), run, apply the outcome. An error anywhere becomes the outcome's failure.
 */
async function runActionEntry(action, runtime = actionsRuntime(), env = process.env) {
    let secrets = [];
    let outcome;
    try {
        const context = action.read(env);
        secrets = context.secrets ?? [];
        for (const secret of secrets)
            runtime.setSecret(secret);
        outcome = await action.run(context, (line) => runtime.info(safeText(redactSecrets(line, secrets))));
    }
    catch (error) {
        outcome = failureOutcome(error);
    }
    await applyOutcome(runtime, outcome, secrets);
}

;// CONCATENATED MODULE: ./packages/core/src/action/inputs.ts

/**
 * The environment variable a composite action's `run:` step passes an input through:
 * `allow-slsa-v0.2` → `INPUT_ALLOW_SLSA_V0_2` (set in action.yml's `env:`, never interpolated in the script).
 */
function inputVariable(name) {
    return `INPUT_${name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}
/**
 * Reads action inputs from the environment; an empty string is an input that was not given. Every
 * name read is remembered in `names`, so a test can compare what an entry reads with its action.yml.
 */
class ActionInputs {
    env;
    /** The input names read so far, in order. */
    names = new Set();
    constructor(env) {
        this.env = env;
    }
    optional(name) {
        this.names.add(name);
        const value = this.env[inputVariable(name)]?.trim();
        return value === undefined || value === '' ? undefined : value;
    }
    required(name) {
        const value = this.optional(name);
        if (value === undefined)
            throw new errors/* InputError */.dz(name, 'is required');
        return value;
    }
    boolean(name, fallback = false) {
        const value = this.optional(name);
        if (value === undefined)
            return fallback;
        if (/^(true|yes|1)$/i.test(value))
            return true;
        if (/^(false|no|0)$/i.test(value))
            return false;
        throw new errors/* InputError */.dz(name, `must be true or false, got ${JSON.stringify(value.slice(0, 200))}`);
    }
    /** A decimal number within the rule's bounds; `fallback` when the input is not given. */
    number(name, fallback, rule = {}) {
        const text = this.optional(name);
        if (text === undefined)
            return fallback;
        const value = /^[0-9]*\.?[0-9]+$/.test(text) ? Number(text) : NaN;
        const { min = 0, above, max = Number.MAX_SAFE_INTEGER, integer = false, unit } = rule;
        const low = above === undefined ? value >= min : value > above;
        if (!Number.isFinite(value) || !low || value > max || (integer && !Number.isInteger(value))) {
            const kind = integer ? 'a whole number' : unit ? `a number of ${unit}` : 'a number';
            const range = above === undefined ? `from ${min} to ${max}` : `above ${above} and at most ${max}`;
            throw new errors/* InputError */.dz(name, `must be ${kind} ${range}, got ${JSON.stringify(text.slice(0, 200))}`);
        }
        return value;
    }
    /** One value per line (or comma-separated), as multi-value action inputs are written. */
    list(name) {
        return (this.optional(name) ?? '')
            .split(/[\n,]/)
            .map((item) => item.trim())
            .filter((item) => item !== '');
    }
    /** One value per line, commas kept: for values that may hold commas (`KEY=VALUE`, globs). */
    lines(name) {
        return (this.optional(name) ?? '')
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== '');
    }
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+github@6.0.1/node_modules/@actions/github/lib/context.js
var lib_context = __nccwpck_require__(77);
;// CONCATENATED MODULE: ./packages/core/src/github/run-context.ts
// The context module alone: the package's main entry also builds an HTTP client on undici, which
// would load at start-up in every action that only needs to know which run it is in.


/**
 * Runs `read` with `process.env` replaced by `env`. @actions/github's Context reads `process.env` in
 * its constructor and again in its `repo` getter, and has no other way to be given an environment.
 * Both are synchronous, so no other code can run while the swap is in place.
 */
function withProcessEnv(env, read) {
    if (env === process.env)
        return read();
    const saved = process.env;
    process.env = { ...env };
    try {
        return read();
    }
    finally {
        process.env = saved;
    }
}
function run_context_text(value) {
    return value === undefined || value === '' ? undefined : value;
}
function url(value, fallback) {
    return (run_context_text(value) ?? fallback).replace(/\/+$/, '');
}
/**
 * Context parses run numbers with parseInt, which reads `'0012'` and `'12abc'` as 12. The string is
 * taken from that number only when it prints back as exactly what the runner set; anything else is
 * refused rather than silently rewritten.
 */
function runNumber(name, raw, parsed) {
    if (run_context_text(raw) === undefined)
        return undefined;
    const printed = String(parsed);
    if (Number.isSafeInteger(parsed) && parsed >= 0 && printed === raw)
        return printed;
    throw (0,errors/* usageError */.Wp)(`${name} is ${JSON.stringify(raw)}, which is not a whole number without leading zeros`, {
        field: name,
        actual: raw,
    });
}
function repository(context, env) {
    const fromEnv = run_context_text(env.GITHUB_REPOSITORY);
    let found;
    try {
        found = context.repo;
    }
    catch {
        // No GITHUB_REPOSITORY and no payload repository (or one without owner.login).
        return undefined;
    }
    const { owner, repo } = found;
    const wellFormed = typeof owner === 'string' && owner !== '' && typeof repo === 'string' && repo !== '';
    if (fromEnv !== undefined && (!wellFormed || `${owner}/${repo}` !== fromEnv)) {
        throw (0,errors/* usageError */.Wp)(`GITHUB_REPOSITORY is ${JSON.stringify(fromEnv)}; expected owner/repo`, {
            field: 'GITHUB_REPOSITORY',
            actual: fromEnv,
        });
    }
    return wellFormed ? Object.freeze({ owner, repo }) : undefined;
}
/**
 * Reads the run context through @actions/github's Context, from `env` (default `process.env`) and the
 * event payload at GITHUB_EVENT_PATH. Throws a ReleaseGuardError for a run id, attempt or repository
 * that is set but malformed, or an event payload that is not JSON.
 */
function readRunContext(env = process.env) {
    return withProcessEnv(env, () => {
        let context;
        try {
            context = new lib_context/* Context */.o();
        }
        catch (error) {
            // The parser's message quotes the payload, which holds untrusted text (titles, branch names).
            const code = error.code;
            const reason = typeof code === 'string' ? `could not be read (${code})` : 'is not JSON';
            throw new errors/* ReleaseGuardError */.dZ('unreadable_input', `the event payload at GITHUB_EVENT_PATH ${JSON.stringify(env.GITHUB_EVENT_PATH)} ${reason}`, { field: 'GITHUB_EVENT_PATH' });
        }
        return Object.freeze({
            runId: runNumber('GITHUB_RUN_ID', env.GITHUB_RUN_ID, context.runId),
            runAttempt: runNumber('GITHUB_RUN_ATTEMPT', env.GITHUB_RUN_ATTEMPT, context.runAttempt),
            repository: repository(context, env),
            actor: run_context_text(context.actor),
            serverUrl: url(context.serverUrl, 'https://github.com'),
            apiUrl: url(context.apiUrl, 'https://api.github.com'),
            workflow: run_context_text(context.workflow),
            ref: run_context_text(context.ref),
            sha: run_context_text(context.sha),
            eventName: run_context_text(context.eventName),
        });
    });
}

;// CONCATENATED MODULE: ./packages/core/src/text/markdown.ts

/** Escapes a value for Markdown text or a table cell: no markup, no HTML, no line breaks; `–` when empty. */
function markdownCell(value) {
    if (value === null || value === '')
        return '–';
    return safeText(value)
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

// EXTERNAL MODULE: ./packages/core/src/workflow-identity/inputs.ts
var workflow_identity_inputs = __nccwpck_require__(20);
;// CONCATENATED MODULE: ./packages/core/src/workflow-identity/action.ts






/** workflow-identity's inputs (named as in its action.yml): what the caller expects, if anything. */
function readWorkflowIdentityInputs(env, input = new ActionInputs(env)) {
    const run = readRunContext(env);
    if (!run.repository)
        throw new errors/* InputError */.dz('repository', 'is not set: GITHUB_REPOSITORY is empty; run this inside a GitHub Actions job');
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    return {
        serverUrl: run.serverUrl,
        expected: { repository: input.optional('expected-repository'), sha: input.optional('expected-sha') },
        env,
        secrets: requestToken ? [requestToken] : [],
    };
}
/** Outputs even when an expectation disagrees: the jobs after it then still check out the right commit. */
function workflowIdentityOutcome(result) {
    const { identity, disagreements } = result;
    const rows = [
        ['job_workflow_ref', identity.workflowRef],
        ['repository', identity.repository],
        ['sha', identity.sha],
        ['builder id', identity.builderId],
    ];
    const summary = [
        '### workflow-identity',
        '',
        markdownTable(['', 'value'], rows.map(([name, value]) => [name, markdownCode(value)])),
        ...disagreements.map((line) => `- ${markdownCell(line)}`),
        '',
    ].join('\n');
    return {
        ...emptyOutcome(),
        outputs: {
            'workflow-ref': identity.workflowRef,
            repository: identity.repository,
            'workflow-path': identity.workflowPath,
            ref: identity.ref,
            sha: identity.sha,
            'builder-id': identity.builderId,
        },
        summary,
        log: [`this job's workflow: ${identity.workflowRef} (commit ${identity.sha})`],
        secrets: [result.token],
        failure: disagreements.length === 0
            ? null
            : {
                code: 'usage_error',
                message: `usage_error: ${disagreements.join('; ')}. Give the SHA of the \`uses:\` line, or leave it out: the workflow finds its own commit.`,
                exitCode: 2,
            },
    };
}
const workflowIdentityAction = {
    read: readWorkflowIdentityInputs,
    // Unusable inputs are refused before the work (and its JWT library) is loaded.
    run: async (inputs) => {
        (0,workflow_identity_inputs/* checkWorkflowIdentityInputs */.r)(inputs);
        return workflowIdentityOutcome(await (await __nccwpck_require__.e(/* import() */ 334).then(__nccwpck_require__.bind(__nccwpck_require__, 334))).detectWorkflowIdentity(inputs));
    },
};

;// CONCATENATED MODULE: ./actions/workflow-identity/src/index.ts


// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(workflowIdentityAction);

module.exports = __webpack_exports__;
/******/ })()
;