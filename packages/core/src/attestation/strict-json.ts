import * as momoa from '@humanwhocodes/momoa';
import { ReleaseGuardError } from '../errors';

/** Provenance is small; anything larger is refused before parsing (a bomb, or the wrong file). */
export const MAX_ATTESTATION_BYTES = 32 * 1024 * 1024;
const MAX_DEPTH = 64;

type Node = momoa.ValueNode | momoa.DocumentNode;

function walk(node: Node, depth: number, where: string): void {
  if (depth > MAX_DEPTH) {
    throw new ReleaseGuardError(
      'malformed_provenance',
      `${where}: JSON nested deeper than ${MAX_DEPTH} levels`,
    );
  }
  if (node.type === 'Document') return walk(node.body, depth, where);
  if (node.type === 'Array') {
    for (const element of node.elements) walk(element.value, depth + 1, where);
  } else if (node.type === 'Object') {
    const seen = new Set<string>();
    for (const member of node.members) {
      const key = member.name.type === 'String' ? member.name.value : member.name.name;
      if (seen.has(key)) {
        throw new ReleaseGuardError(
          'malformed_provenance',
          `${where}: duplicate JSON key "${key}" (line ${member.name.loc.start.line}); a verifier and a builder could read different values`,
        );
      }
      seen.add(key);
      walk(member.value, depth + 1, where);
    }
  }
}

/**
 * JSON.parse that refuses what attackers use to make two parsers disagree: duplicate keys, absurd
 * nesting and oversized input. Every refusal is `malformed_provenance`.
 */
export function parseStrictJson(text: string, where: string): unknown {
  if (text.length > MAX_ATTESTATION_BYTES) {
    throw new ReleaseGuardError(
      'malformed_provenance',
      `${where}: larger than ${MAX_ATTESTATION_BYTES} bytes`,
    );
  }
  let document: momoa.DocumentNode;
  try {
    document = momoa.parse(text, { mode: 'json', ranges: false, tokens: false });
  } catch (error) {
    const reason = error instanceof RangeError ? 'nested too deeply' : (error as Error).message;
    throw new ReleaseGuardError('malformed_provenance', `${where}: not valid JSON (${reason})`);
  }
  walk(document, 0, where);
  return JSON.parse(text) as unknown;
}
