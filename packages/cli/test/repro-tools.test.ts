import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { requireOrSkip } from '@release-guard/testkit';
import { findDiffoscope } from '@release-guard/core/repro/diffoscope';
import { ReproWorkspace } from './repro-workspace';

let ws: ReproWorkspace;
beforeEach(() => {
  ws = new ReproWorkspace();
  ws.write('a/notes.txt', 'alpha\nbeta\n');
  ws.write('b/notes.txt', 'alpha\ngamma\n');
});
afterEach(() => ws.remove());

const diffoscope = findDiffoscope(process.env);
const withDiffoscope = requireOrSkip(
  diffoscope !== null,
  'diffoscope is not installed (Debian: apt-get install --no-install-recommends diffoscope-minimal)',
);

withDiffoscope.describe('release-guard repro with diffoscope installed', () => {
  const onPath = () => ({ PATH: process.env.PATH });

  it('runs it on each differing file, writes its report to --diff-out and names it in the attestation', async () => {
    const result = await ws.json(
      ['a', 'b', '--tag', 'v1', '--no-freeze', '--diff-out', 'diff.txt'],
      onPath(),
    );
    expect(result.code).toBe(1);
    expect(result.json.differences[0].detail).toContain('diffoscope: differ');
    const report = fs.readFileSync(ws.path('diff.txt'), 'utf8');
    expect(report).toContain('# notes.txt: diffoscope (differ)');
    expect(report).toMatch(/-beta[\s\S]*\+gamma/);
    const tools = ws.read('artifacts/repro/attestations/v1.json').predicate.tools;
    expect(tools).toContainEqual({ name: 'diffoscope', version: expect.stringMatching(/^\d+/) });
  }, 120_000);

  it('--diffoscope never does not run it', async () => {
    const result = await ws.json(['a', 'b', '--tag', 'v1', '--no-freeze', '--diffoscope', 'never'], onPath());
    expect(result.json.differences[0].detail).not.toContain('diffoscope');
  });
});

describe('release-guard repro without diffoscope (PATH lacking it)', () => {
  it('auto: still gives the first differing lines of a text file, in --diff-out too', async () => {
    const text = await ws.cli(['a', 'b', '--tag', 'v1', '--no-freeze']);
    expect(text.stdout).toContain(
      '--- FIRST/notes.txt\n+++ SECOND/notes.txt\n@@ -1,2 +1,2 @@\n alpha\n-beta\n+gamma',
    );
    expect(text.stdout).toContain('diffoscope: not used');
    await ws.cli(['a', 'b', '--tag', 'v1', '--no-freeze', '--diff-out', 'out/diff.txt']);
    expect(fs.readFileSync(ws.path('out/diff.txt'), 'utf8')).toContain(
      '# notes.txt: first differing lines\n---',
    );
  });

  it('prints a hostile text diff escaped: no terminal escapes, no forged workflow command', async () => {
    ws.write('b/notes.txt', 'alpha\n\u001b[2J::error::forged\n');
    const text = await ws.cli(['a', 'b', '--tag', 'v1', '--no-freeze']);
    expect(text.stdout).not.toContain('\u001b');
    expect(text.stdout.split('\n').some((line) => line.startsWith('::error::'))).toBe(false);
    expect(text.stdout).toContain('+\\x1b[2J::error::forged');
  });

  it('always: is a usage error (exit 2) that says how to install it', async () => {
    const result = await ws.cli(['a', 'b', '--tag', 'v1', '--diffoscope', 'always']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('diffoscope is not on PATH');
    expect(fs.existsSync(ws.path('artifacts'))).toBe(false);
  });
});

describe('release-guard repro: the diffoscope time limit', () => {
  it('stops a diffoscope that runs past --diffoscope-timeout and says so', async () => {
    // A stand-in that never finishes: only the time limit is under test here.
    const bin = ws.path('slow-bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(
      path.join(bin, 'diffoscope'),
      '#!/bin/sh\nif [ "$1" = --version ]; then echo "diffoscope 0-test"; exit 0; fi\nexec sleep 60\n',
      { mode: 0o755 },
    );
    const result = await ws.json(
      ['a', 'b', '--tag', 'v1', '--no-freeze', '--diffoscope-timeout', '0.5', '--diff-out', 'diff.txt'],
      { PATH: `${bin}:/usr/bin:/bin` },
    );
    expect(result.code).toBe(1);
    expect(result.json.differences[0].detail).toContain('diffoscope: timeout');
    expect(fs.readFileSync(ws.path('diff.txt'), 'utf8')).toContain(
      'diffoscope stopped after 0.5 s (--diffoscope-timeout)',
    );
  });
});

describe('release-guard repro: the freeze file and the tag', () => {
  it('outside a git work tree with no freeze file known, says it did not freeze', async () => {
    const result = await ws.json(['a', 'b', '--tag', 'v1']);
    expect(result).toMatchObject({ code: 1, json: { frozen: false } });
    const text = await ws.cli(['a', 'b', '--tag', 'v1']);
    expect(text.stdout).toContain(
      'the release freeze was NOT set: no --freeze-file, no RELEASE_GUARD_FREEZE_FILE',
    );
  });

  it('inside a git work tree sets .github/release-freeze.json at its root; RELEASE_GUARD_FREEZE_FILE wins', async () => {
    execFileSync('git', ['init', '-q', ws.folder]);
    fs.mkdirSync(ws.path('sub'));
    const result = await ws.json(
      ['../a', '../b', '--tag', 'v1'],
      { PATH: `${ws.noDiffoscope}:/usr/bin:/bin` },
      ws.path('sub'),
    );
    expect(result.json.frozen).toBe(true);
    expect(ws.read('.github/release-freeze.json')).toMatchObject({
      frozen: true,
      reason: 'repro mismatch for v1: 1 file differs',
    });
    const viaEnv = await ws.json(['a', 'b', '--tag', 'v1'], { RELEASE_GUARD_FREEZE_FILE: 'other.json' });
    expect(viaEnv.json.frozen).toBe(true);
    expect(ws.read('other.json').frozen).toBe(true);
  });

  it('an identical result never lifts a freeze', async () => {
    expect((await ws.cli(['a', 'b', '--tag', 'v1', '--freeze-file', 'freeze.json'])).code).toBe(1);
    const frozen = fs.readFileSync(ws.path('freeze.json'), 'utf8');
    expect(JSON.parse(frozen).frozen).toBe(true);
    expect((await ws.cli(['a', 'a', '--tag', 'v1', '--freeze-file', 'freeze.json'])).code).toBe(0);
    expect(fs.readFileSync(ws.path('freeze.json'), 'utf8')).toBe(frozen);
  });

  it.each(['v1$(id)', 'v1`id`', 'v1;rm -rf x', '../../escape', '..', '--upload-pack=x', 'v1\u202egpj'])(
    'keeps the attestation of the hostile tag %j inside artifacts/repro/attestations',
    async (tag) => {
      const result = await ws.json(['a', 'b', '--tag', tag, '--no-freeze']);
      const file = result.json.attestation as string;
      expect(path.dirname(file)).toBe('artifacts/repro/attestations');
      expect(path.basename(file)).toMatch(/^[A-Za-z0-9._%~-]+\.json$/);
      expect(ws.read(file).predicate.release_tag).toBe(tag);
    },
  );

  it('needs --tag or --attestation', async () => {
    const result = await ws.cli(['a', 'b']);
    expect(result).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--tag is required unless --attestation'),
    });
  });
});
