import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** A JSON Schema (draft 2020-12) with an `$id`, as the schema files of core ship them. */
export interface JsonSchemaDocument {
  $id: string;
  [keyword: string]: unknown;
}

export interface CompiledJsonSchema {
  /** The ajv instance that holds the schema, to look up its sub-schemas by `$id#/pointer`. */
  ajv: Ajv2020;
  /** Validates a whole document against the schema. */
  validate: ValidateFunction;
}

/**
 * A schema compiled on first use, with every error reported (not only the first), `format` checked,
 * and union types allowed. Compiling costs milliseconds, which a command that never validates should
 * not pay, so callers keep the returned function and call it when they validate.
 */
export function lazyJsonSchema(schema: JsonSchemaDocument): () => CompiledJsonSchema {
  let compiled: CompiledJsonSchema | null = null;
  return () => {
    if (compiled === null) {
      const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true });
      addFormats(ajv);
      compiled = { ajv, validate: ajv.compile(schema) };
    }
    return compiled;
  };
}

/** The errors worth showing: an anyOf failure also reports each branch's failure; keep only the anyOf line. */
export function withoutAnyOfBranches(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((error) => error.keyword === 'anyOf').map((error) => error.schemaPath);
  return errors.filter(
    (error) =>
      error.keyword === 'anyOf' || !anyOfPaths.some((path) => error.schemaPath.startsWith(`${path}/`)),
  );
}

/** One ajv error in words, with what the schema's description says is expected. */
export function describeSchemaError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as { description?: string } | undefined;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field ${JSON.stringify(params.additionalProperty)}`;
    case 'required':
      return `missing field ${JSON.stringify(params.missingProperty)}`;
    case 'enum':
      return `${JSON.stringify(error.data)} is not allowed; expected one of ${(
        params.allowedValues as unknown[]
      )
        .map((value) => JSON.stringify(value))
        .join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    default: {
      const expected = parent?.description ? ` (expected: ${parent.description})` : '';
      return `${error.message ?? error.keyword}${expected}`;
    }
  }
}

/** A JSON pointer (`/history/2/at`) for people: `history[2].at`, or `(document)` for the root. */
export function describeInstancePath(instancePath: string): string {
  if (instancePath === '') return '(document)';
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}
