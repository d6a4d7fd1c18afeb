import { evaluateCondition, evaluateExpression, evaluateValue, ExpressionError, interpolate } from '.';
import type { EvaluationScope } from '.';

const ok = { success: true, failure: false, cancelled: false };
const failed = { success: false, failure: true, cancelled: false };

function scope(status = ok): EvaluationScope {
  return {
    status,
    contexts: {
      inputs: { tag: 'v1.2.3', 'allow-slsa-v0.2': false, count: 3, list: '["a","b"]' },
      needs: { build: { result: 'failure', outputs: { digest: 'sha256:ab' } } },
      github: { ref: 'refs/tags/v1.2.3', run_id: '77' },
      secrets: {},
    },
  };
}

describe('expressions', () => {
  it.each([
    ["inputs.tag == 'V1.2.3'", true],
    ["inputs['allow-slsa-v0.2']", false],
    ['inputs.count > 2 && inputs.count <= 3', true],
    ["needs.build.outputs.digest || 'none'", 'sha256:ab'],
    ["needs.missing.outputs.digest || 'none'", 'none'],
    ["startsWith(github.ref, 'refs/tags/') && !endsWith(github.ref, '-rc')", true],
    ["contains(fromJSON(inputs.list), 'B')", true],
    ["contains('Hello', 'ELL')", true],
    ["format('{0}-{{x}}-{1}', inputs.tag, 7)", 'v1.2.3-{x}-7'],
    ["join(fromJSON(inputs.list), '+')", 'a+b'],
    ["'3' == 3", true],
    ['null == 0', true],
    ["'it''s'", "it's"],
    ["needs.build.result != 'success'", true],
    ['(1 < 2) == true', true],
    ['-1 < 0', true],
  ])('%s → %p', (expression, expected) => {
    expect(evaluateExpression(expression, scope())).toEqual(expected);
  });

  it('interpolates strings and keeps the type of a lone expression', () => {
    expect(interpolate('tag ${{ inputs.tag }} run ${{ github.run_id }}!', scope())).toBe(
      'tag v1.2.3 run 77!',
    );
    expect(interpolate("${{ '}}' }}", scope())).toBe('}}');
    expect(evaluateValue('${{ fromJSON(inputs.list) }}', scope())).toEqual(['a', 'b']);
    expect(interpolate('${{ inputs.count }}', scope())).toBe('3');
    expect(interpolate(true, scope())).toBe('true');
  });

  it('reads if: as success() && (...) unless a status function is called', () => {
    expect(evaluateCondition(undefined, scope())).toBe(true);
    expect(evaluateCondition(undefined, scope(failed))).toBe(false);
    expect(evaluateCondition("inputs.tag == 'v1.2.3'", scope(failed))).toBe(false);
    expect(evaluateCondition('${{ failure() }}', scope(failed))).toBe(true);
    expect(evaluateCondition('failure()', scope())).toBe(false);
    expect(evaluateCondition("always() && needs.build.result == 'failure'", scope(failed))).toBe(true);
    expect(evaluateCondition('cancelled()', scope(failed))).toBe(false);
    expect(evaluateCondition("github.ref == 'refs/heads/main'", scope())).toBe(false);
    expect(evaluateCondition(false, scope())).toBe(false);
  });

  it('names what it cannot evaluate', () => {
    expect(() => evaluateExpression('vars.x', scope())).toThrow(ExpressionError);
    expect(() => evaluateExpression('vars.x', scope())).toThrow("unrecognized named-value 'vars'");
    expect(() => evaluateExpression('hashFiles(1)', scope())).toThrow('unknown function hashFiles()');
    expect(() => evaluateExpression("inputs.tag == 'x", scope())).toThrow('unterminated string');
    expect(() => interpolate('${{ inputs.tag', scope())).toThrow('unterminated');
  });
});
