export { evaluateExpression, type EvaluationScope } from './evaluate';
export { ExpressionError } from './lexer';
export { evaluateCondition, evaluateValue, interpolate } from './template';
export type { StatusState } from './functions';
export type { Value } from './values';
