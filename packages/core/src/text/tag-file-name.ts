import { createHash } from 'node:crypto';

/** Longest name a tag becomes: well inside every file system's 255 bytes, with room for a prefix and an extension. */
export const MAX_TAG_FILE_NAME = 160;

/**
 * The file (and artifact) name part for a release tag: every character outside `[A-Za-z0-9._-]` is
 * percent-encoded as UTF-8 bytes, so `v1/x`, `v1$(id)`, a backtick or U+202E can neither leave the
 * folder nor mean anything to a shell; `.` and `..` are encoded whole. A name longer than
 * MAX_TAG_FILE_NAME is cut and ends with `~` and the first 16 hex digits of the tag's SHA-256, so
 * two long tags never share a name.
 */
export function tagFileName(tag: string): string {
  let name = Array.from(Buffer.from(tag, 'utf8'))
    .map((byte) =>
      /[A-Za-z0-9._-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
  if (name === '.' || name === '..') name = name.replace(/\./g, '%2E');
  if (name.length <= MAX_TAG_FILE_NAME) return name;
  const digest = createHash('sha256').update(tag, 'utf8').digest('hex').slice(0, 16);
  // Cut outside an escape, so the kept part still decodes.
  let cut = MAX_TAG_FILE_NAME - 17;
  const escape = name.lastIndexOf('%', cut);
  if (escape > cut - 3) cut = escape;
  return `${name.slice(0, cut)}~${digest}`;
}
