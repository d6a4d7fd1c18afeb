import fs from 'node:fs';
import path from 'node:path';

function toRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  if (!fs.statSync(dir).isDirectory()) return [dir];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.isFile() ? [full] : [];
  });
}

/** The folder a pattern searches from: its part before the first wildcard (a file's own folder). */
export function searchRoot(pattern: string, cwd: string): string {
  const absolute = path.resolve(cwd, pattern);
  const wildcard = absolute.search(/[*?[]/);
  if (wildcard < 0) {
    return fs.existsSync(absolute) && fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
  }
  return path.dirname(absolute.slice(0, wildcard) + 'x');
}

/**
 * The files the patterns match (one per line, `*`, `**`, `?`; a folder means every file under it),
 * as @actions/glob finds them for upload-artifact and attest-build-provenance.
 */
export function globFiles(patterns: string, cwd: string): string[] {
  const found = new Set<string>();
  for (const pattern of patterns
    .split(/\r?\n|,/)
    .map((line) => line.trim())
    .filter(Boolean)) {
    const absolute = path.resolve(cwd, pattern);
    const matcher = toRegExp(absolute);
    for (const file of walk(searchRoot(pattern, cwd))) {
      if (matcher.test(file) || file.startsWith(`${absolute}${path.sep}`)) found.add(file);
    }
  }
  return [...found].sort();
}
