import { parse } from 'yaml';

/** One breach of the workflow policy, with where it is and what to do instead. */
export interface PolicyFinding {
  file: string;
  rule:
    | 'expression-in-run'
    | 'missing-permissions'
    | 'broad-permissions'
    | 'unpinned-uses'
    | 'untrusted-checkout'
    | 'security-ci-wiring'
    | 'repro-verify-wiring'
    | 'release-guard-wiring'
    | 'unparseable';
  where: string;
  message: string;
}

type YamlMap = Record<string, unknown>;

const PERMISSION_SCOPES = new Set([
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
]);
const SHA_PINNED = /^[^@\s]+@[0-9a-f]{40}$/;
const EXPRESSION = /\$\{\{/;

function asMap(value: unknown): YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as YamlMap) : {};
}

function steps(value: unknown): YamlMap[] {
  return Array.isArray(value) ? value.map(asMap) : [];
}

function checkRun(file: string, where: string, step: YamlMap, findings: PolicyFinding[]): void {
  if (typeof step.run === 'string' && EXPRESSION.test(step.run)) {
    findings.push({
      file,
      rule: 'expression-in-run',
      where,
      message:
        '`${{ }}` inside a run: body is a script-injection hole; pass the value through env: and use "$VAR"',
    });
  }
}

function checkUses(file: string, where: string, uses: unknown, findings: PolicyFinding[]): void {
  if (typeof uses !== 'string' || uses.startsWith('./')) return;
  const pinned = uses.startsWith('docker://') ? /@sha256:[0-9a-f]{64}$/.test(uses) : SHA_PINNED.test(uses);
  if (!pinned) {
    findings.push({
      file,
      rule: 'unpinned-uses',
      where,
      message: `\`uses: ${uses}\` must be pinned to a full 40-character commit SHA (add the version as a comment)`,
    });
  }
}

function checkPermissions(
  file: string,
  where: string,
  permissions: unknown,
  findings: PolicyFinding[],
  required: boolean,
): void {
  if (permissions === undefined) {
    if (required) {
      findings.push({
        file,
        rule: 'missing-permissions',
        where,
        message: 'every job declares its own least-privilege `permissions:`',
      });
    }
    return;
  }
  if (typeof permissions === 'string') {
    findings.push({
      file,
      rule: 'broad-permissions',
      where,
      message: `\`permissions: ${permissions}\` grants every scope; list the scopes the job needs`,
    });
    return;
  }
  for (const [scope, level] of Object.entries(asMap(permissions))) {
    if (!PERMISSION_SCOPES.has(scope) || !['read', 'write', 'none'].includes(String(level))) {
      findings.push({
        file,
        rule: 'broad-permissions',
        where,
        message: `unknown permission \`${scope}: ${String(level)}\``,
      });
    }
  }
}

/** Checks a workflow file's text against the policy. */
export function checkWorkflow(file: string, text: string): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  let workflow: YamlMap;
  try {
    workflow = asMap(parse(text));
  } catch (error) {
    return [{ file, rule: 'unparseable', where: file, message: (error as Error).message }];
  }
  const triggers = workflow.on ?? workflow[true as unknown as string];
  const triggerNames =
    typeof triggers === 'string'
      ? [triggers]
      : Array.isArray(triggers)
        ? triggers.map(String)
        : Object.keys(asMap(triggers));
  const privileged = triggerNames.filter((name) => name === 'pull_request_target' || name === 'workflow_run');
  checkPermissions(file, 'workflow', workflow.permissions, findings, false);
  for (const [jobName, job] of Object.entries(asMap(workflow.jobs))) {
    const jobMap = asMap(job);
    checkPermissions(file, `jobs.${jobName}`, jobMap.permissions, findings, true);
    checkUses(file, `jobs.${jobName}.uses`, jobMap.uses, findings);
    steps(jobMap.steps).forEach((step, index) => {
      const where = `jobs.${jobName}.steps[${index}]${typeof step.name === 'string' ? ` (${step.name})` : ''}`;
      checkRun(file, where, step, findings);
      checkUses(file, where, step.uses, findings);
      if (
        privileged.length > 0 &&
        typeof step.uses === 'string' &&
        step.uses.startsWith('actions/checkout@')
      ) {
        findings.push({
          file,
          rule: 'untrusted-checkout',
          where,
          message: `a ${privileged.join('/')} workflow runs with write access and secrets: it must not check out code`,
        });
      }
    });
  }
  return findings;
}

/** Checks a composite action's action.yml (actionlint does not read these). */
export function checkActionYaml(file: string, text: string): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  let action: YamlMap;
  try {
    action = asMap(parse(text));
  } catch (error) {
    return [{ file, rule: 'unparseable', where: file, message: (error as Error).message }];
  }
  steps(asMap(action.runs).steps).forEach((step, index) => {
    const where = `runs.steps[${index}]`;
    checkRun(file, where, step, findings);
    checkUses(file, where, step.uses, findings);
  });
  return findings;
}

/** What the product fixes about the security-ci workflow: its jobs, their conditions and concurrency groups. */
const SECURITY_CI_WIRING: Array<{ job: string; needs?: string[]; if?: RegExp; group: string | null }> = [
  { job: 'provenance', group: null },
  {
    job: 'provenance-validate',
    needs: ['provenance'],
    group: 'provenance-validate-${{ github.ref }}-result',
  },
  {
    job: 'notify-on-failure',
    needs: ['provenance', 'provenance-validate'],
    if: /^(\$\{\{\s*)?failure\(\)(\s*\}\})?$/,
    group: 'provenance-notify-${{ github.run_id }}',
  },
  {
    job: 'record-cancelled',
    needs: ['provenance', 'provenance-validate'],
    if: /needs\.provenance-validate\.result == 'cancelled'/,
    group: 'provenance-manifest-${{ github.ref }}',
  },
];

/** Checks the security-ci reusable workflow's wiring on top of the general policy. */
export function checkSecurityCiWiring(file: string, text: string): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const workflow = asMap(parse(text));
  const jobs = asMap(workflow.jobs);
  const finding = (where: string, message: string) =>
    findings.push({ file, rule: 'security-ci-wiring', where, message });
  if (!('workflow_call' in asMap(workflow.on)))
    finding('on', 'security-ci is a reusable workflow: `on: workflow_call`');
  for (const rule of SECURITY_CI_WIRING) {
    const job = asMap(jobs[rule.job]);
    if (!(rule.job in jobs)) {
      finding(`jobs.${rule.job}`, `job \`${rule.job}\` is missing`);
      continue;
    }
    const needs =
      typeof job.needs === 'string' ? [job.needs] : Array.isArray(job.needs) ? job.needs.map(String) : [];
    if (rule.needs && rule.needs.some((name) => !needs.includes(name))) {
      finding(`jobs.${rule.job}.needs`, `needs ${rule.needs.join(' and ')}`);
    }
    if (rule.if && !(typeof job.if === 'string' && rule.if.test(job.if.trim()))) {
      finding(`jobs.${rule.job}.if`, `runs under \`if: ${rule.if.source}\``);
    }
    const group = asMap(job.concurrency).group ?? job.concurrency;
    if (rule.group !== null && group !== rule.group) {
      finding(`jobs.${rule.job}.concurrency`, `concurrency group must be \`${rule.group}\``);
    }
  }
  return findings;
}

const REBUILD_ENV = '${{ inputs.rebuild-command }}';
const REBUILD_RUN = 'bash -c "$REBUILD_COMMAND"';

/**
 * Checks repro-verify.yml on top of the general policy: the caller's `rebuild-command` reaches a shell
 * only as `bash -c "$REBUILD_COMMAND"` with the variable set in `env:`, in jobs that may only read
 * contents; a compare job runs repro-verify and a notifier reports repro_mismatch.
 */
export function checkReproVerifyWiring(file: string, text: string): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const workflow = asMap(parse(text));
  const finding = (where: string, message: string) =>
    findings.push({ file, rule: 'repro-verify-wiring', where, message });
  if (!('rebuild-command' in asMap(asMap(asMap(workflow.on).workflow_call).inputs)))
    finding('on', 'repro-verify is a reusable workflow with the input `rebuild-command`');
  const jobs = asMap(workflow.jobs);
  let builds = 0;
  const uses: string[] = [];
  for (const [name, value] of Object.entries(jobs)) {
    const job = asMap(value);
    for (const [index, step] of steps(job.steps).entries()) {
      const where = `jobs.${name}.steps[${index}]`;
      if (typeof step.uses === 'string')
        uses.push(`${name}:${step.uses}:${asMap(step.with)['failure-reason'] ?? ''}`);
      const mentions = JSON.stringify(step).match(/rebuild-command|REBUILD_COMMAND/);
      if (!mentions) continue;
      builds += 1;
      if (asMap(step.env).REBUILD_COMMAND !== REBUILD_ENV)
        finding(`${where}.env`, `set REBUILD_COMMAND: ${REBUILD_ENV} in env:`);
      if (step.run !== REBUILD_RUN) finding(`${where}.run`, `run the command as exactly: ${REBUILD_RUN}`);
      const permissions = asMap(job.permissions);
      if (Object.keys(permissions).length !== 1 || permissions.contents !== 'read')
        finding(`jobs.${name}.permissions`, 'a job that runs the rebuild command gets `contents: read` only');
    }
  }
  if (builds === 0) finding('jobs', 'no step runs the rebuild command');
  if (!uses.some((entry) => entry.includes('/actions/repro-verify:')))
    finding('jobs', 'a compare job uses the repro-verify action');
  if (!uses.some((entry) => /\/actions\/notify-on-failure:repro_mismatch$/.test(entry)))
    finding('jobs', 'a notify job calls notify-on-failure with failure-reason repro_mismatch');
  return findings;
}

/** The chain of release-guard.yml in its order: each job needs the one before it. */
export const RELEASE_CHAIN = [
  'draft',
  'provenance',
  'provenance-validate',
  'sign',
  'repro',
  'evidence',
  'publish',
] as const;
const CONTROL_JOBS = RELEASE_CHAIN.filter((job) => job !== 'publish' && job !== 'repro');
/** `publish`'s only way past a skipped repro: the caller left it off. */
const REPRO_OFF =
  "(needs.repro.result == 'success' || (needs.repro.result == 'skipped' && inputs.repro-first-artifact == ''))";
/** Release-guard's actions that attach assets to the release (release-publish only in mode draft). */
const ATTACHING = ['release-sign', 'evidence-archive'];
/** Steps that get an OIDC token: the job needs `id-token: write`, and only these jobs may have it. */
const OIDC_USES = [
  /\/actions\/workflow-identity@/,
  /^actions\/attest-build-provenance@/,
  /\/actions\/release-sign$/,
];

function needsOf(job: YamlMap): string[] {
  return typeof job.needs === 'string' ? [job.needs] : Array.isArray(job.needs) ? job.needs.map(String) : [];
}

/** Every job `name` needs, directly or not. */
function dependenciesOf(jobs: YamlMap, name: string): Set<string> {
  const found = new Set<string>();
  const visit = (current: string) => {
    for (const need of needsOf(asMap(jobs[current]))) {
      if (found.has(need)) continue;
      found.add(need);
      visit(need);
    }
  };
  visit(name);
  return found;
}

/** The `&&` terms at the top level of an expression, whitespace collapsed. */
function conjuncts(expression: string): string[] {
  const text = expression
    .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')') depth -= 1;
    else if (depth === 0 && text.startsWith('&&', i)) {
      terms.push(text.slice(start, i).trim());
      start = i + 2;
    }
  }
  terms.push(text.slice(start).trim());
  return terms;
}

/**
 * Checks release-guard.yml (the whole chain) on top of the general policy: the jobs in their order,
 * `publish` gated on exactly every control's success, nothing attached after it, the freeze asked by
 * `draft` and `publish`, the notifier and the concurrency groups of the core scenario, and OIDC and
 * `contents: write` only where they are used.
 */
export function checkReleaseGuardWiring(file: string, text: string): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const workflow = asMap(parse(text));
  const jobs = asMap(workflow.jobs);
  const finding = (where: string, message: string) =>
    findings.push({ file, rule: 'release-guard-wiring', where, message });
  if (!('workflow_call' in asMap(workflow.on)))
    finding('on', 'release-guard is a reusable workflow: `on: workflow_call`');
  const job = (name: string) => asMap(jobs[name]);
  const stepsUsing = (name: string, action: string) =>
    steps(job(name).steps).filter(
      (step) => typeof step.uses === 'string' && step.uses.endsWith(`/actions/${action}`),
    );
  RELEASE_CHAIN.forEach((name, index) => {
    if (!(name in jobs)) return finding(`jobs.${name}`, `job \`${name}\` is missing`);
    const previous = RELEASE_CHAIN[index - 1];
    if (previous !== undefined && !needsOf(job(name)).includes(previous))
      finding(`jobs.${name}.needs`, `needs ${previous} (the chain is ${RELEASE_CHAIN.join(' → ')})`);
  });

  // publish: every control, exactly; never a bare always().
  const publish = job('publish');
  const missing = RELEASE_CHAIN.filter((name) => name !== 'publish' && !needsOf(publish).includes(name));
  if (missing.length > 0)
    finding('jobs.publish.needs', `needs every control job; missing ${missing.join(', ')}`);
  const expected = [
    '!cancelled()',
    ...CONTROL_JOBS.map((name) => `needs.${name}.result == 'success'`),
    REPRO_OFF,
  ];
  const terms = typeof publish.if === 'string' ? conjuncts(publish.if) : [];
  if (terms.length !== expected.length || expected.some((term) => !terms.includes(term)))
    finding('jobs.publish.if', `must be exactly: ${expected.join(' && ')}`);
  const [publishStep] = stepsUsing('publish', 'release-publish');
  if (asMap(publishStep?.with).mode !== 'publish')
    finding('jobs.publish.steps', 'publish runs release-publish with mode publish');

  // Both ends ask the freeze.
  for (const [name, mode] of [
    ['draft', 'draft'],
    ['publish', 'publish'],
  ] as const) {
    const step = stepsUsing(name, 'release-publish').find((s) => asMap(s.with).mode === mode);
    if (asMap(step?.with).freeze !== '${{ vars.RELEASE_FREEZE }}')
      finding(
        `jobs.${name}.steps`,
        `${name} runs release-publish (mode ${mode}) with freeze: \${{ vars.RELEASE_FREEZE }}`,
      );
  }

  // Nothing attached after publish: every attaching job is upstream of it, and only the notifier is downstream.
  const upstream = dependenciesOf(jobs, 'publish');
  for (const name of Object.keys(jobs)) {
    const attaches =
      ATTACHING.some((action) => stepsUsing(name, action).length > 0) ||
      stepsUsing(name, 'release-publish').some((step) => asMap(step.with).mode !== 'publish');
    if (attaches && !upstream.has(name))
      finding(
        `jobs.${name}`,
        'attaches release assets but is not a job publish needs: nothing is attached after publish',
      );
    const after = dependenciesOf(jobs, name);
    if (after.has('publish') && name !== 'notify-on-failure')
      finding(`jobs.${name}.needs`, 'only notify-on-failure runs after publish');
  }

  // The notifier and the groups of the core scenario.
  const notify = job('notify-on-failure');
  const others = Object.keys(jobs).filter(
    (name) => name !== 'notify-on-failure' && name !== 'record-cancelled',
  );
  if (!(typeof notify.if === 'string' && /^(\$\{\{\s*)?failure\(\)(\s*\}\})?$/.test(notify.if.trim())))
    finding('jobs.notify-on-failure.if', 'runs under `if: failure()`');
  const unheard = others.filter((name) => !needsOf(notify).includes(name));
  if (unheard.length > 0)
    finding('jobs.notify-on-failure.needs', `needs every job; missing ${unheard.join(', ')}`);
  const groups: Record<string, string> = {
    'provenance-validate': 'provenance-validate-${{ github.ref }}-result',
    'notify-on-failure': 'provenance-notify-${{ github.run_id }}',
    sign: 'provenance-manifest-${{ github.ref }}',
    repro: 'provenance-manifest-${{ github.ref }}',
    evidence: 'provenance-manifest-${{ github.ref }}',
  };
  for (const [name, group] of Object.entries(groups))
    if ((asMap(job(name).concurrency).group ?? job(name).concurrency) !== group)
      finding(`jobs.${name}.concurrency`, `concurrency group must be \`${group}\``);

  // Least privilege: the OIDC token and contents: write only where they are used.
  for (const name of Object.keys(jobs)) {
    const permissions = asMap(job(name).permissions);
    const usesOidc = steps(job(name).steps).some(
      (step) => typeof step.uses === 'string' && OIDC_USES.some((pattern) => pattern.test(String(step.uses))),
    );
    if ((permissions['id-token'] === 'write') !== usesOidc)
      finding(
        `jobs.${name}.permissions`,
        usesOidc ? 'needs `id-token: write`' : '`id-token: write` only where OIDC is used',
      );
    const runsReleaseGuard = steps(job(name).steps).some(
      (step) => typeof step.uses === 'string' && step.uses.startsWith('./.release-guard/actions/'),
    );
    if (permissions.contents === 'write' && !runsReleaseGuard)
      finding(
        `jobs.${name}.permissions`,
        '`contents: write` only on jobs that attach, publish or write the manifest',
      );
  }
  return findings;
}
