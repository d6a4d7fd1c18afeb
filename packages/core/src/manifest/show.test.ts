import { applyManifestEntryUpdate, type ManifestEntryUpdate } from './apply';
import { emptyManifest } from './schema';
import { selectManifestEntries, showManifest } from './show';

const AT = '2026-05-01T12:00:00.000Z';

const manifest = [
  {
    tag: 'v1.0',
    runId: '1',
    set: {
      status: 'failure',
      failure_reason: 'digest_mismatch',
      issue_number: 9,
      slack_retry: 1,
      requeue: true,
    },
  },
  { tag: 'v1.0.1', runId: '2', set: { status: 'success' } },
  { tag: 'v1.0', runId: '3', set: {} },
  { tag: 'v2\u202e1v', runId: '4', set: { status: 'rollback', governance_flag: 'rollback' } },
].reduce(
  (current, update) =>
    applyManifestEntryUpdate(current, { actor: 'ci', ...(update as Omit<ManifestEntryUpdate, 'actor'>) }, AT)
      .manifest,
  emptyManifest(),
);

describe('showManifest', () => {
  it('filters by exact tag, never by prefix', () => {
    expect(selectManifestEntries(manifest, 'v1.0').map((entry) => entry.run_id)).toEqual(['1', '3']);
    expect(selectManifestEntries(manifest, 'v1').map((entry) => entry.run_id)).toEqual([]);
    expect(selectManifestEntries(manifest).length).toBe(4);
  });

  it('renders a table of the selected entries', () => {
    const text = showManifest(manifest, { tag: 'v1.0', location: 'docs/reports/manifest.json' });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^TAG\s+RUN_ID\s+ATTEMPT\s+STATUS\s+FAILURE_REASON\s+ISSUE\s+SLACK\s+FLAGS\s+VERIFIED_AT\s+UPDATED_AT$/,
    );
    expect(lines[1]).toMatch(
      /^v1\.0\s+1\s+1\s+failure\s+digest_mismatch\s+#9\s+no \(retry 1\)\s+requeue\s+-\s+2026-05-01T12:00:00\.000Z$/,
    );
    expect(lines[2]).toMatch(/^v1\.0\s+3\s+1\s+pending\s+-\s+-\s+no\s+-\s+-/);
    expect(lines[3]).toBe('2 entries for tag "v1.0" in docs/reports/manifest.json.');
    expect(lines).toHaveLength(4);
  });

  it('escapes bidi overrides and control characters in the table', () => {
    const text = showManifest(manifest, { tag: 'v2\u202e1v' });
    expect(text).not.toContain('\u202e');
    expect(text).toContain('v2\\u202e1v');
    expect(text).toContain('governance:rollback');
  });

  it('says so when no entry matches', () => {
    expect(showManifest(manifest, { tag: 'v9' })).toBe('No entries for tag "v9".\n');
  });

  it('renders JSON with the same selection, values untouched', () => {
    const shown = JSON.parse(
      showManifest(manifest, { tag: 'v2\u202e1v', format: 'json', location: 'm.json' }),
    );
    expect(shown).toEqual({
      manifest: 'm.json',
      schema_version: manifest.schema_version,
      tag: 'v2\u202e1v',
      entries: [manifest.entries[3]],
    });
    expect(JSON.parse(showManifest(manifest, { format: 'json' })).entries).toHaveLength(4);
  });
});
