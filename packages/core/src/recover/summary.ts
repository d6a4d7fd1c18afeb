import { retryTagName } from './fallback';
import type { RecoverResult, RecoverStatus } from './result';
import { markdownCell, markdownCode, markdownLink } from '../text/markdown';

const VERDICTS: Record<RecoverStatus, string> = {
  'rerun-succeeded': '✅ re-run succeeded',
  'rerun-failed': '❌ re-run failed (`rerun_failed`)',
  'rerun-started': '⏳ re-run started',
  denied: '⛔ re-run denied (`rerun_denied`)',
  skipped: '⏭️ skipped',
  frozen: '🧊 refused: the release freeze is on (`release_frozen`)',
};

export interface RecoverSummaryContext {
  tag: string;
  runId: string;
  actor: string;
}

function fallbackCell(result: Omit<RecoverResult, 'summary'>): string {
  const fallback = result.fallback;
  if (fallback === null) return '–';
  if (fallback.kind === 'none') return 'none chosen';
  if (fallback.kind === 'retry-tag') return `create tag ${markdownCode(fallback.tag)} (not created)`;
  if (!fallback.started)
    return `dispatch of ${markdownCell(fallback.workflow)} **failed**: ${markdownCell(fallback.error)}`;
  const run = fallback.runId
    ? markdownLink(fallback.runUrl, `run ${fallback.runId}`)
    : 'a new run (GitHub did not return its id)';
  return `dispatched ${markdownCell(fallback.workflow)} on ${markdownCell(fallback.ref)}: ${run}`;
}

/** What the on-call does next, for each way a recovery ends. */
function nextStep(result: Omit<RecoverResult, 'summary'>, context: RecoverSummaryContext): string {
  const tag = markdownCode(context.tag);
  const retryTag = markdownCode(retryTagName(context.tag));
  const newRelease = `release again with a new run: dispatch the release workflow for the tag, or have a release steward create ${retryTag}`;
  const attempt = result.newRunAttempt;
  switch (result.status) {
    case 'rerun-succeeded':
      return `Nothing: attempt ${attempt} succeeded and the manifest entry is \`success\`.`;
    case 'rerun-failed':
      return attempt === null
        ? "The re-run request failed and nothing was re-run. The entry stays `requeued` and is free again: dispatch provenance-recover once more; if it keeps failing, check GitHub's status page."
        : `Attempt ${attempt} failed again; the entry is \`blocked\` with \`rerun_failed\`. Do not release from this run. Read its failed jobs (${markdownLink(result.run?.htmlUrl, 'the run')}), fix the cause, then ${newRelease}; or decide on a rollback (Failure Recovery Runbook).`;
    case 'rerun-started':
      return (
        `Attempt ${attempt} is running (${markdownLink(result.run?.htmlUrl, 'the run')}). The entry stays \`rerunning\` with \`rerun_in_progress\` until the outcome is recorded: ` +
        "the re-run's provenance-validate job records success; otherwise record it with `release-guard manifest update --set status=success|blocked`."
      );
    case 'denied': {
      const fallback = result.fallback;
      if (fallback === null)
        return 'The run is still running on GitHub and no validation recorded it: nothing was recorded or re-run. Wait for it to finish; if it fails, dispatch provenance-recover again.';
      const blocked = 'The entry is `blocked` (`rerun_denied`).';
      if (fallback?.kind === 'dispatch' && fallback.started)
        return `${blocked} The release workflow was started again for ${tag}; its provenance is validated like any release run. Follow ${fallback.runId ? markdownLink(fallback.runUrl, `run ${fallback.runId}`) : 'the new run in the Actions tab'}.`;
      if (fallback?.kind === 'dispatch')
        return `${blocked} Starting the release workflow failed too: ${newRelease}.`;
      if (fallback?.kind === 'retry-tag')
        return `${blocked} A release steward must create the tag ${retryTag} on commit ${result.run ? markdownCode(result.run.headSha) : 'of the release'} (the commit run ${context.runId} built) and push it; the release workflow runs for it. provenance-recover never creates tags.`;
      return `${blocked} No fallback was chosen: ${newRelease}.`;
    }
    case 'skipped':
      return 'Nothing was changed.';
    case 'frozen':
      return 'Nothing was re-run, dispatched or named while the release freeze is on: the message above says why and how to lift it. Dispatch provenance-recover again once the freeze is lifted.';
  }
}

/** The job summary of a recovery: verdict, the facts, and what to do next. Every untrusted value is escaped. */
export function renderRecoverMarkdown(
  result: Omit<RecoverResult, 'summary'>,
  context: RecoverSummaryContext,
): string {
  const entry = result.manifest.entry;
  const run = result.run;
  const rows: [string, string][] = [
    [
      'run',
      run
        ? `${markdownLink(run.htmlUrl, `run ${run.id}`)} (${markdownCell(run.workflowPath)}), commit ${markdownCode(run.headSha)}`
        : `run ${context.runId}`,
    ],
    ['reason', markdownCell(result.reason)],
    ['requested by', markdownCell(context.actor)],
    ['new attempt', result.newRunAttempt === null ? '–' : String(result.newRunAttempt)],
    ['fallback', fallbackCell(result)],
    [
      'manifest',
      `${entry ? `\`${entry.status}\`${entry.rerun_in_progress ? ', rerun_in_progress' : ''}` : 'not written'} in ${markdownCell(result.manifest.location)}`,
    ],
  ];
  if (result.manifest.problem) rows.push(['manifest problem', markdownCell(result.manifest.problem)]);
  const lines = [
    `### provenance-recover ${markdownCell(context.tag)} (run ${context.runId}): ${VERDICTS[result.status]}`,
    '',
    `> ${markdownCell(result.message)}`,
    '',
    ...result.warnings.flatMap((warning) => [`> ⚠️ ${markdownCell(warning)}`, '']),
    '| | |',
    '| --- | --- |',
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
    '',
    `**What to do next:** ${nextStep(result, context)}`,
    '',
  ];
  return lines.join('\n');
}
