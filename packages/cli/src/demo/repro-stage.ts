import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkReleaseFreeze } from '@release-guard/core/freeze/check';
import { openFreezeStore } from '@release-guard/core/freeze/store';
import { changeReleaseFreeze } from '@release-guard/core/freeze/write';
import { reproVerify } from '@release-guard/core/repro/repro';
import { buildTarGz } from '@release-guard/testkit';
import type { DemoStage } from './stage';

/** One build of the sample release: its tar.gz, with `index.js` as this build made it. */
function writeBuild(dir: string, indexJs: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'widgets-2.0.0.tgz'),
    buildTarGz([
      { name: 'package/package.json', data: '{"name":"widgets","version":"2.0.0"}\n' },
      { name: 'package/index.js', data: indexJs },
    ]),
  );
  fs.writeFileSync(path.join(dir, 'NOTICE'), 'widgets 2.0.0\n');
}

async function compare(log: (line: string) => void, folder: string, second: string, freezeFile: string) {
  const { store, close } = openFreezeStore({ file: freezeFile, cwd: folder });
  try {
    const run = await reproVerify({
      first: path.join(folder, 'build-1'),
      second: path.join(folder, second),
      tag: 'v2.0.0',
      cwd: folder,
      freeze: { store, actor: 'release-guard-demo' },
      diffoscope: 'never',
      env: {},
    });
    const { report } = run;
    log(
      `${second}: ${report.reproducible ? 'reproducible' : `NOT reproducible (${report.failure_reason})`}, ${report.compared} files compared`,
    );
    for (const d of report.differences.filter((d) => d.member !== null))
      log(`  ${d.kind} ${d.path} → ${d.member}: ${d.first?.slice(0, 12)} ≠ ${d.second?.slice(0, 12)}`);
    return { run, store, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Two builds of the sample release compared: identical, then one with a changed member, caught and frozen. */
export function reproStage(): DemoStage {
  return {
    title: 'repro: two builds of v2.0.0 compared bit for bit, inside the tar.gz',
    run: async (log) => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-repro-'));
      const freezeFile = path.join(folder, 'release-freeze.json');
      try {
        writeBuild(path.join(folder, 'build-1'), 'module.exports = 1;\n');
        writeBuild(path.join(folder, 'build-2'), 'module.exports = 1;\n');
        writeBuild(path.join(folder, 'build-3'), `module.exports = 1; // built ${'at 12:00'}\n`);
        const same = await compare(log, folder, 'build-2', freezeFile);
        await same.close();
        const changed = await compare(log, folder, 'build-3', freezeFile);
        const statement = JSON.parse(
          fs.readFileSync(path.join(folder, changed.run.report.attestation), 'utf8'),
        );
        log(
          `attestation ${changed.run.report.attestation}: ${statement.predicateType}, ${statement.subject.length} subjects, verdict ${statement.predicate.verdict}`,
        );
        const frozen = await checkReleaseFreeze({ store: changed.store, tag: 'v2.0.0' });
        log(`freeze: ${frozen.frozen ? 'ON' : 'off'} (${frozen.reason})`);
        await changeReleaseFreeze(changed.store, {
          action: 'off',
          reason: 'demo over',
          actor: 'release-guard-demo',
        });
        const lifted = await checkReleaseFreeze({ store: changed.store, tag: 'v2.0.0' });
        log(`freeze lifted at the end of the demo: ${lifted.frozen ? 'still ON' : 'off'}`);
        await changed.close();
        const ok =
          same.run.report.reproducible && !changed.run.report.reproducible && frozen.frozen && !lifted.frozen;
        log(
          ok
            ? 'expected: identical builds pass; the changed member is named, repro_mismatch sets the freeze'
            : 'UNEXPECTED verdicts',
        );
        return ok;
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
