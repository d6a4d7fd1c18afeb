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
  MANIFEST_SCHEMA_MAJOR,
  MANIFEST_SCHEMA_MINOR,
  MANIFEST_SCHEMA_VERSION,
  type ManifestSchemaVersion,
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

/** A document's `schema_version` as major and minor (`1` is 1.0); null when it is not a version. */
export function manifestSchemaVersionOf(document: unknown): { major: number; minor: number } | null {
  const version = (document as { schema_version?: unknown } | null)?.schema_version;
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1)
    return { major: version, minor: 0 };
  const match = typeof version === 'string' ? /^([1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})$/.exec(version) : null;
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
}

/** The version a writer writes: a newer minor it read stays (its fields are kept), else this one. */
export function writtenSchemaVersion(read: ManifestSchemaVersion): ManifestSchemaVersion {
  const version = manifestSchemaVersionOf({ schema_version: read });
  return version && version.major === MANIFEST_SCHEMA_MAJOR && version.minor > MANIFEST_SCHEMA_MINOR
    ? read
    : MANIFEST_SCHEMA_VERSION;
}

function knownFieldsOnly(value: unknown, fields: readonly string[]): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([field]) => fields.includes(field)));
}

/**
 * A document of a newer minor version as this release-guard validates it: the fields it does not
 * know left out (a minor version only adds optional fields), the version read as its own.
 */
function asKnownVersion(document: unknown): unknown {
  const entryFields = Object.keys(manifestSchema.$defs.entry.properties);
  const recordFields = Object.keys(manifestSchema.$defs.history_record.properties);
  const controlNames = Object.keys(manifestSchema.$defs.controls.properties);
  const controlFields = Object.keys(manifestSchema.$defs.control_record.properties);
  const summaryFields = Object.keys(manifestSchema.$defs.provenance_summary.properties);
  const knownControls = (controls: unknown): unknown => {
    const kept = knownFieldsOnly(controls, controlNames);
    if (kept === null || typeof kept !== 'object' || Array.isArray(kept)) return kept;
    return Object.fromEntries(
      Object.entries(kept).map(([name, record]) => [name, knownFieldsOnly(record, controlFields)]),
    );
  };
  const known = knownFieldsOnly(document, Object.keys(manifestSchema.properties)) as {
    entries?: unknown;
  };
  const entries = Array.isArray(known.entries)
    ? known.entries.map((entry) => {
        const kept = knownFieldsOnly(entry, entryFields) as {
          history?: unknown;
          controls?: unknown;
          provenance_summary?: unknown;
        } | null;
        if (kept === null || typeof kept !== 'object' || Array.isArray(kept)) return kept;
        const known: Record<string, unknown> = { ...kept };
        if (Array.isArray(kept.history))
          known.history = kept.history.map((record) => knownFieldsOnly(record, recordFields));
        if (kept.controls !== undefined) known.controls = knownControls(kept.controls);
        if (kept.provenance_summary !== undefined)
          known.provenance_summary = knownFieldsOnly(kept.provenance_summary, summaryFields);
        return known;
      })
    : known.entries;
  return { ...known, schema_version: MANIFEST_SCHEMA_VERSION, entries };
}

/**
 * Schema errors of a whole document plus duplicate (tag, run_id) entries, which JSON Schema cannot
 * express. A newer minor version of the same major is checked for what this version knows; a newer
 * major is a problem of its own.
 */
export function manifestProblems(document: unknown): ManifestSchemaProblem[] {
  const version = manifestSchemaVersionOf(document);
  if (version && version.major > MANIFEST_SCHEMA_MAJOR) {
    return [{ where: 'schema_version', entry: null, message: newerMajorMessage(document) }];
  }
  const newerMinor = version?.major === MANIFEST_SCHEMA_MAJOR && version.minor > MANIFEST_SCHEMA_MINOR;
  const checked = newerMinor ? asKnownVersion(document) : document;
  const { document: validate } = compiled();
  const problems = validate(checked) ? [] : describeErrors(validate.errors ?? [], checked);
  return [...problems, ...duplicateEntryProblems(document)];
}

function newerMajorMessage(document: unknown): string {
  const version = JSON.stringify((document as { schema_version: unknown }).schema_version);
  return (
    `${version} is a newer major version than this release-guard knows (${MANIFEST_SCHEMA_MAJOR}.x): ` +
    'a newer release-guard wrote it, and an older one must not rewrite it. Upgrade release-guard (the action or CLI version) to one that reads it'
  );
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
  const version = manifestSchemaVersionOf(document);
  if (version && version.major > MANIFEST_SCHEMA_MAJOR) {
    throw new ReleaseGuardError(
      'unreadable_input',
      `the manifest at ${location}: schema_version ${newerMajorMessage(document)}; nothing was written.`,
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
