/**
 * Attaches one file to a release in a process of its own and prints that process's peak RSS (bytes)
 * as JSON: the streaming test compares a small file with a large one.
 * Usage: tsx upload-rss-probe.ts API_URL TOKEN TAG FILE
 */
import { createGitHubClient } from '../src/github/client';
import { attachReleaseAssets } from '../src/github/release-assets';

async function main(): Promise<void> {
  const [baseUrl, token, tag, path] = process.argv.slice(2);
  const client = createGitHubClient({ baseUrl, token, writeIntervalMs: 0, notificationIntervalMs: 0 });
  const { assets } = await attachReleaseAssets(client, { owner: 'acme', repo: 'widgets', tag }, [{ path }]);
  process.stdout.write(
    JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024, digestChecked: assets[0].digestChecked }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
