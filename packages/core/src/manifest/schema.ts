import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { ReleaseGuardError } from '../errors';
import {
  describeInstancePath,
  describeForPeople,
  describeSchemaError,
  lazyJsonSchema,
  withoutAnyOfBranches,
} from '../schema/json-schema';
import manifestSchema from './manifest.schema.json';
import {
  manifestEntryKey,
  MANIFEST_SCHEMA_VERSION,
  type Manifest,
  type ManifestEntry,
  type ManifestSettableField,
} from './types';

/** The manifest's JSON Schema (draft 2020-12), as shipped in manifest.schema.json. */
export const MANIFEST_SCHEMA = manifestSchema;

export interface ManifestSchemaProblem {
  /** Where, for people: `entries[2] (v1.2.0 run 42).status`, or `(document)`. */
  where: string;
  /** The entry it is in, as manifestEntryKey names it, when that entry has a usable tag and run_id. */
  entry: string | null;
  message: string;
}

const manifestJsonSchema = lazyJsonSchema(manifestSchema);

let validators: {
  document: ValidateFunction;
  entry: ValidateFunction;
  field: Map<string, ValidateFunction>;
} | null = null;

function compiled() {
  if (validators === null) {
    const { ajv, validate: document } = manifestJsonSchema();
    const entry = ajv.getSchema(`${manifestSchema.$id}#/$defs/entry`);
    if (!entry) throw new Error('manifest.schema.json has no $defs/entry');
    const field = new Map<string, ValidateFunction>();
    for (const name of Object.keys(manifestSchema.$defs.entry.properties)) {
      const validate = ajv.getSchema(`${manifestSchema.$id}#/$defs/entry/properties/${name}`);
      if (!validate) throw new Error(`manifest.schema.json has no $defs/entry/properties/${name}`);
      field.set(name, validate);
    }
    validators = { document, entry, field };
  }
  return validators;
}

export function emptyManifest(): Manifest {
  return { schema_version: MANIFEST_SCHEMA_VERSION, entries: [] };
}

/** Schema errors of a whole document plus duplicate (tag, run_id) entries, which JSON Schema cannot express. */
export function manifestProblems(document: unknown): ManifestSchemaProblem[] {
  const { document: validate } = compiled();
  const problems = validate(document) ? [] : describeErrors(validate.errors ?? [], document);
  return [...problems, ...duplicateEntryProblems(document)];
}

/** True when `value` is a schema-valid entry on its own (lint compares only such entries). */
export function isValidManifestEntry(value: unknown): value is ManifestEntry {
  return compiled().entry(value) === true;
}

/** Null when `value` is allowed for `field`; otherwise what the schema expects, in words. */
export function manifestFieldProblem(
  field: ManifestSettableField | 'tag' | 'run_id',
  value: unknown,
): string | null {
  const validate = compiled().field.get(field);
  if (!validate) throw new Error(`unknown manifest field ${field}`);
  if (validate(value)) return null;
  const schema = (
    field === 'status' ? manifestSchema.$defs.status : manifestSchema.$defs.entry.properties[field]
  ) as {
    description?: string;
    enum?: unknown[];
  };
  const allowed = schema.enum ? ` Allowed: ${schema.enum.map((value) => String(value)).join(', ')}.` : '';
  return `${describeForPeople(schema.description ?? '')}${allowed}`.trim();
}

/**
 * Parses and validates manifest text read from `location`. Unusable content is an `unreadable_input`
 * error (exit 2): the manifest must be repaired by hand before anything is written to it.
 */
export function parseManifest(text: string, location: string): Manifest {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ReleaseGuardError(
      'unreadable_input',
      `the manifest at ${location} is not JSON (${(error as Error).message}). Repair it by hand (git history has the last good version); nothing was written.`,
      { location },
    );
  }
  const problems = manifestProblems(document);
  if (problems.length > 0) {
    throw new ReleaseGuardError(
      'unreadable_input',
      `the manifest at ${location} does not match the manifest schema: ${formatManifestProblems(problems)}. Repair it by hand (check it with \`release-guard manifest lint\`); nothing was written.`,
      { location, problems },
    );
  }
  return document as Manifest;
}

/** The file text for a manifest: two-space JSON and a final newline, so git diffs stay small. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function formatManifestProblems(problems: ManifestSchemaProblem[], limit = 10): string {
  const shown = problems.slice(0, limit).map((problem) => `${problem.where}: ${problem.message}`);
  if (problems.length > limit) shown.push(`and ${problems.length - limit} more`);
  return shown.join('; ');
}

function duplicateEntryProblems(document: unknown): ManifestSchemaProblem[] {
  const entries = (document as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) return [];
  const seen = new Map<string, number>();
  const problems: ManifestSchemaProblem[] = [];
  entries.forEach((entry: Partial<ManifestEntry> | null, index) => {
    if (typeof entry?.tag !== 'string' || typeof entry.run_id !== 'string') return;
    const key = JSON.stringify([entry.tag, entry.run_id]);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
    } else {
      problems.push({
        where: `entries[${index}] (${manifestEntryKey(entry as ManifestEntry)})`,
        entry: manifestEntryKey(entry as ManifestEntry),
        message: `duplicate entry: entries[${first}] has the same tag and run_id; merge the two into one`,
      });
    }
  });
  return problems;
}

/** Names the path of an ajv error after the entry it is in, and says what was expected. */
function describeErrors(errors: ErrorObject[], document: unknown): ManifestSchemaProblem[] {
  return withoutAnyOfBranches(errors).map((error) => ({
    where: describePath(error.instancePath, document),
    entry: entryAt(error.instancePath, document),
    message: describeSchemaError(error),
  }));
}

function entryAt(instancePath: string, document: unknown): string | null {
  const match = /^\/entries\/(\d+)(\/|$)/.exec(instancePath);
  if (match === null) return null;
  const entry = (document as { entries: Partial<ManifestEntry>[] }).entries[Number(match[1])];
  return typeof entry?.tag === 'string' && typeof entry.run_id === 'string'
    ? manifestEntryKey(entry as ManifestEntry)
    : null;
}

function describePath(instancePath: string, document: unknown): string {
  const where = describeInstancePath(instancePath);
  const entry = entryAt(instancePath, document);
  return entry === null ? where : where.replace(/^entries\[\d+\]/, (step) => `${step} (${entry})`);
}
