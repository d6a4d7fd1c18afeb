import { applyManifestEntryUpdate, type ManifestEntryUpdate } from './apply';
import { lintManifest } from './lint';
import { emptyManifest, serializeManifest } from './schema';
import type { Manifest } from './types';

const AT = '2026-05-01T12:00:00.000Z';

function build(...updates: Omit<ManifestEntryUpdate, 'actor'>[]): Manifest {
  return updates.reduce(
    (manifest, update) => applyManifestEntryUpdate(manifest, { actor: 'ci', ...update }, AT).manifest,
    emptyManifest(),
  );
}

const OLD = build(
  { tag: 'v1.0.0', runId: '1', set: {} },
  {
    tag: 'v1.0.0',
    runId: '1',
    set: { status: 'failure', failure_reason: 'digest_mismatch', issue_number: 5 },
  },
  { tag: 'v1.1.0', runId: '2', set: { status: 'success' } },
);
const oldText = serializeManifest(OLD);

/** NEW = OLD edited by hand. */
function edited(edit: (manifest: Manifest) => void): string {
  const copy = JSON.parse(oldText) as Manifest;
  edit(copy);
  return serializeManifest(copy);
}

describe('lintManifest', () => {
  it('accepts a change made by updates', () => {
    const next = [
      { tag: 'v1.0.0', runId: '1', set: { status: 'requeued' as const, requeue: true } },
      {
        tag: 'v1.0.0',
        runId: '1',
        set: { status: 'rerunning' as const, rerun_in_progress: true, run_attempt: 2 },
      },
      { tag: 'v1.0.0', runId: '1', set: { status: 'success' as const } },
      { tag: 'v1.2.0', runId: '3', set: {} },
    ].reduce(
      (manifest, update) => applyManifestEntryUpdate(manifest, { actor: 'recover', ...update }, AT).manifest,
      OLD,
    );
    expect(lintManifest(oldText, serializeManifest(next))).toEqual([]);
  });

  it('accepts OLD at schema 1 → NEW at 1.2 that only adds the optional escalated_at (with its record)', () => {
    const legacy = serializeManifest({ ...OLD, schema_version: 1 });
    const next = applyManifestEntryUpdate(
      JSON.parse(legacy) as Manifest,
      {
        tag: 'v1.0.0',
        runId: '1',
        set: { escalated_at: AT },
        actor: 'notify-on-failure',
        note: 'escalated to ops summary: issue creation failed: 403',
      },
      AT,
    ).manifest;
    expect(next.schema_version).toBe('1.2');
    expect(lintManifest(legacy, serializeManifest(next))).toEqual([]);
    // The version bump alone is a change lint accepts.
    expect(lintManifest(legacy, serializeManifest({ ...OLD, schema_version: '1.1' }))).toEqual([]);
    expect(lintManifest(legacy, serializeManifest({ ...OLD, schema_version: '1.2' }))).toEqual([]);
  });

  it('accepts OLD at 1.1 → NEW at 1.2 that records controls and a provenance summary (with records)', () => {
    const v11 = serializeManifest({ ...OLD, schema_version: '1.1' });
    const record = {
      status: 'fail' as const,
      failure_reason: 'digest_mismatch' as const,
      at: AT,
      run_url: null,
      detail: null,
    };
    const first = applyManifestEntryUpdate(
      JSON.parse(v11) as Manifest,
      {
        tag: 'v1.0.0',
        runId: '1',
        set: {
          controls: { provenance: record },
          provenance_summary: {
            builder_id: 'b',
            source_repo: 's',
            workflow_path: 'w',
            commit: 'c',
            signer_san: null,
          },
        },
        actor: 'provenance-validate',
        note: 'provenance: fail (digest_mismatch)',
      },
      AT,
    ).manifest;
    const next = applyManifestEntryUpdate(
      first,
      {
        tag: 'v1.0.0',
        runId: '1',
        set: { controls: { signature: { ...record, status: 'pass', failure_reason: null } } },
        actor: 'release-sign',
        note: 'signature: pass',
      },
      AT,
    ).manifest;
    expect(next.schema_version).toBe('1.2');
    // The second control is merged in: the first stays.
    expect(Object.keys(next.entries[0].controls ?? {})).toEqual(['provenance', 'signature']);
    expect(lintManifest(v11, serializeManifest(next))).toEqual([]);
    // Controls added by hand, without a history record, are a finding like any other changed field.
    const unrecorded = edited((manifest) => {
      manifest.schema_version = '1.2';
      manifest.entries[0].controls = { provenance: record };
    });
    expect(lintManifest(oldText, unrecorded).map((finding) => finding.kind)).toEqual(['history_mismatch']);
  });

  it('accepts a new manifest when OLD is missing, and checks its entries', () => {
    expect(lintManifest(null, oldText)).toEqual([]);
    const bad = edited((manifest) => {
      manifest.entries[1].history[0].to = 'requeued';
    });
    expect(lintManifest(null, bad).map((finding) => finding.kind)).toContain('illegal_transition');
  });

  it('reports NEW that is not JSON', () => {
    expect(lintManifest(oldText, '{"entries": [')).toEqual([
      { kind: 'unparseable', entry: null, message: expect.stringMatching(/^NEW is not JSON: /) },
    ]);
  });

  it('reports schema errors with the entry they are in', () => {
    const findings = lintManifest(
      oldText,
      edited((manifest) => {
        (manifest.entries[0] as unknown as Record<string, unknown>).failure_reason = 'bad_luck';
      }),
    );
    expect(findings).toEqual([
      {
        kind: 'schema',
        entry: 'v1.0.0 run 1',
        message: expect.stringContaining(
          'entries[0] (v1.0.0 run 1).failure_reason: "bad_luck" is not allowed',
        ),
      },
    ]);
  });

  it('reports a status changed to an illegal one', () => {
    const findings = lintManifest(
      oldText,
      edited((manifest) => {
        manifest.entries[1].status = 'failure';
        manifest.entries[1].failure_reason = 'repro_mismatch';
        manifest.entries[1].history.push({
          at: AT,
          actor: 'someone',
          from: 'success',
          to: 'failure',
          note: null,
        });
      }),
    );
    expect(findings).toEqual([
      {
        kind: 'illegal_transition',
        entry: 'v1.1.0 run 2',
        message: expect.stringContaining(
          'v1.1.0 run 2: history record [1]: status success → failure is not allowed',
        ),
      },
    ]);
  });

  it('reports a status changed without a history record, legal or not', () => {
    const illegal = lintManifest(
      oldText,
      edited((manifest) => {
        manifest.entries[1].status = 'pending';
      }),
    );
    expect(illegal.map((finding) => finding.kind)).toEqual(['illegal_transition']);
    expect(illegal[0].message).toContain('status success → pending is not allowed');

    const legal = lintManifest(
      oldText,
      edited((manifest) => {
        manifest.entries[0].status = 'requeued';
      }),
    );
    expect(legal[0]).toMatchObject({ kind: 'history_mismatch', entry: 'v1.0.0 run 1' });
    expect(legal[0].message).toContain('status is requeued but the history ends at failure');
  });

  it('reports a field changed without a history record', () => {
    const findings = lintManifest(
      oldText,
      edited((manifest) => {
        manifest.entries[0].slack_retry = 3;
      }),
    );
    expect(findings).toEqual([
      {
        kind: 'history_mismatch',
        entry: 'v1.0.0 run 1',
        message: expect.stringContaining('slack_retry changed without a new history record'),
      },
    ]);
  });

  it('reports a rewritten history record', () => {
    const findings = lintManifest(
      oldText,
      edited((manifest) => {
        manifest.entries[0].history[1].actor = 'somebody-else';
      }),
    );
    expect(findings).toEqual([
      {
        kind: 'history_rewritten',
        entry: 'v1.0.0 run 1',
        message: `v1.0.0 run 1: history record [1] (at ${AT}) was rewritten; history is append-only: restore it and append a new record instead.`,
      },
    ]);
  });

  it('reports a shortened history', () => {
    const findings = lintManifest(
      oldText,
      edited((manifest) => {
        manifest.entries[0].history.shift();
      }),
    );
    expect(findings.map((finding) => finding.kind)).toContain('history_rewritten');
    expect(findings.find((finding) => finding.kind === 'history_rewritten')?.message).toMatch(
      /history record \[0\].*rewritten/,
    );

    const truncated = lintManifest(
      oldText,
      edited((manifest) => {
        manifest.entries[0].history.pop();
      }),
    );
    expect(truncated).toEqual([
      {
        kind: 'history_rewritten',
        entry: 'v1.0.0 run 1',
        message: expect.stringContaining('history was shortened from 2 to 1 records'),
      },
    ]);
  });

  it('reports a changed issue_number', () => {
    const findings = lintManifest(
      oldText,
      edited((manifest) => {
        manifest.entries[0].issue_number = 6;
        manifest.entries[0].history.push({
          at: AT,
          actor: 'ci',
          from: 'failure',
          to: 'failure',
          note: 'new issue',
        });
      }),
    );
    expect(findings).toEqual([
      {
        kind: 'issue_number_changed',
        entry: 'v1.0.0 run 1',
        message:
          'v1.0.0 run 1: issue_number changed from 5 to 6; it never changes once set (one issue per run). Restore 5.',
      },
    ]);
  });

  it('reports a removed entry', () => {
    const findings = lintManifest(
      oldText,
      edited((manifest) => {
        manifest.entries.splice(1, 1);
      }),
    );
    expect(findings).toEqual([
      {
        kind: 'entry_removed',
        entry: 'v1.1.0 run 2',
        message: expect.stringContaining('v1.1.0 run 2: the entry was removed'),
      },
    ]);
  });

  it('reports an entry that breaks a status rule', () => {
    const findings = lintManifest(
      oldText,
      edited((manifest) => {
        manifest.entries[1].status = 'rollback';
        manifest.entries[1].history.push({
          at: AT,
          actor: 'on-call',
          from: 'success',
          to: 'rollback',
          note: 'revert',
        });
      }),
    );
    expect(findings).toEqual([
      {
        kind: 'status_rule',
        entry: 'v1.1.0 run 2',
        message: expect.stringContaining('status rollback needs governance_flag=rollback'),
      },
    ]);
  });

  it('refuses an OLD that is not a valid manifest (nothing to compare with)', () => {
    expect(() => lintManifest('{"schema_version": 1}', oldText)).toThrow(
      /the manifest at OLD does not match the manifest schema/,
    );
  });
});
