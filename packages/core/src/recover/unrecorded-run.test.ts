import type { RunFacts } from './rerun-request';
import { isReleaseWorkflowRun, tagMismatch } from './unrecorded-run';

const run: RunFacts = {
  id: 7,
  runAttempt: 1,
  status: 'completed',
  conclusion: 'cancelled',
  createdAt: '2026-12-01T00:00:00Z',
  headSha: 'a'.repeat(40),
  htmlUrl: 'https://github.com/acme/widgets/actions/runs/7',
  workflowPath: '.github/workflows/release.yml',
  workflowId: 42,
  headBranch: 'v1.2.3',
  displayTitle: 'release',
};

describe('isReleaseWorkflowRun', () => {
  it('matches the workflow by file name or id, and nothing that only shares the base name', () => {
    expect(isReleaseWorkflowRun(run, 'release.yml')).toBe(true);
    expect(
      isReleaseWorkflowRun(
        { ...run, workflowPath: '.github/workflows/release.yml@refs/heads/main' },
        'release.yml',
      ),
    ).toBe(true);
    expect(isReleaseWorkflowRun(run, '42')).toBe(true);
    expect(isReleaseWorkflowRun(run, '43')).toBe(false);
    expect(isReleaseWorkflowRun(run, 'security-ci.yml')).toBe(false);
    expect(
      isReleaseWorkflowRun({ ...run, workflowPath: 'other/.github/workflows/release.yml' }, 'release.yml'),
    ).toBe(false);
  });
});

describe('tagMismatch', () => {
  it('accepts the tag as head branch or in the title, and warns otherwise', () => {
    expect(tagMismatch(run, 'v1.2.3')).toBeNull();
    expect(tagMismatch({ ...run, headBranch: 'main', displayTitle: 'Release v1.2.3' }, 'v1.2.3')).toBeNull();
    expect(tagMismatch({ ...run, headBranch: 'main' }, 'v1.2.3')).toMatch(
      /tag "v1.2.3" matches neither the head branch of run 7 \("main"\) nor its title \("release"\)/,
    );
  });
});
