import { resolve } from 'node:path';
import { ReleaseGuardError, usageError } from '../errors';
import { FileManifestStore } from './file-store';
import { GitManifestStore } from './git-store';
import { parseManifest } from './schema';
import { MANIFEST_STORE_LABEL, type ManifestStore, type StoreLabel } from './store';
import type { Manifest } from './types';

export { DEFAULT_MANIFEST_PATH } from './location';

export interface ManifestLocation {
  /** A local file, or with gitRemote the file's path inside the repository. */
  manifest: string;
  gitRemote?: string;
  gitBranch?: string;
  /** What relative paths are relative to. */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** How messages name the file and its flag (default: the manifest, --manifest). */
  label?: StoreLabel;
}

export interface OpenedManifestStore {
  store: ManifestStore;
  /** Releases what the store holds (the git store's temporary repository). */
  close(): Promise<void>;
}

/** The store the CLI options name: a git branch when --git-remote and --git-branch are given, else a file. */
export function openManifestStore(location: ManifestLocation): OpenedManifestStore {
  const { gitRemote, gitBranch } = location;
  const label = location.label ?? MANIFEST_STORE_LABEL;
  if ((gitRemote === undefined) !== (gitBranch === undefined)) {
    throw usageError(
      `--git-remote and --git-branch go together: give both to keep the ${label.noun} on a git branch, or neither for a local file`,
    );
  }
  if (gitRemote !== undefined && gitBranch !== undefined) {
    const store = new GitManifestStore({
      remote: gitRemote,
      branch: gitBranch,
      path: location.manifest,
      cwd: location.cwd,
      env: location.env,
      label,
    });
    return { store, close: () => store.close() };
  }
  return {
    store: new FileManifestStore(resolve(location.cwd, location.manifest), { label }),
    close: async () => undefined,
  };
}

/** Reads and validates the manifest; a missing or invalid one is unusable input (exit 2). */
export async function loadManifest(store: ManifestStore): Promise<Manifest> {
  const { content } = await store.read();
  if (content === null) {
    throw new ReleaseGuardError(
      'unreadable_input',
      `there is no manifest at ${store.location}; \`release-guard manifest update\` creates it with the first entry.`,
      { location: store.location },
    );
  }
  return parseManifest(content, store.location);
}
