import { Command, Option } from 'commander';
import { usageError } from '@release-guard/core/errors';
import { runDrill } from '@release-guard/core/drill/drill';
import { drillJson, renderDrillText } from '@release-guard/core/drill/render';
import { createGitHubClient } from '@release-guard/core/github/client';
import { RUN_ID_PATTERN } from '@release-guard/core/manifest/location';
import { openManifestStore } from '@release-guard/core/manifest/open-store';
import type { CliContext } from '../context';
import { withStoreOptions } from './manifest-store-options';
import { parseFormat, type OutputFormat } from './output';

interface DrillFlags {
  manifest: string;
  gitRemote?: string;
  gitBranch?: string;
  runId?: string;
  slackWebhookEnv?: string;
  githubRepo?: string;
  githubTokenEnv: string;
  apiUrl?: string;
  format: OutputFormat;
}

const DESCRIPTION =
  'Run the known-bad release shipped with release-guard through the real path: verify --key --no-tlog must fail ' +
  'with digest_mismatch, the alert must reach Slack (or the fallback issue, labelled drill and closed), what was ' +
  'delivered must hold no secret, and a scratch freeze must refuse signing. Each step is recorded in the manifest ' +
  '(entry drill-<UTC date>). Exit 0: pass or warn; 1: a step failed; 2: unusable input.';

export function registerDrill(program: Command, ctx: CliContext): void {
  withStoreOptions(program.command('drill').description(DESCRIPTION))
    .option('--run-id <id>', 'the run the drill entry belongs to (default: $GITHUB_RUN_ID)')
    .option('--slack-webhook-env <var>', 'the variable holding the Slack incoming webhook URL')
    .option(
      '--github-repo <owner/repo>',
      'where the fallback issue is filed when Slack is not reached (default: $GITHUB_REPOSITORY)',
    )
    .option('--github-token-env <var>', 'the variable holding a token that may write issues', 'GITHUB_TOKEN')
    .option('--api-url <url>', 'the GitHub REST API (default: $GITHUB_API_URL, else https://api.github.com)')
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat))
    .action((flags: DrillFlags) => runDrillCommand(ctx, flags));
}

function variable(ctx: CliContext, flag: string, name: string): string {
  const value = ctx.env[name];
  if (value === undefined || value === '') throw usageError(`${flag} ${name}: the variable is not set`);
  return value;
}

async function runDrillCommand(ctx: CliContext, flags: DrillFlags): Promise<void> {
  const runId = flags.runId ?? ctx.env.GITHUB_RUN_ID;
  if (runId === undefined || runId === '')
    throw usageError('--run-id is required (or $GITHUB_RUN_ID): the drill entry is one per run');
  if (!RUN_ID_PATTERN.test(runId))
    throw usageError(
      `--run-id must be a workflow run id (digits, no leading zero), got ${JSON.stringify(runId.slice(0, 40))}`,
    );
  const slackWebhookUrl =
    flags.slackWebhookEnv === undefined
      ? undefined
      : variable(ctx, '--slack-webhook-env', flags.slackWebhookEnv);
  const repository = flags.githubRepo ?? (ctx.env.GITHUB_REPOSITORY || undefined);
  if (repository !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(repository))
    throw usageError(`--github-repo must be OWNER/REPO, got ${JSON.stringify(repository.slice(0, 200))}`);
  const token = repository === undefined ? undefined : ctx.env[flags.githubTokenEnv] || undefined;
  if (flags.githubRepo !== undefined && token === undefined)
    throw usageError(`--github-repo needs a token: --github-token-env ${flags.githubTokenEnv} is not set`);
  const secrets = [slackWebhookUrl, token].filter((value): value is string => value !== undefined);
  const github =
    repository !== undefined && token !== undefined
      ? {
          repository,
          client: createGitHubClient({
            token,
            baseUrl: flags.apiUrl,
            env: ctx.env,
            timeoutMs: 10_000,
            retries: 2,
          }),
        }
      : undefined;
  const { store, close } = openManifestStore({
    manifest: flags.manifest,
    gitRemote: flags.gitRemote,
    gitBranch: flags.gitBranch,
    cwd: ctx.cwd,
    env: ctx.env,
  });
  try {
    const result = await runDrill({
      store,
      runId,
      actor: ctx.env.GITHUB_ACTOR ?? ctx.env.USER ?? ctx.env.USERNAME ?? 'release-guard-drill',
      repository: repository ?? null,
      serverUrl: (ctx.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
      alert: { slackWebhookUrl, github },
      secrets,
      tempDir: ctx.env.RUNNER_TEMP || undefined,
    });
    if (flags.format === 'json') ctx.stdout(`${JSON.stringify(drillJson(result), null, 2)}\n`);
    else ctx.stdout(renderDrillText(result));
    ctx.exitCode = result.status === 'fail' ? 1 : 0;
  } finally {
    await close();
  }
}
