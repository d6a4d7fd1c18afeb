import path from 'node:path';
import type { GitHubClient } from '../github/client';
import { ContentsApiManifestStore } from './contents-store';
import { FileManifestStore } from './file-store';
import type { ManifestStore } from './store';

/** Where an action keeps the release manifest, as its `manifest-path` / `manifest-branch` inputs say. */
export interface ActionManifestLocation {
  /** `owner/repo` that holds the manifest branch. */
  repository: string;
  manifestPath: string;
  /** Keep the manifest on this branch through the contents API instead of a workspace file. */
  manifestBranch?: string;
  workspace: string;
}

/**
 * The manifest store of an action: a file in the workspace, or with `manifestBranch` the file on that
 * branch of the repository, changed through the contents API (the token needs `contents: write`).
 * `client` is only called for the contents API.
 */
export function openActionManifestStore(
  location: ActionManifestLocation,
  client: () => GitHubClient,
): ManifestStore {
  if (location.manifestBranch !== undefined) {
    const [owner, repo] = location.repository.split('/');
    return new ContentsApiManifestStore({
      octokit: client(),
      owner,
      repo,
      path: location.manifestPath,
      branch: location.manifestBranch,
    });
  }
  return new FileManifestStore(path.resolve(location.workspace, location.manifestPath));
}
