import { renderVerifyMarkdown } from './verify-markdown';
import { inputFailureReport } from '../verify/report';
import { markdownCell } from '../text/markdown';

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
});
