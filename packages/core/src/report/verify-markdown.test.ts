import { renderVerifyMarkdown } from './verify-markdown';
import { inputFailureReport } from '../verify/report';
import { markdownCell } from '../text/markdown';
import { failed, notEvaluated, passed, skippedByRequest, withAuthentication } from '../checks/check';

describe('job summary markdown', () => {
  it('escapes untrusted values so they cannot add markup, HTML or table cells', () => {
    expect(markdownCell('v1|<img src=x onerror=alert(1)>\n**x**')).toBe(
      'v1\\|&lt;img src=x onerror=alert\\(1\\)&gt;\\\\x0a\\*\\*x\\*\\*',
    );
  });

  it('says what to do next on failure', () => {
    const text = renderVerifyMarkdown(
      inputFailureReport('artifact_missing', 'retention expired'),
      'provenance-validate',
    );
    expect(text).toContain('failed: `artifact_missing`');
    expect(text).toContain('What to do next');
  });

  it("labels each check pass, fail or skip, and says when a skip was not the user's choice", () => {
    const report = {
      ...inputFailureReport('signature_invalid', ''),
      error: null,
      checks: [
        ...withAuthentication([failed('source_repo', 'source_mismatch', 'a', 'b', 'differs')], false),
        failed('signature', 'signature_invalid', 'valid', null, 'bad signature'),
        notEvaluated('commit_certificate', 'commit_mismatch', 'not evaluated: the signature is invalid'),
        skippedByRequest('tag', 'tag_mismatch', 'not requested: no --tag given'),
        passed('predicate_type', 'predicate_mismatch', 'v1', 'v1', 'SLSA v1 provenance'),
      ],
    };
    const rows = renderVerifyMarkdown(report, 't')
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| check') && !line.startsWith('| ---'));
    expect(rows.map((row) => row.split(' | ')[1])).toEqual([
      '**fail** (unauthenticated)',
      '**fail**',
      'skip (not evaluated)',
      'skip',
      'pass',
    ]);
  });

  it('says a passing report without a verified signature is not authenticated', () => {
    const report = {
      ...inputFailureReport('signature_invalid', ''),
      verified: true,
      failure_reason: null,
      error: null,
    };
    expect(renderVerifyMarkdown(report, 't')).toContain('Not authenticated');
    expect(renderVerifyMarkdown({ ...report, authenticated: true }, 't')).not.toContain('Not authenticated');
  });
});
