import { parseStrictJson } from '../attestation/strict-json';
import { ReleaseGuardError } from '../errors';
import {
  describeInstancePath,
  describeSchemaError,
  lazyJsonSchema,
  withoutAnyOfBranches,
} from '../schema/json-schema';
import freezeSchema from './freeze.schema.json';
import type { FreezeState } from './types';

/** The release freeze's JSON Schema (draft 2020-12), as shipped in freeze.schema.json. */
export const FREEZE_SCHEMA = freezeSchema;

const freezeJsonSchema = lazyJsonSchema(freezeSchema);

/** Schema errors of a freeze document, as `where: what` lines; empty when it is valid. */
export function freezeProblems(document: unknown): string[] {
  const { validate } = freezeJsonSchema();
  if (validate(document)) return [];
  return withoutAnyOfBranches(validate.errors ?? []).map(
    (error) => `${describeInstancePath(error.instancePath)}: ${describeSchemaError(error)}`,
  );
}

/**
 * Parses and validates freeze file text read from `location`. Text that is not strict JSON (duplicate
 * keys included: two readers must not disagree on `frozen`) or breaks the schema is `unreadable_input`.
 */
export function parseFreezeState(text: string, location: string): FreezeState {
  let document: unknown;
  try {
    document = parseStrictJson(text, location);
  } catch (error) {
    throw new ReleaseGuardError(
      'unreadable_input',
      `the freeze file ${location} is not valid JSON (${(error as Error).message}); repair it by hand (its git history has the last good version).`,
      { location },
    );
  }
  const problems = freezeProblems(document);
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ');
    throw new ReleaseGuardError(
      'unreadable_input',
      `the freeze file ${location} does not match the freeze schema: ${shown}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}; repair it by hand.`,
      { location, problems },
    );
  }
  return document as FreezeState;
}

/** The file text: two-space JSON and a final newline, so git diffs stay small. */
export function serializeFreezeState(state: FreezeState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}
