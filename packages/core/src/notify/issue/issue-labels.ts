import type { GitHubClient } from '../../github/client';
import { BACKCOMPAT_LABEL } from '../inputs';

/** Colours and descriptions of the labels this action creates; other labels get GitHub's grey. */
const KNOWN_LABELS: Record<string, { color: string; description: string }> = {
  'ops-alert': { color: 'd73a4a', description: 'Needs on-call attention (release-guard notify-on-failure)' },
  'provenance-failure': { color: 'b60205', description: 'A release failed provenance validation' },
  [BACKCOMPAT_LABEL]: { color: 'fbca04', description: 'SLSA v0.2 provenance: governance review needed' },
};

export interface EnsuredLabels {
  created: string[];
  /** Labels that could not be checked or created; the issue is still filed with them (GitHub may create them). */
  problems: string[];
}

/**
 * Creates the labels the repository does not have yet. Never throws: a label problem must not stop
 * the issue, and a missing permission shows on the issue creation itself.
 */
export async function ensureIssueLabels(
  client: GitHubClient,
  owner: string,
  repo: string,
  labels: readonly string[],
): Promise<EnsuredLabels> {
  const result: EnsuredLabels = { created: [], problems: [] };
  let existing: Set<string>;
  try {
    const listed = await client.paginate(client.rest.issues.listLabelsForRepo, {
      owner,
      repo,
      per_page: 100,
    });
    existing = new Set(listed.map((label) => label.name.toLowerCase()));
  } catch (error) {
    result.problems.push(`could not list the labels: ${(error as Error).message}`);
    return result;
  }
  for (const name of labels) {
    if (existing.has(name.toLowerCase())) continue;
    const known = KNOWN_LABELS[name.toLowerCase()];
    try {
      await client.rest.issues.createLabel({
        owner,
        repo,
        name,
        color: known?.color ?? 'ededed',
        ...(known ? { description: known.description } : {}),
      });
      result.created.push(name);
    } catch (error) {
      // 422 already_exists: another notifier created it meanwhile, which is what we wanted.
      if ((error as { status?: number }).status === 422) continue;
      result.problems.push(`could not create the label ${JSON.stringify(name)}: ${(error as Error).message}`);
    }
  }
  return result;
}
