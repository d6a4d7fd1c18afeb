import { posix } from 'node:path';
import type {
  ArtifactRecord,
  AssetRecord,
  CommentRecord,
  FakeRepo,
  FileRecord,
  GitHubState,
  IssueRecord,
  LabelRecord,
  ReleaseRecord,
  RunAttempt,
  RunRecord,
  UserRecord,
} from './state';
import { sha256Digest } from './state';

/** Where the server answers: the REST API and the web host (GHES-style on one port), and the uploads host on its own port. */
export interface ServerUrls {
  /** e.g. `http://127.0.0.1:PORT/api/v3`; give this to the client as its base URL. */
  api: string;
  /** e.g. `http://127.0.0.1:OTHER_PORT` (like uploads.github.com); release `upload_url`s point here. */
  uploads: string;
  /** e.g. `http://127.0.0.1:PORT`; `html_url`s and release downloads. */
  web: string;
}

type Json = Record<string, unknown>;

function nodeId(kind: string, id: number): string {
  return Buffer.from(`${kind}${id}`).toString('base64');
}

export function renderUser(urls: ServerUrls, user: UserRecord): Json {
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Bot' ? 'BOT_' : 'U_', user.id),
    avatar_url: `${urls.web}/avatars/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${user.type === 'Bot' ? `apps/${user.login.replace(/\[bot\]$/, '')}` : user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function repoApi(urls: ServerUrls, repo: FakeRepo): string {
  return `${urls.api}/repos/${repo.owner}/${repo.name}`;
}

function repoWeb(urls: ServerUrls, repo: FakeRepo): string {
  return `${urls.web}/${repo.owner}/${repo.name}`;
}

export function renderMinimalRepository(urls: ServerUrls, state: GitHubState, repo: FakeRepo): Json {
  const api = repoApi(urls, repo);
  return {
    id: repo.id,
    node_id: nodeId('R_', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    private: false,
    owner: renderUser(urls, state.user(repo.owner)),
    html_url: repoWeb(urls, repo),
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
  };
}

export function renderRun(
  urls: ServerUrls,
  state: GitHubState,
  repo: FakeRepo,
  run: RunRecord,
  attempt?: RunAttempt,
): Json {
  const api = `${repoApi(urls, repo)}/actions/runs/${run.id}`;
  const current = attempt ?? run;
  const actor = renderUser(urls, state.user(run.actor));
  const repository = renderMinimalRepository(urls, state, repo);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WFR_', run.id),
    check_suite_id: run.id + 1,
    check_suite_node_id: nodeId('CS_', run.id + 1),
    head_branch: run.head_branch,
    head_sha: run.head_sha,
    path: run.path,
    display_title: run.display_title,
    run_number: run.run_number,
    event: run.event,
    status: current.status,
    conclusion: current.conclusion,
    workflow_id: run.workflow_id,
    url: api,
    html_url: `${repoWeb(urls, repo)}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.created_at,
    updated_at: current.updated_at,
    actor,
    triggering_actor: actor,
    run_attempt: current.run_attempt,
    referenced_workflows: [],
    run_started_at: current.run_started_at,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${repoApi(urls, repo)}/check-suites/${run.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: current.run_attempt > 1 ? `${api}/attempts/${current.run_attempt - 1}` : null,
    workflow_url: `${repoApi(urls, repo)}/actions/workflows/${run.workflow_id}`,
    head_commit: {
      id: run.head_sha,
      tree_id: run.head_sha.split('').reverse().join(''),
      message: run.display_title,
      timestamp: run.created_at,
      author: { name: 'Mona Octocat', email: 'mona@example.com' },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    },
    repository,
    head_repository: repository,
  };
}

export function renderArtifact(
  urls: ServerUrls,
  repo: FakeRepo,
  artifact: ArtifactRecord,
  run?: RunRecord,
): Json {
  const api = `${repoApi(urls, repo)}/actions/artifacts/${artifact.id}`;
  return {
    id: artifact.id,
    node_id: nodeId('MDg6QXJ0aWZhY3Q', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.zip.length,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: artifact.expired,
    created_at: artifact.created_at,
    updated_at: artifact.created_at,
    expires_at: artifact.expires_at,
    digest: artifact.digest,
    workflow_run: run
      ? {
          id: run.id,
          repository_id: repo.id,
          head_repository_id: repo.id,
          head_branch: run.head_branch ?? '',
          head_sha: run.head_sha,
        }
      : null,
  };
}

export function renderLabel(urls: ServerUrls, repo: FakeRepo, label: LabelRecord): Json {
  return {
    id: label.id,
    node_id: nodeId('LA_', label.id),
    url: `${repoApi(urls, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: label.default,
  };
}

export function renderIssue(urls: ServerUrls, state: GitHubState, repo: FakeRepo, issue: IssueRecord): Json {
  const api = `${repoApi(urls, repo)}/issues/${issue.number}`;
  return {
    id: issue.id,
    node_id: nodeId('I_', issue.id),
    url: api,
    repository_url: repoApi(urls, repo),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${repoWeb(urls, repo)}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state_reason,
    title: issue.title,
    body: issue.body,
    user: renderUser(urls, state.user(issue.user)),
    labels: issue.labels.map((name) => {
      const label = repo.label(name);
      return label ? renderLabel(urls, repo, label) : name;
    }),
    assignee: issue.assignees.length > 0 ? renderUser(urls, state.user(issue.assignees[0])) : null,
    assignees: issue.assignees.map((login) => renderUser(urls, state.user(login))),
    milestone: null,
    locked: issue.locked,
    active_lock_reason: null,
    comments: issue.comments.length,
    closed_at: issue.closed_at,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_by: null,
    author_association: 'NONE',
    timeline_url: `${api}/timeline`,
  };
}

export function renderComment(
  urls: ServerUrls,
  state: GitHubState,
  repo: FakeRepo,
  issue: IssueRecord,
  comment: CommentRecord,
): Json {
  return {
    id: comment.id,
    node_id: nodeId('IC_', comment.id),
    url: `${repoApi(urls, repo)}/issues/comments/${comment.id}`,
    html_url: `${repoWeb(urls, repo)}/issues/${issue.number}#issuecomment-${comment.id}`,
    issue_url: `${repoApi(urls, repo)}/issues/${issue.number}`,
    body: comment.body,
    user: renderUser(urls, state.user(comment.user)),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: 'NONE',
  };
}

export function renderAsset(
  urls: ServerUrls,
  state: GitHubState,
  repo: FakeRepo,
  release: ReleaseRecord,
  asset: AssetRecord,
): Json {
  return {
    url: `${repoApi(urls, repo)}/releases/assets/${asset.id}`,
    browser_download_url: `${repoWeb(urls, repo)}/releases/download/${encodeURIComponent(release.tag_name)}/${encodeURIComponent(asset.name)}`,
    id: asset.id,
    node_id: nodeId('RA_', asset.id),
    name: asset.name,
    label: asset.label,
    state: 'uploaded',
    content_type: asset.content_type,
    size: asset.data.length,
    digest: sha256Digest(asset.data),
    download_count: asset.download_count,
    created_at: asset.created_at,
    updated_at: asset.updated_at,
    uploader: renderUser(urls, state.user(asset.uploader)),
  };
}

export function renderRelease(
  urls: ServerUrls,
  state: GitHubState,
  repo: FakeRepo,
  release: ReleaseRecord,
): Json {
  const api = `${repoApi(urls, repo)}/releases/${release.id}`;
  const tag = encodeURIComponent(release.tag_name);
  return {
    url: api,
    html_url: `${repoWeb(urls, repo)}/releases/tag/${tag}`,
    assets_url: `${api}/assets`,
    upload_url: `${urls.uploads}/repos/${repo.owner}/${repo.name}/releases/${release.id}/assets{?name,label}`,
    tarball_url: `${repoApi(urls, repo)}/tarball/${tag}`,
    zipball_url: `${repoApi(urls, repo)}/zipball/${tag}`,
    id: release.id,
    node_id: nodeId('RE_', release.id),
    tag_name: release.tag_name,
    target_commitish: release.target_commitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: release.immutable,
    created_at: release.created_at,
    updated_at: release.published_at ?? release.created_at,
    published_at: release.published_at,
    author: renderUser(urls, state.user(release.author)),
    assets: release.assets.map((asset) => renderAsset(urls, state, repo, release, asset)),
  };
}

function fileUrls(urls: ServerUrls, repo: FakeRepo, path: string, branch: string, sha: string) {
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  const self = `${repoApi(urls, repo)}/contents/${encodedPath}?ref=${encodeURIComponent(branch)}`;
  const git = `${repoApi(urls, repo)}/git/blobs/${sha}`;
  const html = `${repoWeb(urls, repo)}/blob/${encodeURIComponent(branch)}/${encodedPath}`;
  return {
    url: self,
    git_url: git,
    html_url: html,
    download_url: `${urls.web}/raw/${repo.owner}/${repo.name}/${encodeURIComponent(branch)}/${encodedPath}`,
    _links: { self, git, html },
  };
}

/** Files above 1 MB come back without content, as on GitHub; clients then read the git blob. */
export const CONTENTS_INLINE_LIMIT = 1024 * 1024;

/** Base64 in 60-column lines with a trailing newline, the way the contents API returns it. */
export function wrappedBase64(bytes: Buffer): string {
  const text = bytes.toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += 60) lines.push(text.slice(at, at + 60));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function renderFile(urls: ServerUrls, repo: FakeRepo, file: FileRecord): Json {
  const inline = file.content.length <= CONTENTS_INLINE_LIMIT;
  return {
    type: 'file',
    encoding: inline ? 'base64' : 'none',
    size: file.content.length,
    name: posix.basename(file.path),
    path: file.path,
    content: inline ? wrappedBase64(file.content) : '',
    sha: file.sha,
    ...fileUrls(urls, repo, file.path, file.branch, file.sha),
  };
}

export function renderDirectoryEntry(
  urls: ServerUrls,
  repo: FakeRepo,
  entry: { name: string; path: string; type: 'file' | 'dir'; sha: string; size: number },
  branch: string,
): Json {
  return {
    type: entry.type,
    size: entry.size,
    name: entry.name,
    path: entry.path,
    sha: entry.sha,
    ...fileUrls(urls, repo, entry.path, branch, entry.sha),
  };
}

export function renderFileCommit(urls: ServerUrls, repo: FakeRepo, file: FileRecord): Json {
  const commit = file.commits[file.commits.length - 1];
  const parent =
    file.commits.length > 1
      ? file.commits[file.commits.length - 2].sha
      : commit.sha.split('').reverse().join('');
  const { url, git_url, html_url, download_url, _links } = fileUrls(
    urls,
    repo,
    file.path,
    file.branch,
    file.sha,
  );
  const who = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
    date: commit.at,
  };
  return {
    content: {
      name: posix.basename(file.path),
      path: file.path,
      sha: file.sha,
      size: file.content.length,
      url,
      html_url,
      git_url,
      download_url,
      type: 'file',
      _links,
    },
    commit: {
      sha: commit.sha,
      node_id: nodeId('C_', parseInt(commit.sha.slice(0, 8), 16)),
      url: `${repoApi(urls, repo)}/git/commits/${commit.sha}`,
      html_url: `${repoWeb(urls, repo)}/commit/${commit.sha}`,
      author: who,
      committer: who,
      tree: { url: `${repoApi(urls, repo)}/git/trees/${commit.blob}`, sha: commit.blob },
      message: commit.message,
      parents: [
        {
          url: `${repoApi(urls, repo)}/git/commits/${parent}`,
          html_url: `${repoWeb(urls, repo)}/commit/${parent}`,
          sha: parent,
        },
      ],
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
  };
}

export function renderBlob(urls: ServerUrls, repo: FakeRepo, sha: string, bytes: Buffer): Json {
  return {
    sha,
    node_id: nodeId('B_', parseInt(sha.slice(0, 8), 16)),
    size: bytes.length,
    url: `${repoApi(urls, repo)}/git/blobs/${sha}`,
    content: wrappedBase64(bytes),
    encoding: 'base64',
  };
}
