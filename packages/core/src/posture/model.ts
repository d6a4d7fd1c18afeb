import semver from 'semver';
import { isDrillEntry } from '../manifest/controls';
import type { FreezeDecision } from '../freeze/types';
import type {
  ControlName,
  ControlRecord,
  ManifestEntry,
  ManifestStatus,
  ProvenanceSummary,
} from '../manifest/types';

/** Where the README says what to do when a posture source shows "unknown". */
export const POSTURE_RUNBOOK = 'README.md#runbook-a-posture-source-shows-unknown';

/** The four release controls a release row shows (the drill has its own section). */
export const RELEASE_CONTROLS = [
  'provenance',
  'signature',
  'repro',
  'evidence',
] as const satisfies readonly ControlName[];
export type ReleaseControl = (typeof RELEASE_CONTROLS)[number];

export const DRILL_OVERDUE_DAYS = 30;
export const SECRET_ROTATION_DAYS = 90;
const DAY_MS = 86_400_000;

/** A source that could not be read: never blank, always why and where to look. */
export interface Unknown {
  state: 'unknown';
  reason: string;
  runbook: string;
}

export type ControlCell = (ControlRecord & { state: 'recorded' }) | { state: 'no data' };

export interface ReleaseRow {
  tag: string;
  first_recorded_at: string;
  /** The status of the tag's newest entry. */
  status: ManifestStatus;
  runs: number;
  controls: Record<ReleaseControl, ControlCell>;
}

export interface Incident {
  tag: string;
  run_id: string;
  status: ManifestStatus;
  failure_reason: string | null;
  issue_number: number | null;
  since: string;
  age_days: number;
}

export interface Drift {
  previous_tag: string;
  tag: string;
  field: 'builder_id' | 'source_repo' | 'workflow_path' | 'signer_san' | 'version';
  previous: string;
  current: string;
}

export type DrillSection =
  | {
      state: 'pass' | 'warn' | 'fail';
      tag: string;
      at: string;
      age_days: number;
      overdue: boolean;
      run_url: string | null;
      detail: string | null;
    }
  | { state: 'none'; reason: string }
  | Unknown;

export interface RepositorySecret {
  name: string;
  updated_at: string;
}

/** What the secrets API answered, as the caller read it. */
export type SecretsSource =
  { state: 'checked'; secrets: RepositorySecret[] } | { state: 'not checked'; reason: string } | Unknown;

export type SecretsSection =
  | { state: 'checked'; total: number; overdue: Array<RepositorySecret & { age_days: number }> }
  | { state: 'not checked'; reason: string }
  | Unknown;

export type FreezeSection =
  | {
      state: 'on' | 'off';
      reason: string | null;
      incident: string | null;
      set_by: string | null;
      set_at: string | null;
      source: string;
      location: string;
    }
  | (Unknown & { location: string });

export interface Metric {
  value: number | null;
  unit: 'ratio' | 'count' | 'seconds';
  /** Over how many history records or entries it was computed. */
  samples: number;
}

export interface PostureModel {
  generated_at: string;
  since: string | null;
  manifest: { state: 'read'; location: string; entries: number } | (Unknown & { location: string });
  freeze: FreezeSection;
  releases: ReleaseRow[];
  incidents: Incident[];
  drift: Drift[];
  drill: DrillSection;
  secrets: SecretsSection;
  metrics: Record<string, Metric>;
  /** Per release, oldest first: the share of its entries whose provenance control passed. */
  trend: Array<{ tag: string; pass_rate: number | null }>;
  warnings: string[];
  verdict: { exit_code: 0 | 1; line: string; blocking: string[] };
}

export interface PostureInput {
  /** The manifest's entries, or why they could not be read. */
  manifest: { location: string; entries: ManifestEntry[] } | { location: string; problem: string };
  /** The freeze as checkReleaseFreeze decided it, read from `location`. */
  freeze: { decision: FreezeDecision; location: string };
  secrets: SecretsSource;
  now: Date;
  since?: Date;
  maxReleases?: number;
}

const OPEN_STATUSES: readonly ManifestStatus[] = ['failure', 'blocked', 'requeued'];

function days(from: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / DAY_MS));
}

function firstAt(entry: ManifestEntry): string {
  return entry.history[0]?.at ?? entry.updated_at;
}

function latest<T extends { at: string }>(records: T[]): T | null {
  return records.reduce<T | null>(
    (best, record) => (best === null || Date.parse(record.at) >= Date.parse(best.at) ? record : best),
    null,
  );
}

/** Builds the posture from what was read; every fact the renderers show is here. */
export function buildPosture(input: PostureInput): PostureModel {
  const { now } = input;
  const since = input.since ?? null;
  const all = 'entries' in input.manifest ? input.manifest.entries : [];
  const inWindow = (at: string) => since === null || Date.parse(at) >= since.getTime();
  const releasesEntries = all.filter((entry) => !isDrillEntry(entry));
  const drills = all.filter((entry) => isDrillEntry(entry));

  const byTag = new Map<string, ManifestEntry[]>();
  for (const entry of releasesEntries) byTag.set(entry.tag, [...(byTag.get(entry.tag) ?? []), entry]);
  const chronological = [...byTag.entries()]
    .map(([tag, entries]) => ({ tag, entries, first: entries.map(firstAt).sort()[0] }))
    .filter((release) => inWindow(release.first))
    .sort((a, b) => Date.parse(a.first) - Date.parse(b.first) || (a.tag < b.tag ? -1 : 1));

  const rows = rowsOf(chronological);
  const newestFirst = [...rows].reverse().slice(0, input.maxReleases ?? 20);

  const incidents = incidentsOf(releasesEntries, now);
  const drift = driftOf(chronological);
  const drill: DrillSection =
    'entries' in input.manifest
      ? drillOf(drills, now)
      : {
          state: 'unknown',
          reason: `the manifest cannot be read: ${input.manifest.problem}`,
          runbook: POSTURE_RUNBOOK,
        };
  const secrets = secretsOf(input.secrets, now);
  const freeze = freezeOf(input.freeze);
  const { metrics, trend } = metricsOf(
    releasesEntries.filter((entry) => inWindow(firstAt(entry))),
    chronological.map((release) => release.tag),
  );

  const { blocking, warnings } = findingsOf({
    freeze,
    newest: newestFirst[0],
    drill,
    drift,
    incidents,
    secrets,
    manifestRead: 'entries' in input.manifest,
  });
  const manifest: PostureModel['manifest'] =
    'entries' in input.manifest
      ? { state: 'read', location: input.manifest.location, entries: input.manifest.entries.length }
      : {
          state: 'unknown',
          reason: input.manifest.problem,
          runbook: POSTURE_RUNBOOK,
          location: input.manifest.location,
        };

  const line =
    blocking.length > 0
      ? `posture: ${blocking.join('; ')}`
      : `posture: ok${warnings.length > 0 ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}`;
  return {
    generated_at: now.toISOString(),
    since: since?.toISOString() ?? null,
    manifest,
    freeze,
    releases: newestFirst,
    incidents,
    drift,
    drill,
    secrets,
    metrics,
    trend,
    warnings,
    verdict: { exit_code: blocking.length > 0 ? 1 : 0, line, blocking },
  };
}

function rowsOf(
  chronological: Array<{ tag: string; entries: ManifestEntry[]; first: string }>,
): ReleaseRow[] {
  return chronological.map(({ tag, entries, first }) => {
    const newest = [...entries]
      .sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at))
      .at(-1) as ManifestEntry;
    const controls = Object.fromEntries(
      RELEASE_CONTROLS.map((name) => {
        const record = latest(
          entries.flatMap((entry) => (entry.controls?.[name] ? [entry.controls[name]] : [])),
        );
        return [name, record === null ? { state: 'no data' } : { state: 'recorded', ...record }];
      }),
    ) as Record<ReleaseControl, ControlCell>;
    return { tag, first_recorded_at: first, status: newest.status, runs: entries.length, controls };
  });
}

function incidentsOf(releasesEntries: ManifestEntry[], now: Date): Incident[] {
  return releasesEntries
    .filter((entry) => OPEN_STATUSES.includes(entry.status))
    .map((entry) => {
      const since =
        [...entry.history]
          .reverse()
          .find((record) => record.to === entry.status && record.from !== entry.status)?.at ??
        entry.updated_at;
      return {
        tag: entry.tag,
        run_id: entry.run_id,
        status: entry.status,
        failure_reason: entry.failure_reason,
        issue_number: entry.issue_number,
        since,
        age_days: days(since, now),
      };
    })
    .sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
}

interface FindingsContext {
  freeze: FreezeSection;
  newest: ReleaseRow | undefined;
  drill: DrillSection;
  drift: Drift[];
  incidents: Incident[];
  secrets: SecretsSection;
  manifestRead: boolean;
}

/** What blocks a release (exit 1) and what only warns. */
function findingsOf(context: FindingsContext): { blocking: string[]; warnings: string[] } {
  const { freeze, newest, drill, drift, incidents, secrets } = context;
  const blocking: string[] = [];
  if (freeze.state === 'on') blocking.push('frozen');
  if (freeze.state === 'unknown') blocking.push('freeze unreadable (fail closed)');
  if (newest !== undefined) {
    for (const name of RELEASE_CONTROLS) {
      const cell = newest.controls[name];
      if (cell.state === 'recorded' && cell.status === 'fail')
        blocking.push(`${newest.tag} ${name} ${cell.failure_reason ?? 'fail'}`);
    }
  }
  if (drill.state === 'fail') blocking.push(`drill ${drill.tag} failed`);
  else if ((drill.state === 'pass' || drill.state === 'warn') && drill.overdue)
    blocking.push(`drill overdue (${drill.age_days} days)`);

  const warnings: string[] = [];
  for (const item of drift)
    warnings.push(
      `drift ${item.previous_tag} → ${item.tag}: ${item.field} ${item.previous} → ${item.current}`,
    );
  if (newest !== undefined)
    for (const name of RELEASE_CONTROLS) {
      const cell = newest.controls[name];
      if (cell.state === 'recorded' && cell.status === 'warn') warnings.push(`${newest.tag} ${name} warn`);
    }
  if (incidents.length > 0) warnings.push(`${incidents.length} open incident(s)`);
  if (drill.state === 'none') warnings.push('no drill recorded');
  if (secrets.state === 'checked' && secrets.overdue.length > 0)
    warnings.push(`${secrets.overdue.length} secret(s) older than ${SECRET_ROTATION_DAYS} days`);
  if (!context.manifestRead) warnings.push('manifest unknown');
  if (secrets.state === 'unknown') warnings.push('secrets unknown');

  return { blocking, warnings };
}

function summaryOf(entries: ManifestEntry[]): ProvenanceSummary | null {
  const withSummary = entries.filter((entry) => entry.provenance_summary);
  const newest = withSummary.sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at)).at(-1);
  return newest?.provenance_summary ?? null;
}

function versionOf(tag: string): string | null {
  return semver.valid(tag.replace(/^v/i, ''), { loose: false });
}

/** Builder, source repo, workflow path or signer changed, or a version lower than the one before. */
function driftOf(chronological: Array<{ tag: string; entries: ManifestEntry[] }>): Drift[] {
  const drift: Drift[] = [];
  for (let i = 1; i < chronological.length; i++) {
    const before = chronological[i - 1];
    const after = chronological[i];
    const [a, b] = [summaryOf(before.entries), summaryOf(after.entries)];
    if (a !== null && b !== null) {
      for (const field of ['builder_id', 'source_repo', 'workflow_path', 'signer_san'] as const) {
        const [previous, current] = [a[field], b[field]];
        if (previous !== null && current !== null && previous !== current)
          drift.push({ previous_tag: before.tag, tag: after.tag, field, previous, current });
      }
    }
    const [va, vb] = [versionOf(before.tag), versionOf(after.tag)];
    if (va !== null && vb !== null && semver.lt(vb, va))
      drift.push({
        previous_tag: before.tag,
        tag: after.tag,
        field: 'version',
        previous: before.tag,
        current: after.tag,
      });
  }
  return drift;
}

function drillOf(drills: ManifestEntry[], now: Date): DrillSection {
  const records = drills.map((entry) => {
    const control = entry.controls?.drill;
    const state: 'pass' | 'warn' | 'fail' | null = control
      ? control.status
      : entry.status === 'success'
        ? 'pass'
        : entry.status === 'failure' || entry.status === 'blocked'
          ? 'fail'
          : null;
    return { entry, control, state, at: control?.at ?? entry.updated_at };
  });
  const last = latest(records.filter((record) => record.state !== null));
  if (last === null || last.state === null)
    return drills.length === 0
      ? {
          state: 'none',
          reason:
            'no drill recorded in the manifest; run `release-guard drill` (or the security-drill workflow)',
        }
      : {
          state: 'unknown',
          reason: 'drill entries exist but none recorded an outcome',
          runbook: POSTURE_RUNBOOK,
        };
  const age = days(last.at, now);
  return {
    state: last.state,
    tag: last.entry.tag,
    at: last.at,
    age_days: age,
    overdue: age > DRILL_OVERDUE_DAYS,
    run_url: last.control?.run_url ?? null,
    detail: last.control?.detail ?? null,
  };
}

function secretsOf(source: SecretsSource, now: Date): SecretsSection {
  if (source.state !== 'checked') return source;
  const overdue = source.secrets
    .map((secret) => ({ ...secret, age_days: days(secret.updated_at, now) }))
    .filter((secret) => secret.age_days > SECRET_ROTATION_DAYS)
    .sort((a, b) => b.age_days - a.age_days);
  return { state: 'checked', total: source.secrets.length, overdue };
}

function freezeOf({ decision, location }: PostureInput['freeze']): FreezeSection {
  if (decision.source === 'unreadable')
    return {
      state: 'unknown',
      reason: `${decision.reason ?? 'the freeze file cannot be read'} (releases are refused while it cannot be read: fail closed)`,
      runbook: POSTURE_RUNBOOK,
      location,
    };
  return {
    state: decision.frozen ? 'on' : 'off',
    reason: decision.frozen ? decision.reason : null,
    incident: decision.frozen ? decision.incident : null,
    set_by: decision.frozen ? decision.set_by : null,
    set_at: decision.frozen ? decision.set_at : null,
    source: decision.source,
    location,
  };
}

const ratio = (hits: number, samples: number): Metric => ({
  value: samples === 0 ? null : Math.round((hits / samples) * 1000) / 1000,
  unit: 'ratio',
  samples,
});
const mean = (values: number[]): Metric => ({
  value:
    values.length === 0 ? null : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length),
  unit: 'seconds',
  samples: values.length,
});

/** The metrics of the README's "Posture metrics" table, from the entries' records. */
function metricsOf(entries: ManifestEntry[], tags: string[]): Pick<PostureModel, 'metrics' | 'trend'> {
  const provenance = entries.flatMap((entry) =>
    entry.controls?.provenance ? [entry.controls.provenance] : [],
  );
  const reruns = entries.flatMap((entry) =>
    entry.history.flatMap((record, index) =>
      record.to === 'rerunning' && record.from !== 'rerunning' ? [{ entry, index }] : [],
    ),
  );
  const resolved = reruns.flatMap(({ entry, index }) => {
    const next = entry.history.slice(index + 1).find((record) => record.to !== 'rerunning');
    return next?.to === 'success' ? [(Date.parse(next.at) - Date.parse(entry.history[index].at)) / 1000] : [];
  });
  const fixes = entries.flatMap((entry) => {
    if (entry.issue_number === null) return [];
    const mark = `#${entry.issue_number}`;
    const opened =
      entry.history.find((record) => record.note?.includes(mark)) ??
      entry.history.find((record) => record.to === 'failure');
    if (!opened) return [];
    const fixed = entries
      .filter((other) => other.tag === entry.tag)
      .flatMap((other) => other.history)
      .filter((record) => record.to === 'success' && Date.parse(record.at) > Date.parse(opened.at))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
    return fixed ? [(Date.parse(fixed.at) - Date.parse(opened.at)) / 1000] : [];
  });
  const failed = entries.filter((entry) => entry.history.some((record) => record.to === 'failure'));
  const metrics: Record<string, Metric> = {
    'security_ci.predicate_validation_pass_rate': ratio(
      provenance.filter((record) => record.status === 'pass').length,
      provenance.length,
    ),
    'security_ci.re_run_count': { value: reruns.length, unit: 'count', samples: entries.length },
    'rerun.success_rate': ratio(resolved.length, reruns.length),
    'rerun.time_to_resolution': mean(resolved),
    'recovery.issue_to_fix': mean(fixes),
    'notify.slack_success_rate': ratio(failed.filter((entry) => entry.notify_slack).length, failed.length),
  };
  const trend = tags.map((tag) => {
    const records = entries
      .filter((entry) => entry.tag === tag)
      .flatMap((entry) => (entry.controls?.provenance ? [entry.controls.provenance] : []));
    return {
      tag,
      pass_rate: ratio(records.filter((record) => record.status === 'pass').length, records.length).value,
    };
  });
  return { metrics, trend };
}
