import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { ReleaseGuardError } from '@release-guard/core/errors';
import { parseManifestAssignments } from '@release-guard/core/manifest/assignments';
import { ManifestConflictError, ManifestRuleError } from '@release-guard/core/manifest/errors';
import { lintManifest } from '@release-guard/core/manifest/lint';
import { loadManifest, openManifestStore } from '@release-guard/core/manifest/open-store';
import { showManifest } from '@release-guard/core/manifest/show';
import { manifestEntryKey } from '@release-guard/core/manifest/types';
import { updateManifest, type ManifestUpdateResult } from '@release-guard/core/manifest/update';
import type { CliContext } from '../context';
import { withStoreOptions } from './manifest-store-options';
import { collect, parseFormat, type OutputFormat } from './output';

interface StoreFlags {
  manifest: string;
  gitRemote?: string;
  gitBranch?: string;
}

interface UpdateFlags extends StoreFlags {
  tag: string;
  runId: string;
  set: string[];
  actor?: string;
  note?: string;
  format: OutputFormat;
}

interface ShowFlags extends StoreFlags {
  tag?: string;
  format: OutputFormat;
}

export function registerManifest(program: Command, ctx: CliContext): void {
  const manifest = program
    .command('manifest')
    .description('Update, show and lint the release manifest (one entry per tag and run, with its history).');

  withStoreOptions(manifest.command('update'))
    .description(
      'Create or update the (tag, run) entry. Writes are compare-and-swap: when another writer got there first, ' +
        'the change is re-applied to the new version and retried. Exit 1 when a manifest rule refuses the change.',
    )
    .requiredOption('--tag <tag>', 'release tag of the entry')
    .requiredOption('--run-id <id>', 'GitHub Actions run id of the entry')
    .option(
      '--set <key=value>',
      'field to set, typed by the schema: true/false, integers, null (repeatable), e.g. --set status=failure --set failure_reason=digest_mismatch',
      collect,
      [],
    )
    .option('--actor <name>', 'who makes the change, for the history (default: $GITHUB_ACTOR, else $USER)')
    .option('--note <text>', 'why, for the history')
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat))
    .action((flags: UpdateFlags) => runUpdate(ctx, flags));

  withStoreOptions(manifest.command('show'))
    .description('Print the manifest entries as a table, or as JSON.')
    .option('--tag <tag>', 'only the entries of this tag (exact match)')
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat))
    .action((flags: ShowFlags) => runShow(ctx, flags));

  manifest
    .command('lint')
    .description(
      'Check that NEW is an acceptable successor of OLD: schema, legal status transitions, append-only history, ' +
        'issue_number unchanged once set, no entry removed. A missing OLD file means NEW creates the manifest.',
    )
    .argument('<old>', 'the manifest before the change (may be missing)')
    .argument('<new>', 'the manifest after the change')
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat))
    .action((oldPath: string, newPath: string, flags: { format: OutputFormat }) =>
      runLint(ctx, oldPath, newPath, flags),
    );
}

function openStore(ctx: CliContext, flags: StoreFlags) {
  const { manifest, gitRemote, gitBranch } = flags;
  return openManifestStore({ manifest, gitRemote, gitBranch, cwd: ctx.cwd, env: ctx.env });
}

async function runUpdate(ctx: CliContext, flags: UpdateFlags): Promise<void> {
  const set = parseManifestAssignments(flags.set);
  const actor = flags.actor ?? ctx.env.GITHUB_ACTOR ?? ctx.env.USER ?? ctx.env.USERNAME ?? 'unknown';
  const { store, close } = openStore(ctx, flags);
  try {
    const result = await updateManifest(store, {
      tag: flags.tag,
      runId: flags.runId,
      set,
      actor,
      note: flags.note,
    });
    if (flags.format === 'json')
      ctx.stdout(`${JSON.stringify(updateJson(store.location, result), null, 2)}\n`);
    else ctx.stdout(updateText(store.location, result));
    ctx.exitCode = 0;
  } catch (error) {
    if (!(error instanceof ManifestRuleError || error instanceof ManifestConflictError)) throw error;
    const kind = error instanceof ManifestRuleError ? error.rule : 'conflict';
    if (flags.format === 'json') {
      const refusal = { manifest: store.location, written: false, error: { kind, message: error.message } };
      ctx.stdout(`${JSON.stringify(refusal, null, 2)}\n`);
    }
    ctx.stderr(`release-guard: manifest update refused (${kind}): ${error.message}\n`);
    ctx.exitCode = 1;
  } finally {
    await close();
  }
}

function updateJson(location: string, result: ManifestUpdateResult) {
  return {
    manifest: location,
    written: result.written,
    created: result.created,
    version: result.version,
    entry: result.entry,
    changed_fields: result.changedFields,
    attempts: result.attempts,
    metrics: result.metrics,
  };
}

function updateText(location: string, result: ManifestUpdateResult): string {
  const { entry } = result;
  const key = manifestEntryKey(entry);
  if (!result.written)
    return `${key} already has these values (status ${entry.status}); nothing written to ${location}.\n`;
  const from = entry.history[entry.history.length - 1].from;
  const what =
    from === null
      ? `created ${key} as ${entry.status}`
      : `updated ${key}: ${from} → ${entry.status} (${result.changedFields.join(', ') || 'note only'})`;
  const waited = result.metrics['metrics.lock_wait_seconds'];
  return (
    `${what}\n` +
    `written to ${location} in ${result.attempts} attempt${result.attempts === 1 ? '' : 's'}` +
    `${waited > 0 ? `, ${waited} s waiting for other writers` : ''}.\n`
  );
}

async function runShow(ctx: CliContext, flags: ShowFlags): Promise<void> {
  const { store, close } = openStore(ctx, flags);
  try {
    const manifest = await loadManifest(store);
    ctx.stdout(showManifest(manifest, { tag: flags.tag, format: flags.format, location: store.location }));
    ctx.exitCode = 0;
  } finally {
    await close();
  }
}

async function runLint(
  ctx: CliContext,
  oldPath: string,
  newPath: string,
  flags: { format: OutputFormat },
): Promise<void> {
  const oldText = await readText(resolve(ctx.cwd, oldPath), 'OLD', true);
  const newText = await readText(resolve(ctx.cwd, newPath), 'NEW', false);
  const findings = lintManifest(oldText, newText as string);
  if (flags.format === 'json') {
    ctx.stdout(
      `${JSON.stringify({ ok: findings.length === 0, old: oldText === null ? null : oldPath, new: newPath, findings }, null, 2)}\n`,
    );
  } else if (findings.length === 0) {
    ctx.stdout(
      `OK: ${newPath} is a valid ${oldText === null ? 'new manifest' : `successor of ${oldPath}`}.\n`,
    );
  } else {
    for (const finding of findings) ctx.stdout(`${finding.kind}: ${finding.message}\n`);
    ctx.stdout(
      `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${newPath} is not an acceptable manifest change.\n`,
    );
  }
  ctx.exitCode = findings.length === 0 ? 0 : 1;
}

async function readText(path: string, role: 'OLD' | 'NEW', mayBeMissing: boolean): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && mayBeMissing) return null;
    throw new ReleaseGuardError(
      'unreadable_input',
      `cannot read ${role} manifest ${path} (${code ?? (error as Error).message}).`,
      {
        path,
      },
    );
  }
}
