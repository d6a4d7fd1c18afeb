import { createHash, randomBytes } from 'node:crypto';
import { posix } from 'node:path';

/**
 * The in-memory GitHub behind the test server. Records are plain objects in GitHub's own field names;
 * tests seed them with the `add*` methods, read them back, and may change them directly (e.g. set a
 * run's `status`). The server renders them into GitHub's response shapes.
 */

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type RunConclusion =
  | 'success'
  | 'failure'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'neutral'
  | 'stale'
  | 'startup_failure';

/** What one attempt of a run looked like, served by the run-attempt route once the run moved on. */
export interface RunAttempt {
  run_attempt: number;
  status: RunStatus;
  conclusion: RunConclusion | null;
  run_started_at: string;
  updated_at: string;
}

export interface RunRecord {
  id: number;
  name: string;
  workflow_id: number;
  /** Workflow file, e.g. `.github/workflows/release.yml`. */
  path: string;
  head_branch: string | null;
  head_sha: string;
  display_title: string;
  event: string;
  status: RunStatus;
  conclusion: RunConclusion | null;
  run_number: number;
  run_attempt: number;
  created_at: string;
  updated_at: string;
  run_started_at: string;
  /** Login of the actor who triggered the run. */
  actor: string;
  /** Earlier attempts, oldest first; the current one is the run itself. */
  attempts: RunAttempt[];
  /**
   * How the attempt started by a re-run ends: it completes with `conclusion` once the run has been
   * read `afterReads` times (default 1). Without it a re-run stays queued until `completeRun`.
   */
  nextAttempt?: { conclusion: RunConclusion; afterReads?: number };
  /** Re-run requests received, in order. */
  reruns: { kind: 'all' | 'failed'; at: string }[];
  /** Reads left before a re-run attempt completes (internal bookkeeping of `nextAttempt`). */
  readsUntilDone?: number;
}

export interface ArtifactRecord {
  id: number;
  run_id: number;
  name: string;
  /** The zip bytes the blob host serves. */
  zip: Buffer;
  /** `sha256:<hex>` of the zip as upload-artifact v4 reports it; null for older artifacts. */
  digest: string | null;
  /** Answer 410 and `expired: true` (retention ran out). */
  expired: boolean;
  created_at: string;
  expires_at: string;
}

export interface CommentRecord {
  id: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  /** Label names; the label objects live in `labels` of the repository. */
  labels: string[];
  assignees: string[];
  user: string;
  locked: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  comments: CommentRecord[];
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface AssetRecord {
  id: number;
  name: string;
  label: string | null;
  content_type: string;
  data: Buffer;
  uploader: string;
  download_count: number;
  created_at: string;
  updated_at: string;
}

export interface ReleaseRecord {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  /** Published with the repository's immutable releases on: its assets and tag are locked. */
  immutable: boolean;
  author: string;
  created_at: string;
  published_at: string | null;
  assets: AssetRecord[];
}

export interface CommitRecord {
  sha: string;
  message: string;
  /** The blob sha the file had after this commit. */
  blob: string;
  at: string;
}

export interface FileRecord {
  path: string;
  branch: string;
  content: Buffer;
  /** Git blob sha of `content`: the version token of the contents API. */
  sha: string;
  /** Commits that wrote this file, oldest first. */
  commits: CommitRecord[];
}

export interface WorkflowRecord {
  id: number;
  name: string;
  path: string;
  state: 'active' | 'disabled_manually';
}

export interface DispatchRecord {
  workflow_id: number;
  ref: string;
  inputs: Record<string, unknown>;
  run_id: number;
  at: string;
}

export interface UserRecord {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

export interface RunSeed extends Partial<
  Omit<RunRecord, 'attempts' | 'reruns' | 'readsUntilDone' | 'created_at'>
> {
  created_at?: string | Date;
}

export interface ArtifactSeed {
  run_id: number;
  name: string;
  /** Zip bytes (see `buildZip`); an empty archive when omitted. */
  zip?: Buffer;
  /** Defaults to the sha256 of `zip`; pass a different one to model a tampered download. */
  digest?: string | null;
  expired?: boolean;
  id?: number;
  created_at?: string | Date;
}

export interface IssueSeed {
  title: string;
  body?: string | null;
  labels?: string[];
  state?: 'open' | 'closed';
  user?: string;
  assignees?: string[];
  created_at?: string | Date;
}

export interface ReleaseSeed {
  tag_name: string;
  name?: string | null;
  body?: string | null;
  draft?: boolean;
  prerelease?: boolean;
  /** Defaults to whether the repository has immutable releases on and the release is published. */
  immutable?: boolean;
  target_commitish?: string;
  assets?: { name: string; data: string | Buffer; content_type?: string; label?: string | null }[];
}

/** GitHub's timestamp format: second precision, `Z`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function toIso(value: string | Date | undefined, fallback: Date): string {
  if (value === undefined) return isoSeconds(fallback);
  return isoSeconds(typeof value === 'string' ? new Date(value) : value);
}

/** The git blob sha of some bytes, as the contents API reports it. */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

export const ACTIONS_BOT: UserRecord = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

/** One repository's state. */
export class FakeRepo {
  readonly owner: string;
  readonly name: string;
  readonly id: number;
  default_branch = 'main';
  readonly runs: RunRecord[] = [];
  readonly artifacts: ArtifactRecord[] = [];
  readonly issues: IssueRecord[] = [];
  readonly labels: LabelRecord[] = [];
  readonly releases: ReleaseRecord[] = [];
  readonly workflows: WorkflowRecord[] = [];
  readonly dispatches: DispatchRecord[] = [];
  /** Repository Actions secrets (names and dates only: the API never returns values). */
  readonly secrets: Array<{ name: string; created_at: string; updated_at: string }> = [];
  /** Files by `<branch>:<path>`. */
  readonly files = new Map<string, FileRecord>();
  /** Every blob ever written, by sha (the git blobs route serves these). */
  readonly blobs = new Map<string, Buffer>();
  readonly branches = new Set<string>(['main']);
  /** The repository setting "immutable releases": a release published from now on is locked. */
  immutableReleases = false;
  /**
   * Whether the token has push access (`contents: write`). Without it drafts are invisible and every
   * release write answers 403, as for a token with `contents: read`.
   */
  tokenCanPush = true;
  private readonly state: GitHubState;
  private nextIssueNumber = 1;

  constructor(state: GitHubState, owner: string, name: string) {
    this.state = state;
    this.owner = owner;
    this.name = name;
    this.id = state.nextId();
  }

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  addWorkflow(seed: Partial<WorkflowRecord> & { path: string }): WorkflowRecord {
    const workflow: WorkflowRecord = {
      id: seed.id ?? this.state.nextId(),
      name: seed.name ?? posix.basename(seed.path).replace(/\.ya?ml$/, ''),
      path: seed.path,
      state: seed.state ?? 'active',
    };
    this.workflows.push(workflow);
    return workflow;
  }

  /** The workflow with this id or file name (`release.yml`), if any. */
  workflow(idOrFile: number | string): WorkflowRecord | undefined {
    const key = String(idOrFile);
    return this.workflows.find(
      (w) => String(w.id) === key || posix.basename(w.path) === key || w.path === key,
    );
  }

  addRun(seed: RunSeed = {}): RunRecord {
    const now = this.state.now();
    const path = seed.path ?? '.github/workflows/release.yml';
    const workflow =
      (seed.workflow_id !== undefined ? this.workflow(seed.workflow_id) : this.workflow(path)) ??
      this.addWorkflow({ path, id: seed.workflow_id });
    const created = toIso(seed.created_at, now);
    const run: RunRecord = {
      id: seed.id ?? this.state.nextId(),
      name: seed.name ?? workflow.name,
      workflow_id: workflow.id,
      path: workflow.path,
      head_branch: seed.head_branch === undefined ? this.default_branch : seed.head_branch,
      head_sha: seed.head_sha ?? randomBytes(20).toString('hex'),
      display_title: seed.display_title ?? seed.name ?? workflow.name,
      event: seed.event ?? 'push',
      status: seed.status ?? 'completed',
      conclusion:
        seed.conclusion === undefined
          ? (seed.status ?? 'completed') === 'completed'
            ? 'success'
            : null
          : seed.conclusion,
      run_number: seed.run_number ?? this.runs.filter((r) => r.workflow_id === workflow.id).length + 1,
      run_attempt: seed.run_attempt ?? 1,
      created_at: created,
      updated_at: seed.updated_at ?? created,
      run_started_at: seed.run_started_at ?? created,
      actor: seed.actor ?? 'octocat',
      attempts: [],
      nextAttempt: seed.nextAttempt,
      reruns: [],
    };
    this.runs.push(run);
    return run;
  }

  run(id: number): RunRecord | undefined {
    return this.runs.find((r) => r.id === id);
  }

  /** Ends the run's current attempt. */
  completeRun(id: number, conclusion: RunConclusion): RunRecord {
    const run = this.run(id);
    if (run === undefined) throw new Error(`no run ${id} in ${this.fullName}`);
    run.status = 'completed';
    run.conclusion = conclusion;
    run.updated_at = isoSeconds(this.state.now());
    delete run.readsUntilDone;
    return run;
  }

  addArtifact(seed: ArtifactSeed): ArtifactRecord {
    const now = this.state.now();
    const created = new Date(toIso(seed.created_at, now));
    const zip = seed.zip ?? EMPTY_ZIP;
    const expired = seed.expired ?? false;
    const retention = 90 * 24 * 3600 * 1000;
    const expires = expired
      ? new Date(Math.min(created.getTime() + retention, now.getTime() - 1000))
      : new Date(created.getTime() + retention);
    const artifact: ArtifactRecord = {
      id: seed.id ?? this.state.nextId(),
      run_id: seed.run_id,
      name: seed.name,
      zip,
      digest: seed.digest === undefined ? sha256Digest(zip) : seed.digest,
      expired,
      created_at: isoSeconds(created),
      expires_at: isoSeconds(expires),
    };
    this.artifacts.push(artifact);
    return artifact;
  }

  addLabel(seed: Partial<LabelRecord> & { name: string }): LabelRecord {
    const label: LabelRecord = {
      id: seed.id ?? this.state.nextId(),
      name: seed.name,
      color: seed.color ?? 'ededed',
      description: seed.description ?? null,
      default: seed.default ?? false,
    };
    this.labels.push(label);
    return label;
  }

  /** Label names compare case-insensitively on GitHub. */
  label(name: string): LabelRecord | undefined {
    return this.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  }

  addIssue(seed: IssueSeed): IssueRecord {
    const created = toIso(seed.created_at, this.state.now());
    const labels = (seed.labels ?? []).map((name) => (this.label(name) ?? this.addLabel({ name })).name);
    const state = seed.state ?? 'open';
    const issue: IssueRecord = {
      id: this.state.nextId(),
      number: this.nextIssueNumber++,
      title: seed.title,
      body: seed.body ?? null,
      state,
      state_reason: state === 'closed' ? 'completed' : null,
      labels,
      assignees: seed.assignees ?? [],
      user: seed.user ?? ACTIONS_BOT.login,
      locked: false,
      created_at: created,
      updated_at: created,
      closed_at: state === 'closed' ? created : null,
      comments: [],
    };
    this.issues.push(issue);
    return issue;
  }

  issue(number: number): IssueRecord | undefined {
    return this.issues.find((i) => i.number === number);
  }

  addRelease(seed: ReleaseSeed): ReleaseRecord {
    const now = isoSeconds(this.state.now());
    const draft = seed.draft ?? false;
    const release: ReleaseRecord = {
      id: this.state.nextId(),
      tag_name: seed.tag_name,
      target_commitish: seed.target_commitish ?? this.default_branch,
      name: seed.name === undefined ? seed.tag_name : seed.name,
      body: seed.body ?? null,
      draft,
      prerelease: seed.prerelease ?? false,
      immutable: seed.immutable ?? (!draft && this.immutableReleases),
      author: ACTIONS_BOT.login,
      created_at: now,
      published_at: draft ? null : now,
      assets: [],
    };
    for (const asset of seed.assets ?? []) this.addAsset(release, asset);
    this.releases.push(release);
    return release;
  }

  addAsset(
    release: ReleaseRecord,
    seed: { name: string; data: string | Buffer; content_type?: string; label?: string | null },
  ): AssetRecord {
    const now = isoSeconds(this.state.now());
    const asset: AssetRecord = {
      id: this.state.nextId(),
      name: seed.name,
      label: seed.label ?? null,
      content_type: seed.content_type ?? 'application/octet-stream',
      data: Buffer.from(seed.data),
      uploader: ACTIONS_BOT.login,
      download_count: 0,
      created_at: now,
      updated_at: now,
    };
    release.assets.push(asset);
    return asset;
  }

  release(id: number): ReleaseRecord | undefined {
    return this.releases.find((r) => r.id === id);
  }

  /** Publishes a draft now; it becomes immutable when the repository has immutable releases on. */
  publish(release: ReleaseRecord): ReleaseRecord {
    if (!release.draft) return release;
    release.draft = false;
    release.published_at = isoSeconds(this.state.now());
    release.immutable = this.immutableReleases;
    return release;
  }

  /** The release holding asset `id`, and the asset. */
  findAsset(id: number): { release: ReleaseRecord; asset: AssetRecord } | undefined {
    for (const release of this.releases) {
      const asset = release.assets.find((a) => a.id === id);
      if (asset) return { release, asset };
    }
    return undefined;
  }

  /** Writes a file as a commit on `branch` (default branch when omitted) and returns that version of it. */
  putFile(
    path: string,
    content: string | Buffer,
    options: { branch?: string; message?: string } = {},
  ): FileRecord {
    const branch = options.branch ?? this.default_branch;
    const bytes = Buffer.from(content);
    const sha = gitBlobSha(bytes);
    this.branches.add(branch);
    this.blobs.set(sha, bytes);
    const key = `${branch}:${path}`;
    const commit = {
      sha: randomBytes(20).toString('hex'),
      message: options.message ?? `Update ${path}`,
      blob: sha,
      at: isoSeconds(this.state.now()),
    };
    // A new record per version: what a test kept from an earlier write still shows that version.
    const file: FileRecord = {
      path,
      branch,
      content: bytes,
      sha,
      commits: [...(this.files.get(key)?.commits ?? []), commit],
    };
    this.files.set(key, file);
    return file;
  }

  file(path: string, branch: string = this.default_branch): FileRecord | undefined {
    return this.files.get(`${branch}:${path}`);
  }
}

export class GitHubState {
  /** The server's clock: run age (the 30-day re-run window), timestamps. Replace it to travel in time. */
  now: () => Date = () => new Date();
  readonly repos = new Map<string, FakeRepo>();
  readonly users = new Map<string, UserRecord>([[ACTIONS_BOT.login, ACTIONS_BOT]]);
  private lastId = 1000;

  nextId(): number {
    return ++this.lastId;
  }

  /** The repository `owner/name`, created empty on first use. */
  repo(fullName: string): FakeRepo {
    const existing = this.repos.get(fullName.toLowerCase());
    if (existing) return existing;
    const [owner, name, ...rest] = fullName.split('/');
    if (!owner || !name || rest.length > 0) throw new Error(`repository must be owner/name, got ${fullName}`);
    const repo = new FakeRepo(this, owner, name);
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  /** The repository if it was seeded; requests to any other answer 404 like GitHub. */
  findRepo(owner: string, name: string): FakeRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  user(login: string): UserRecord {
    let user = this.users.get(login);
    if (!user) {
      user = { login, id: this.nextId(), type: login.endsWith('[bot]') ? 'Bot' : 'User' };
      this.users.set(login, user);
    }
    return user;
  }
}
