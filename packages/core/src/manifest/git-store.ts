import { echoValue } from '../text/echo-value';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { ReleaseGuardError, usageError } from '../errors';
import {
  MANIFEST_STORE_LABEL,
  type ManifestStore,
  type StoreLabel,
  type StoredManifest,
  type WriteResult,
} from './store';

export interface GitManifestStoreOptions {
  /** Where git fetches and pushes: a URL, `host:path`, or a path to a repository. */
  remote: string;
  branch: string;
  /** The file inside the repository, e.g. docs/reports/manifest.json. */
  path: string;
  /** Environment for git (credentials, proxies); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Per git command (default 120 s). */
  timeoutMs?: number;
  /** What a relative repository path in `remote` is relative to (default process.cwd()). */
  cwd?: string;
  /** How messages name the file and its flag (default: the manifest, --manifest). */
  label?: StoreLabel;
}

/** Who commits when the environment names nobody: works on a machine without any git config. */
const DEFAULT_IDENTITY = { name: 'release-guard', email: 'release-guard@users.noreply.github.com' };

/** Variables that would point git at another repository than our private clone. */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
];

/** Private refs: the branch tip as last fetched, and the commit being pushed. */
const TIP_REF = 'refs/release-guard/tip';
const NEW_COMMIT_REF = 'refs/release-guard/new';

interface GitOutput {
  stdout: Buffer;
  stderr: string;
}

class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(`git ${args[0]} failed (exit ${exitCode}): ${stderr.trim() || stdout.trim()}`);
  }
}

/**
 * A manifest kept as a file on a branch of a git remote. Each store works in its own temporary bare
 * repository: read fetches the branch; write commits the new file on top of the commit it read and
 * pushes without force. The push is the compare-and-swap: when the branch moved, git rejects it as
 * not a fast-forward and write answers `conflict`. A branch the remote lacks is created with an orphan
 * commit. Only the git binary is run, with arguments (never a shell); the remote and refs come after
 * `--`, the file's path and content through stdin.
 * Call close() to remove the temporary repository.
 */
export class GitManifestStore implements ManifestStore {
  readonly location: string;
  private readonly remote: string;
  private readonly branch: string;
  private readonly path: string;
  private readonly baseEnv: NodeJS.ProcessEnv;
  private readonly timeoutMs: number;
  private readonly label: StoreLabel;
  private repository: Promise<string> | null = null;

  constructor(options: GitManifestStoreOptions) {
    if (options.remote === '' || options.remote.startsWith('-')) {
      throw usageError(`--git-remote ${echoValue(options.remote)} is not a repository URL or path`);
    }
    if (options.branch === '' || options.branch.startsWith('-')) {
      throw usageError(`--git-branch ${echoValue(options.branch)} is not a branch name`);
    }
    this.label = options.label ?? MANIFEST_STORE_LABEL;
    this.remote = isLocalPath(options.remote)
      ? resolve(options.cwd ?? process.cwd(), options.remote)
      : options.remote;
    this.branch = options.branch;
    this.path = repositoryPath(options.path, this.label);
    this.baseEnv = options.env ?? process.env;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.location = `${redactCredentials(this.remote)}#${options.branch}:${this.path}`;
  }

  async read(): Promise<StoredManifest> {
    const repository = await this.ensureRepository();
    try {
      await this.git(repository, [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-show-forced-updates',
        '--no-write-fetch-head',
        '--',
        this.remote,
        `+refs/heads/${this.branch}:${TIP_REF}`,
      ]);
    } catch (error) {
      if (error instanceof GitCommandError && /couldn't find remote ref/i.test(error.stderr)) {
        await this.git(repository, ['update-ref', '-d', TIP_REF]).catch(() => undefined);
        return { content: null, version: null };
      }
      throw this.remoteError('fetch the branch from', error);
    }
    // One cat-file for the tip commit and the file: fewer processes in each compare-and-swap round.
    const [tip, file] = parseBatch(
      (
        await this.git(repository, ['cat-file', '--batch'], {
          input: `${TIP_REF}\n${TIP_REF}:${this.path}\n`,
        })
      ).stdout,
    );
    if (tip.type !== 'commit') throw new Error(`git cat-file: ${TIP_REF} is a ${tip.type}, not a commit`);
    if (file.type === 'missing') return { content: null, version: tip.name };
    if (file.type !== 'blob') {
      throw new ReleaseGuardError(
        'unreadable_input',
        `${this.path} on branch ${this.branch} of ${redactCredentials(this.remote)} is a ${file.type}, not a file; point ${this.label.pathFlag} at the ${this.label.noun}.`,
        { location: this.location },
      );
    }
    return { content: file.body.toString('utf8'), version: tip.name };
  }

  async write(content: string, expectedVersion: string | null, message: string): Promise<WriteResult> {
    const repository = await this.ensureRepository();
    // Only a commit this clone fetched can be built on; anything else means: read again.
    if (expectedVersion !== null && !/^[0-9a-f]{40,64}$/.test(expectedVersion))
      return { ok: false, reason: 'conflict' };
    // fast-import builds blob, trees and commit in one process, keeping the read-to-push window short.
    const marks = join(repository, `marks-${randomBytes(6).toString('hex')}`);
    let commit: string;
    try {
      await this.git(repository, ['fast-import', '--quiet', '--force', `--export-marks=${marks}`], {
        input: this.commitStream(content, expectedVersion, message),
      });
      commit = (await readFile(marks, 'utf8')).trim().split(' ')[1];
    } catch (error) {
      if (error instanceof GitCommandError && /not a valid commit/i.test(error.stderr)) {
        return { ok: false, reason: 'conflict' };
      }
      throw error;
    } finally {
      await unlink(marks).catch(() => undefined);
    }

    try {
      await this.git(repository, [
        'push',
        '--porcelain',
        '--quiet',
        '--',
        this.remote,
        `${commit}:refs/heads/${this.branch}`,
      ]);
    } catch (error) {
      if (error instanceof GitCommandError && isLostRace(error.stdout))
        return { ok: false, reason: 'conflict' };
      throw this.remoteError(`push the ${this.label.noun} commit to`, error);
    }
    return { ok: true, version: commit };
  }

  /** A git fast-import stream: one commit, on `parent` (none: an orphan), that sets the manifest file. */
  private commitStream(content: string, parent: string | null, message: string): Buffer {
    const identity = this.identity();
    const when = `${Math.floor(Date.now() / 1000)} +0000`;
    const data = (bytes: Buffer) => [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
    const quotedPath = `"${this.path.replace(/"/g, '\\"')}"`;
    return Buffer.concat([
      Buffer.from(
        `reset ${NEW_COMMIT_REF}\ncommit ${NEW_COMMIT_REF}\nmark :1\n` +
          `author ${identity.authorName} <${identity.authorEmail}> ${when}\n` +
          `committer ${identity.committerName} <${identity.committerEmail}> ${when}\n`,
      ),
      ...data(Buffer.from(message, 'utf8')),
      Buffer.from(`${parent === null ? '' : `from ${parent}\n`}M 100644 inline ${quotedPath}\n`),
      ...data(Buffer.from(content, 'utf8')),
      Buffer.from('\n'),
    ]);
  }

  /** The environment's git identity, else release-guard's; safe inside a fast-import header. */
  private identity() {
    const clean = (value: string | undefined, fallback: string) =>
      (value || fallback).replace(/[<>\n\r\0]/g, '');
    const env = this.baseEnv;
    return {
      authorName: clean(env.GIT_AUTHOR_NAME, DEFAULT_IDENTITY.name),
      authorEmail: clean(env.GIT_AUTHOR_EMAIL, DEFAULT_IDENTITY.email),
      committerName: clean(env.GIT_COMMITTER_NAME, DEFAULT_IDENTITY.name),
      committerEmail: clean(env.GIT_COMMITTER_EMAIL, DEFAULT_IDENTITY.email),
    };
  }

  /** Removes the temporary repository. The store can be used again afterwards (it clones anew). */
  async close(): Promise<void> {
    const repository = this.repository;
    this.repository = null;
    if (repository !== null) {
      const folder = await repository.catch(() => null);
      if (folder !== null) await rm(folder, { recursive: true, force: true });
    }
  }

  private ensureRepository(): Promise<string> {
    this.repository ??= this.createRepository();
    return this.repository;
  }

  private async createRepository(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'release-guard-manifest-'));
    try {
      await this.git(folder, ['-c', 'init.defaultBranch=main', 'init', '--quiet', '--bare', folder], {
        gitDir: false,
      });
      try {
        await this.git(folder, ['check-ref-format', `refs/heads/${this.branch}`]);
      } catch {
        throw usageError(`--git-branch ${echoValue(this.branch)} is not a valid git branch name`);
      }
      return folder;
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      this.repository = null;
      throw error;
    }
  }

  private git(
    repository: string,
    args: string[],
    options: { input?: string | Buffer; gitDir?: boolean } = {},
  ): Promise<GitOutput> {
    const env: NodeJS.ProcessEnv = { ...this.baseEnv };
    for (const name of REPOSITORY_VARIABLES) delete env[name];
    Object.assign(env, {
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C',
      ...(options.gitDir === false ? {} : { GIT_DIR: repository }),
    });
    // ext:: runs arbitrary commands: never let a remote URL reach it. The temporary clone needs no
    // housekeeping: skipping it saves a process per fetch.
    const fullArgs = [
      '-c',
      'protocol.ext.allow=never',
      '-c',
      'gc.auto=0',
      '-c',
      'maintenance.auto=false',
      ...args,
    ];
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        fullArgs,
        { cwd: repository, env, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, timeout: this.timeoutMs },
        (error, stdout, stderr) => {
          if (error === null) {
            resolve({ stdout, stderr: stderr.toString() });
            return;
          }
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') {
            reject(
              new ReleaseGuardError(
                'unreadable_input',
                `git is not installed or not on PATH; install git to keep the ${this.label.noun} on a git branch.`,
              ),
            );
          } else if (error.killed) {
            reject(
              new GitCommandError(
                args,
                null,
                stdout.toString(),
                `timed out after ${this.timeoutMs / 1000} s`,
              ),
            );
          } else {
            reject(
              new GitCommandError(
                args,
                typeof error.code === 'number' ? error.code : null,
                stdout.toString(),
                stderr.toString(),
              ),
            );
          }
        },
      );
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.input ?? '');
    });
  }

  private remoteError(what: string, error: unknown): unknown {
    if (!(error instanceof GitCommandError)) return error;
    return new ReleaseGuardError(
      'unreadable_input',
      `could not ${what} ${this.location}: ${redactCredentials(error.stderr.trim() || error.stdout.trim())}. ` +
        'Check the remote URL, the branch name and that these credentials may read and push it; nothing was written.',
      { location: this.location },
    );
  }
}

interface BatchObject {
  /** The object id, or for a missing object the name asked for. */
  name: string;
  type: string;
  body: Buffer;
}

/** Splits `git cat-file --batch` output: `<id> <type> <size>\n<body>\n`, or `<name> missing\n`. */
function parseBatch(output: Buffer): BatchObject[] {
  const objects: BatchObject[] = [];
  let offset = 0;
  while (offset < output.length) {
    const end = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, end).toString('utf8');
    offset = end + 1;
    if (header.endsWith(' missing')) {
      objects.push({ name: header.slice(0, -' missing'.length), type: 'missing', body: Buffer.alloc(0) });
      continue;
    }
    const [name, type, size] = header.split(' ');
    objects.push({ name, type, body: output.subarray(offset, offset + Number(size)) });
    offset += Number(size) + 1;
  }
  return objects;
}

/**
 * `git push --porcelain` marks each refused ref with `!`. A plain `[rejected]` (not a fast-forward,
 * fetch first, stale info) means the branch moved; a `[remote rejected]` is a lost race only when the
 * remote could not lock or update the ref because another push held it. Hooks and protections are not.
 */
function isLostRace(porcelain: string): boolean {
  return porcelain
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .some(
      (line) =>
        line.includes('[rejected]') ||
        (line.includes('[remote rejected]') &&
          /cannot lock ref|failed to update ref|failed to lock|incorrect old value/i.test(line)),
    );
}

/** A path inside the repository, normalised; absolute paths, `..` and `.git` are refused. */
function repositoryPath(path: string, label: StoreLabel): string {
  // eslint-disable-next-line no-control-regex
  if (path === '' || /[\u0000-\u001f\u007f\\]/.test(path)) {
    throw usageError(`${label.pathFlag} ${echoValue(path)} is not a usable path inside the repository`);
  }
  const normalised = posix.normalize(path).replace(/^(\.\/)+/, '');
  const parts = normalised.split('/');
  if (
    posix.isAbsolute(normalised) ||
    parts.includes('..') ||
    parts.some((part) => part.toLowerCase() === '.git') ||
    normalised.endsWith('/') ||
    normalised === '.'
  ) {
    throw usageError(
      `${label.pathFlag} ${echoValue(path)} must be a file path inside the repository (relative, no "..", not in .git), e.g. ${label.examplePath}`,
    );
  }
  return normalised;
}

/** Not a URL (`scheme://`) nor scp-like (`host:path`, a colon before any slash): a path on this machine. */
function isLocalPath(remote: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(remote) && !/^[^/]*:/.test(remote);
}

function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}
