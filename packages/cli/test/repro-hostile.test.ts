import { gzipSync } from 'node:zlib';
import { buildTar, buildTarGz, buildZip } from '@release-guard/testkit';
import { ReproWorkspace } from './repro-workspace';

let ws: ReproWorkspace;
beforeEach(() => {
  ws = new ReproWorkspace();
});
afterEach(() => ws.remove());

const benignTar = () => buildTar([{ name: 'ok.txt', data: 'fine' }]);

/** FIRST holds a harmless archive, SECOND the hostile one under the same name. */
async function refusedFor(name: string, hostile: Buffer, benign: Buffer) {
  ws.write(`a/${name}`, benign);
  ws.write(`b/${name}`, hostile);
  const result = await ws.json(['a', 'b', '--tag', 'v9', '--freeze-file', 'freeze.json']);
  expect(result.code).toBe(2);
  expect(result.json).toMatchObject({
    reproducible: false,
    failure_reason: 'repro_mismatch',
    compared: 1,
    frozen: true,
  });
  // The outer difference is still listed, with the reason, and nothing from inside the archive.
  expect(result.json.differences).toEqual([
    expect.objectContaining({
      path: name,
      member: null,
      kind: 'content',
      detail: expect.stringContaining('not explained'),
    }),
  ]);
  expect(ws.read('artifacts/repro/attestations/v9.json').predicate.unexplained).toHaveLength(1);
  return result.stderr;
}

describe('release-guard repro: hostile and broken archives are refused (exit 2), the mismatch stands', () => {
  it('refuses a ../ name in a tar.gz', async () => {
    const stderr = await refusedFor(
      'x.tar.gz',
      buildTarGz([{ name: '../evil.sh', data: 'x' }]),
      gzipSync(benignTar()),
    );
    expect(stderr).toContain('unreadable_input: x.tar.gz (SECOND): entry "../evil.sh" climbs out with ..');
  });

  it('refuses an absolute name in a tar', async () => {
    expect(
      await refusedFor('x.tar', buildTar([{ name: '/etc/cron.d/x', data: 'x' }]), benignTar()),
    ).toContain('entry "/etc/cron.d/x" has an absolute name');
  });

  it('refuses a ../ name in a zip', async () => {
    const stderr = await refusedFor('x.zip', await buildZip({ '../../x': 'x' }), await buildZip({ ok: 'x' }));
    expect(stderr).toContain('invalid relative path: ../../x');
  });

  it('refuses symbolic links pointing out, in a tar and in a zip', async () => {
    const tar = buildTar([{ name: 'lib/link', type: 'symlink', linkTarget: '../../etc/passwd' }]);
    expect(await refusedFor('x.tar', tar, benignTar())).toContain(
      'symbolic link "lib/link" → "../../etc/passwd" points outside',
    );
    ws.remove();
    ws = new ReproWorkspace();
    const zip = await buildZip([{ name: 'link', data: '/etc/passwd', mode: 0o120777 }]);
    expect(await refusedFor('x.jar', zip, await buildZip({ ok: 'x' }))).toContain(
      'points to an absolute path',
    );
  });

  it('refuses a hard link pointing out of the archive', async () => {
    const tar = buildTar([{ name: 'a/hl', type: 'hardlink', linkTarget: '../outside' }]);
    expect(await refusedFor('x.tar', tar, benignTar())).toContain(
      'hard link "a/hl" → "../outside" points outside',
    );
  });

  it('refuses more than 100,000 entries', async () => {
    const many = buildTar(
      Array.from({ length: 100_001 }, (_, i) => ({ name: `d${i}/`, type: 'directory' as const })),
    );
    expect(await refusedFor('x.tar', many, benignTar())).toContain('holds more than 100000 entries');
  }, 60_000);

  it('refuses an expansion over 1:200 (an archive bomb)', async () => {
    const bomb = buildTarGz([{ name: 'zeros', data: Buffer.alloc(8 * 1024 * 1024) }], { level: 9 });
    expect(await refusedFor('x.tgz', bomb, gzipSync(benignTar()))).toMatch(
      /expands more than 1:200 \(\d+ bytes to over \d+\)/,
    );
  });

  it('refuses a truncated tar.gz and a tar cut inside a member, never calling them identical', async () => {
    const whole = buildTarGz([{ name: 'big', data: Buffer.from('abc'.repeat(10_000)) }]);
    expect(
      await refusedFor('x.tar.gz', whole.subarray(0, whole.length - 20), gzipSync(benignTar())),
    ).toContain('not a readable gzip stream');
    ws.remove();
    ws = new ReproWorkspace();
    const tar = buildTar([{ name: 'big', data: Buffer.alloc(5000, 1) }]);
    expect(await refusedFor('x.tar', tar.subarray(0, 2048), benignTar())).toContain(
      'corrupt or truncated tar',
    );
  });

  it('refuses a corrupt tar header and bytes that are no zip', async () => {
    const tar = buildTar([{ name: 'a.txt', data: 'x' }]);
    tar[148] = 0x37; // break the header checksum
    expect(await refusedFor('x.tar', tar, benignTar())).toContain('corrupt or truncated tar');
    ws.remove();
    ws = new ReproWorkspace();
    expect(
      await refusedFor('x.nupkg', Buffer.from('not a zip at all'), await buildZip({ ok: 'x' })),
    ).toContain('not a readable zip');
  });

  it('never opens archives whose bytes are identical: a hostile archive on both sides is exit 0', async () => {
    const hostile = buildTar([{ name: '../evil', data: 'x' }]);
    ws.write('a/x.tar', hostile);
    ws.write('b/x.tar', hostile);
    const result = await ws.json(['a', 'b', '--tag', 'v9', '--no-freeze']);
    expect(result).toMatchObject({ code: 0, json: { reproducible: true, differences: [] } });
  });
});
