import { evaluateExpression, type EvaluationScope } from './evaluate';
import { callsStatusFunction, ExpressionError } from './lexer';
import { toText, truthy, type Value } from './values';

type Part = { text: string } | { expression: string };

/** Splits `a ${{ x }} b` into text and expressions; a `}}` inside a quoted string does not end one. */
function split(template: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (;;) {
    const start = template.indexOf('${{', at);
    if (start < 0) {
      if (at < template.length) parts.push({ text: template.slice(at) });
      return parts;
    }
    if (start > at) parts.push({ text: template.slice(at, start) });
    let i = start + 3;
    let quoted = false;
    while (i < template.length && (quoted || !template.startsWith('}}', i))) {
      if (template[i] === "'") quoted = !quoted;
      i++;
    }
    if (i >= template.length) throw new ExpressionError('unterminated ${{', template);
    parts.push({ expression: template.slice(start + 3, i).trim() });
    at = i + 2;
  }
}

/** A YAML value with `${{ }}` in it: a lone expression keeps its type, anything else becomes a string. */
export function evaluateValue(value: unknown, scope: EvaluationScope): Value {
  if (typeof value !== 'string') return (value ?? null) as Value;
  const parts = split(value);
  if (parts.length === 1 && 'expression' in parts[0]) return evaluateExpression(parts[0].expression, scope);
  return interpolate(value, scope);
}

/** A YAML value as the string the runner hands on (`with:`, `env:`, outputs). */
export function interpolate(value: unknown, scope: EvaluationScope): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return String(value);
  return split(value)
    .map((part) => ('text' in part ? part.text : toText(evaluateExpression(part.expression, scope))))
    .join('');
}

/**
 * An `if:` condition. The `${{ }}` is optional; without a status function the condition is
 * `success() && (condition)`, as on GitHub. Absent, it is `success()`.
 */
export function evaluateCondition(condition: unknown, scope: EvaluationScope): boolean {
  if (condition === undefined || condition === null || condition === '') return scope.status.success;
  if (typeof condition === 'boolean' || typeof condition === 'number') {
    return scope.status.success && truthy(condition);
  }
  const text = String(condition).trim();
  const lone = /^\$\{\{([\s\S]*)\}\}$/.exec(text);
  const expression = lone && !lone[1].includes('${{') ? lone[1].trim() : text.includes('${{') ? null : text;
  if (expression === null) return scope.status.success && truthy(interpolate(text, scope));
  const value = evaluateExpression(expression, scope);
  return callsStatusFunction(expression) ? truthy(value) : scope.status.success && truthy(value);
}
