import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { InputError } from '../errors';

const run = promisify(execFile);

async function git(workspace: string, args: string[]): Promise<string | null> {
  try {
    const { stdout } = await run('git', args, { cwd: workspace, encoding: 'utf8' });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/** The commit and time the evidence is stamped with: never "now", so two runs write the same bytes. */
export interface ReleaseStamp {
  commit: string | null;
  time: Date;
}

/**
 * The commit is the workspace's HEAD, else $GITHUB_SHA. The time is SOURCE_DATE_EPOCH (seconds), else
 * the commit's time; with neither there is no reproducible time, which is a usage error.
 */
export async function releaseStamp(workspace: string, env: NodeJS.ProcessEnv): Promise<ReleaseStamp> {
  const commit = (await git(workspace, ['rev-parse', 'HEAD'])) ?? env.GITHUB_SHA ?? null;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch))
      throw new InputError('source-date-epoch', `must be whole seconds, got ${JSON.stringify(epoch)}`);
    return { commit, time: new Date(Number(epoch) * 1000) };
  }
  const committed = await git(workspace, ['log', '-1', '--format=%ct', 'HEAD']);
  if (committed === null) {
    throw new InputError(
      'source-date-epoch',
      'is needed: the workspace is not a git checkout with a commit, so set SOURCE_DATE_EPOCH to the release time',
    );
  }
  return { commit, time: new Date(Number(committed) * 1000) };
}
