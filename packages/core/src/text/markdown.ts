import { safeText } from './safe-text';

/** Escapes a value for Markdown text or a table cell: no markup, no HTML, no line breaks; `–` when empty. */
export function markdownCell(value: string | null): string {
  if (value === null || value === '') return '–';
  return safeText(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (ch) => `\\${ch}`);
}

/** A value as inline code when it is plain (code spans show escapes literally), else escaped text. */
export function markdownCode(value: string): string {
  return /^[\w./@+-]+$/.test(value) ? `\`${value}\`` : markdownCell(value);
}

/** A URL that is safe to put in a link: http(s) only, else null (shown as text instead). */
export function linkableUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `[label](url)` with the URL's parentheses and spaces encoded, or the escaped label when it is not http(s). */
export function markdownLink(url: string | null | undefined, label: string): string {
  const href = linkableUrl(url);
  if (href === null) return markdownCell(label);
  return `[${markdownCell(label)}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}

/** A Markdown table; every cell is taken as already escaped (build it with the functions above). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * A fenced code block: inside it nothing is markup and no entity is decoded, so a reader copies
 * `text` exactly. The fence is longer than any run of backticks in `text`, which therefore cannot end it.
 */
export function markdownCodeBlock(text: string, info = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}
