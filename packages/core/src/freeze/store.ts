import type { GitHubClient } from '../github/client';
import { ContentsApiManifestStore } from '../manifest/contents-store';
import { openManifestStore, type OpenedManifestStore } from '../manifest/open-store';
import type { StoreLabel } from '../manifest/store';
import { DEFAULT_FREEZE_PATH } from './types';

/** How the stores name the freeze file in their messages. */
export const FREEZE_STORE_LABEL: StoreLabel = {
  noun: 'freeze file',
  pathFlag: '--freeze-file',
  examplePath: DEFAULT_FREEZE_PATH,
};

/** The freeze file's path: the flag, else RELEASE_GUARD_FREEZE_FILE, else .github/release-freeze.json. */
export function freezeFilePath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? (env.RELEASE_GUARD_FREEZE_FILE || DEFAULT_FREEZE_PATH);
}

export interface FreezeFileLocation {
  /** A local file, or with gitRemote the file's path inside the repository. */
  file: string;
  gitRemote?: string;
  gitBranch?: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The flag that named `file`, for messages (default --freeze-file). */
  pathFlag?: string;
}

/** The freeze store of the CLI: the manifest's file or git store, named for the freeze file. */
export function openFreezeStore(location: FreezeFileLocation): OpenedManifestStore {
  return openManifestStore({
    manifest: location.file,
    gitRemote: location.gitRemote,
    gitBranch: location.gitBranch,
    cwd: location.cwd,
    env: location.env,
    label: { ...FREEZE_STORE_LABEL, pathFlag: location.pathFlag ?? FREEZE_STORE_LABEL.pathFlag },
  });
}

export interface ActionFreezeLocation {
  /** `owner/repo` that holds the freeze file. */
  repository: string;
  /** The file inside the repository (`freeze-file`). */
  freezeFile: string;
  /** The branch that holds it (`freeze-branch`); the repository's default branch when omitted. */
  freezeBranch?: string;
}

/**
 * The freeze store of an action: always the contents API on one branch, never the workspace. A
 * release job runs on the tag's checkout, and a freeze committed after the tag must still stop it.
 */
export function openActionFreezeStore(
  location: ActionFreezeLocation,
  octokit: GitHubClient,
): ContentsApiManifestStore {
  const [owner, repo] = location.repository.split('/');
  return new ContentsApiManifestStore({
    octokit,
    owner,
    repo,
    path: location.freezeFile,
    branch: location.freezeBranch,
    label: FREEZE_STORE_LABEL,
  });
}
