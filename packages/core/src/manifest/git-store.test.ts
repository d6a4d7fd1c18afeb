import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReleaseGuardError } from '../errors';
import { GitManifestStore } from './git-store';
import { parseManifest } from './schema';
import { updateManifest } from './update';

let folder: string;
let remote: string;
/** git with no user or system configuration at all, as on a fresh CI runner. */
let bareEnv: NodeJS.ProcessEnv;
const stores: GitManifestStore[] = [];

function git(args: string[], cwd = folder): string {
  return execFileSync('git', args, { cwd, env: bareEnv, encoding: 'utf8' }).trim();
}

function store(branch = 'manifest', path = 'docs/reports/manifest.json'): GitManifestStore {
  const created = new GitManifestStore({ remote, branch, path, env: bareEnv });
  stores.push(created);
  return created;
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'manifest-git-'));
  remote = join(folder, 'remote.git');
  const home = join(folder, 'home');
  mkdirSync(home);
  bareEnv = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
  git(['init', '--quiet', '--bare', remote]);
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((created) => created.close()));
  rmSync(folder, { recursive: true, force: true });
});

describe('GitManifestStore', () => {
  it('creates a missing branch with an orphan commit, on a machine with no git identity', async () => {
    const manifestStore = store();
    expect(await manifestStore.read()).toEqual({ content: null, version: null });
    const written = await manifestStore.write(
      '{"schema_version":1,"entries":[]}\n',
      null,
      'manifest: create\n',
    );
    expect(written.ok).toBe(true);
    const tip = git(['--git-dir', remote, 'rev-parse', 'refs/heads/manifest']);
    expect(written).toEqual({ ok: true, version: tip });
    expect(git(['--git-dir', remote, 'rev-list', '--parents', 'manifest'])).toBe(tip);
    expect(git(['--git-dir', remote, 'show', 'manifest:docs/reports/manifest.json'])).toBe(
      '{"schema_version":1,"entries":[]}',
    );
    expect(git(['--git-dir', remote, 'log', '-1', '--format=%an <%ae>|%s', 'manifest'])).toBe(
      'release-guard <release-guard@users.noreply.github.com>|manifest: create',
    );
    expect(await manifestStore.read()).toEqual({
      content: '{"schema_version":1,"entries":[]}\n',
      version: tip,
    });
  });

  it('adds the file to a branch that lacks it, keeping the other files', async () => {
    const work = join(folder, 'work');
    git(['init', '--quiet', '-b', 'main', work]);
    writeFileSync(join(work, 'README.md'), 'hello\n');
    git(['add', 'README.md'], work);
    git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'initial'], work);
    git(['push', '--quiet', remote, 'main:manifest'], work);
    const initial = git(['--git-dir', remote, 'rev-parse', 'manifest']);

    const manifestStore = store();
    expect(await manifestStore.read()).toEqual({ content: null, version: initial });
    const written = await manifestStore.write('x\n', initial, 'add');
    expect(written.ok).toBe(true);
    expect(git(['--git-dir', remote, 'ls-tree', '-r', '--name-only', 'manifest']).split('\n')).toEqual([
      'README.md',
      'docs/reports/manifest.json',
    ]);
    expect(git(['--git-dir', remote, 'rev-parse', 'manifest^'])).toBe(initial);
  });

  it('answers conflict, without force, when the branch moved since the read', async () => {
    const first = store();
    const second = store();
    const created = await first.write('one\n', null, 'one');
    if (!created.ok) throw new Error('first write lost');
    expect(await second.write('two\n', null, 'orphan two')).toEqual({ ok: false, reason: 'conflict' });
    const moved = await first.write('three\n', created.version, 'three');
    expect(moved.ok).toBe(true);
    expect(await second.write('four\n', created.version, 'four')).toEqual({ ok: false, reason: 'conflict' });
    expect(git(['--git-dir', remote, 'show', 'manifest:docs/reports/manifest.json'])).toBe('three');
  });

  it('lets concurrent first writers race to create the branch without losing an entry', async () => {
    await Promise.all(
      ['1', '2', '3', '4'].map((runId) =>
        updateManifest(store(), { tag: 'v1.0.0', runId, set: {}, actor: 'ci', backoffBaseMs: 10 }),
      ),
    );
    const manifest = parseManifest(
      git(['--git-dir', remote, 'show', 'manifest:docs/reports/manifest.json']),
      remote,
    );
    expect(manifest.entries.map((entry) => entry.run_id).sort()).toEqual(['1', '2', '3', '4']);
    expect(git(['--git-dir', remote, 'rev-list', '--count', 'manifest'])).toBe('4');
    expect(git(['--git-dir', remote, 'rev-list', '--merges', 'manifest'])).toBe('');
  });

  it('passes hostile tags as data, not as options or shell text', async () => {
    const tag = '--upload-pack=touch pwned;$(touch pwned2)`touch pwned3`|v1/x\u202e';
    const result = await updateManifest(store(), {
      tag,
      runId: '5',
      set: {},
      actor: '--exec=id',
      note: '-m x',
    });
    expect(result.written).toBe(true);
    const manifest = parseManifest(
      git(['--git-dir', remote, 'show', 'manifest:docs/reports/manifest.json']),
      remote,
    );
    expect(manifest.entries[0].tag).toBe(tag);
    expect(readdirSync(folder).filter((name) => name.startsWith('pwned'))).toEqual([]);
    expect(git(['--git-dir', remote, 'log', '-1', '--format=%s', 'manifest'])).toContain(
      'run 5: new → pending',
    );
  });

  it.each([
    ['../outside.json', /must be a file path inside the repository/],
    ['/etc/passwd', /must be a file path inside the repository/],
    ['.git/config', /not in \.git/],
    ['docs/../../x.json', /no "\.\."/],
    ['docs/\nmanifest.json', /not a usable path/],
  ])('refuses the repository path %j', (path, message) => {
    expect(() => new GitManifestStore({ remote, branch: 'manifest', path })).toThrow(message);
  });

  it('refuses branch names git would read as options or refuse', async () => {
    expect(() => new GitManifestStore({ remote, branch: '--force', path: 'm.json' })).toThrow(
      /is not a branch name/,
    );
    expect(() => new GitManifestStore({ remote: '--upload-pack=x', branch: 'b', path: 'm.json' })).toThrow(
      /is not a repository URL or path/,
    );
    await expect(store('bad..name').read()).rejects.toThrow(
      /--git-branch "bad\.\.name" is not a valid git branch name/,
    );
  });

  it('reports an unreachable remote as unusable input, without its credentials', async () => {
    const unreachable = new GitManifestStore({
      remote: 'https://robot:s3cret-token@127.0.0.1:9/acme/app.git',
      branch: 'manifest',
      path: 'm.json',
      env: bareEnv,
      timeoutMs: 20_000,
    });
    stores.push(unreachable);
    let failure: unknown;
    try {
      await unreachable.read();
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ReleaseGuardError);
    expect(failure).toMatchObject({ code: 'unreadable_input' });
    expect((failure as Error).message).toMatch(
      /could not fetch the branch from https:\/\/\*\*\*@127\.0\.0\.1:9\/acme\/app\.git#manifest:m\.json/,
    );
    expect((failure as Error).message).not.toContain('s3cret');
    expect(unreachable.location).not.toContain('s3cret');
  });

  it('refuses a path that is a folder on the branch', async () => {
    await store('manifest', 'docs/reports/manifest.json').write('x\n', null, 'x');
    await expect(store('manifest', 'docs/reports').read()).rejects.toThrow(
      /docs\/reports on branch manifest of .* is a tree, not a file/,
    );
  });
});
