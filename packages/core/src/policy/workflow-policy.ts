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
