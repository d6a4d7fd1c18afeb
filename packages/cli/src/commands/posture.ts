import path from 'node:path';
import { Command, Option } from 'commander';
import { checkReleaseFreeze } from '@release-guard/core/freeze/check';
import { freezeFilePath, openFreezeStore } from '@release-guard/core/freeze/store';
import { createGitHubClient } from '@release-guard/core/github/client';
import { usageError } from '@release-guard/core/errors';
import { buildPosture } from '@release-guard/core/posture/model';
import {
  renderPostureHtml,
  renderPostureJson,
  renderPostureMarkdown,
} from '@release-guard/core/posture/render';
import {
  readPostureManifest,
  readRepositorySecrets,
  writePostureFiles,
} from '@release-guard/core/posture/sources';
import type { CliContext } from '../context';

interface PostureFlags {
  manifest: string;
  freezeFile?: string;
  githubRepo?: string;
  secretsTokenEnv?: string;
  outDir: string;
  format: 'md' | 'html' | 'json';
  since?: string;
  maxReleases: string;
}

export const POSTURE_DESCRIPTION =
  'One page that answers "can we ship?": per release the provenance, signature, repro and evidence controls, open ' +
  'incidents, the freeze, the last drill, drift between releases, overdue secrets and metrics, written as posture.md, ' +
  'posture.json and posture.html. Exit 1: a control of the newest release failed, the freeze is on, or the last drill failed or is overdue.';

export function registerPosture(program: Command, ctx: CliContext): void {
  program
    .command('posture')
    .description(POSTURE_DESCRIPTION)
    .requiredOption(
      '--manifest <path>',
      'the release manifest (a missing file shows everything unknown, exit 0)',
    )
    .option(
      '--freeze-file <file>',
      'the freeze file (default: $RELEASE_GUARD_FREEZE_FILE, else .github/release-freeze.json); RELEASE_FREEZE forces it on',
    )
    .option('--github-repo <owner/repo>', 'the repository whose secrets are checked for age')
    .option(
      '--secrets-token-env <var>',
      'the environment variable that holds a token that may read repository secrets',
    )
    .option('--out-dir <dir>', 'where posture.md, posture.json and posture.html are written', '.')
    .addOption(
      new Option('--format <format>', 'what is printed on stdout')
        .choices(['md', 'html', 'json'])
        .default('md'),
    )
    .option('--since <iso8601>', 'only releases first recorded at or after this date-time')
    .option('--max-releases <n>', 'how many releases to show, newest first', '20')
    .action((flags: PostureFlags) => runPosture(ctx, flags));
}

async function runPosture(ctx: CliContext, flags: PostureFlags): Promise<void> {
  const since = flags.since === undefined ? undefined : new Date(flags.since);
  if (since !== undefined && Number.isNaN(since.getTime()))
    throw usageError(`--since ${JSON.stringify(flags.since)} is not a date-time (e.g. 2026-01-01T00:00:00Z)`);
  const maxReleases = Number(flags.maxReleases);
  if (!Number.isInteger(maxReleases) || maxReleases < 1)
    throw usageError(`--max-releases ${JSON.stringify(flags.maxReleases)} must be a whole number from 1`);
  if (flags.githubRepo !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(flags.githubRepo))
    throw usageError(`--github-repo must be OWNER/REPO, got ${JSON.stringify(flags.githubRepo)}`);
  const token = flags.secretsTokenEnv === undefined ? undefined : ctx.env[flags.secretsTokenEnv];
  if (flags.secretsTokenEnv !== undefined && !token)
    throw usageError(
      `--secrets-token-env ${flags.secretsTokenEnv}: that environment variable is empty or unset`,
    );

  const manifest = await readPostureManifest(path.resolve(ctx.cwd, flags.manifest));
  const { store, close } = openFreezeStore({
    file: freezeFilePath(flags.freezeFile, ctx.env),
    cwd: ctx.cwd,
    env: ctx.env,
    pathFlag: '--freeze-file',
  });
  let decision;
  try {
    decision = await checkReleaseFreeze({ store, variable: ctx.env.RELEASE_FREEZE });
  } finally {
    await close();
  }
  const client =
    token === undefined || flags.githubRepo === undefined
      ? null
      : createGitHubClient({ token, env: ctx.env, retries: 1 });
  const secrets = await readRepositorySecrets(client, client === null ? undefined : flags.githubRepo);
  const model = buildPosture({
    manifest,
    freeze: { decision, location: store.location },
    secrets,
    now: new Date(),
    since,
    maxReleases,
  });
  const files = await writePostureFiles(model, path.resolve(ctx.cwd, flags.outDir));
  if (flags.format === 'md') ctx.stdout(`${model.verdict.line}\n\n${renderPostureMarkdown(model)}`);
  else {
    ctx.stderr(`${model.verdict.line}\n`);
    ctx.stdout(flags.format === 'json' ? renderPostureJson(model) : renderPostureHtml(model));
  }
  ctx.stderr(`posture: wrote ${files.md}, ${files.json}, ${files.html}\n`);
  ctx.exitCode = model.verdict.exit_code;
}
