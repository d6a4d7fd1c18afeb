import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as actionsCore from '@actions/core';
import { actionsRuntime } from './runtime';
import type { ActionRuntime } from './run-entry';

let dir: string;
// @actions/core's summary keeps the first file it is given, and both runtimes share it: one file for all.
let summary: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-runtime-'));
  summary = path.join(dir, 'summary');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

/** Everything one runtime tells the runner: stdout, the output file and the summary file, delimiters named. */
async function runnerSees(runtime: ActionRuntime, withFiles: boolean): Promise<string[]> {
  const output = path.join(dir, `output-${Math.random()}`);
  fs.writeFileSync(output, '');
  fs.writeFileSync(summary, '');
  const saved = { out: process.env.GITHUB_OUTPUT, sum: process.env.GITHUB_STEP_SUMMARY };
  if (withFiles) process.env.GITHUB_OUTPUT = output;
  else delete process.env.GITHUB_OUTPUT;
  process.env.GITHUB_STEP_SUMMARY = summary;
  const written: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    runtime.setSecret('s3cret-value');
    runtime.setOutput('verified', 'false\nsecond line');
    runtime.info('a line');
    runtime.notice('a notice: 100%');
    runtime.warning('a warning\nwith a newline');
    runtime.setFailed('digest_mismatch: artifact changed');
    await runtime.summary.addRaw('### summary').write();
  } finally {
    stdout.mockRestore();
    process.env.GITHUB_OUTPUT = saved.out;
    process.env.GITHUB_STEP_SUMMARY = saved.sum;
    if (saved.out === undefined) delete process.env.GITHUB_OUTPUT;
    if (saved.sum === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  }
  const delimiters = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]+/g, 'ghadelimiter_X');
  return [
    ...written,
    `exit ${String(process.exitCode)}`,
    delimiters(fs.readFileSync(output, 'utf8')),
    fs.readFileSync(summary, 'utf8'),
  ];
}

describe('actionsRuntime', () => {
  it.each([
    ['with GITHUB_OUTPUT', true],
    ['without GITHUB_OUTPUT (the old set-output command)', false],
  ])('tells the runner exactly what @actions/core tells it, %s', async (_name, withFiles) => {
    const ours = await runnerSees(actionsRuntime(), withFiles);
    actionsCore.summary.emptyBuffer();
    const theirs = await runnerSees(actionsCore, withFiles);
    expect(ours).toEqual(theirs);
    expect(ours.join('')).toContain('::add-mask::s3cret-value');
    expect(ours).toContain('exit 1');
  });
});
