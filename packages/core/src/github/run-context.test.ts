import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReleaseGuardError } from '../errors';
import { readRunContext } from './run-context';

const runnerEnv = {
  GITHUB_RUN_ID: '15570246512',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_REPOSITORY: 'acme/widgets',
  GITHUB_ACTOR: 'octocat',
  GITHUB_SERVER_URL: 'https://ghes.example.com/',
  GITHUB_API_URL: 'https://ghes.example.com/api/v3',
  GITHUB_WORKFLOW: 'release',
  GITHUB_REF: 'refs/tags/v1.2.3',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_EVENT_NAME: 'push',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'run-context-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function eventFile(content: string): string {
  const file = path.join(dir, 'event.json');
  writeFileSync(file, content);
  return file;
}

describe('readRunContext', () => {
  it('reads the run from the given environment, with run id and attempt as strings', () => {
    const context = readRunContext(runnerEnv);
    expect(context).toEqual({
      runId: '15570246512',
      runAttempt: '2',
      repository: { owner: 'acme', repo: 'widgets' },
      actor: 'octocat',
      serverUrl: 'https://ghes.example.com',
      apiUrl: 'https://ghes.example.com/api/v3',
      workflow: 'release',
      ref: 'refs/tags/v1.2.3',
      sha: 'a'.repeat(40),
      eventName: 'push',
    });
    expect(Object.isFrozen(context)).toBe(true);
    expect(Object.isFrozen(context.repository)).toBe(true);
  });

  it('reads only the given environment and leaves process.env as it was', () => {
    const saved = process.env;
    const previous = process.env.GITHUB_ACTOR;
    process.env.GITHUB_ACTOR = 'someone-else';
    try {
      expect(readRunContext({ GITHUB_RUN_ID: '7' })).toMatchObject({ runId: '7', actor: undefined });
      expect(process.env).toBe(saved);
      expect(process.env.GITHUB_ACTOR).toBe('someone-else');
    } finally {
      if (previous === undefined) delete process.env.GITHUB_ACTOR;
      else process.env.GITHUB_ACTOR = previous;
    }
  });

  it('reads absent and empty variables as undefined, and the URLs as github.com', () => {
    const empty = Object.fromEntries(Object.keys(runnerEnv).map((name) => [name, '']));
    for (const env of [{}, empty]) {
      expect(readRunContext(env)).toEqual({
        runId: undefined,
        runAttempt: undefined,
        repository: undefined,
        actor: undefined,
        serverUrl: 'https://github.com',
        apiUrl: 'https://api.github.com',
        workflow: undefined,
        ref: undefined,
        sha: undefined,
        eventName: undefined,
      });
    }
  });

  it.each([
    ['GITHUB_RUN_ID', '0012'],
    ['GITHUB_RUN_ID', '12abc'],
    ['GITHUB_RUN_ID', '99999999999999999999'],
    ['GITHUB_RUN_ATTEMPT', ' 1'],
  ])('refuses %s=%j instead of rewriting it', (name, value) => {
    let error: unknown;
    try {
      readRunContext({ ...runnerEnv, [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReleaseGuardError);
    expect(error).toMatchObject({ code: 'usage_error', details: { field: name, actual: value } });
  });

  it.each(['acme', 'acme/widgets/extra', '/widgets'])('refuses GITHUB_REPOSITORY=%j', (value) => {
    expect(() => readRunContext({ ...runnerEnv, GITHUB_REPOSITORY: value })).toThrow(
      /GITHUB_REPOSITORY is .*; expected owner\/repo/,
    );
  });

  it('reads the event payload at GITHUB_EVENT_PATH for the repository when GITHUB_REPOSITORY is unset', () => {
    const payload = { repository: { name: 'gadgets', owner: { login: 'acme-labs' } } };
    const context = readRunContext({ GITHUB_EVENT_PATH: eventFile(JSON.stringify(payload)) });
    expect(context.repository).toEqual({ owner: 'acme-labs', repo: 'gadgets' });
  });

  it('prefers GITHUB_REPOSITORY to the payload, as the runner does', () => {
    const payload = { repository: { name: 'gadgets', owner: { login: 'acme-labs' } } };
    const env = { ...runnerEnv, GITHUB_EVENT_PATH: eventFile(JSON.stringify(payload)) };
    expect(readRunContext(env).repository).toEqual({ owner: 'acme', repo: 'widgets' });
  });

  it('refuses an event payload that is not JSON without quoting it', () => {
    const file = eventFile('{"pull_request": {"title": "secret-looking text"');
    let error: unknown;
    try {
      readRunContext({ ...runnerEnv, GITHUB_EVENT_PATH: file });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'unreadable_input', details: { field: 'GITHUB_EVENT_PATH' } });
    expect((error as Error).message).toMatch(/is not JSON$/);
    expect((error as Error).message).not.toContain('secret-looking');
  });
});

describe('start-up cost', () => {
  it('loads neither undici nor an HTTP client', () => {
    const probe = [
      `require(${JSON.stringify(require.resolve('./run-context'))});`,
      'process.stdout.write(JSON.stringify(Object.keys(require.cache)));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', probe], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    const loaded = JSON.parse(result.stdout) as string[];
    expect(loaded.some((file) => file.includes(`${path.sep}@actions${path.sep}github${path.sep}`))).toBe(
      true,
    );
    expect(loaded.filter((file) => /undici|http-client|@octokit/.test(file))).toEqual([]);
  });
});
