// The context module alone: the package's main entry also builds an HTTP client on undici, which
// would load at start-up in every action that only needs to know which run it is in.
import { Context } from '@actions/github/lib/context';
import { ReleaseGuardError, usageError } from '../errors';

/** The workflow run a job belongs to, as the runner describes it. Absent or empty variables are `undefined`. */
export interface RunContext {
  /** GITHUB_RUN_ID as a decimal string: run ids are kept as text everywhere (the manifest, outputs). */
  readonly runId: string | undefined;
  /** GITHUB_RUN_ATTEMPT as a decimal string (`'1'` for the first attempt). */
  readonly runAttempt: string | undefined;
  /** From GITHUB_REPOSITORY, else from the event payload's `repository`. */
  readonly repository: Readonly<{ owner: string; repo: string }> | undefined;
  readonly actor: string | undefined;
  /** GITHUB_SERVER_URL without a trailing slash; https://github.com when unset or empty. */
  readonly serverUrl: string;
  /** GITHUB_API_URL without a trailing slash; https://api.github.com when unset or empty. */
  readonly apiUrl: string;
  readonly workflow: string | undefined;
  readonly ref: string | undefined;
  readonly sha: string | undefined;
  readonly eventName: string | undefined;
}

/**
 * Runs `read` with `process.env` replaced by `env`. @actions/github's Context reads `process.env` in
 * its constructor and again in its `repo` getter, and has no other way to be given an environment.
 * Both are synchronous, so no other code can run while the swap is in place.
 */
function withProcessEnv<T>(env: NodeJS.ProcessEnv, read: () => T): T {
  if (env === process.env) return read();
  const saved = process.env;
  process.env = { ...env };
  try {
    return read();
  } finally {
    process.env = saved;
  }
}

function text(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function url(value: string | undefined, fallback: string): string {
  return (text(value) ?? fallback).replace(/\/+$/, '');
}

/**
 * Context parses run numbers with parseInt, which reads `'0012'` and `'12abc'` as 12. The string is
 * taken from that number only when it prints back as exactly what the runner set; anything else is
 * refused rather than silently rewritten.
 */
function runNumber(name: string, raw: string | undefined, parsed: number): string | undefined {
  if (text(raw) === undefined) return undefined;
  const printed = String(parsed);
  if (Number.isSafeInteger(parsed) && parsed >= 0 && printed === raw) return printed;
  throw usageError(`${name} is ${JSON.stringify(raw)}, which is not a whole number without leading zeros`, {
    field: name,
    actual: raw,
  });
}

function repository(context: Context, env: NodeJS.ProcessEnv): RunContext['repository'] {
  const fromEnv = text(env.GITHUB_REPOSITORY);
  let found: { owner: string; repo: string };
  try {
    found = context.repo;
  } catch {
    // No GITHUB_REPOSITORY and no payload repository (or one without owner.login).
    return undefined;
  }
  const { owner, repo } = found;
  const wellFormed = typeof owner === 'string' && owner !== '' && typeof repo === 'string' && repo !== '';
  if (fromEnv !== undefined && (!wellFormed || `${owner}/${repo}` !== fromEnv)) {
    throw usageError(`GITHUB_REPOSITORY is ${JSON.stringify(fromEnv)}; expected owner/repo`, {
      field: 'GITHUB_REPOSITORY',
      actual: fromEnv,
    });
  }
  return wellFormed ? Object.freeze({ owner, repo }) : undefined;
}

/**
 * Reads the run context through @actions/github's Context, from `env` (default `process.env`) and the
 * event payload at GITHUB_EVENT_PATH. Throws a ReleaseGuardError for a run id, attempt or repository
 * that is set but malformed, or an event payload that is not JSON.
 */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  return withProcessEnv(env, () => {
    let context: Context;
    try {
      context = new Context();
    } catch (error) {
      // The parser's message quotes the payload, which holds untrusted text (titles, branch names).
      const code = (error as NodeJS.ErrnoException).code;
      const reason = typeof code === 'string' ? `could not be read (${code})` : 'is not JSON';
      throw new ReleaseGuardError(
        'unreadable_input',
        `the event payload at GITHUB_EVENT_PATH ${JSON.stringify(env.GITHUB_EVENT_PATH)} ${reason}`,
        { field: 'GITHUB_EVENT_PATH' },
      );
    }
    return Object.freeze({
      runId: runNumber('GITHUB_RUN_ID', env.GITHUB_RUN_ID, context.runId),
      runAttempt: runNumber('GITHUB_RUN_ATTEMPT', env.GITHUB_RUN_ATTEMPT, context.runAttempt),
      repository: repository(context, env),
      actor: text(context.actor),
      serverUrl: url(context.serverUrl, 'https://github.com'),
      apiUrl: url(context.apiUrl, 'https://api.github.com'),
      workflow: text(context.workflow),
      ref: text(context.ref),
      sha: text(context.sha),
      eventName: text(context.eventName),
    });
  });
}
