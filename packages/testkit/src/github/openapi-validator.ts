import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates the test server's answers against GitHub's official OpenAPI description of api.github.com
 * (from @octokit/openapi). Test support only: the description is 13 MB, so build one validator per
 * test file.
 */

type Node = Record<string, unknown>;

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, Node> }>>;
  components: { schemas: Record<string, Node>; responses: Record<string, Node> };
}

const SCHEMA_BASE = 'https://openapi.github.test/schemas/';
const SCHEMA_REF = '#/components/schemas/';

/**
 * OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a `null` alternative, refs point at registered
 * schemas, and `oneOf` reads as `anyOf`: GitHub's description lists overlapping alternatives under
 * `oneOf` (a 409 is `basic-error` or `repository-rule-violation-error`, and a plain error is both).
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const source = node as Node;
  const out: Node = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)) {
      out.$ref = SCHEMA_BASE + value.slice(SCHEMA_REF.length);
    } else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Node).map(([name, schema]) => [name, toJsonSchema(schema)]),
      );
    } else if (key === 'oneOf') {
      out.anyOf = toJsonSchema(value);
    } else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf'].includes(key)) {
      out[key] = toJsonSchema(value);
    } else {
      out[key] = value;
    }
  }
  return source.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

export class OpenApiValidator {
  readonly document: OpenApiDocument;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly registered = new Set<string>();

  constructor() {
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    this.document = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    for (const format of ['int32', 'int64', 'binary', 'byte', 'repo.nwo', 'ssh-key', 'ssh-key fingerprint']) {
      this.ajv.addFormat(format, true);
    }
  }

  /** Registers the component schemas `schema` refers to, transitively (ajv compiles synchronously). */
  private register(schema: unknown): void {
    if (Array.isArray(schema)) return schema.forEach((item) => this.register(item));
    if (schema === null || typeof schema !== 'object') return;
    for (const [key, value] of Object.entries(schema as Node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)) {
        const name = value.slice(SCHEMA_REF.length);
        if (this.registered.has(name)) continue;
        this.registered.add(name);
        const component = this.document.components.schemas[name];
        this.ajv.addSchema(toJsonSchema(component) as Node, SCHEMA_BASE + name);
        this.register(component);
      } else {
        this.register(value);
      }
    }
  }

  /** The operation for `METHOD template`, or undefined when GitHub's description has none. */
  operation(method: string, template: string) {
    return this.document.paths[template]?.[method.toLowerCase()];
  }

  /** Response statuses the description declares for an operation. */
  statuses(method: string, template: string): string[] {
    return Object.keys(this.operation(method, template)?.responses ?? {});
  }

  /**
   * Problems with one answer: an undeclared status, a missing `location` on a redirect, or the body
   * against the schema of that status. Empty when the answer is valid.
   */
  validate(
    method: string,
    template: string,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): string[] {
    const operation = this.operation(method, template);
    if (!operation) return [`${method} ${template} is not in GitHub's OpenAPI description`];
    let response = operation.responses?.[String(status)];
    if (!response) {
      // Many operations leave out errors every endpoint can give (403, 404, 5xx): those carry GitHub's basic error.
      if (status >= 400) return this.check('basic-error', { $ref: `${SCHEMA_REF}basic-error` }, body);
      return [`${method} ${template} does not declare status ${status}`];
    }
    if (typeof response.$ref === 'string') {
      response = this.document.components.responses[response.$ref.replace('#/components/responses/', '')];
    }
    if (status >= 300 && status < 400 && response.headers && !headers.location)
      return [`${status} without a location header`];
    const schema = (response.content as Record<string, { schema?: Node }> | undefined)?.['application/json']
      ?.schema;
    if (!schema) {
      if (body === undefined || body === '') return [];
      // A declared error without a body schema (an upload's 422) still carries GitHub's error body.
      if (status >= 400) return this.check('basic-error', { $ref: `${SCHEMA_REF}basic-error` }, body);
      return [`status ${status} declares no body, got one`];
    }
    return this.check(`${method} ${template} ${status}`, schema, body);
  }

  private check(key: string, schema: Node, body: unknown): string[] {
    let validate = this.compiled.get(key);
    if (!validate) {
      this.register(schema);
      validate = this.ajv.compile(toJsonSchema(schema) as Node);
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
  }
}
