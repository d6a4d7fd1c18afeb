/** Tokens of GitHub's expression language (docs: "Evaluate expressions in workflows and actions"). */
export type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'ident'; value: string }
  | { kind: 'punct'; value: string };

const PUNCTUATION = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', ',', '.', '*'];

export class ExpressionError extends Error {
  constructor(message: string, expression: string) {
    super(`${message} in expression \`${expression}\``);
    this.name = 'ExpressionError';
  }
}

function readString(source: string, start: number): [string, number] {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= source.length) throw new ExpressionError('unterminated string', source);
    if (source[i] === "'") {
      if (source[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return [value, i + 1];
    }
    value += source[i++];
  }
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest[0] === "'") {
      const [value, end] = readString(source, i);
      tokens.push({ kind: 'string', value });
      i = end;
      continue;
    }
    const number = /^(?:0x[0-9a-fA-F]+|-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(rest);
    if (number && !(number[0].startsWith('-') && tokens.at(-1)?.kind !== 'punct' && tokens.length > 0)) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest);
    if (ident) {
      tokens.push({ kind: 'ident', value: ident[0] });
      i += ident[0].length;
      continue;
    }
    const punct = PUNCTUATION.find((p) => rest.startsWith(p));
    if (!punct) throw new ExpressionError(`unexpected character '${rest[0]}'`, source);
    tokens.push({ kind: 'punct', value: punct });
    i += punct.length;
  }
  return tokens;
}

const STATUS_FUNCTIONS = new Set(['success', 'failure', 'always', 'cancelled']);

/** Whether the expression calls a status function (else an `if:` is read as `success() && (...)`). */
export function callsStatusFunction(source: string): boolean {
  const tokens = tokenize(source);
  return tokens.some(
    (token, i) =>
      token.kind === 'ident' &&
      STATUS_FUNCTIONS.has(token.value.toLowerCase()) &&
      tokens[i + 1]?.kind === 'punct' &&
      tokens[i + 1].value === '(' &&
      !(tokens[i - 1]?.kind === 'punct' && tokens[i - 1].value === '.'),
  );
}
