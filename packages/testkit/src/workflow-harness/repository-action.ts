import path from 'node:path';

/**
 * The local folder of an action `owner/name[/path]@ref` whose repository is registered in
 * `repositories` (as for reusable workflows), else undefined. The ref is not checked out: the folder is
 * taken as that commit.
 */
export function repositoryActionDir(
  uses: string,
  repositories: Record<string, string> | undefined,
): string | undefined {
  const match = /^([^/@]+\/[^/@]+)(?:\/([^@]+))?@.+$/.exec(uses);
  const root = match ? repositories?.[match[1]] : undefined;
  return match && root ? path.join(root, match[2] ?? '') : undefined;
}
