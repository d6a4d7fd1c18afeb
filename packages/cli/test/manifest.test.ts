import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

let folder: string;
const manifestPath = () => join(folder, 'docs', 'reports', 'manifest.json');

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'cli-manifest-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function update(...args: string[]) {
  return runCli(
    ['manifest', 'update', '--tag', 'v1.2.0', '--run-id', '42', '--actor', 'ci', ...args],
    folder,
  );
}

describe('release-guard manifest update', () => {
  it('creates the entry at the default path and prints JSON with metrics and attempts', async () => {
    const result = await update(
      '--set',
      'artifact_url=https://example.com/a.tgz',
      '--note',
      'validation started',
      '--format',
      'json',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({
      manifest: manifestPath(),
      written: true,
      created: true,
      attempts: 1,
      metrics: { 'governance.manifest_diff_count': 13, 'metrics.lock_wait_seconds': 0 },
      entry: { tag: 'v1.2.0', run_id: '42', status: 'pending', artifact_url: 'https://example.com/a.tgz' },
    });
    expect(JSON.parse(readFileSync(manifestPath(), 'utf8')).entries).toEqual([output.entry]);
  });

  it('types --set values by the schema and reports the change in text', async () => {
    await update();
    const result = await update(
      '--set',
      'status=failure',
      '--set',
      'failure_reason=predicate_mismatch',
      '--set',
      'issue_number=31',
      '--set',
      'notify_slack=false',
      '--set',
      'slack_retry=1',
      '--set',
      'governance_flag=security-backcompat',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'updated v1.2.0 run 42: pending → failure (status, failure_reason, slack_retry, issue_number, governance_flag)\n' +
        `written to ${manifestPath()} in 1 attempt.\n`,
    );
    const entry = JSON.parse(readFileSync(manifestPath(), 'utf8')).entries[0];
    expect(entry).toMatchObject({
      issue_number: 31,
      slack_retry: 1,
      notify_slack: false,
      failure_reason: 'predicate_mismatch',
    });
  });

  it('takes controls as JSON and merges them per control; a bad control record is a usage error', async () => {
    const record = (status: string) =>
      JSON.stringify({
        status,
        failure_reason: null,
        at: '2026-05-01T00:00:00Z',
        run_url: null,
        detail: null,
      });
    expect((await update('--set', `controls={"provenance":${record('pass')}}`)).code).toBe(0);
    const second = await update('--set', `controls={"repro":${record('warn')}}`);
    expect(second.code).toBe(0);
    const entry = JSON.parse(readFileSync(manifestPath(), 'utf8')).entries[0];
    expect(entry.controls).toEqual({
      provenance: expect.objectContaining({ status: 'pass' }),
      repro: expect.objectContaining({ status: 'warn' }),
    });
    const bad = await update('--set', `controls={"repro":${record('green')}}`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('controls=');
  });

  it('exits 1 for an illegal transition, explaining the state machine, and writes nothing', async () => {
    await update('--set', 'status=success');
    const before = readFileSync(manifestPath(), 'utf8');
    const result = await update(
      '--set',
      'status=failure',
      '--set',
      'failure_reason=repro_mismatch',
      '--format',
      'json',
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      manifest: manifestPath(),
      written: false,
      error: {
        kind: 'illegal_transition',
        message: expect.stringContaining('status success → failure is not allowed'),
      },
    });
    expect(result.stderr).toMatch(
      /^release-guard: manifest update refused \(illegal_transition\): v1\.2\.0 run 42: status success → failure/,
    );
    expect(readFileSync(manifestPath(), 'utf8')).toBe(before);
  });

  it('exits 1 when an issue_number would change', async () => {
    await update(
      '--set',
      'status=failure',
      '--set',
      'failure_reason=artifact_missing',
      '--set',
      'issue_number=3',
    );
    const result = await update('--set', 'issue_number=4');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('issue_number is already 3 and never changes once set');
  });

  it.each([
    [['--set', 'issue_number=abc'], /usage_error: --set issue_number="abc": not a valid issue_number/],
    [['--set', 'run_id=7'], /cannot set "run_id": it names the entry/],
    [['--set', 'status'], /is not KEY=VALUE/],
    [['--format', 'yaml'], /must be text or json/],
    [['--git-remote', '/nowhere.git'], /--git-remote and --git-branch go together/],
  ])('exits 2 for unusable input %j, writing nothing', async (args, message) => {
    const result = await update(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(manifestPath())).toBe(false);
  });

  it('exits 2 when --tag or --run-id is missing or unusable', async () => {
    expect((await runCli(['manifest', 'update', '--run-id', '1'], folder)).code).toBe(2);
    const badRun = await runCli(['manifest', 'update', '--tag', 'v1', '--run-id', '1; id'], folder);
    expect(badRun.code).toBe(2);
    expect(badRun.stderr).toContain('--run-id "1; id" is not usable');
  });

  it('exits 2 and leaves the file alone when the manifest on disk is not valid', async () => {
    writeFileSync(join(folder, 'broken.json'), '{"schema_version": 1, "entries": [{}]}');
    const result = await update('--manifest', 'broken.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /unreadable_input: the manifest at .*broken\.json does not match the manifest schema/,
    );
    expect(readFileSync(join(folder, 'broken.json'), 'utf8')).toBe('{"schema_version": 1, "entries": [{}]}');
  });

  it('updates a manifest on a git branch', async () => {
    const remote = join(folder, 'remote.git');
    execFileSync('git', ['init', '--quiet', '--bare', remote]);
    const result = await update(
      '--git-remote',
      'remote.git',
      '--git-branch',
      'release-manifest',
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).manifest).toBe(`${remote}#release-manifest:docs/reports/manifest.json`);
    const shown = await runCli(
      ['manifest', 'show', '--git-remote', remote, '--git-branch', 'release-manifest', '--format', 'json'],
      folder,
    );
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).entries.map((entry: { run_id: string }) => entry.run_id)).toEqual(['42']);
  });
});

describe('release-guard manifest show', () => {
  beforeEach(async () => {
    await update('--set', 'status=success');
    await runCli(['manifest', 'update', '--tag', 'v1.2', '--run-id', '43', '--actor', 'ci'], folder);
  });

  it('prints a table, filtered by exact tag', async () => {
    const result = await runCli(['manifest', 'show', '--tag', 'v1.2'], folder);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^TAG +RUN_ID/);
    expect(result.stdout).toContain('v1.2  43');
    expect(result.stdout).not.toContain('v1.2.0');
    expect(result.stdout).toMatch(/1 entry for tag "v1\.2" in .*manifest\.json\.\n$/);
  });

  it('prints one JSON object with --format json', async () => {
    const result = await runCli(['manifest', 'show', '--format', 'json'], folder);
    const shown = JSON.parse(result.stdout);
    expect(shown.entries.map((entry: { tag: string }) => entry.tag)).toEqual(['v1.2.0', 'v1.2']);
    expect(result.stderr).toBe('');
  });

  it('exits 2 when there is no manifest', async () => {
    const result = await runCli(['manifest', 'show', '--manifest', 'missing.json'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /there is no manifest at .*missing\.json; `release-guard manifest update` creates it/,
    );
  });
});

describe('release-guard manifest lint', () => {
  function writeManifest(name: string, text: string): string {
    writeFileSync(join(folder, name), text);
    return name;
  }

  it('passes an update and a new manifest (missing OLD)', async () => {
    await update();
    const oldName = writeManifest('old.json', readFileSync(manifestPath(), 'utf8'));
    await update('--set', 'status=failure', '--set', 'failure_reason=builder_mismatch');
    const ok = await runCli(['manifest', 'lint', oldName, manifestPath()], folder);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toMatch(/^OK: .* is a valid successor of old\.json\.\n$/);
    const created = await runCli(
      ['manifest', 'lint', 'no-such-old.json', oldName, '--format', 'json'],
      folder,
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({ ok: true, old: null, new: oldName, findings: [] });
  });

  it('exits 1 with each finding for a bad change', async () => {
    await update(
      '--set',
      'status=failure',
      '--set',
      'failure_reason=builder_mismatch',
      '--set',
      'issue_number=8',
    );
    const oldText = readFileSync(manifestPath(), 'utf8');
    const bad = JSON.parse(oldText);
    bad.entries[0].issue_number = 9;
    bad.entries[0].history = [];
    writeManifest('old.json', oldText);
    writeManifest('new.json', JSON.stringify(bad));
    const result = await runCli(['manifest', 'lint', 'old.json', 'new.json'], folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'schema: entries[0] (v1.2.0 run 42).history: [] must have at least 1 item(s)',
    );
    expect(result.stdout).toContain('issue_number_changed: v1.2.0 run 42: issue_number changed from 8 to 9');
    expect(result.stdout).toContain(
      'history_rewritten: v1.2.0 run 42: history was shortened from 1 to 0 records',
    );
    expect(result.stdout).toMatch(/3 findings: new\.json is not an acceptable manifest change\.\n$/);

    bad.entries[0].history = JSON.parse(oldText).entries[0].history;
    writeManifest('new.json', JSON.stringify(bad));
    const json = await runCli(['manifest', 'lint', 'old.json', 'new.json', '--format', 'json'], folder);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).findings.map((finding: { kind: string }) => finding.kind)).toEqual([
      'issue_number_changed',
      'history_mismatch',
    ]);
  });

  it('exits 2 when NEW is missing or OLD is not a manifest', async () => {
    expect((await runCli(['manifest', 'lint', 'a.json', 'b.json'], folder)).stderr).toMatch(
      /cannot read NEW manifest .*b\.json \(ENOENT\)/,
    );
    writeManifest('old.json', '[]');
    writeManifest('new.json', '{"schema_version": 1, "entries": []}');
    const result = await runCli(['manifest', 'lint', 'old.json', 'new.json'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the manifest at OLD does not match the manifest schema/);
  });
});
