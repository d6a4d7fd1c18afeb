import type { IncomingHttpHeaders } from 'node:http';
import { posix } from 'node:path';
import type { BlobHost } from './blob-host';
import { HttpError, notFound, paginate, validationFailed, type Reply } from './http';
import {
  renderArtifact,
  renderAsset,
  renderBlob,
  renderComment,
  renderDirectoryEntry,
  renderFile,
  renderFileCommit,
  renderIssue,
  renderLabel,
  renderRelease,
  renderRun,
  repoApi,
  type ServerUrls,
} from './render';
import {
  isoSeconds,
  type FakeRepo,
  type GitHubState,
  type IssueRecord,
  type ReleaseRecord,
  type RunRecord,
} from './state';

export type Base = 'api' | 'uploads' | 'web';

export interface RouteContext {
  state: GitHubState;
  urls: ServerUrls;
  blobs: BlobHost;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The full URL of this request (for `link` headers). */
  selfUrl: string;
}

export interface Route {
  method: string;
  base: Base;
  /** GitHub's path template; for `api` and `uploads` routes, the key of the operation in the OpenAPI description. */
  template: string;
  handle(ctx: RouteContext): Reply;
}

const DAY_MS = 24 * 3600 * 1000;
/** GitHub's own limits on re-runs. */
const RERUN_WINDOW_DAYS = 30;
const MAX_RUN_ATTEMPTS = 50;

const DOCS = {
  contents: 'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
  artifact: 'https://docs.github.com/rest/actions/artifacts#download-an-artifact',
  rerun: 'https://docs.github.com/rest/actions/workflow-runs#re-run-a-workflow',
  issues: 'https://docs.github.com/rest/issues/issues#create-an-issue',
  labels: 'https://docs.github.com/rest/issues/labels#create-a-label',
  releases: 'https://docs.github.com/rest/releases/releases#create-a-release',
  assets: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
  dispatch: 'https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event',
};

function json(ctx: RouteContext): Record<string, unknown> {
  if (ctx.body.length === 0) return {};
  try {
    const value = JSON.parse(ctx.body.toString('utf8'));
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // answered below like GitHub
  }
  throw new HttpError(400, 'Problems parsing JSON');
}

function missing(field: string, documentationUrl: string): HttpError {
  return new HttpError(422, `Invalid request.\n\n"${field}" wasn't supplied.`, {
    documentation_url: documentationUrl,
  });
}

function repoOf(ctx: RouteContext): FakeRepo {
  const repo = ctx.state.findRepo(ctx.params.owner, ctx.params.repo);
  if (!repo) throw notFound();
  return repo;
}

function numberParam(ctx: RouteContext, name: string): number {
  const value = Number(ctx.params[name]);
  if (!Number.isSafeInteger(value)) throw notFound();
  return value;
}

function runOf(ctx: RouteContext, repo: FakeRepo): RunRecord {
  const run = repo.run(numberParam(ctx, 'run_id'));
  if (!run) throw notFound();
  return run;
}

/** A run being polled: a re-run attempt with a scripted outcome moves on by one read. */
function observe(ctx: RouteContext, run: RunRecord): void {
  if (run.readsUntilDone === undefined || run.status === 'completed') return;
  run.readsUntilDone--;
  run.updated_at = isoSeconds(ctx.state.now());
  if (run.readsUntilDone <= 0 && run.nextAttempt) {
    run.status = 'completed';
    run.conclusion = run.nextAttempt.conclusion;
    delete run.readsUntilDone;
  } else {
    run.status = 'in_progress';
  }
}

/** `created` filter of the runs list: `>=DATE`, `<=DATE`, `>DATE`, `<DATE`, `A..B` or a day. */
function createdFilter(value: string): (iso: string) => boolean {
  const range = value.match(/^(.+)\.\.(.+)$/);
  if (range)
    return (iso) => Date.parse(iso) >= Date.parse(range[1]) && Date.parse(iso) <= Date.parse(range[2]);
  const cmp = value.match(/^(>=|<=|>|<)(.+)$/);
  if (cmp) {
    const at = Date.parse(cmp[2]);
    const ops: Record<string, (t: number) => boolean> = {
      '>=': (t) => t >= at,
      '<=': (t) => t <= at,
      '>': (t) => t > at,
      '<': (t) => t < at,
    };
    return (iso) => ops[cmp[1]](Date.parse(iso));
  }
  return (iso) => iso.slice(0, 10) === value.slice(0, 10);
}

function listRuns(ctx: RouteContext, repo: FakeRepo, runs: RunRecord[]): Reply {
  const q = ctx.query;
  let selected = [...runs];
  const branch = q.get('branch');
  const event = q.get('event');
  const status = q.get('status');
  const actor = q.get('actor');
  const headSha = q.get('head_sha');
  const created = q.get('created');
  if (branch) selected = selected.filter((r) => r.head_branch === branch);
  if (event) selected = selected.filter((r) => r.event === event);
  if (status) selected = selected.filter((r) => r.status === status || r.conclusion === status);
  if (actor) selected = selected.filter((r) => r.actor === actor);
  if (headSha) selected = selected.filter((r) => r.head_sha === headSha);
  if (created) {
    const keep = createdFilter(created);
    selected = selected.filter((r) => keep(r.created_at));
  }
  selected.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
  selected.forEach((run) => observe(ctx, run));
  const { page, headers } = paginate(selected, q, ctx.selfUrl);
  return {
    status: 200,
    headers,
    body: {
      total_count: selected.length,
      workflow_runs: page.map((run) => renderRun(ctx.urls, ctx.state, repo, run)),
    },
  };
}

function rerun(ctx: RouteContext, kind: 'all' | 'failed'): Reply {
  const repo = repoOf(ctx);
  const run = runOf(ctx, repo);
  const now = ctx.state.now();
  if (now.getTime() - Date.parse(run.created_at) > RERUN_WINDOW_DAYS * DAY_MS) {
    throw new HttpError(403, 'Unable to retry this workflow run because it was created over a month ago', {
      documentation_url: DOCS.rerun,
    });
  }
  const nothingFailed = kind === 'failed' && run.conclusion === 'success';
  if (run.status !== 'completed' || run.run_attempt >= MAX_RUN_ATTEMPTS || nothingFailed) {
    throw new HttpError(403, 'This workflow run cannot be retried', { documentation_url: DOCS.rerun });
  }
  const at = isoSeconds(now);
  run.attempts.push({
    run_attempt: run.run_attempt,
    status: run.status,
    conclusion: run.conclusion,
    run_started_at: run.run_started_at,
    updated_at: run.updated_at,
  });
  run.run_attempt++;
  run.status = 'queued';
  run.conclusion = null;
  run.run_started_at = at;
  run.updated_at = at;
  run.reruns.push({ kind, at });
  if (run.nextAttempt) run.readsUntilDone = run.nextAttempt.afterReads ?? 1;
  return { status: 201, body: {} };
}

function labelsFrom(repo: FakeRepo, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'labels' }], DOCS.issues);
  return value.map((item) => {
    const name = typeof item === 'string' ? item : (item as { name?: unknown })?.name;
    if (typeof name !== 'string' || name === '') {
      throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'name' }], DOCS.issues);
    }
    // Labels that do not exist yet are created, as GitHub does for writers.
    return (repo.label(name) ?? repo.addLabel({ name })).name;
  });
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw validationFailed([{ resource: 'Issue', code: 'invalid', field }], DOCS.issues);
  }
  return value as string[];
}

function issueOf(ctx: RouteContext, repo: FakeRepo): IssueRecord {
  const issue = repo.issue(numberParam(ctx, 'issue_number'));
  if (!issue) throw notFound();
  return issue;
}

function listIssues(ctx: RouteContext, repo: FakeRepo): Reply {
  const q = ctx.query;
  const state = q.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state)) {
    throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state' }]);
  }
  let selected = repo.issues.filter((i) => state === 'all' || i.state === state);
  const labels = q.get('labels');
  if (labels) {
    const wanted = labels
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    selected = selected.filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)));
  }
  const creator = q.get('creator');
  if (creator) selected = selected.filter((i) => i.user === creator);
  const since = q.get('since');
  if (since) selected = selected.filter((i) => Date.parse(i.updated_at) >= Date.parse(since));
  const sort = q.get('sort') ?? 'created';
  const key = (i: IssueRecord) =>
    sort === 'updated'
      ? Date.parse(i.updated_at)
      : sort === 'comments'
        ? i.comments.length
        : Date.parse(i.created_at);
  const direction = q.get('direction') === 'asc' ? 1 : -1;
  selected = [...selected].sort((a, b) => direction * (key(a) - key(b) || a.number - b.number));
  const { page, headers } = paginate(selected, q, ctx.selfUrl);
  return { status: 200, headers, body: page.map((issue) => renderIssue(ctx.urls, ctx.state, repo, issue)) };
}

function branchOf(repo: FakeRepo, ref: string | null | undefined): string {
  return (ref ?? repo.default_branch).replace(/^refs\/heads\//, '');
}

function getContents(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const branch = branchOf(repo, ctx.query.get('ref'));
  if (!repo.branches.has(branch)) throw new HttpError(404, `No commit found for the ref ${branch}`);
  const path = ctx.params.path.replace(/\/+$/, '');
  const file = repo.file(path, branch);
  if (file) return { status: 200, body: renderFile(ctx.urls, repo, file) };
  const prefix = `${path}/`;
  const children = new Map<
    string,
    { name: string; path: string; type: 'file' | 'dir'; sha: string; size: number }
  >();
  for (const f of repo.files.values()) {
    if (f.branch !== branch || !f.path.startsWith(prefix)) continue;
    const [name, ...rest] = f.path.slice(prefix.length).split('/');
    const childPath = prefix + name;
    if (rest.length === 0)
      children.set(name, { name, path: childPath, type: 'file', sha: f.sha, size: f.content.length });
    else if (!children.has(name))
      children.set(name, { name, path: childPath, type: 'dir', sha: f.sha, size: 0 });
  }
  if (children.size === 0) throw notFound();
  const entries = [...children.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { status: 200, body: entries.map((entry) => renderDirectoryEntry(ctx.urls, repo, entry, branch)) };
}

function putContents(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const body = json(ctx);
  const path = ctx.params.path;
  if (typeof body.message !== 'string') throw missing('message', DOCS.contents);
  if (typeof body.content !== 'string') throw missing('content', DOCS.contents);
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(body.content)) {
    throw new HttpError(422, 'content is not valid Base64', { documentation_url: DOCS.contents });
  }
  const branch = branchOf(repo, typeof body.branch === 'string' ? body.branch : undefined);
  if (!repo.branches.has(branch))
    throw new HttpError(404, `Branch ${branch} not found`, { documentation_url: DOCS.contents });
  const existing = repo.file(path, branch);
  // GitHub's compare-and-swap: an existing file needs its current blob sha; a new file ignores `sha`.
  if (existing) {
    if (body.sha === undefined || body.sha === null || body.sha === '') throw missing('sha', DOCS.contents);
    if (body.sha !== existing.sha) {
      throw new HttpError(409, `${path} does not match ${String(body.sha)}`, {
        documentation_url: DOCS.contents,
      });
    }
  }
  const file = repo.putFile(path, Buffer.from(body.content, 'base64'), { branch, message: body.message });
  return { status: existing ? 200 : 201, body: renderFileCommit(ctx.urls, repo, file) };
}

function releaseOf(ctx: RouteContext, repo: FakeRepo) {
  const release = repo.release(numberParam(ctx, 'release_id'));
  if (!release) throw notFound();
  return release;
}

/** A release that the token can see: drafts only with push access. */
function visibleReleaseOf(ctx: RouteContext, repo: FakeRepo): ReleaseRecord {
  const release = releaseOf(ctx, repo);
  if (release.draft && !repo.tokenCanPush) throw notFound();
  return release;
}

/** A release write by a token without `contents: write`. */
function assertCanPush(repo: FakeRepo): void {
  if (repo.tokenCanPush) return;
  throw new HttpError(
    403,
    'Resource not accessible by integration',
    {},
    {
      'x-accepted-github-permissions': 'contents=write',
    },
  );
}

function releaseUpdate(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const release = visibleReleaseOf(ctx, repo);
  assertCanPush(repo);
  const body = json(ctx);
  const tag = typeof body.tag_name === 'string' ? body.tag_name : release.tag_name;
  if (release.immutable && (tag !== release.tag_name || body.draft === true)) {
    throw validationFailed(
      [
        {
          resource: 'Release',
          code: 'custom',
          field: 'tag_name',
          message: 'Cannot modify an immutable release',
        },
      ],
      DOCS.releases,
    );
  }
  const publishing = release.draft && body.draft === false;
  if (
    (publishing || !release.draft) &&
    repo.releases.some((r) => r !== release && !r.draft && r.tag_name === tag)
  ) {
    throw validationFailed(
      [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      DOCS.releases,
    );
  }
  release.tag_name = tag;
  if (typeof body.name === 'string') release.name = body.name;
  if (typeof body.body === 'string') release.body = body.body;
  if (typeof body.prerelease === 'boolean') release.prerelease = body.prerelease;
  if (typeof body.target_commitish === 'string') release.target_commitish = body.target_commitish;
  if (publishing) repo.publish(release);
  if (body.draft === true && !release.draft) {
    release.draft = true;
    release.published_at = null;
  }
  return { status: 200, body: renderRelease(ctx.urls, ctx.state, repo, release) };
}

function uploadAsset(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const release = visibleReleaseOf(ctx, repo);
  assertCanPush(repo);
  const name = ctx.query.get('name');
  if (!name)
    throw validationFailed([{ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' }], DOCS.assets);
  if (release.immutable && !release.draft) {
    throw new HttpError(422, 'Cannot upload assets to an immutable release', {
      documentation_url: DOCS.assets,
    });
  }
  // The uploads host needs the size up front; a chunked body is refused.
  if (ctx.headers['content-length'] === undefined) {
    throw new HttpError(411, 'Length Required', { documentation_url: DOCS.assets });
  }
  if (release.assets.some((a) => a.name === name)) {
    throw validationFailed(
      [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
      DOCS.assets,
    );
  }
  const asset = repo.addAsset(release, {
    name,
    label: ctx.query.get('label'),
    data: ctx.body,
    content_type: String(ctx.headers['content-type'] ?? 'application/octet-stream'),
  });
  return { status: 201, body: renderAsset(ctx.urls, ctx.state, repo, release, asset) };
}

/** Every route the server answers, in matching order. */
export const ROUTES: Route[] = [
  // Actions: repository secrets (names and dates; the token needs secrets read)
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/secrets',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return { status: 200, body: { total_count: repo.secrets.length, secrets: repo.secrets } };
    },
  },
  // Actions: workflow runs
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/runs',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return listRuns(ctx, repo, repo.runs);
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const workflow = repo.workflow(ctx.params.workflow_id);
      if (!workflow) throw notFound();
      return listRuns(
        ctx,
        repo,
        repo.runs.filter((r) => r.workflow_id === workflow.id),
      );
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      observe(ctx, run);
      return { status: 200, body: renderRun(ctx.urls, ctx.state, repo, run) };
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      const number = numberParam(ctx, 'attempt_number');
      if (number === run.run_attempt) {
        observe(ctx, run);
        return { status: 200, body: renderRun(ctx.urls, ctx.state, repo, run) };
      }
      const attempt = run.attempts.find((a) => a.run_attempt === number);
      if (!attempt) throw notFound();
      return { status: 200, body: renderRun(ctx.urls, ctx.state, repo, run, attempt) };
    },
  },
  {
    method: 'POST',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun',
    handle: (ctx) => rerun(ctx, 'all'),
  },
  {
    method: 'POST',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs',
    handle: (ctx) => rerun(ctx, 'failed'),
  },
  {
    method: 'POST',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const workflow = repo.workflow(ctx.params.workflow_id);
      if (!workflow) throw notFound();
      const body = json(ctx);
      if (typeof body.ref !== 'string' || body.ref === '') throw missing('ref', DOCS.dispatch);
      const inputs = (body.inputs ?? {}) as Record<string, unknown>;
      if (typeof inputs !== 'object' || Array.isArray(inputs) || Object.keys(inputs).length > 25) {
        throw new HttpError(
          422,
          "Invalid request.\n\nFor 'properties/inputs', too many properties or not an object.",
          {
            documentation_url: DOCS.dispatch,
          },
        );
      }
      if (workflow.state !== 'active')
        throw new HttpError(422, "Workflow does not have 'workflow_dispatch' trigger");
      const ref = body.ref.replace(/^refs\/(heads|tags)\//, '');
      const run = repo.addRun({
        workflow_id: workflow.id,
        path: workflow.path,
        event: 'workflow_dispatch',
        head_branch: ref,
        status: 'queued',
        conclusion: null,
      });
      repo.dispatches.push({
        workflow_id: workflow.id,
        ref: body.ref,
        inputs,
        run_id: run.id,
        at: run.created_at,
      });
      if (body.return_run_details === true) {
        return {
          status: 200,
          body: {
            workflow_run_id: run.id,
            run_url: `${repoApi(ctx.urls, repo)}/actions/runs/${run.id}`,
            html_url: `${ctx.urls.web}/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
          },
        };
      }
      return { status: 204 };
    },
  },

  // Actions: artifacts
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      const name = ctx.query.get('name');
      const artifacts = repo.artifacts.filter(
        (a) => a.run_id === run.id && (name === null || a.name === name),
      );
      const { page, headers } = paginate(artifacts, ctx.query, ctx.selfUrl);
      return {
        status: 200,
        headers,
        body: {
          total_count: artifacts.length,
          artifacts: page.map((a) => renderArtifact(ctx.urls, repo, a, run)),
        },
      };
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const artifact = repo.artifacts.find((a) => a.id === numberParam(ctx, 'artifact_id'));
      if (!artifact) throw notFound();
      return { status: 200, body: renderArtifact(ctx.urls, repo, artifact, repo.run(artifact.run_id)) };
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const artifact = repo.artifacts.find((a) => a.id === numberParam(ctx, 'artifact_id'));
      if (!artifact || ctx.params.archive_format !== 'zip') throw notFound();
      if (artifact.expired)
        throw new HttpError(410, 'Artifact has expired', { documentation_url: DOCS.artifact });
      return { status: 302, headers: { location: ctx.blobs.publish(artifact.zip) } };
    },
  },

  // Issues and comments
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/issues',
    handle: (ctx) => listIssues(ctx, repoOf(ctx)),
  },
  {
    method: 'POST',
    base: 'api',
    template: '/repos/{owner}/{repo}/issues',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const body = json(ctx);
      if (typeof body.title !== 'string' && typeof body.title !== 'number') {
        throw validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }], DOCS.issues);
      }
      const issue = repo.addIssue({
        title: String(body.title),
        body: typeof body.body === 'string' ? body.body : null,
        labels: labelsFrom(repo, body.labels),
        assignees: stringList(body.assignees, 'assignees'),
      });
      const rendered = renderIssue(ctx.urls, ctx.state, repo, issue);
      return { status: 201, headers: { location: String(rendered.url) }, body: rendered };
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/issues/{issue_number}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return { status: 200, body: renderIssue(ctx.urls, ctx.state, repo, issueOf(ctx, repo)) };
    },
  },
  {
    method: 'PATCH',
    base: 'api',
    template: '/repos/{owner}/{repo}/issues/{issue_number}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const issue = issueOf(ctx, repo);
      const body = json(ctx);
      const now = isoSeconds(ctx.state.now());
      if (body.title !== undefined) issue.title = String(body.title);
      if (body.body !== undefined) issue.body = body.body === null ? null : String(body.body);
      if (body.labels !== undefined) issue.labels = labelsFrom(repo, body.labels);
      if (body.assignees !== undefined) issue.assignees = stringList(body.assignees, 'assignees');
      if (body.state !== undefined) {
        if (body.state !== 'open' && body.state !== 'closed') {
          throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state' }]);
        }
        if (body.state !== issue.state) {
          issue.state = body.state;
          issue.closed_at = body.state === 'closed' ? now : null;
          issue.state_reason = body.state === 'closed' ? 'completed' : 'reopened';
        }
      }
      if (typeof body.state_reason === 'string')
        issue.state_reason = body.state_reason as IssueRecord['state_reason'];
      issue.updated_at = now;
      return { status: 200, body: renderIssue(ctx.urls, ctx.state, repo, issue) };
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const issue = issueOf(ctx, repo);
      const { page, headers } = paginate(issue.comments, ctx.query, ctx.selfUrl);
      return {
        status: 200,
        headers,
        body: page.map((c) => renderComment(ctx.urls, ctx.state, repo, issue, c)),
      };
    },
  },
  {
    method: 'POST',
    base: 'api',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const issue = issueOf(ctx, repo);
      const body = json(ctx);
      if (typeof body.body !== 'string' || body.body === '') {
        throw validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
      }
      const now = isoSeconds(ctx.state.now());
      const comment = {
        id: ctx.state.nextId(),
        body: body.body,
        user: 'github-actions[bot]',
        created_at: now,
        updated_at: now,
      };
      issue.comments.push(comment);
      issue.updated_at = now;
      const rendered = renderComment(ctx.urls, ctx.state, repo, issue, comment);
      return { status: 201, headers: { location: String(rendered.url) }, body: rendered };
    },
  },

  // Labels
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/labels',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const { page, headers } = paginate(repo.labels, ctx.query, ctx.selfUrl);
      return { status: 200, headers, body: page.map((l) => renderLabel(ctx.urls, repo, l)) };
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/labels/{name}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const label = repo.label(ctx.params.name);
      if (!label) throw notFound();
      return { status: 200, body: renderLabel(ctx.urls, repo, label) };
    },
  },
  {
    method: 'POST',
    base: 'api',
    template: '/repos/{owner}/{repo}/labels',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const body = json(ctx);
      if (typeof body.name !== 'string' || body.name === '') {
        throw validationFailed([{ resource: 'Label', code: 'missing_field', field: 'name' }], DOCS.labels);
      }
      const color = typeof body.color === 'string' ? body.color.replace(/^#/, '') : 'ededed';
      if (!/^[0-9a-fA-F]{6}$/.test(color)) {
        throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'color' }], DOCS.labels);
      }
      if (repo.label(body.name)) {
        throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }], DOCS.labels);
      }
      const label = repo.addLabel({
        name: body.name,
        color: color.toLowerCase(),
        description: typeof body.description === 'string' ? body.description : null,
      });
      const rendered = renderLabel(ctx.urls, repo, label);
      return { status: 201, headers: { location: String(rendered.url) }, body: rendered };
    },
  },

  // Releases and assets
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/releases',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const newestFirst = repo.releases
        .filter((r) => repo.tokenCanPush || !r.draft)
        .sort((a, b) => b.id - a.id);
      const { page, headers } = paginate(newestFirst, ctx.query, ctx.selfUrl);
      return { status: 200, headers, body: page.map((r) => renderRelease(ctx.urls, ctx.state, repo, r)) };
    },
  },
  {
    method: 'POST',
    base: 'api',
    template: '/repos/{owner}/{repo}/releases',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const body = json(ctx);
      if (typeof body.tag_name !== 'string' || body.tag_name === '') {
        throw validationFailed(
          [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }],
          DOCS.releases,
        );
      }
      assertCanPush(repo);
      // Drafts may share a tag (a draft creates no tag); a published release owns its tag.
      if (repo.releases.some((r) => r.tag_name === body.tag_name && !r.draft)) {
        throw validationFailed(
          [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
          DOCS.releases,
        );
      }
      const release = repo.addRelease({
        tag_name: body.tag_name,
        name: typeof body.name === 'string' ? body.name : undefined,
        body: typeof body.body === 'string' ? body.body : null,
        draft: body.draft === true,
        prerelease: body.prerelease === true,
        target_commitish: typeof body.target_commitish === 'string' ? body.target_commitish : undefined,
      });
      const rendered = renderRelease(ctx.urls, ctx.state, repo, release);
      return { status: 201, headers: { location: String(rendered.url) }, body: rendered };
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/releases/tags/{tag}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      // Drafts have no tag yet: they are not found by tag.
      const release = repo.releases.find((r) => r.tag_name === ctx.params.tag && !r.draft);
      if (!release) throw notFound();
      return { status: 200, body: renderRelease(ctx.urls, ctx.state, repo, release) };
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/releases/assets/{asset_id}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const found = repo.findAsset(numberParam(ctx, 'asset_id'));
      if (!found || (found.release.draft && !repo.tokenCanPush)) throw notFound();
      if (/application\/octet-stream/.test(String(ctx.headers.accept ?? ''))) {
        found.asset.download_count++;
        return {
          status: 302,
          headers: { location: ctx.blobs.publish(found.asset.data, found.asset.content_type) },
        };
      }
      return { status: 200, body: renderAsset(ctx.urls, ctx.state, repo, found.release, found.asset) };
    },
  },
  {
    method: 'DELETE',
    base: 'api',
    template: '/repos/{owner}/{repo}/releases/assets/{asset_id}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const found = repo.findAsset(numberParam(ctx, 'asset_id'));
      if (!found || (found.release.draft && !repo.tokenCanPush)) throw notFound();
      assertCanPush(repo);
      if (found.release.immutable && !found.release.draft) {
        throw new HttpError(422, 'Cannot delete assets from an immutable release', {
          documentation_url: DOCS.assets,
        });
      }
      found.release.assets.splice(found.release.assets.indexOf(found.asset), 1);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/releases/{release_id}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return { status: 200, body: renderRelease(ctx.urls, ctx.state, repo, visibleReleaseOf(ctx, repo)) };
    },
  },
  {
    method: 'PATCH',
    base: 'api',
    template: '/repos/{owner}/{repo}/releases/{release_id}',
    handle: releaseUpdate,
  },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/releases/{release_id}/assets',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const release = visibleReleaseOf(ctx, repo);
      const { page, headers } = paginate(release.assets, ctx.query, ctx.selfUrl);
      return {
        status: 200,
        headers,
        body: page.map((a) => renderAsset(ctx.urls, ctx.state, repo, release, a)),
      };
    },
  },
  {
    method: 'POST',
    base: 'uploads',
    template: '/repos/{owner}/{repo}/releases/{release_id}/assets',
    handle: uploadAsset,
  },

  // Repository contents and git blobs
  { method: 'GET', base: 'api', template: '/repos/{owner}/{repo}/contents/{path}', handle: getContents },
  { method: 'PUT', base: 'api', template: '/repos/{owner}/{repo}/contents/{path}', handle: putContents },
  {
    method: 'GET',
    base: 'api',
    template: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const bytes = repo.blobs.get(ctx.params.file_sha);
      if (!bytes) throw notFound();
      return { status: 200, body: renderBlob(ctx.urls, repo, ctx.params.file_sha, bytes) };
    },
  },

  // Web host: release downloads (redirected to the blob host) and raw files
  {
    method: 'GET',
    base: 'web',
    template: '/{owner}/{repo}/releases/download/{tag}/{name}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const release = repo.releases.find((r) => r.tag_name === ctx.params.tag);
      const asset = release?.assets.find((a) => a.name === ctx.params.name);
      if (!asset) throw notFound();
      asset.download_count++;
      return { status: 302, headers: { location: ctx.blobs.publish(asset.data, asset.content_type) } };
    },
  },
  {
    method: 'GET',
    base: 'web',
    template: '/raw/{owner}/{repo}/{branch}/{path}',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const file = repo.file(ctx.params.path, ctx.params.branch);
      if (!file) throw notFound();
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: file.content };
    },
  },
];

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const COMPILED: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.template
    .split('/')
    .map((segment) => {
      const param = segment.match(/^\{(\w+)\}$/);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      // A contents path spans segments; every other parameter is one segment.
      return param[1] === 'path' ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names };
});

/** The route for this request and its decoded parameters. */
export function matchRoute(
  method: string,
  base: Base,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const { route, pattern, names } of COMPILED) {
    if (route.base !== base || route.method !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    try {
      names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
    } catch {
      continue;
    }
    if (params.path !== undefined) params.path = posix.normalize(params.path).replace(/^\/+/, '');
    return { route, params };
  }
  return undefined;
}
