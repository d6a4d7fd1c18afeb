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
