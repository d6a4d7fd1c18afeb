import { safeText } from '../text/safe-text';
import type { Manifest, ManifestEntry } from './types';

export interface ShowManifestOptions {
  /** Only the entries of this tag (exact match). */
  tag?: string;
  format?: 'text' | 'json';
  /** Where the manifest was read from, for the output. */
  location?: string;
}

/** The entries of `tag` (exact match, no prefix: v1 is not v1.0), or all entries. */
export function selectManifestEntries(manifest: Manifest, tag?: string): ManifestEntry[] {
  return tag === undefined ? manifest.entries : manifest.entries.filter((entry) => entry.tag === tag);
}

/**
 * Renders the manifest as a table for people (text, control characters and bidi overrides escaped)
 * or as one JSON object `{manifest, schema_version, tag, entries}` for programs.
 */
export function showManifest(manifest: Manifest, options: ShowManifestOptions = {}): string {
  const entries = selectManifestEntries(manifest, options.tag);
  if (options.format === 'json') {
    const shown = {
      manifest: options.location ?? null,
      schema_version: manifest.schema_version,
      tag: options.tag ?? null,
      entries,
    };
    return `${JSON.stringify(shown, null, 2)}\n`;
  }
  return renderTable(entries, options);
}

const COLUMNS: { title: string; cell: (entry: ManifestEntry) => string }[] = [
  { title: 'TAG', cell: (entry) => entry.tag },
  { title: 'RUN_ID', cell: (entry) => entry.run_id },
  { title: 'ATTEMPT', cell: (entry) => String(entry.run_attempt) },
  { title: 'STATUS', cell: (entry) => entry.status },
  { title: 'FAILURE_REASON', cell: (entry) => entry.failure_reason ?? '-' },
  { title: 'ISSUE', cell: (entry) => (entry.issue_number === null ? '-' : `#${entry.issue_number}`) },
  {
    title: 'SLACK',
    cell: (entry) =>
      (entry.notify_slack ? 'sent' : 'no') + (entry.slack_retry > 0 ? ` (retry ${entry.slack_retry})` : ''),
  },
  { title: 'FLAGS', cell: flags },
  { title: 'VERIFIED_AT', cell: (entry) => entry.verified_at ?? '-' },
  { title: 'UPDATED_AT', cell: (entry) => entry.updated_at },
];

function flags(entry: ManifestEntry): string {
  const set = [
    entry.requeue ? 'requeue' : null,
    entry.rerun_in_progress ? 'rerun_in_progress' : null,
    entry.governance_flag === null ? null : `governance:${entry.governance_flag}`,
  ].filter((flag) => flag !== null);
  return set.length === 0 ? '-' : set.join(',');
}

function renderTable(entries: ManifestEntry[], options: ShowManifestOptions): string {
  const scope = options.tag === undefined ? '' : ` for tag ${safeText(JSON.stringify(options.tag))}`;
  const where = options.location === undefined ? '' : ` in ${safeText(options.location)}`;
  if (entries.length === 0) return `No entries${scope}${where}.\n`;

  const rows = [
    COLUMNS.map((column) => column.title),
    ...entries.map((entry) => COLUMNS.map((column) => safeText(column.cell(entry)))),
  ];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
  const count = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}${scope}${where}.`;
  return `${lines.join('\n')}\n${count}\n`;
}
