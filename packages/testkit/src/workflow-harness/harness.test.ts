import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runWorkflow, WorkflowHarnessError } from '.';

const TINY = `
name: tiny
on:
  workflow_call:
    inputs:
      greeting: { type: string, required: true }
      break-build: { type: boolean, default: false }
    secrets:
      TOKEN: { required: false }
    outputs:
      digest:
        value: \${{ jobs.build.outputs.digest }}
env:
  WORKFLOW_LEVEL: wf-\${{ github.ref_name }}
jobs:
  report:
    needs: [build, test]
    if: failure()
    steps:
      - id: report
        env:
          BUILD: \${{ needs.build.result }}
          TEST: \${{ needs.test.result }}
        run: echo "saw=$BUILD/$TEST" >> "$GITHUB_OUTPUT"
    outputs:
      saw: \${{ steps.report.outputs.saw }}
  build:
    env:
      JOB_LEVEL: job-\${{ inputs.greeting }}
    outputs:
      digest: \${{ steps.hash.outputs.digest }}
      carried: \${{ steps.next.outputs.seen }}
    steps:
      - id: hash
        env:
          GREETING: \${{ inputs.greeting }}
          SECRET: \${{ secrets.TOKEN }}
        run: |
          echo "digest=sha-$GREETING-$WORKFLOW_LEVEL-$JOB_LEVEL" >> "$GITHUB_OUTPUT"
          echo "FROM_ENV_FILE=carried" >> "$GITHUB_ENV"
          echo "## built with \${#SECRET}-char secret" >> "$GITHUB_STEP_SUMMARY"
          echo "to stderr" >&2
      - id: next
        run: echo "seen=$FROM_ENV_FILE" >> "$GITHUB_OUTPUT"
      - id: break
        if: inputs.break-build
        run: |
          false
          echo "not reached: bash -e"
      - name: after a failure
        run: echo never
      - name: cleanup
        if: \${{ always() }}
        run: echo cleanup
  test:
    needs: build
    strategy:
      matrix:
        node: [20, 22]
        include:
          - node: 22
            flavour: current
    outputs:
      last: \${{ steps.t.outputs.ran }}
    steps:
      - id: t
        env:
          NODE: \${{ matrix.node }}
          FLAVOUR: \${{ matrix.flavour || 'plain' }}
          DIGEST: \${{ needs.build.outputs.digest }}
        run: echo "ran=$NODE-$FLAVOUR-$DIGEST" >> "$GITHUB_OUTPUT"
  publish:
    needs: test
    if: github.ref == 'refs/heads/main'
    steps:
      - run: echo publishing
  audit:
    needs: [build, test]
    if: always() && needs.test.result == 'skipped'
    steps:
      - run: echo auditing
`;

describe('workflow harness: job graph, expressions, run steps', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-harness-test-'));
    file = path.join(dir, 'tiny.yml');
    fs.writeFileSync(file, TINY);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a passing workflow in needs order, with outputs, env, matrix and skipped jobs', async () => {
    const result = await runWorkflow({
      workflowFile: file,
      inputs: { greeting: 'hi' },
      secrets: { TOKEN: 'abcd' },
      workDir: path.join(dir, 'pass'),
    });
    expect(result.order).toEqual(['build', 'test', 'report', 'publish', 'audit']);
    const results = Object.fromEntries(Object.entries(result.jobs).map(([id, job]) => [id, job.result]));
    expect(results).toEqual({
      build: 'success',
      test: 'success',
      report: 'skipped',
      publish: 'success',
      audit: 'skipped',
    });
    const build = result.jobs.build;
    expect(build.outputs).toEqual({ digest: 'sha-hi-wf-main-job-hi', carried: 'carried' });
    expect(build.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['Run echo "digest=sha-$GREETING-$WORKFLOW_LEVEL-$JOB_LEVEL" >> "$GITHUB_OUTPUT"', 'success'],
      ['Run echo "seen=$FROM_ENV_FILE" >> "$GITHUB_OUTPUT"', 'success'],
      ['Run false', 'skipped'],
      ['after a failure', 'success'],
      ['cleanup', 'success'],
    ]);
    expect(build.steps[0].stderr).toBe('to stderr\n');
    expect(build.runs[0].summary).toBe('## built with 4-char secret\n');
    expect(result.jobs.test.runs.map((run) => [run.matrix, run.outputs.last])).toEqual([
      [{ node: 20 }, '20-plain-sha-hi-wf-main-job-hi'],
      [{ node: 22, flavour: 'current' }, '22-current-sha-hi-wf-main-job-hi'],
    ]);
    expect(result.jobs.test.outputs.last).toBe('22-current-sha-hi-wf-main-job-hi');
    expect(result.jobs.publish.steps[0].stdout).toBe('publishing\n');
    expect(result.outputs).toEqual({ digest: 'sha-hi-wf-main-job-hi' });
    expect(result.result).toBe('success');
  });

  it('skips what needs a failed job, and runs failure() / always() jobs', async () => {
    const result = await runWorkflow({
      workflowFile: file,
      inputs: { greeting: 'hi', 'break-build': true },
      github: { ref: 'refs/tags/v1.0.0', ref_name: 'v1.0.0' },
      workDir: path.join(dir, 'fail'),
    });
    const results = Object.fromEntries(Object.entries(result.jobs).map(([id, job]) => [id, job.result]));
    expect(results).toEqual({
      build: 'failure',
      test: 'skipped',
      report: 'success',
      publish: 'skipped',
      audit: 'success',
    });
    const steps = result.jobs.build.steps;
    expect(steps.map((s) => s.conclusion)).toEqual(['success', 'success', 'failure', 'skipped', 'success']);
    expect(steps[2].stdout).toBe('');
    expect(result.jobs.build.outputs.digest).toBe('sha-hi-wf-v1.0.0-job-hi');
    expect(result.jobs.report.outputs.saw).toBe('failure/skipped');
    expect(result.result).toBe('failure');
  });

  it('cancels the rest of a fail-fast matrix, and jobs the test cancels, as concurrency would', async () => {
    const other = path.join(dir, 'cancel.yml');
    fs.writeFileSync(
      other,
      [
        'on: push',
        'jobs:',
        '  flaky:',
        '    strategy: { matrix: { n: [1, 2] } }',
        '    steps:',
        '      - env: { N: "${{ matrix.n }}" }',
        '        run: test "$N" = 2',
        '  tolerant:',
        '    strategy: { fail-fast: false, matrix: { n: [1, 2] } }',
        '    steps:',
        '      - env: { N: "${{ matrix.n }}" }',
        '        run: test "$N" = 2',
        '  validate:',
        '    steps: [{ run: "true" }]',
        '  notify:',
        '    needs: validate',
        '    if: failure()',
        '    steps: [{ run: "true" }]',
        '  record:',
        '    needs: validate',
        "    if: always() && needs.validate.result == 'cancelled'",
        '    steps: [{ run: "true" }]',
        '  after:',
        '    needs: validate',
        '    steps: [{ run: "true" }]',
      ].join('\n'),
    );
    const result = await runWorkflow({
      workflowFile: other,
      cancelJobs: ['validate'],
      workDir: path.join(dir, 'c'),
    });
    expect(result.jobs.flaky.runs.map((run) => run.result)).toEqual(['failure', 'cancelled']);
    expect(result.jobs.tolerant.runs.map((run) => run.result)).toEqual(['failure', 'success']);
    const results = Object.fromEntries(Object.entries(result.jobs).map(([id, job]) => [id, job.result]));
    expect(results).toEqual({
      flaky: 'failure',
      tolerant: 'failure',
      validate: 'cancelled',
      notify: 'skipped',
      record: 'success',
      after: 'skipped',
    });
  });

  it('runs jobs that call reusable workflows, local or from a registered repository', async () => {
    const repo = path.join(dir, 'caller-repo');
    const lib = path.join(dir, 'lib-repo');
    fs.mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
    fs.mkdirSync(path.join(lib, '.github/workflows'), { recursive: true });
    fs.copyFileSync(file, path.join(repo, '.github/workflows/tiny.yml'));
    fs.copyFileSync(file, path.join(lib, '.github/workflows/tiny.yml'));
    const caller = path.join(repo, '.github/workflows/release.yml');
    fs.writeFileSync(
      caller,
      [
        'on: push',
        'jobs:',
        '  local:',
        '    uses: ./.github/workflows/tiny.yml',
        `    with: { greeting: local, break-build: "\${{ github.ref_name == 'nope' }}" }`,
        '    secrets: inherit',
        '  remote:',
        '    needs: local',
        '    uses: acme/lib/.github/workflows/tiny.yml@5a775b367a56d5bd118a224a811bba288150a563',
        '    with: { greeting: "${{ needs.local.outputs.digest }}", break-build: true }',
        '    secrets: { TOKEN: "${{ secrets.TOKEN }}" }',
        '  after:',
        '    needs: [local, remote]',
        '    if: always()',
        '    steps:',
        '      - env: { L: "${{ needs.local.result }}", R: "${{ needs.remote.result }}", D: "${{ needs.local.outputs.digest }}" }',
        '        run: echo "$L $R $D"',
      ].join('\n'),
    );
    const result = await runWorkflow({
      workflowFile: caller,
      secrets: { TOKEN: 'abc' },
      repositories: { 'acme/lib': lib },
      workDir: path.join(dir, 'calls'),
    });
    expect(result.jobs.local.result).toBe('success');
    expect(result.jobs.local.workflow?.jobs.build.steps[2].outcome).toBe('skipped');
    expect(result.jobs.local.workflow?.jobs.build.runs[0].summary).toBe('## built with 3-char secret\n');
    expect(result.jobs.remote.result).toBe('failure');
    expect(result.jobs.remote.workflow?.jobs.report.result).toBe('success');
    expect(result.jobs.after.steps[0].stdout).toBe('success failure sha-local-wf-main-job-local\n');
    fs.writeFileSync(
      path.join(lib, '.github/workflows/setup.yml'),
      'on: workflow_call\njobs:\n  s:\n    steps:\n      - uses: actions/setup-node@v4\n',
    );
    fs.writeFileSync(
      caller,
      'on: push\njobs:\n  first:\n    steps: [{ run: "touch $RUNNER_TEMP/../../ran" }]\n  x:\n    uses: acme/lib/.github/workflows/setup.yml@v1\n',
    );
    await expect(
      runWorkflow({
        workflowFile: caller,
        repositories: { 'acme/lib': lib },
        workDir: path.join(dir, 'nested'),
      }),
    ).rejects.toThrow('no stand-in registered for the third-party action actions/setup-node@v4 (job s)');
    expect(fs.existsSync(path.join(dir, 'nested/ran'))).toBe(false);
    fs.writeFileSync(caller, 'on: push\njobs:\n  x:\n    uses: other/repo/.github/workflows/y.yml@main\n');
    await expect(runWorkflow({ workflowFile: caller })).rejects.toThrow(
      'cannot find the reusable workflow other/repo/.github/workflows/y.yml@main',
    );
  });

  it("runs a registered repository's action by its owner/name/path@ref, as the runner would download it", async () => {
    const lib = path.join(dir, 'action-lib');
    fs.mkdirSync(path.join(lib, 'actions/hello'), { recursive: true });
    fs.writeFileSync(
      path.join(lib, 'actions/hello/action.yml'),
      [
        'inputs: { who: { default: "${{ github.repository }}" } }',
        'outputs: { said: { value: "${{ steps.say.outputs.said }}" } }',
        'runs:',
        '  using: composite',
        '  steps:',
        '    - id: say',
        '      shell: bash',
        '      env: { WHO: "${{ inputs.who }}" }',
        '      run: echo "said=hello $WHO from $(basename "$GITHUB_ACTION_PATH")" >> "$GITHUB_OUTPUT"',
      ].join('\n'),
    );
    const workflow = path.join(dir, 'uses-lib.yml');
    fs.writeFileSync(
      workflow,
      [
        'on: push',
        'jobs:',
        '  a:',
        '    outputs: { said: "${{ steps.hello.outputs.said }}" }',
        '    steps:',
        '      - id: hello',
        '        uses: acme/lib/actions/hello@5a775b367a56d5bd118a224a811bba288150a563',
      ].join('\n'),
    );
    const result = await runWorkflow({
      workflowFile: workflow,
      repositories: { 'acme/lib': lib },
      workDir: path.join(dir, 'uses-lib'),
    });
    expect(result.jobs.a.outputs).toEqual({ said: 'hello acme/widgets from hello' });
    await expect(runWorkflow({ workflowFile: workflow, workDir: path.join(dir, 'no-lib') })).rejects.toThrow(
      "no stand-in registered for the third-party action acme/lib/actions/hello@5a775b367a56d5bd118a224a811bba288150a563 (job a); register one as standIns['acme/lib/actions/hello']",
    );
  });

  it('refuses what it cannot run faithfully, naming it', async () => {
    const other = path.join(dir, 'other.yml');
    fs.writeFileSync(
      other,
      'on: push\njobs:\n  a:\n    steps:\n      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020\n',
    );
    await expect(runWorkflow({ workflowFile: other })).rejects.toThrow(WorkflowHarnessError);
    await expect(runWorkflow({ workflowFile: other })).rejects.toThrow(
      "no stand-in registered for the third-party action actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 (job a); register one as standIns['actions/setup-node']",
    );
    fs.writeFileSync(other, "on: push\njobs:\n  a:\n    steps:\n      - run: echo '${{ github.ref }}'\n");
    await expect(runWorkflow({ workflowFile: other, workDir: path.join(dir, 'o') })).rejects.toThrow(
      'a run: body in job a holds an expression',
    );
    await expect(runWorkflow({ workflowFile: file, inputs: {} })).rejects.toThrow(
      'required input greeting was not given',
    );
    fs.writeFileSync(
      other,
      'on: push\njobs:\n  a:\n    needs: b\n    steps: []\n  b:\n    needs: a\n    steps: []\n',
    );
    await expect(runWorkflow({ workflowFile: other })).rejects.toThrow('the needs of jobs a, b form a cycle');
  });
});
