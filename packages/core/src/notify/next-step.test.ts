import fs from 'node:fs';
import path from 'node:path';
import { argvOfPastedLine, HOSTILE_TAGS } from '@release-guard/testkit';
import { nextStep, type NextStepFacts } from './next-step';

const facts: NextStepFacts = {
  serverUrl: 'https://github.com',
  repository: 'acme/widgets',
  runId: '42',
  tag: 'v1.2.3',
  failureReason: 'artifact_missing',
  runUrl: 'https://github.com/acme/widgets/actions/runs/42',
  recoverWorkflow: 'provenance-recover.yml',
};

describe('the next step of an alert', () => {
  it.each(['artifact_missing', 'provenance_missing', null] as const)(
    '%s: the gh workflow run line and the workflow page',
    (failureReason) => {
      const step = nextStep({ ...facts, failureReason });
      expect(step).toEqual({
        kind: 'recover',
        command: expect.stringMatching(
          /^gh workflow run 'provenance-recover\.yml' --repo 'acme\/widgets' -f run_id='42' -f tag='v1\.2\.3' -f reason='re-run after [^']+'$/,
        ),
        reason: expect.stringContaining(failureReason ?? 'no failure code'),
        workflow: 'provenance-recover.yml',
        workflowUrl: 'https://github.com/acme/widgets/actions/workflows/provenance-recover.yml',
      });
    },
  );

  it.each([
    'digest_mismatch',
    'signature_invalid',
    'repro_mismatch',
    'evidence_fail',
    'builder_mismatch',
    'tag_mismatch',
    'rerun_failed',
  ] as const)('%s: investigate, with the report, and no re-run line', (failureReason) => {
    expect(nextStep({ ...facts, failureReason })).toEqual({ kind: 'investigate', reportUrl: facts.runUrl });
  });

  it('an unknown failure reason is investigated, not re-run', () => {
    expect(nextStep({ ...facts, failureReason: null, unknownFailureReason: 'oops' }).kind).toBe(
      'investigate',
    );
  });

  it('names the host for GitHub Enterprise Server, in --repo', () => {
    const step = nextStep({ ...facts, serverUrl: 'https://ghe.example.com/' });
    expect(step.kind === 'recover' && step.command).toContain("--repo 'ghe.example.com/acme/widgets'");
    expect(step.kind === 'recover' && step.workflowUrl).toBe(
      'https://ghe.example.com/acme/widgets/actions/workflows/provenance-recover.yml',
    );
  });

  it.each(HOSTILE_TAGS.map((tag) => [JSON.stringify(tag).slice(0, 40), tag]))(
    'gh receives the tag %s and the reason exactly',
    (_name, tag) => {
      const step = nextStep({ ...facts, tag, recoverWorkflow: 'recover.yaml' });
      if (step.kind !== 'recover') throw new Error('expected a re-run line');
      expect(argvOfPastedLine(step.command)).toEqual([
        'workflow',
        'run',
        'recover.yaml',
        '--repo',
        'acme/widgets',
        '-f',
        'run_id=42',
        '-f',
        `tag=${tag}`,
        '-f',
        `reason=${step.reason}`,
      ]);
    },
  );
});

describe("the README's on-call line", () => {
  it('is the line an alert gives for its example run', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
    const step = nextStep({ ...facts, runId: '1234567890', runUrl: `${facts.runUrl}0` });
    expect(step.kind === 'recover' && readme.includes(`\n${step.command}\n`)).toBe(true);
  });
});
