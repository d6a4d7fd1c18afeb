import { ReleaseGuardError } from '../errors';
import { parseStrictJson } from './strict-json';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v0.1', 'https://in-toto.io/Statement/v1'];

export const MAX_SUBJECTS = 1024;
export const MAX_DIGESTS_PER_SUBJECT = 32;
const DIGEST_LENGTHS: Record<string, number> = {
  sha256: 64,
  sha512: 128,
  sha384: 96,
  sha1: 40,
  gitCommit: 40,
};

export interface Subject {
  name: string;
  digest: Record<string, string>;
}

export interface Statement {
  type: string;
  predicateType: string;
  subjects: Subject[];
  predicate: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(where: string, message: string): ReleaseGuardError {
  return new ReleaseGuardError('malformed_provenance', `${where}: ${message}`);
}

function parseSubjects(value: unknown, where: string): Subject[] {
  if (!Array.isArray(value)) throw malformed(where, 'statement has no "subject" list');
  if (value.length > MAX_SUBJECTS)
    throw malformed(where, `more than ${MAX_SUBJECTS} subjects (${value.length})`);
  const byName = new Map<string, string>();
  return value.map((raw, index) => {
    if (!isRecord(raw) || !isRecord(raw.digest))
      throw malformed(where, `subject #${index + 1} has no digest`);
    const name = typeof raw.name === 'string' ? raw.name : '';
    const entries = Object.entries(raw.digest);
    if (entries.length === 0) throw malformed(where, `subject "${name}" has an empty digest`);
    if (entries.length > MAX_DIGESTS_PER_SUBJECT) {
      throw malformed(where, `subject "${name}" has more than ${MAX_DIGESTS_PER_SUBJECT} digests`);
    }
    const digest: Record<string, string> = {};
    for (const [algorithm, hex] of entries) {
      const length = DIGEST_LENGTHS[algorithm];
      if (
        typeof hex !== 'string' ||
        (length !== undefined && !new RegExp(`^[0-9a-f]{${length}}$`).test(hex))
      ) {
        throw malformed(
          where,
          `subject "${name}" ${algorithm} digest must be ${length ?? 'lowercase'} lowercase hex characters`,
        );
      }
      digest[algorithm] = hex;
    }
    const fingerprint = JSON.stringify(Object.entries(digest).sort());
    const previous = byName.get(name);
    if (name !== '' && previous !== undefined && previous !== fingerprint) {
      throw malformed(where, `subject name "${name}" appears twice with different digests`);
    }
    byName.set(name, fingerprint);
    return { name, digest };
  });
}

/** Parses a DSSE payload as an in-toto Statement (v0.1 or v1). */
export function parseStatement(payload: Buffer, where: string): Statement {
  const json = parseStrictJson(payload.toString('utf8'), where);
  if (!isRecord(json)) throw malformed(where, 'payload is not a JSON object');
  if (typeof json._type !== 'string' || !STATEMENT_TYPES.includes(json._type)) {
    throw malformed(
      where,
      `payload is not an in-toto Statement (_type ${JSON.stringify(json._type ?? null)})`,
    );
  }
  if (typeof json.predicateType !== 'string') throw malformed(where, 'statement has no predicateType');
  return {
    type: json._type,
    predicateType: json.predicateType,
    subjects: parseSubjects(json.subject, where),
    predicate: isRecord(json.predicate) ? json.predicate : {},
  };
}
