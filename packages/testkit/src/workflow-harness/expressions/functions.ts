import { ExpressionError } from './lexer';
import { looseEquals, toText, type Value } from './values';

/** Job or step status, what success() / failure() / cancelled() read. */
export interface StatusState {
  success: boolean;
  failure: boolean;
  cancelled: boolean;
}

function format(template: string, args: Value[], source: string): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (match, index: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const i = Number(index);
    if (i >= args.length) throw new ExpressionError(`format() has no argument {${i}}`, source);
    return toText(args[i]);
  });
}

function fromJSON(text: Value, source: string): Value {
  try {
    return JSON.parse(toText(text)) as Value;
  } catch {
    throw new ExpressionError(`fromJSON() got invalid JSON '${toText(text)}'`, source);
  }
}

export function callFunction(name: string, args: Value[], status: StatusState, source: string): Value {
  const lower = (value: Value) => toText(value).toLowerCase();
  switch (name.toLowerCase()) {
    case 'success':
      return status.success;
    case 'failure':
      return status.failure;
    case 'cancelled':
      return status.cancelled;
    case 'always':
      return true;
    case 'contains':
      return Array.isArray(args[0])
        ? args[0].some((item) => looseEquals(item, args[1]))
        : lower(args[0]).includes(lower(args[1]));
    case 'startswith':
      return lower(args[0]).startsWith(lower(args[1]));
    case 'endswith':
      return lower(args[0]).endsWith(lower(args[1]));
    case 'format':
      return format(toText(args[0]), args.slice(1), source);
    case 'join': {
      const separator = args.length > 1 ? toText(args[1]) : ',';
      return Array.isArray(args[0]) ? args[0].map(toText).join(separator) : toText(args[0]);
    }
    case 'tojson':
      return JSON.stringify(args[0], null, 2);
    case 'fromjson':
      return fromJSON(args[0], source);
    default:
      throw new ExpressionError(`unknown function ${name}()`, source);
  }
}
