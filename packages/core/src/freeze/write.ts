import { echoValue } from '../text/echo-value';
import { InputError, usageError } from '../errors';
import type { ManifestStore } from '../manifest/store';
import { safeText } from '../text/safe-text';
import { compareAndSwap, type CompareAndSwapOptions } from '../store/compare-and-swap';
import { StoreConflictError } from '../store/conflict-error';
import { freezeProblems, parseFreezeState, serializeFreezeState } from './schema';
import {
  FREEZE_SCHEMA_VERSION,
  type FreezeAction,
  type FreezeRecord,
  type FreezeScope,
  type FreezeState,
} from './types';

export interface FreezeChange extends CompareAndSwapOptions {
  action: FreezeAction;
  reason: string;
  /** Who makes the change (GITHUB_ACTOR, the user). */
  actor: string;
  /** Only for `on`: the incident (free text or a URL). */
  incident?: string;
  /** Only for `on`: tag patterns; none (or `all`) freezes every release. */
  scope?: string[];
  /** Only for `on`: an ISO 8601 date-time after which the freeze no longer applies. */
  expires?: string;
  /** The clock; read once per attempt. */
  now?: () => Date;
}

export interface FreezeChangeResult {
  state: FreezeState;
  record: FreezeRecord;
  /** Read-apply-write rounds, 1 when nobody else wrote in between. */
  attempts: number;
  version: string | null;
}

/** Other writers kept changing the freeze file and every attempt lost the race. Nothing was written. */
export class FreezeConflictError extends StoreConflictError {
  constructor(location: string, attempts: number, message: string) {
    super(location, attempts, message);
    this.name = 'FreezeConflictError';
  }
}

/**
 * Turns the freeze on or off: read → append one history record and set the top-level fields from it
 * → write with compare-and-swap, re-reading and re-applying when another writer got there first, so
 * no writer's record is lost. Every call writes (turning on a freeze that is on records the new reason).
 * An existing file that cannot be read is `unreadable_input` and is not overwritten: it holds the
 * history. Invalid input is a usage error. Nothing is written in either case.
 */
export async function changeReleaseFreeze(
  store: ManifestStore,
  change: FreezeChange,
): Promise<FreezeChangeResult> {
  const now = change.now ?? (() => new Date());
  const template = freezeRecord(change, now());
  const outcome = await compareAndSwap(
    store,
    (stored) => {
      const previous = stored.content === null ? null : parseFreezeState(stored.content, store.location);
      const record = { ...template, at: now().toISOString() };
      const state: FreezeState = {
        schema_version: FREEZE_SCHEMA_VERSION,
        frozen: record.action === 'on',
        reason: record.reason,
        incident: record.incident,
        set_by: record.by,
        set_at: record.at,
        scope: record.scope,
        expires_at: record.expires_at,
        history: [...(previous?.history ?? []), record],
      };
      return {
        result: { state, record },
        write: { content: serializeFreezeState(state), message: commitMessage(record) },
      };
    },
    {
      maxAttempts: change.maxAttempts,
      backoffBaseMs: change.backoffBaseMs,
      backoffMaxMs: change.backoffMaxMs,
      giveUp: (_last, attempts, elapsedSeconds) =>
        new FreezeConflictError(
          store.location,
          attempts,
          `freeze ${change.action}: gave up after ${attempts} attempts in ${elapsedSeconds.toFixed(1)} s: other writers changed ${store.location} every time. Run it again; nothing was written.`,
        ),
    },
  );
  return { ...outcome.result, attempts: outcome.attempts, version: outcome.version };
}

/** The history record of `change`, checked against the schema before anything is read or written. */
function freezeRecord(change: FreezeChange, at: Date): FreezeRecord {
  const reason = change.reason.trim();
  if (reason === '') throw new InputError('reason', 'must say why the freeze is turned on or off');
  const on = change.action === 'on';
  if (!on && (change.incident !== undefined || change.scope?.length || change.expires !== undefined)) {
    throw usageError(
      '`incident`, `scope` and `expires` describe a freeze being turned on; `off` lifts it whole',
    );
  }
  const record: FreezeRecord = {
    action: change.action,
    at: at.toISOString(),
    by: change.actor.trim() || 'unknown',
    reason,
    incident: change.incident?.trim() || null,
    scope: on ? freezeScope(change.scope ?? []) : 'all',
    expires_at: on && change.expires !== undefined ? expiry(change.expires, at) : null,
  };
  const problems = freezeProblems({
    schema_version: FREEZE_SCHEMA_VERSION,
    frozen: on,
    reason: record.reason,
    incident: record.incident,
    set_by: record.by,
    set_at: record.at,
    scope: record.scope,
    expires_at: record.expires_at,
    history: [record],
  });
  if (problems.length > 0) throw usageError(`the freeze cannot be written: ${problems.join('; ')}`);
  return record;
}

function freezeScope(patterns: string[]): FreezeScope {
  const trimmed = [...new Set(patterns.map((pattern) => pattern.trim()))];
  if (trimmed.length === 0 || (trimmed.length === 1 && trimmed[0] === 'all')) return 'all';
  if (trimmed.includes('all'))
    throw new InputError(
      'scope',
      'mixes all with tag patterns: give all alone, or only patterns such as v2.*',
    );
  if (trimmed.includes('')) throw new InputError('scope', 'needs a tag pattern such as v2.*');
  return trimmed;
}

function expiry(value: string, now: Date): string {
  // A date (midnight UTC) or a date-time with its zone: Date.parse alone also takes "March 7", and a
  // time without a zone would mean the local time of whichever machine reads it.
  const ms = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/i.test(value.trim())
    ? Date.parse(value.trim())
    : NaN;
  if (Number.isNaN(ms)) {
    throw new InputError(
      'expires',
      `${echoValue(value)} is not an ISO 8601 date or date-time with a zone, such as 2026-12-31T18:00:00Z`,
    );
  }
  if (ms <= now.getTime())
    throw new InputError('expires', `${echoValue(value)} has already passed; give a time in the future`);
  return new Date(ms).toISOString();
}

function commitMessage(record: FreezeRecord): string {
  const scope = record.scope === 'all' ? 'all releases' : record.scope.join(', ');
  const lines = [
    record.action === 'on' ? `release freeze: on (${scope})` : 'release freeze: off',
    '',
    `Reason: ${safeText(record.reason)}`,
  ];
  if (record.incident !== null) lines.push(`Incident: ${safeText(record.incident)}`);
  if (record.expires_at !== null) lines.push(`Expires: ${record.expires_at}`);
  lines.push(`Actor: ${safeText(record.by)}`);
  return `${lines.join('\n')}\n`;
}
