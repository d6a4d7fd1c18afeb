import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildTar, buildZip, tarGzFolder } from '@release-guard/testkit';
import { ReproWorkspace, sha256 } from './repro-workspace';

let ws: ReproWorkspace;
const json = (args: string[]) => ws.json(args);
const cli = (args: string[]) => ws.cli(args);
const write = (relative: string, data: string | Buffer) => ws.write(relative, data);
const read = (relative: string) => ws.read(relative);
const freezeFile = () => ws.path('freeze.json');
const standard = ['a', 'b', '--tag', 'v1.2.3', '--freeze-file', 'freeze.json'];

beforeEach(() => {
  ws = new ReproWorkspace();
});
afterEach(() => ws.remove());

describe('release-guard repro: verdicts', () => {
  it('passes identical folders (exit 0), writes the attestation and leaves the freeze alone', async () => {
    for (const side of ['a', 'b']) {
      write(`${side}/app.js`, 'console.log(1)\n');
      write(`${side}/lib/util.js`, 'export {}\n');
    }
    const result = await json(standard);
    expect(result).toMatchObject({
      code: 0,
      json: {
        reproducible: true,
        failure_reason: null,
        compared: 2,
        differences: [],
        attestation: 'artifacts/repro/attestations/v1.2.3.json',
        frozen: false,
      },
    });
    const statement = read('artifacts/repro/attestations/v1.2.3.json');
    expect(statement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://release-guard.dev/attestation/repro-equivalence/v1',
      subject: [
        { name: 'app.js', digest: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } },
        { name: 'lib/util.js', digest: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } },
      ],
      predicate: { verdict: 'reproducible', reproducible: true, release_tag: 'v1.2.3', differences: [] },
    });
    expect(statement.predicate.tools.map((tool: { name: string }) => tool.name)).toEqual(
      expect.arrayContaining(['release-guard', 'node-tar', 'yauzl']),
    );
    expect(fs.existsSync(freezeFile())).toBe(false);
  });

  it('catches one byte changed in a plain file (exit 1), shows the first differing lines and freezes', async () => {
    write('a/notes.txt', 'line 1\nline 2\nversion 1\nline 4\n');
    write('b/notes.txt', 'line 1\nline 2\nversion 2\nline 4\n');
    const text = await cli([...standard]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('NOT reproducible (repro_mismatch): 1 of 1 files differ');
    expect(text.stdout).toContain('-version 1\n+version 2');
    expect(text.stdout).toContain('diffoscope: not used');
    const result = await json(standard);
    expect(result.json).toMatchObject({
      reproducible: false,
      failure_reason: 'repro_mismatch',
      compared: 1,
      differences: [
        {
          path: 'notes.txt',
          member: null,
          kind: 'content',
          first: expect.stringMatching(/^[0-9a-f]{64}$/),
          second: expect.stringMatching(/^[0-9a-f]{64}$/),
          detail: 'content differs (31 bytes each)',
        },
      ],
      frozen: true,
    });
    const freeze = JSON.parse(fs.readFileSync(freezeFile(), 'utf8'));
    expect(freeze).toMatchObject({
      frozen: true,
      reason: 'repro mismatch for v1.2.3: 1 file differs',
      incident: 'artifacts/repro/attestations/v1.2.3.json',
      set_by: 'oncall',
    });
    const statement = read('artifacts/repro/attestations/v1.2.3.json');
    expect(statement.predicate).toMatchObject({ verdict: 'mismatch', differences: result.json.differences });
    expect(statement.subject[0].digest.sha256).toBe(result.json.differences[0].first);
  });

  it('says where a member changed inside a tar.gz inside a folder, with both digests', async () => {
    for (const [side, version] of [
      ['a', '1'],
      ['b', '2'],
    ]) {
      write(`src-${side}/pkg/VERSION`, `${version}\n`);
      write(`src-${side}/pkg/README`, 'same\n');
      fs.mkdirSync(ws.path(`${side}/dist`), { recursive: true });
      await tarGzFolder(ws.path(`src-${side}`), ws.path(`${side}/dist/app.tar.gz`));
    }
    const result = await json([...standard, '--no-freeze']);
    expect(result.code).toBe(1);
    expect(result.json.differences).toEqual([
      expect.objectContaining({ path: 'dist/app.tar.gz', member: null, kind: 'content' }),
      {
        path: 'dist/app.tar.gz',
        member: './pkg/VERSION',
        kind: 'content',
        first: sha256('1\n'),
        second: sha256('2\n'),
        detail: 'content differs (2 bytes each)',
      },
    ]);
    expect(result.json.differences[0].detail).toContain('inside: 1 member differ');
    expect(result.json.frozen).toBe(false);
    expect(fs.existsSync(freezeFile())).toBe(false);
  });

  it('reports a zip that differs only in timestamps as a mismatch, "metadata only: mtime"', async () => {
    const entries = (mtime: Date) => [
      { name: 'app/main.py', data: 'print(1)\n', mtime },
      { name: 'app/__init__.py', data: '', mtime },
    ];
    write('a/app-1.0-py3-none-any.whl', await buildZip(entries(new Date('2024-01-01T00:00:00Z'))));
    write('b/app-1.0-py3-none-any.whl', await buildZip(entries(new Date('2024-03-05T10:20:30Z'))));
    const result = await json(standard);
    expect(result.code).toBe(1);
    expect(result.json.reproducible).toBe(false);
    const [outer, ...members] = result.json.differences;
    expect(outer.detail).toContain('inside: metadata only: mtime');
    expect(members).toEqual([
      expect.objectContaining({
        member: 'app/main.py',
        kind: 'metadata',
        first: sha256('print(1)\n'),
        second: sha256('print(1)\n'),
        detail: 'metadata only: mtime (2024-01-01T00:00:00.000Z → 2024-03-05T10:20:30.000Z)',
      }),
      expect.objectContaining({ member: 'app/__init__.py', kind: 'metadata' }),
    ]);
  });

  it('lists a file only in FIRST as missing and one only in SECOND as extra', async () => {
    write('a/same.txt', 'x');
    write('b/same.txt', 'x');
    write('a/old.txt', 'old');
    write('b/new.txt', 'new');
    const result = await json(standard);
    expect(result.code).toBe(1);
    expect(result.json.differences).toEqual([
      {
        path: 'new.txt',
        member: null,
        kind: 'extra',
        first: null,
        second: sha256('new'),
        detail: 'only in SECOND',
      },
      {
        path: 'old.txt',
        member: null,
        kind: 'missing',
        first: sha256('old'),
        second: null,
        detail: 'only in FIRST',
      },
    ]);
    expect(result.json.compared).toBe(3);
    const subjects = read('artifacts/repro/attestations/v1.2.3.json').subject.map(
      (s: { name: string }) => s.name,
    );
    expect(subjects).toEqual(['old.txt', 'same.txt']);
  });

  it('opens a zip nested in a tar and names the member inside it', async () => {
    for (const [side, body] of [
      ['a', 'one'],
      ['b', 'two'],
    ]) {
      const inner = await buildZip({ 'lib/a.txt': body, 'lib/b.txt': 'same' });
      write(
        `${side}/bundle.tar`,
        buildTar([
          { name: 'README', data: 'hi' },
          { name: 'plugins/inner.jar', data: inner },
        ]),
      );
    }
    const result = await json(standard);
    expect(result.code).toBe(1);
    expect(
      result.json.differences.map((d: { member: string | null; kind: string }) => [d.member, d.kind]),
    ).toEqual([
      [null, 'content'],
      ['plugins/inner.jar', 'content'],
      ['plugins/inner.jar!/lib/a.txt', 'content'],
    ]);
    expect(result.json.differences[2]).toMatchObject({ first: sha256('one'), second: sha256('two') });
    // --max-depth 1 opens the tar but not the jar inside.
    const shallow = await json([...standard, '--max-depth', '1']);
    expect(shallow.json.differences).toHaveLength(2);
  });

  it('compares two files given directly, by FIRST’s name', async () => {
    write('one/app.bin', Buffer.from([1, 2, 3]));
    write('two/app-rebuilt.bin', Buffer.from([1, 2, 4]));
    const result = await json([
      'one/app.bin',
      'two/app-rebuilt.bin',
      '--attestation',
      'out/att.json',
      '--no-freeze',
    ]);
    expect(result.json).toMatchObject({
      compared: 1,
      attestation: 'out/att.json',
      differences: [{ path: 'app.bin' }],
    });
    expect(read('out/att.json').predicate.release_tag).toBeNull();
  });
});

describe('release-guard repro: metadata-only differences, with both values', () => {
  const tarGz = (entries: Parameters<typeof buildTar>[0], gzip = {}) => gzipSync(buildTar(entries), gzip);

  it('a tar with a changed mode and owner', async () => {
    write('a/x.tar', buildTar([{ name: 'bin/run', data: '#!/bin/sh\n', mode: 0o755, uid: 0 }]));
    write('b/x.tar', buildTar([{ name: 'bin/run', data: '#!/bin/sh\n', mode: 0o775, uid: 1001 }]));
    const result = await json(standard);
    expect(result.code).toBe(1);
    expect(result.json.differences[1]).toMatchObject({
      member: 'bin/run',
      kind: 'metadata',
      detail: 'metadata only: mode (0755 → 0775), owner (0:0 → 1001:0)',
    });
  });

  it('members stored in another order', async () => {
    const a = { name: 'a.txt', data: 'a' };
    const b = { name: 'b.txt', data: 'b' };
    write('a/x.tar', buildTar([a, b]));
    write('b/x.tar', buildTar([b, a]));
    const result = await json(standard);
    expect(result.json.differences[1]).toMatchObject({
      member: null,
      kind: 'metadata',
      detail: 'metadata only: order (position 1: "a.txt" → "b.txt")',
    });
    expect(result.json.differences[0].detail).toContain('inside: metadata only: order');
  });

  it('a tar.gz whose tar is the same and whose gzip header is not: compression, with the values', async () => {
    const entries = [{ name: 'a.txt', data: 'same' }];
    const first = tarGz(entries);
    const second = Buffer.from(first);
    second.writeUInt32LE(1_700_000_000, 4); // the gzip header's mtime; the CRC covers only the data
    write('a/x.tgz', first);
    write('b/x.tgz', second);
    const result = await json(standard);
    expect(result.code).toBe(1);
    expect(result.json.differences[1]).toMatchObject({
      member: null,
      kind: 'metadata',
      detail: 'metadata only: compression (gzip header mtime "0" → "1700000000")',
    });
  });

  it('refuses a symbolic link in a build folder (exit 2): it is not followed', async () => {
    write('a/x', '1');
    write('b/y', '1');
    fs.symlinkSync('y', ws.path('b/x'));
    const result = await cli(standard);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SECOND: x is not a regular file');
  });
});
