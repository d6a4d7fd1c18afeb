import { isObject, looseEquals, type Value } from './expressions/values';

type Combination = Record<string, Value>;

function matches(combination: Combination, partial: Combination): boolean {
  return Object.entries(partial).every(
    ([key, value]) => key in combination && looseEquals(combination[key], value),
  );
}

/**
 * `strategy.matrix` expanded as GitHub does: the product of the list-valued keys, less each `exclude`,
 * then each `include` added to every combination it does not contradict (or appended as its own).
 */
export function expandMatrix(matrix: Value): Combination[] {
  if (!isObject(matrix)) throw new Error('workflow-harness: strategy.matrix must be a mapping');
  const { include, exclude, ...axes } = matrix;
  let combinations: Combination[] = [{}];
  for (const [key, values] of Object.entries(axes)) {
    if (!Array.isArray(values)) throw new Error(`workflow-harness: matrix ${key} must be a list`);
    combinations = combinations.flatMap((c) => values.map((value) => ({ ...c, [key]: value })));
  }
  if (Object.keys(axes).length === 0) combinations = [];
  for (const rule of Array.isArray(exclude) ? exclude : []) {
    if (isObject(rule)) combinations = combinations.filter((c) => !matches(c, rule));
  }
  const originals = Object.keys(axes);
  for (const extra of Array.isArray(include) ? include : []) {
    if (!isObject(extra)) continue;
    const fitting = combinations.filter((c) =>
      originals.every((key) => !(key in extra) || looseEquals(c[key], extra[key])),
    );
    if (fitting.length === 0) combinations.push({ ...extra });
    for (const c of fitting) Object.assign(c, extra);
  }
  return combinations;
}
