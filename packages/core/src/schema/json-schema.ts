import { echoValue } from '../text/echo-value';
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

/**
 * A schema description as a message may quote it: without the pointers into our source tree
 * (`(see packages/core/src/…)`), which mean nothing to the person who has to fix the value.
 */
export function describeForPeople(description: string): string {
  return description
    .replace(/\s*\((?:see )?[\w./-]+\.(?:ts|js|json|md)\)/g, '')
    .replace(/\s+([.,;])/g, '$1')
    .trim();
}

/** What was wrong, for an ajv keyword, in words that name the value rather than the keyword. */
function keywordInWords(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${String(params.type).replace(/,/g, ' or ')}`;
    case 'format':
      return `is not a valid ${String(params.format)}`;
    case 'pattern':
      return 'is not in the expected form';
    case 'minItems':
      return `must have at least ${String(params.limit)} item(s)`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} item(s)`;
    case 'minLength':
      return `must be at least ${String(params.limit)} character(s) long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} character(s) long`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    default:
      return 'is not valid';
  }
}

/** One ajv error in words: the value and what the field expects, never a schema keyword. */
export function describeSchemaError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as { description?: string } | undefined;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field ${echoValue(params.additionalProperty)}`;
    case 'required':
      return `missing field ${echoValue(params.missingProperty)}`;
    case 'enum':
      return `${echoValue(error.data)} is not allowed; expected one of ${(params.allowedValues as unknown[])
        .map((value) => echoValue(value))
        .join(', ')}`;
    case 'const':
      return `must be ${echoValue(params.allowedValue)}`;
    default: {
      const expected = parent?.description
        ? ` (expected: ${describeForPeople(parent.description).replace(/\.$/, '')})`
        : '';
      return `${echoValue(error.data)} ${keywordInWords(error)}${expected}`;
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
