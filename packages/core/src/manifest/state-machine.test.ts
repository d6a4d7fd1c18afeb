import { applyManifestEntryUpdate } from './apply';
import { ManifestRuleError } from './errors';
import { emptyManifest } from './schema';
import {
  MANIFEST_INITIAL_STATUSES,
  MANIFEST_TRANSITIONS,
  explainIllegalStatusTransition,
  isLegalStatusTransition,
} from './state-machine';
import { MANIFEST_STATUSES, type Manifest, type ManifestEntryChanges, type ManifestStatus } from './types';

const AT = '2026-05-01T12:00:00.000Z';

/** What each status needs to be entered, so that only the transition itself is under test. */
function requirementsOf(status: ManifestStatus): ManifestEntryChanges {
  if (status === 'failure' || status === 'blocked') return { failure_reason: 'rerun_failed' };
  if (status === 'rollback') return { governance_flag: 'rollback' };
  return {};
}

/** A manifest holding v1 run 1 in `status`, reached through legal moves only. */
function manifestAt(status: ManifestStatus): Manifest {
  const path: Record<ManifestStatus, ManifestStatus[]> = {
    pending: ['pending'],
    success: ['success'],
    failure: ['failure'],
    requeued: ['failure', 'requeued'],
    rerunning: ['failure', 'requeued', 'rerunning'],
    blocked: ['failure', 'requeued', 'blocked'],
    rollback: ['rollback'],
  };
  let manifest = emptyManifest();
  for (const step of path[status]) {
    manifest = move(manifest, step).manifest;
  }
  return manifest;
}

function move(manifest: Manifest, to: ManifestStatus, extra: ManifestEntryChanges = {}) {
  return applyManifestEntryUpdate(
    manifest,
    { tag: 'v1', runId: '1', set: { status: to, ...requirementsOf(to), ...extra }, actor: 'tester' },
    AT,
  );
}

const EXPECTED_LEGAL: [ManifestStatus | null, ManifestStatus][] = [
  [null, 'pending'],
  [null, 'success'],
  [null, 'failure'],
  [null, 'rollback'],
  ['pending', 'success'],
  ['pending', 'failure'],
  ['failure', 'requeued'],
  ['failure', 'rollback'],
  ['requeued', 'rerunning'],
  ['requeued', 'blocked'],
  ['rerunning', 'success'],
  ['rerunning', 'blocked'],
  ['rerunning', 'requeued'],
  ['success', 'rollback'],
  ['blocked', 'rollback'],
];

const allPairs: [ManifestStatus | null, ManifestStatus][] = [null, ...MANIFEST_STATUSES].flatMap((from) =>
  MANIFEST_STATUSES.map((to): [ManifestStatus | null, ManifestStatus] => [from, to]),
);
const isExpected = ([from, to]: [ManifestStatus | null, ManifestStatus]) =>
  from === to || EXPECTED_LEGAL.some(([f, t]) => f === from && t === to);

describe('manifest status state machine', () => {
  it('allows exactly the documented moves (and staying put)', () => {
    for (const pair of allPairs)
      expect([...pair, isLegalStatusTransition(...pair)]).toEqual([...pair, isExpected(pair)]);
    expect(MANIFEST_INITIAL_STATUSES).toEqual(['pending', 'success', 'failure', 'rollback']);
    expect(MANIFEST_TRANSITIONS.rollback).toEqual([]);
  });

  it.each(EXPECTED_LEGAL.filter(([from]) => from !== null))(
    'applies %s → %s and records it in the history',
    (from, to) => {
      const applied = move(manifestAt(from as ManifestStatus), to);
      expect(applied.entry.status).toBe(to);
      expect(applied.entry.history.at(-1)).toEqual({ at: AT, actor: 'tester', from, to, note: null });
    },
  );

  it.each(EXPECTED_LEGAL.filter(([from]) => from === null).map(([, to]) => to))(
    'creates a new entry as %s',
    (to) => {
      const applied = move(emptyManifest(), to);
      expect(applied.previous).toBeNull();
      expect(applied.entry.history).toEqual([{ at: AT, actor: 'tester', from: null, to, note: null }]);
    },
  );

  it.each([
    ['success', 'failure'],
    ['success', 'pending'],
    ['failure', 'success'],
    ['failure', 'rerunning'],
    ['pending', 'requeued'],
    ['pending', 'rollback'],
    ['requeued', 'success'],
    ['blocked', 'requeued'],
    ['blocked', 'success'],
    ['rollback', 'success'],
    ['rollback', 'pending'],
  ] as [ManifestStatus, ManifestStatus][])(
    'refuses %s → %s with the allowed moves, writing nothing',
    (from, to) => {
      const manifest = manifestAt(from);
      const before = JSON.stringify(manifest);
      let refusal: unknown;
      try {
        move(manifest, to);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(ManifestRuleError);
      expect(refusal).toMatchObject({ rule: 'illegal_transition', entry: 'v1 run 1', details: { from, to } });
      expect((refusal as Error).message).toContain(`v1 run 1: status ${from} → ${to} is not allowed`);
      expect((refusal as Error).message).toContain(
        'Allowed moves: new → pending | success | failure | rollback;',
      );
      expect((refusal as Error).message).toContain('Nothing was written.');
      expect(JSON.stringify(manifest)).toBe(before);
    },
  );

  it('refuses to create an entry in the middle of the machine', () => {
    for (const to of ['requeued', 'rerunning', 'blocked'] as const) {
      expect(() => move(emptyManifest(), to)).toThrow(
        /a new entry cannot start as .*; it starts as pending, success, failure, rollback/,
      );
    }
  });

  it('tells the caller that a finished run is never re-opened', () => {
    expect(explainIllegalStatusTransition('success', 'failure')).toMatch(
      /from success the entry may only go to rollback\. A finished run is never re-opened/,
    );
    expect(explainIllegalStatusTransition('rollback', 'pending')).toMatch(/rollback is final/);
  });

  it('requires a failure_reason for failure and blocked, and governance_flag=rollback for rollback', () => {
    const pending = manifestAt('pending');
    expect(() =>
      applyManifestEntryUpdate(
        pending,
        { tag: 'v1', runId: '1', set: { status: 'failure' }, actor: 'a' },
        AT,
      ),
    ).toThrow(/status failure needs a failure_reason .*set failure_reason=CODE in the same update/);
    const requeued = manifestAt('requeued');
    expect(() =>
      applyManifestEntryUpdate(
        requeued,
        { tag: 'v1', runId: '1', set: { status: 'blocked', failure_reason: null }, actor: 'a' },
        AT,
      ),
    ).toThrow(/status blocked needs a failure_reason/);
    let refusal: unknown;
    try {
      applyManifestEntryUpdate(
        manifestAt('failure'),
        { tag: 'v1', runId: '1', set: { status: 'rollback' }, actor: 'a' },
        AT,
      );
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ rule: 'status_requirement' });
    expect((refusal as Error).message).toMatch(/status rollback needs governance_flag=rollback \(got null\)/);
  });

  it('stamps verified_at on success and ends a re-run on a finished status', () => {
    const rerunning = move(manifestAt('requeued'), 'rerunning', { rerun_in_progress: true }).manifest;
    const succeeded = move(rerunning, 'success');
    expect(succeeded.entry).toMatchObject({ status: 'success', verified_at: AT, rerun_in_progress: false });
    expect(succeeded.changedFields).toEqual(['status', 'rerun_in_progress', 'verified_at']);

    const explicit = move(rerunning, 'success', { verified_at: '2026-04-30T00:00:00Z' });
    expect(explicit.entry.verified_at).toBe('2026-04-30T00:00:00Z');
    expect(move(rerunning, 'blocked').entry.rerun_in_progress).toBe(false);
  });
});
