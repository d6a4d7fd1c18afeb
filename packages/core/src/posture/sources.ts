import fs from 'node:fs/promises';
import path from 'node:path';
import type { GitHubClient } from '../github/client';
import { githubMessage, statusOf } from '../github/request-errors';
import { FileManifestStore } from '../manifest/file-store';
import { parseManifest } from '../manifest/schema';
import type { ManifestStore } from '../manifest/store';
import { writeFileAtomic } from '../report/write-file-atomic';
import { POSTURE_RUNBOOK, type PostureInput, type PostureModel, type SecretsSource } from './model';
import { renderPostureHtml, renderPostureJson, renderPostureMarkdown } from './render';

/** The manifest file's entries, or why they cannot be read (a missing file is "unknown", not an error). */
export function readPostureManifest(file: string): Promise<PostureInput['manifest']> {
  return readManifestStore(new FileManifestStore(file));
}

/** The manifest as a store holds it (a workspace file or a branch through the contents API). */
export async function readManifestStore(store: ManifestStore): Promise<PostureInput['manifest']> {
  try {
    const { content } = await store.read();
    if (content === null) return { location: store.location, problem: `no manifest at ${store.location}` };
    return { location: store.location, entries: parseManifest(content, store.location).entries };
  } catch (error) {
    return { location: store.location, problem: (error as Error).message };
  }
}

/**
 * Repository secrets and when each was last updated: GET /repos/{owner}/{repo}/actions/secrets. The
 * token needs secrets read (GITHUB_TOKEN cannot); without one the section is "not checked", a refusal
 * or any other error is "unknown" with the reason.
 */
export async function readRepositorySecrets(
  client: GitHubClient | null,
  repository: string | undefined,
): Promise<SecretsSource> {
  if (client === null || repository === undefined)
    return {
      state: 'not checked',
      reason:
        'no token given; pass --github-repo OWNER/REPO --secrets-token-env VAR (the action: secrets-token) with a token that may read repository secrets (fine-grained: "Secrets: read"; GITHUB_TOKEN cannot)',
    };
  const [owner, repo] = repository.split('/');
  try {
    const secrets = await client.paginate(client.rest.actions.listRepoSecrets, {
      owner,
      repo,
      per_page: 100,
    });
    return {
      state: 'checked',
      secrets: secrets.map((secret) => ({ name: secret.name, updated_at: secret.updated_at })),
    };
  } catch (error) {
    const status = statusOf(error);
    return {
      state: 'unknown',
      reason:
        status === 403 || status === 404
          ? `GitHub answered ${status} to GET /repos/${repository}/actions/secrets (${githubMessage(error)}): the token may not read repository secrets; give one with "Secrets: read"`
          : `GET /repos/${repository}/actions/secrets failed: ${githubMessage(error)}`,
      runbook: POSTURE_RUNBOOK,
    };
  }
}

export interface PostureFiles {
  md: string;
  json: string;
  html: string;
}

/** Writes posture.md, posture.json and posture.html into `outDir` (each atomically). */
export async function writePostureFiles(model: PostureModel, outDir: string): Promise<PostureFiles> {
  await fs.mkdir(outDir, { recursive: true });
  const files = {
    md: path.join(outDir, 'posture.md'),
    json: path.join(outDir, 'posture.json'),
    html: path.join(outDir, 'posture.html'),
  };
  await writeFileAtomic(files.md, renderPostureMarkdown(model));
  await writeFileAtomic(files.json, renderPostureJson(model));
  await writeFileAtomic(files.html, renderPostureHtml(model));
  return files;
}
