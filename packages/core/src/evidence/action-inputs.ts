import { actionReader } from '../action/context';
import { readFreezeGate } from '../freeze/gate';
import type { EvidenceArchiveInputs } from './inputs';

/** evidence-archive's inputs (named as in its action.yml) on the action context. Checks nothing. */
export const readEvidenceArchiveInputs = actionReader<EvidenceArchiveInputs>(
  { action: 'evidence-archive', tag: 'required', runId: 'current', manifest: true, report: false },
  (input, context, env) => ({
    ...context,
    junit: input.lines('junit'),
    coverage: input.optional('coverage'),
    sbom: input.lines('sbom'),
    vulns: input.lines('vulns'),
    kev: input.optional('kev'),
    epss: input.optional('epss'),
    images: input.lines('images'),
    artifacts: input.lines('artifacts'),
    policy: input.optional('policy'),
    policyLogs: input.lines('policy-logs'),
    provenanceReport: input.optional('provenance-report'),
    signatures: input.optional('signatures'),
    allowWarn: input.boolean('allow-warn', false),
    attach: input.boolean('attach', true),
    runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
    ...readFreezeGate(input),
  }),
);
