import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAction } from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));

(built ? describe : describe.skip)('manifest-record action (built dist)', () => {
  let workspace: string;
  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-mr-'));
  });
  afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

  const run = (inputs: Record<string, string>) =>
    runAction(actionDir, {
      inputs,
      env: { GITHUB_REPOSITORY: 'acme/widgets', GITHUB_WORKSPACE: workspace, GITHUB_ACTOR: 'on-call' },
    });
  const entries = () =>
    (
      JSON.parse(fs.readFileSync(path.join(workspace, 'docs/reports/manifest.json'), 'utf8')) as {
        entries: Array<Record<string, unknown>>;
      }
    ).entries;

  it('records a cancelled validation as a note: a new entry starts pending', async () => {
    const result = await run({
      tag: 'v1.0.0',
      'run-id': '42',
      note: 'provenance-validate was cancelled (replaced in its concurrency group)',
    });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'pending', written: 'true' });
    expect(entries()[0]).toMatchObject({
      status: 'pending',
      history: [expect.objectContaining({ actor: 'on-call', note: expect.stringContaining('cancelled') })],
    });
  });

  it('records a rollback after a failure, typed by the schema', async () => {
    await run({ tag: 'v1.0.0', 'run-id': '42', set: 'status=failure\nfailure_reason=digest_mismatch' });
    const result = await run({
      tag: 'v1.0.0',
      'run-id': '42',
      set: 'status=rollback\ngovernance_flag=rollback',
      note: 'reverted in #12',
    });
    expect(result.outputs.status).toBe('rollback');
    expect(entries()[0]).toMatchObject({ status: 'rollback', governance_flag: 'rollback' });
  });

  it('refuses an illegal transition with exit 1 and writes nothing', async () => {
    await run({ tag: 'v1.0.0', 'run-id': '42', set: 'status=failure\nfailure_reason=digest_mismatch' });
    const before = fs.readFileSync(path.join(workspace, 'docs/reports/manifest.json'), 'utf8');
    const result = await run({ tag: 'v1.0.0', 'run-id': '42', set: 'status=success' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::illegal_transition');
    expect(fs.readFileSync(path.join(workspace, 'docs/reports/manifest.json'), 'utf8')).toBe(before);
  });

  it('refuses unusable input with exit 2', async () => {
    const result = await run({ tag: 'v1.0.0', 'run-id': '42', set: 'nonsense' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('::error::usage_error');
  });
});
