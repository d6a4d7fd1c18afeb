import { ReleaseGuardError } from '../errors';

export interface ChecksumLine {
  name: string;
  sha256: string;
}

/** Names a checksum line cannot carry safely: they would escape the directory or break the format. */
export function hostileName(name: string): string | null {
  if (name === '') return 'an empty name';
  if (/[\n\r\0]/.test(name)) return 'a newline or NUL';
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split('/').some((part) => part === '..' || part === '.' || part === ''))
    return 'a `..`, `.` or empty segment';
  return null;
}

/** `sha256sum` format: `<hex>  <name>`, one line each, sorted by name. */
export function renderChecksums(lines: readonly ChecksumLine[]): string {
  const sorted = [...lines].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.map((line) => `${line.sha256}  ${line.name}\n`).join('');
}

/**
 * Parses a `sha256sum` file (text `  ` or binary ` *` mode). A name that could leave the directory or
 * break the format, a malformed line or a name listed twice is `malformed_provenance`.
 */
export function parseChecksums(text: string, where: string): ChecksumLine[] {
  const lines: ChecksumLine[] = [];
  const seen = new Set<string>();
  const rows = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  for (const [index, row] of rows.entries()) {
    const match = /^([0-9a-fA-F]{64}) [ *](.*)$/s.exec(row);
    if (!match) {
      throw new ReleaseGuardError(
        'malformed_provenance',
        `${where} line ${index + 1} is not \`<sha256>  <name>\``,
      );
    }
    const name = match[2];
    const hostile = hostileName(name);
    if (hostile !== null) {
      throw new ReleaseGuardError(
        'malformed_provenance',
        `${where} line ${index + 1} names a file with ${hostile}: refused`,
        { line: index + 1 },
      );
    }
    if (seen.has(name)) {
      throw new ReleaseGuardError('malformed_provenance', `${where} lists ${JSON.stringify(name)} twice`);
    }
    seen.add(name);
    lines.push({ name, sha256: match[1].toLowerCase() });
  }
  if (lines.length === 0) throw new ReleaseGuardError('malformed_provenance', `${where} lists no file`);
  return lines;
}
