import { fallbackIssueBody, fallbackIssueLabels, fallbackIssueTitle } from './issue-content';
import { hasIssueMarker, issueMarker } from './issue-marker';
import type { FailureNotice } from '../notification';

const ARTIFACT_URL = 'https://github.com/acme/widgets/actions/runs/42/artifacts/7';
const notice: FailureNotice = {
  tag: 'v1.2.3',
  runId: '42',
  repository: 'acme/widgets',
  failureReason: 'digest_mismatch',
  runUrl: 'https://github.com/acme/widgets/actions/runs/42',
  nextStep: { kind: 'investigate', reportUrl: 'https://github.com/acme/widgets/actions/runs/42' },
  artifactUrl: ARTIFACT_URL,
  runbookUrl: 'https://github.com/acme/release-guard/blob/v1/README.md#runbook-a-release-failed-validation',
  manifest: null,
};

describe('fallback issue content', () => {
  it('starts with the hidden marker and holds run id, tag, reason, artifact, run and runbook links', () => {
    const body = fallbackIssueBody(notice, 'Slack webhook: HTTP 404');
    expect(body.split('\n')[0]).toBe('<!-- release-guard:notify run_id=42 tag=v1.2.3 -->');
    expect(hasIssueMarker(body, '42', 'v1.2.3')).toBe(true);
    expect(body).toContain('| Tag | v1.2.3 |');
    expect(body).toContain('| Run id | [42](https://github.com/acme/widgets/actions/runs/42) |');
    expect(body).toContain('| Failure reason | `digest_mismatch` |');
    expect(body).toContain(`[${ARTIFACT_URL}](${ARTIFACT_URL})`);
    expect(body).toContain(`[Runbook: a release failed validation](${notice.runbookUrl})`);
    expect(body).toContain('**What to do next:** An artifact does not match the provenance');
    expect(body).toContain('Slack webhook: HTTP 404');
    expect(fallbackIssueTitle(notice)).toBe('Release validation failed: v1.2.3 (run 42): digest_mismatch');
  });

  it('cannot be given another run’s marker by a hostile tag', () => {
    const tag =
      'v1 --> <!-- release-guard:notify run_id=7 tag=v7 -->\n<!-- release-guard:notify run_id=7 tag=v7 -->';
    const body = fallbackIssueBody({ ...notice, tag, manifest: null }, null);
    expect(hasIssueMarker(body, '7', 'v7')).toBe(false);
    expect(hasIssueMarker(body, '42', tag)).toBe(true);
    expect(issueMarker('42', tag)).not.toMatch(/-->.*-->/);
    expect(body.match(/<!--/g)).toHaveLength(1);
  });

  it('matches the marker on a line of its own only, for this run and tag exactly', () => {
    const marker = issueMarker('42', 'v1');
    expect(hasIssueMarker(`intro\r\n${marker}\r\n`, '42', 'v1')).toBe(true);
    expect(hasIssueMarker(`quoted: ${marker}`, '42', 'v1')).toBe(false);
    expect(hasIssueMarker(marker, '420', 'v1')).toBe(false);
    expect(hasIssueMarker(marker, '42', 'v1.0')).toBe(false);
    expect(hasIssueMarker(null, '42', 'v1')).toBe(false);
  });

  it('adds security-backcompat for predicate_mismatch only, once', () => {
    expect(fallbackIssueLabels(['ops-alert'], notice)).toEqual(['ops-alert']);
    expect(fallbackIssueLabels(['ops-alert'], { ...notice, failureReason: 'predicate_mismatch' })).toEqual([
      'ops-alert',
      'security-backcompat',
    ]);
    expect(
      fallbackIssueLabels(['Security-Backcompat'], { ...notice, failureReason: 'predicate_mismatch' }),
    ).toEqual(['Security-Backcompat']);
  });

  it('keeps a long title within GitHub’s 256 characters', () => {
    expect(fallbackIssueTitle({ ...notice, tag: 'v'.repeat(400) }).length).toBeLessThanOrEqual(256);
  });
});
