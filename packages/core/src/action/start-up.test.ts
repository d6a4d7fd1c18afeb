import fs from 'node:fs';
import path from 'node:path';
import { bundleChunksLoaded } from '@release-guard/testkit';

const actionsDir = path.resolve(__dirname, '../../../../actions');
const actions = fs
  .readdirSync(actionsDir)
  .filter((name) => fs.existsSync(path.join(actionsDir, name, 'src/index.ts')));

describe.each(actions)('the built %s action', (name) => {
  const bundle = path.join(actionsDir, name, 'dist', 'index.js');

  it('answers unusable inputs without loading its work', () => {
    // No inputs and no runner environment: the reader refuses them before the work is needed.
    const run = bundleChunksLoaded(bundle);
    expect(run.stdout).toMatch(/::error::/);
    expect([1, 2]).toContain(run.status);
    expect(run.chunks).toEqual([]);
  });

  it('has its work in a chunk of its own', () => {
    const chunks = fs.readdirSync(path.dirname(bundle)).filter((file) => /^\d+\.index\.js$/.test(file));
    expect(chunks.length).toBeGreaterThan(0);
  });
});
