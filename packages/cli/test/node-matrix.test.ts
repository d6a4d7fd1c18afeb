import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  githubActionsIdentity,
  nodeRuntimes,
  requireOrSkip,
  signProvenance,
  slsaV1Statement,
  startSigstoreServer,
  subjectFor,
} from '@release-guard/testkit';
import { BUILDER, RUN } from './signed-release';

/**
 * Every built bundle under each Node the product meets: 20 here, 22 and 24 on GitHub's runners (whose
 * composite actions run the runner's `node`). A syntax or API break on 22/24 shows here, on this
 * machine, not on a user's release.
 */
const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'packages/cli/dist/index.js');
const ACTION_BUNDLES = fs
  .readdirSync(path.join(ROOT, 'actions'))
  .map((name) => path.join(ROOT, 'actions', name, 'dist/index.js'))
  .filter((bundle) => fs.existsSync(bundle));
const built = fs.existsSync(CLI) && ACTION_BUNDLES.length > 0;
const VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }
).version;
const CRASH = /SyntaxError|ReferenceError|TypeError|is not a function|internal error|Cannot find module/;

describe.each(nodeRuntimes())('the built bundles under $name', ({ name, bin }) => {
  const suite = requireOrSkip(
    bin !== null && built,
    bin === null
      ? `${name} is not installed here (pnpm install brings it on linux x64)`
      : 'the bundles are not built (run pnpm build)',
  );
  const node = (args: string[], env: NodeJS.ProcessEnv = { PATH: process.env.PATH }, cwd = os.tmpdir()) =>
    spawnSync(bin as string, args, { encoding: 'utf8', env, cwd, timeout: 60_000 });

  suite.it('runs on the Node it claims to be', () => {
    const result = node(['-p', 'process.versions.node']);
    expect(result.status).toBe(0);
    expect(Number(result.stdout.split('.')[0])).toBe(nodeRuntimes().find((r) => r.name === name)?.major);
  });

  suite.it('runs every action bundle to its usual missing-input error, not a crash', () => {
    for (const bundle of ACTION_BUNDLES) {
      const result = node([bundle]);
      const output = `${result.stdout}${result.stderr}`;
      expect({ bundle, status: result.status, crash: CRASH.exec(output)?.[0] ?? null }).toEqual({
        bundle,
        status: 2,
        crash: null,
      });
      expect(output).toMatch(/::error::usage_error: input `[\w-]+`/);
    }
  });

  suite.it('runs the CLI smoke commands: --help, --version, a verify of a generated release', async () => {
    const help = node([CLI, '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: release-guard');
    expect(node([CLI, '--version'])).toMatchObject({ status: 0, stdout: `${VERSION}\n` });
    const usage = node([CLI, 'verify']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).not.toMatch(CRASH);

    const server = await startSigstoreServer();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-node-matrix-'));
    try {
      fs.writeFileSync(path.join(work, 'app.tgz'), 'release bytes');
      fs.writeFileSync(path.join(work, 'root.json'), JSON.stringify(server.trustedRoot));
      const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor('app.tgz', 'release bytes')] });
      const bundle = await signProvenance({ statement, identity: githubActionsIdentity(RUN), server });
      fs.writeFileSync(path.join(work, 'app.intoto.jsonl'), `${JSON.stringify(bundle)}\n`);
      const verify = (artifact: string) =>
        node(
          [
            CLI,
            'verify',
            '--provenance',
            'app.intoto.jsonl',
            artifact,
            '--source-repo',
            'acme/app',
            '--tag',
            'v1.2.3',
            '--builder-id',
            BUILDER,
            '--trusted-root',
            'root.json',
            '--format',
            'json',
          ],
          { PATH: process.env.PATH },
          work,
        );
      const good = verify('app.tgz');
      expect(good.stderr).toBe('');
      expect(good.status).toBe(0);
      expect(JSON.parse(good.stdout)).toMatchObject({ verified: true, authenticated: true });
      fs.writeFileSync(path.join(work, 'other.tgz'), 'other bytes');
      const bad = verify('other.tgz');
      expect(bad.status).toBe(1);
      expect(JSON.parse(bad.stdout)).toMatchObject({ verified: false, failure_reason: 'digest_mismatch' });
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      await server.close();
    }
  });
});
