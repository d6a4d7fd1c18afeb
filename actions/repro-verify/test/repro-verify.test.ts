import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  applyManifestEntryUpdate,
  emptyManifest,
  parseFreezeState,
  parseManifest,
  serializeManifest,
} from '@release-guard/core';
import {
  buildTar,
  buildZip,
  runAction,
  startGitHubServer,
  type FakeRepo,
  type GitHubTestServer,
} from '@release-guard/testkit';

const actionDir = path.resolve(__dirname, '..');
const built = fs.existsSync(path.join(actionDir, 'dist/index.js'));
const TOKEN = 'ghs_plantedReproTokenNeverShown0123456789';
const FILE = '.github/release-freeze.json';
const BRANCH = 'release-ops';

(built ? describe : describe.skip)('repro-verify action (built dist, run as the runner would)', () => {
  let github: GitHubTestServer;
  let repo: FakeRepo;
  let workspace: string;
  let noDiffoscope: string;

  beforeEach(async () => {
    github = await startGitHubServer({ token: TOKEN });
    repo = github.repo('acme/widgets');
    repo.putFile('README.md', 'widgets\n');
    repo.putFile('README.md', 'widgets\n', { branch: BRANCH });
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-repro-'));
    noDiffoscope = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-repro-path-'));
    fs.symlinkSync(process.execPath, path.join(noDiffoscope, 'node'));
  });
  afterEach(async () => {
    await github.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(noDiffoscope, { recursive: true, force: true });
  });

  const write = (relative: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(workspace, relative)), { recursive: true });
    fs.writeFileSync(path.join(workspace, relative), data);
  };
  const run = (inputs: Record<string, string>, runId = '4242') =>
    runAction(actionDir, {
      inputs: {
        'github-token': TOKEN,
        tag: 'v2.3.0',
        first: 'build-1',
        second: 'build-2',
        'freeze-branch': BRANCH,
        ...inputs,
      },
      env: {
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_API_URL: github.url,
        GITHUB_WORKSPACE: workspace,
        GITHUB_RUN_ID: runId,
        GITHUB_ACTOR: 'repro-bot',
        PATH: noDiffoscope,
      },
    });
  const freezeOn = () => {
    const file = repo.file(FILE, BRANCH);
    return file === undefined ? undefined : parseFreezeState(file.content.toString(), BRANCH);
  };
  const expectNoToken = (result: { stdout: string; stderr: string; summary: string }) =>
    expect(
      `${result.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n')}${result.stderr}${result.summary}`,
    ).not.toContain(TOKEN);

  it('identical builds: reproducible, the attestation written, the freeze file not touched', async () => {
    for (const side of ['build-1', 'build-2'])
      write(`${side}/app.tar`, buildTar([{ name: 'bin/app', data: 'same' }]));
    const result = await run({});
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({
      reproducible: 'true',
      'failure-reason': '',
      'attestation-path': 'artifacts/repro/attestations/v2.3.0.json',
    });
    const statement = JSON.parse(
      fs.readFileSync(path.join(workspace, 'artifacts/repro/attestations/v2.3.0.json'), 'utf8'),
    );
    expect(statement.subject).toEqual([
      { name: 'app.tar', digest: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    ]);
    expect(result.summary).toContain('## Reproducibility: ✅ identical');
    expect(github.requestsTo('PUT', /contents/)).toHaveLength(0);
    const manifest = parseManifest(
      fs.readFileSync(path.join(workspace, 'docs/reports/manifest.json'), 'utf8'),
      'manifest',
    );
    expect(manifest.entries[0]).toMatchObject({ tag: 'v2.3.0', run_id: '4242' });
    expect(manifest.entries[0].controls?.repro).toEqual({
      status: 'pass',
      failure_reason: null,
      at: expect.any(String),
      run_url: 'https://github.com/acme/widgets/actions/runs/4242',
      detail: '1 files identical',
    });
    expect(result.summary).toContain('controls.repro = pass recorded in');
  });

  it('a zip differing only in timestamps: repro_mismatch, summary table marks metadata only, freeze set on its branch', async () => {
    const jar = (mtime: Date) =>
      buildZip([{ name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n', mtime }]);
    write('build-1/lib/app.jar', await jar(new Date('2024-01-01T00:00:00Z')));
    write('build-2/lib/app.jar', await jar(new Date('2025-06-01T12:00:00Z')));
    write('build-1/README', 'same');
    write('build-2/README', 'same');
    // provenance-validate recorded its control first: repro-verify's record is merged beside it.
    const seeded = applyManifestEntryUpdate(
      emptyManifest(),
      {
        tag: 'v2.3.0',
        runId: '4242',
        actor: 'provenance-validate',
        set: {
          status: 'success',
          controls: {
            provenance: {
              status: 'pass',
              failure_reason: null,
              at: '2026-05-01T00:00:00Z',
              run_url: null,
              detail: null,
            },
          },
        },
      },
      '2026-05-01T00:00:00Z',
    ).manifest;
    repo.putFile('docs/reports/manifest.json', serializeManifest(seeded), { branch: BRANCH });
    const result = await run({ 'manifest-branch': BRANCH });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ reproducible: 'false', 'failure-reason': 'repro_mismatch' });
    expect(result.stdout).toContain('::error::repro_mismatch: 1 of 2 files differ');
    expect(result.summary).toContain('## Reproducibility: ❌ repro_mismatch');
    expect(result.summary).toMatch(
      /\| `lib\/app.jar` \| `META-INF\/MANIFEST.MF` \| metadata only \| .* \| metadata only: mtime \\\(2024-01-01/,
    );
    expect(result.summary).toContain('SOURCE_DATE_EPOCH');
    expect(freezeOn()).toMatchObject({
      frozen: true,
      reason: 'repro mismatch for v2.3.0: 1 file differs',
      incident: 'artifacts/repro/attestations/v2.3.0.json',
      set_by: 'repro-bot',
    });
    const manifest = parseManifest(
      repo.file('docs/reports/manifest.json', BRANCH)?.content.toString() ?? '',
      'manifest',
    );
    expect(manifest.schema_version).toBe('1.2');
    expect(manifest.entries[0].status).toBe('success');
    expect(manifest.entries[0].controls).toEqual({
      provenance: expect.objectContaining({ status: 'pass' }),
      repro: expect.objectContaining({
        status: 'fail',
        failure_reason: 'repro_mismatch',
        detail: '1 of 2 files differ',
      }),
    });
    expectNoToken(result);
  });

  it('set-freeze false: reports the mismatch without writing the freeze', async () => {
    write('build-1/a.txt', 'one\n');
    write('build-2/a.txt', 'two\n');
    const result = await run({ 'set-freeze': 'false', 'attestation-path': 'out/repro.json' });
    expect(result.code).toBe(1);
    expect(result.outputs['attestation-path']).toBe('out/repro.json');
    expect(result.summary).toContain('-one\n+two');
    expect(github.requestsTo('PUT', /contents/)).toHaveLength(0);
    expect(fs.existsSync(path.join(workspace, 'out/repro.json'))).toBe(true);
  });

  it('a hostile archive in the rebuild: exit 2 with the reason, the mismatch still reported and frozen', async () => {
    write('build-1/x.tar', buildTar([{ name: 'ok', data: 'x' }]));
    write('build-2/x.tar', buildTar([{ name: '../../evil', data: 'x' }]));
    const result = await run({});
    expect(result.code).toBe(2);
    expect(result.outputs['failure-reason']).toBe('repro_mismatch');
    expect(result.stdout).toContain('x.tar (SECOND): entry "../../evil" climbs out with ..');
    expect(freezeOn()?.frozen).toBe(true);
  });

  it('refuses builds outside the workspace and diffoscope always without diffoscope (exit 2)', async () => {
    expect((await run({ first: '../elsewhere' })).stdout).toContain(
      '::error::usage_error: input `first` must be a path inside the workspace',
    );
    write('build-1/a', '1');
    write('build-2/a', '2');
    const always = await run({ diffoscope: 'always' });
    expect(always.code).toBe(2);
    expect(always.stdout).toContain('diffoscope is not on PATH');
  });

  it('first-artifact / second-artifact: downloads both artifacts of this run and compares them', async () => {
    const build = repo.addRun({ head_branch: 'v2.3.0', status: 'in_progress' });
    repo.addArtifact({
      run_id: build.id,
      name: 'repro-build-first',
      zip: await buildZip({ 'dist/app.js': 'one', 'dist/README': 'same' }),
    });
    repo.addArtifact({
      run_id: build.id,
      name: 'repro-build-second',
      zip: await buildZip({ 'dist/app.js': 'two', 'dist/README': 'same' }),
    });
    const result = await run(
      {
        first: '',
        second: '',
        'first-artifact': 'repro-build-first',
        'second-artifact': 'repro-build-second',
        'set-freeze': 'false',
      },
      String(build.id),
    );
    expect(result.code).toBe(1);
    expect(result.summary).toMatch(/\| `dist\/app.js` \| {2}\| content \|/);
    expect(result.summary).toContain('2 files compared');
    expectNoToken(result);
  });

  it('refuses both first and first-artifact, or neither (exit 2)', async () => {
    const both = await run({ 'first-artifact': 'x' });
    expect(both.code).toBe(2);
    expect(both.stdout).toContain(
      '::error::usage_error: input `first` or `first-artifact`: give exactly one',
    );
    const neither = await run({ first: '' });
    expect(neither.code).toBe(2);
  });
});
