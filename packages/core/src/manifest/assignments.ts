import { echoValue } from '../text/echo-value';
import { InputError } from '../errors';
import { manifestFieldProblem } from './schema';
import { MANIFEST_SETTABLE_FIELDS, type ManifestEntryChanges, type ManifestSettableField } from './types';

/**
 * Turns `--set KEY=VALUE` arguments into typed entry changes. The value's type comes from the schema:
 * `null`, `true`/`false` and integers are taken as such where the field allows them, anything else as a
 * string. Unknown or read-only keys, repeated keys and values the schema refuses are usage errors.
 */
export function parseManifestAssignments(assignments: readonly string[]): ManifestEntryChanges {
  const changes: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=');
    if (equals <= 0) {
      throw new InputError('set', `${echoValue(assignment)} is not KEY=VALUE (for example status=success)`);
    }
    const key = assignment.slice(0, equals);
    const text = assignment.slice(equals + 1);
    if (!isSettable(key)) {
      const why =
        key === 'tag' || key === 'run_id'
          ? 'it names the entry: give it as the tag and the run id'
          : key === 'updated_at' || key === 'history'
            ? 'it is written by every update itself (the actor and the note make the history record)'
            : 'it is not a manifest field';
      throw new InputError(
        'set',
        `${key}=…: cannot set ${echoValue(key)}: ${why}. Settable: ${MANIFEST_SETTABLE_FIELDS.join(', ')}`,
      );
    }
    if (key in changes) throw new InputError('set', `${key}=… is given twice; give each field once`);
    changes[key] = typedValue(key, text);
  }
  return changes as ManifestEntryChanges;
}

function isSettable(key: string): key is ManifestSettableField {
  return (MANIFEST_SETTABLE_FIELDS as readonly string[]).includes(key);
}

function typedValue(key: ManifestSettableField, text: string): unknown {
  const candidates: unknown[] = [];
  if (text === 'null') candidates.push(null);
  // controls and provenance_summary are objects, given as JSON.
  if (text.startsWith('{')) {
    try {
      candidates.push(JSON.parse(text));
    } catch {
      // not JSON: taken as a string below, which the schema refuses with its own message
    }
  }
  if (text === 'true' || text === 'false') candidates.push(text === 'true');
  if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) candidates.push(Number(text));
  candidates.push(text);
  for (const candidate of candidates) {
    if (manifestFieldProblem(key, candidate) === null) return candidate;
  }
  throw new InputError(
    'set',
    `${key}=${echoValue(text)}: not a valid ${key}. Expected: ${manifestFieldProblem(key, text)}`,
  );
}
