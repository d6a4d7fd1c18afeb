/** Value semantics of GitHub expressions: truthiness, loose equality, comparison, string form. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

export function isObject(value: Value): value is { [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function truthy(value: Value): boolean {
  if (value === null || value === false || value === '') return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return true;
}

export function toNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (value.trim() === '') return 0;
    return /^\s*(?:0x[0-9a-f]+|[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*$/i.test(value)
      ? Number(value)
      : NaN;
  }
  return NaN;
}

/** `==`: same-type strings compare case-insensitively, objects by identity, mixed types as numbers. */
export function looseEquals(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toUpperCase() === b.toUpperCase();
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) return a === b;
  if (a === null && b === null) return true;
  if (typeof a === typeof b && typeof a !== 'object') return a === b;
  return toNumber(a) === toNumber(b);
}

export function compare(a: Value, b: Value, operator: string): boolean {
  let left: number | string;
  let right: number | string;
  if (typeof a === 'string' && typeof b === 'string') {
    left = a.toUpperCase();
    right = b.toUpperCase();
  } else {
    left = toNumber(a);
    right = toNumber(b);
    if (Number.isNaN(left) || Number.isNaN(right)) return false;
  }
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    default:
      return left >= right;
  }
}

/** How a value reads when interpolated into a string (GitHub writes `Object` / `Array` for those). */
export function toText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? 'Array' : 'Object';
}

/** Property lookup, case-insensitive like the runner's contexts; missing is null. */
export function property(target: Value, key: Value): Value {
  if (Array.isArray(target)) {
    const index = toNumber(key);
    return Number.isInteger(index) && index >= 0 && index < target.length ? target[index] : null;
  }
  if (!isObject(target)) return null;
  const name = toText(key);
  if (Object.prototype.hasOwnProperty.call(target, name)) return target[name];
  const lower = name.toLowerCase();
  const found = Object.keys(target).find((k) => k.toLowerCase() === lower);
  return found === undefined ? null : target[found];
}
