import { Command, Option } from 'commander';
import { checkReleaseFreeze } from '@release-guard/core/freeze/check';
import { renderFreezeText } from '@release-guard/core/freeze/render';
import { freezeFilePath, openFreezeStore } from '@release-guard/core/freeze/store';
import { type FreezeAction } from '@release-guard/core/freeze/types';
import { variableFreezes } from '@release-guard/core/freeze/variable';
import {
  changeReleaseFreeze,
  FreezeConflictError,
  type FreezeChangeResult,
} from '@release-guard/core/freeze/write';
import type { CliContext } from '../context';
import { collect, parseFormat, type OutputFormat } from './output';

interface StoreFlags {
  file?: string;
  gitRemote?: string;
  gitBranch?: string;
  format: OutputFormat;
}

interface ChangeFlags extends StoreFlags {
  reason: string;
  incident?: string;
  scope: string[];
  expires?: string;
  actor?: string;
}

interface StatusFlags extends StoreFlags {
  tag?: string;
}

export function registerFreeze(program: Command, ctx: CliContext): void {
  const freeze = program
    .command('freeze')
    .description(
      'The release freeze (kill switch): while it is on, signing, attaching, publishing, re-running and tagging ' +
        'are refused with release_frozen; verification and reports still run. RELEASE_FREEZE in the environment ' +
        '(anything but empty, false, 0, off or no) forces it on.',
    );

  withStoreOptions(freeze.command('on'))
    .description('Freeze releases: all of them, or the tags of --scope, until lifted or until --expires.')
    .requiredOption('--reason <text>', 'why releases are frozen (required)')
    .option('--incident <url>', 'the incident: a URL or free text')
    .option(
      '--scope <pattern>',
      'freeze only tags matching this pattern, * for any characters (repeatable; default: all releases)',
      collect,
      [],
    )
    .option('--expires <iso8601>', 'stop applying at this date-time, e.g. 2026-12-31T18:00:00Z')
    .option('--actor <name>', 'who freezes, for the history (default: $GITHUB_ACTOR, else $USER)')
    .action((flags: ChangeFlags) => runChange(ctx, 'on', flags));

  withStoreOptions(freeze.command('off'))
    .description('Lift the freeze. The history keeps every on and off.')
    .requiredOption('--reason <text>', 'why the freeze is lifted (required)')
    .option('--actor <name>', 'who lifts it, for the history (default: $GITHUB_ACTOR, else $USER)')
    .action((flags: ChangeFlags) => runChange(ctx, 'off', { ...flags, scope: [] }));

  withStoreOptions(freeze.command('status'))
    .description(
      'Say whether releases (of --tag) are frozen. Exit 0: not frozen; 1: frozen, or the freeze state cannot be read (fail closed).',
    )
    .option('--tag <tag>', 'the release to ask about (default: whether anything is frozen)')
    .action((flags: StatusFlags) => runStatus(ctx, flags));
}

function withStoreOptions(command: Command): Command {
  return command
    .option(
      '--file <path>',
      'the freeze file; with --git-remote, its path inside the repository (default: $RELEASE_GUARD_FREEZE_FILE, else .github/release-freeze.json)',
    )
    .option(
      '--git-remote <url>',
      'keep the freeze file on a branch of this git remote (URL or path; credentials from your git setup)',
    )
    .option('--git-branch <branch>', 'the branch of --git-remote that holds the freeze file')
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat));
}

function openStore(ctx: CliContext, flags: StoreFlags) {
  return openFreezeStore({
    file: freezeFilePath(flags.file, ctx.env),
    gitRemote: flags.gitRemote,
    gitBranch: flags.gitBranch,
    cwd: ctx.cwd,
    env: ctx.env,
    pathFlag: '--file',
  });
}

async function runChange(ctx: CliContext, action: FreezeAction, flags: ChangeFlags): Promise<void> {
  const actor = flags.actor ?? ctx.env.GITHUB_ACTOR ?? ctx.env.USER ?? ctx.env.USERNAME ?? 'unknown';
  const { store, close } = openStore(ctx, flags);
  try {
    const result = await changeReleaseFreeze(store, {
      action,
      reason: flags.reason,
      incident: flags.incident,
      scope: flags.scope,
      expires: flags.expires,
      actor,
    });
    const status = await checkReleaseFreeze({ store, variable: ctx.env.RELEASE_FREEZE });
    if (flags.format === 'json') {
      ctx.stdout(`${JSON.stringify(changeJson(store.location, result, status), null, 2)}\n`);
    } else {
      ctx.stdout(changeText(store.location, result));
    }
    if (action === 'off' && variableFreezes(ctx.env.RELEASE_FREEZE)) {
      ctx.stderr(
        'release-guard: the freeze file is lifted, but RELEASE_FREEZE in this environment still forces the freeze on; ' +
          'set the repository variable RELEASE_FREEZE to false (or delete it) to lift that too.\n',
      );
    }
    ctx.exitCode = 0;
  } catch (error) {
    if (!(error instanceof FreezeConflictError)) throw error;
    if (flags.format === 'json') {
      ctx.stdout(
        `${JSON.stringify({ freeze_file: store.location, written: false, error: { kind: 'conflict', message: error.message } }, null, 2)}\n`,
      );
    }
    ctx.stderr(`release-guard: freeze ${action} refused (conflict): ${error.message}\n`);
    ctx.exitCode = 1;
  } finally {
    await close();
  }
}

function changeJson(
  location: string,
  result: FreezeChangeResult,
  status: Awaited<ReturnType<typeof checkReleaseFreeze>>,
) {
  return {
    freeze_file: location,
    written: true,
    attempts: result.attempts,
    version: result.version,
    record: result.record,
    status,
  };
}

function changeText(location: string, result: FreezeChangeResult): string {
  const { record } = result;
  const attempts = `${result.attempts} attempt${result.attempts === 1 ? '' : 's'}`;
  if (record.action === 'off') return `release freeze lifted; written to ${location} in ${attempts}.\n`;
  const scope = record.scope === 'all' ? 'all releases' : `tags ${record.scope.join(', ')}`;
  const until = record.expires_at === null ? 'until lifted' : `until ${record.expires_at}`;
  return (
    `release freeze ON for ${scope}, ${until}; written to ${location} in ${attempts}.\n` +
    'Lift it with `release-guard freeze off --reason TEXT`.\n'
  );
}

async function runStatus(ctx: CliContext, flags: StatusFlags): Promise<void> {
  const { store, close } = openStore(ctx, flags);
  try {
    const decision = await checkReleaseFreeze({ store, variable: ctx.env.RELEASE_FREEZE, tag: flags.tag });
    if (flags.format === 'json') ctx.stdout(`${JSON.stringify(decision, null, 2)}\n`);
    else ctx.stdout(renderFreezeText(decision, store.location, flags.tag));
    ctx.exitCode = decision.frozen ? 1 : 0;
  } finally {
    await close();
  }
}
