import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  githubActionsIdentity,
  signProvenance,
  slsaV1Statement,
  startSigstoreServer,
  subjectFor,
} from '@release-guard/testkit';
import { runCli } from './run-cli';

let folder: string;
const freezePath = () => path.join(folder, '.github', 'release-freeze.json');
/** No RELEASE_FREEZE nor RELEASE_GUARD_FREEZE_FILE from the machine running the tests. */
const baseEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, USER: 'oncall' };
  delete env.RELEASE_FREEZE;
  delete env.RELEASE_GUARD_FREEZE_FILE;
  delete env.GITHUB_ACTOR;
  return env;
};
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, folder, { ...baseEnv(), ...env });
const status = async (...args: string[]) => {
  const result = await cli(['freeze', 'status', '--format', 'json', ...args]);
  return { code: result.code, json: JSON.parse(result.stdout), stderr: result.stderr };
};

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-freeze-'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('release-guard freeze', () => {
  it('is not frozen while there is no freeze file (exit 0)', async () => {
    expect(await status()).toMatchObject({
      code: 0,
      json: {
        frozen: false,
        reason: null,
        incident: null,
        set_by: null,
        set_at: null,
        scope: null,
        expires_at: null,
        expired: false,
        source: 'file',
        applies_to_tag: null,
      },
    });
  });

  it('on → status exits 1 → off → status exits 0, with both changes in the history', async () => {
    const on = await cli([
      'freeze',
      'on',
      '--reason',
      'repro mismatch on v2.3.0',
      '--incident',
      'https://github.com/acme/widgets/issues/7',
    ]);
    expect(on).toMatchObject({ code: 0, stderr: '' });
    expect(on.stdout).toBe(
      `release freeze ON for all releases, until lifted; written to ${freezePath()} in 1 attempt.\n` +
        'Lift it with `release-guard freeze off --reason TEXT`.\n',
    );

    const frozen = await status('--tag', 'v1.0.0');
    expect(frozen).toMatchObject({
      code: 1,
      json: {
        frozen: true,
        reason: 'repro mismatch on v2.3.0',
        incident: 'https://github.com/acme/widgets/issues/7',
        set_by: 'oncall',
        scope: 'all',
        expires_at: null,
        expired: false,
        source: 'file',
        applies_to_tag: true,
      },
    });
    expect(Object.keys(frozen.json).sort()).toEqual(
      [
        'frozen',
        'reason',
        'incident',
        'set_by',
        'set_at',
        'scope',
        'expires_at',
        'expired',
        'source',
        'applies_to_tag',
      ].sort(),
    );
    const text = await cli(['freeze', 'status']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^FROZEN: releases are frozen\n {2}reason: +repro mismatch on v2\.3\.0\n/);
    expect(text.stdout).toMatch(/Lift it with `release-guard freeze off --reason TEXT`/);

    expect((await cli(['freeze', 'off', '--reason', 'rebuilt and reproducible'])).code).toBe(0);
    expect(await status('--tag', 'v1.0.0')).toMatchObject({
      code: 0,
      json: { frozen: false, reason: 'rebuilt and reproducible', applies_to_tag: false },
    });
    const file = JSON.parse(fs.readFileSync(freezePath(), 'utf8'));
    expect(file.history.map((record: { action: string; by: string }) => [record.action, record.by])).toEqual([
      ['on', 'oncall'],
      ['off', 'oncall'],
    ]);
  });

  it('with --scope v2.* freezes v2.3.0 and not v3.0.0', async () => {
    expect((await cli(['freeze', 'on', '--reason', 'bad v2 line', '--scope', 'v2.*'])).code).toBe(0);
    expect(await status('--tag', 'v2.3.0')).toMatchObject({
      code: 1,
      json: { frozen: true, scope: ['v2.*'], applies_to_tag: true },
    });
    expect(await status('--tag', 'refs/tags/v2.3.0')).toMatchObject({ code: 1 });
    expect(await status('--tag', 'v3.0.0')).toMatchObject({
      code: 0,
      json: { frozen: false, scope: ['v2.*'], applies_to_tag: false },
    });
    // Without --tag the question is whether anything is frozen.
    expect(await status()).toMatchObject({ code: 1, json: { frozen: true, applies_to_tag: null } });
  });

  it('does not freeze once --expires has passed, and says it expired', async () => {
    expect(
      (await cli(['freeze', 'on', '--reason', 'short freeze', '--expires', '2099-01-01T00:00:00Z'])).code,
    ).toBe(0);
    expect(await status()).toMatchObject({
      code: 1,
      json: { frozen: true, expired: false, expires_at: '2099-01-01T00:00:00.000Z' },
    });
    // Move the expiry into the past as time would: the file is the state.
    const file = JSON.parse(fs.readFileSync(freezePath(), 'utf8'));
    fs.writeFileSync(freezePath(), JSON.stringify({ ...file, expires_at: '2026-01-01T00:00:00.000Z' }));
    expect(await status('--tag', 'v1.0.0')).toMatchObject({
      code: 0,
      json: { frozen: false, expired: true, applies_to_tag: false },
    });
    const text = await cli(['freeze', 'status']);
    expect(text).toMatchObject({ code: 0 });
    expect(text.stdout).toMatch(/^not frozen: the freeze expired at 2026-01-01T00:00:00.000Z\n/);
  });

  it.each([
    ['corrupt JSON', '{"schema_version": 1, "frozen": fa', /not valid JSON/],
    ['duplicate keys', '{"frozen": false, "frozen": true}', /duplicate JSON key "frozen"/],
    ['a schema violation', '{"schema_version": 1, "frozen": "no"}', /does not match the freeze schema/],
  ])('fails closed on %s: frozen, source unreadable, exit 1', async (_name, text, problem) => {
    fs.mkdirSync(path.dirname(freezePath()), { recursive: true });
    fs.writeFileSync(freezePath(), text);
    const result = await status('--tag', 'v3.0.0');
    expect(result).toMatchObject({
      code: 1,
      json: { frozen: true, source: 'unreadable', applies_to_tag: true },
    });
    expect(result.json.reason).toMatch(/^freeze state unreadable: /);
    expect(result.json.reason).toMatch(problem);
    const plain = await cli(['freeze', 'status']);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(
      /^FROZEN: the freeze state cannot be read, so releases are refused \(fail closed\)/,
    );
  });

  it('refuses to overwrite an unreadable freeze file (exit 2), which keeps the history to repair', async () => {
    fs.mkdirSync(path.dirname(freezePath()), { recursive: true });
    fs.writeFileSync(freezePath(), '{"frozen": tr');
    const result = await cli(['freeze', 'off', '--reason', 'try to lift']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^release-guard: unreadable_input: the freeze file .* is not valid JSON/);
    expect(fs.readFileSync(freezePath(), 'utf8')).toBe('{"frozen": tr');
  });

  it('forces the freeze with RELEASE_FREEZE, read trimmed and case-insensitively', async () => {
    for (const value of ['1', ' YES ', 'true', 'incident-42']) {
      const result = await cli(['freeze', 'status', '--tag', 'v3.0.0', '--format', 'json'], {
        RELEASE_FREEZE: value,
      });
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({
        frozen: true,
        source: 'variable',
        applies_to_tag: true,
      });
    }
    for (const value of ['', ' ', 'false', 'FALSE', '0', 'off', 'No']) {
      const result = await cli(['freeze', 'status'], { RELEASE_FREEZE: value });
      expect(result.code).toBe(0);
    }
  });

  it('warns when the file is lifted but RELEASE_FREEZE still forces the freeze', async () => {
    await cli(['freeze', 'on', '--reason', 'r']);
    const off = await cli(['freeze', 'off', '--reason', 'lifted'], { RELEASE_FREEZE: 'on' });
    expect(off.code).toBe(0);
    expect(off.stderr).toMatch(/RELEASE_FREEZE in this environment still forces the freeze on/);
  });

  it('uses RELEASE_GUARD_FREEZE_FILE as the default path, and --file over it', async () => {
    const custom = path.join(folder, 'ops', 'freeze.json');
    const env = { RELEASE_GUARD_FREEZE_FILE: custom };
    expect((await cli(['freeze', 'on', '--reason', 'r'], env)).code).toBe(0);
    expect(fs.existsSync(custom)).toBe(true);
    expect(fs.existsSync(freezePath())).toBe(false);
    expect((await cli(['freeze', 'status'], env)).code).toBe(1);
    expect((await cli(['freeze', 'status', '--file', 'elsewhere.json'], env)).code).toBe(0);
    expect((await cli(['freeze', 'status'])).code).toBe(0);
  });

  it.each([
    [['freeze', 'on'], /required option '--reason <text>' not specified/],
    [['freeze', 'off'], /required option '--reason <text>' not specified/],
    [['freeze', 'on', '--reason', ' '], /^release-guard: usage_error: --reason must say why/],
    [['freeze', 'on', '--reason', 'r', '--expires', 'next week'], /--expires "next week" is not an ISO 8601/],
    [
      ['freeze', 'on', '--reason', 'r', '--scope', 'all', '--scope', 'v1.*'],
      /--scope mixes all with tag patterns: give all alone/,
    ],
    [['freeze', 'on', '--reason', 'r', '--git-remote', 'x.git'], /--git-remote and --git-branch go together/],
    [['freeze', 'status', '--format', 'yaml'], /must be text or json/],
  ])('exits 2 and writes nothing for %j', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(fs.existsSync(freezePath())).toBe(false);
  });

  it('leaves verification running while frozen: verify never consults the freeze', async () => {
    const sigstore = await startSigstoreServer();
    try {
      const run = {
        repository: 'acme/app',
        ref: 'refs/tags/v2.3.0',
        commit: '8f70009fde0c94ade6ce2a054b94718c819126ec',
      };
      const artifact = path.join(folder, 'app.tgz');
      fs.writeFileSync(artifact, 'release bytes');
      const root = path.join(folder, 'root.json');
      fs.writeFileSync(root, JSON.stringify(sigstore.trustedRoot));
      const statement = slsaV1Statement({ ...run, subjects: [subjectFor('app.tgz', 'release bytes')] });
      const provenance = path.join(folder, 'app.intoto.jsonl');
      fs.writeFileSync(
        provenance,
        `${JSON.stringify(await signProvenance({ statement, identity: githubActionsIdentity(run), server: sigstore }))}\n`,
      );

      expect((await cli(['freeze', 'on', '--reason', 'incident open'])).code).toBe(0);
      const frozenEnv = { RELEASE_FREEZE: 'true' };
      expect((await cli(['freeze', 'status', '--tag', 'v2.3.0'], frozenEnv)).code).toBe(1);
      const verify = await cli(
        [
          'verify',
          '--provenance',
          provenance,
          '--artifact',
          artifact,
          '--source-repo',
          'acme/app',
          '--builder-id',
          'https://github.com/acme/app/.github/workflows/release.yml',
          '--tag',
          'v2.3.0',
          '--trusted-root',
          root,
          '--format',
          'json',
        ],
        frozenEnv,
      );
      expect(verify.code).toBe(0);
      expect(JSON.parse(verify.stdout)).toMatchObject({ verified: true, failure_reason: null });
    } finally {
      await sigstore.close();
    }
  });
});
