import fs from 'node:fs';
import path from 'node:path';
import { runCli } from './run-cli';
import { BUILDER, signedRelease, type SignedRelease } from './signed-release';

/** Errors a person can act on (issue 12, item 4): one line, in words, exit 2 for unusable input. */
describe('release-guard errors', () => {
  let release: SignedRelease;
  let work: string;
  let artifact: string;
  let provenance: string;
  let root: string;

  beforeAll(async () => {
    release = await signedRelease('rg-errors-');
    ({ work, artifact, provenance, root } = release);
    fs.writeFileSync(path.join(work, 'empty.jsonl'), '');
    fs.mkdirSync(path.join(work, 'folder'));
  });
  afterAll(() => release.close());

  const verify = (overrides: Record<string, string> = {}, ...more: string[]) => {
    const flags: Record<string, string> = {
      '--provenance': provenance,
      '--artifact': artifact,
      '--source-repo': 'acme/app',
      '--builder-id': BUILDER,
      '--trusted-root': root,
      ...overrides,
    };
    return runCli(['verify', ...Object.entries(flags).flat(), ...more]);
  };
  const lines = (text: string) => text.split('\n').filter((line) => line !== '');

  it.each([
    [
      'a provenance that does not exist',
      { '--provenance': 'missing.jsonl' },
      'provenance',
      'no such file or folder',
    ],
    ['an empty provenance', { '--provenance': 'empty.jsonl' }, 'provenance', 'the file is empty'],
    ['a folder as artifact', { '--artifact': 'folder' }, 'artifact', 'it is a folder, not a file'],
    [
      'a missing trusted root',
      { '--trusted-root': 'root-gone.json' },
      'trusted root',
      'no such file or folder',
    ],
    [
      'a file as --artifacts-dir',
      { '--artifacts-dir': 'app.tgz' },
      'artifacts folder',
      'it is a file, not a folder',
    ],
  ])('refuses %s: exit 2, one line, failure_reason null', async (_label, relative, role, why) => {
    const overrides = Object.fromEntries(
      Object.entries(relative).map(([flag, name]) => [flag, path.join(work, name)]),
    );
    const text = await verify(overrides);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(lines(text.stderr)).toEqual([
      `release-guard: unreadable_input: cannot read ${role} ${Object.values(overrides)[0]}: ${why}`,
    ]);
    const json = await verify(overrides, '--format', 'json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ verified: false, failure_reason: null, checks: [] });
  });

  it('says "permission denied" for a file it may not read, never EACCES', async () => {
    // Root reads a chmod 000 file anyway, so the refusal comes from the file system call itself.
    const open = fs.openSync;
    const denied = jest.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      if (file === provenance) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${provenance}'`), { code: 'EACCES' });
      }
      return open(file, ...(rest as [number]));
    });
    try {
      const result = await verify();
      expect(result.code).toBe(2);
      expect(lines(result.stderr)).toEqual([
        `release-guard: unreadable_input: cannot read provenance ${provenance}: permission denied`,
      ]);
    } finally {
      denied.mockRestore();
    }
  });

  it('refuses a missing verify-signature bundle the same way', async () => {
    const result = await runCli([
      'verify-signature',
      '--bundle',
      path.join(work, 'gone.sigstore.json'),
      artifact,
      '--cert-identity',
      BUILDER,
    ]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      `release-guard: unreadable_input: cannot read bundle ${path.join(work, 'gone.sigstore.json')}: no such file or folder`,
    ]);
  });

  it.each([
    [
      'an unknown flag',
      ['verify', '--provenance', 'p', '--source-repo', 'a/b', '--nope'],
      "error: unknown option '--nope'",
      'verify',
    ],
    [
      'a missing required flag',
      ['verify', '--provenance', 'x'],
      "error: required option '--source-repo <repo>' not specified",
      'verify',
    ],
    [
      'a bad --format',
      ['verify-signature', '--bundle', 'b', '--format', 'yaml'],
      "error: option '--format <format>' argument 'yaml' is invalid. must be text or json",
      'verify-signature',
    ],
    [
      'a missing manifest lint argument',
      ['manifest', 'lint', 'old.json'],
      "error: missing required argument 'new'",
      'manifest lint',
    ],
  ])(
    'prints one line and where to read the usage for %s, not the whole help',
    async (_label, argv, line, command) => {
      const result = await runCli(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(lines(result.stderr)).toEqual([line, `Run 'release-guard ${command} --help' for usage.`]);
    },
  );

  it('prints a usage error of a flag value in one line, then the hint', async () => {
    const result = await verify({}, '--commit', 'abc');
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      'release-guard: usage_error: --commit must be a full 40- or 64-character hex commit id, got "abc"',
      "Run 'release-guard verify --help' for usage.",
    ]);
  });

  it('prints an input error of another command in one line, then that command’s hint', async () => {
    const file = path.join(work, 'freeze.json');
    const result = await runCli(['freeze', 'on', '--file', file, '--reason', 'x', '--expires', 'garbage']);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      'release-guard: usage_error: --expires "garbage" is not an ISO 8601 date or date-time with a zone, such as 2026-12-31T18:00:00Z',
      "Run 'release-guard freeze on --help' for usage.",
    ]);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('cuts a value it echoes to 200 characters, saying how many more there were', async () => {
    const result = await verify({}, '--commit', 'z'.repeat(1000));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`got "${'z'.repeat(200)}…(800 more)"`);
    expect(result.stderr).not.toContain('z'.repeat(201));
    const repo = await verify({ '--source-repo': `acme app ${'y'.repeat(500)}` });
    expect(repo.stderr).toContain('…(309 more)');
  });

  it('speaks of manifest fields and values, not schema keywords or source files', async () => {
    const result = await runCli([
      'manifest',
      'update',
      '--manifest',
      path.join(work, 'manifest.json'),
      '--tag',
      'v1',
      '--run-id',
      '5',
      '--set',
      'status=bogus',
    ]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)[0]).toBe(
      'release-guard: usage_error: --set status="bogus": not a valid status. Expected: Where the run is in the status state machine. Allowed: pending, success, failure, requeued, rerunning, blocked, rollback.',
    );
  });
});
