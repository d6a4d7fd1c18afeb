import { callFunction, type StatusState } from './functions';
import { ExpressionError, tokenize, type Token } from './lexer';
import { compare, looseEquals, property, truthy, type Value } from './values';

type Node =
  | { type: 'literal'; value: Value }
  | { type: 'context'; name: string }
  | { type: 'index'; target: Node; key: Node }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; operator: string; left: Node; right: Node }
  | { type: 'call'; name: string; args: Node[] };

export interface EvaluationScope {
  /** Contexts by name (`github`, `inputs`, `needs`, …); a name not given is an error, like the runner's. */
  contexts: Record<string, Value>;
  status: StatusState;
}

const BINARY_LEVELS = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>=']];
const KEYWORDS: Record<string, Value> = {
  true: true,
  false: false,
  null: null,
  NaN: NaN,
  Infinity: Infinity,
};

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): Node {
    const node = this.binary(0);
    if (this.at < this.tokens.length) this.fail(`unexpected '${String(this.tokens[this.at].value)}'`);
    return node;
  }

  private fail(message: string): never {
    throw new ExpressionError(message, this.source);
  }

  private peek(value: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'punct' && token.value === value;
  }

  private expect(value: string): void {
    if (!this.peek(value)) this.fail(`expected '${value}'`);
    this.at++;
  }

  private binary(level: number): Node {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const operator = BINARY_LEVELS[level].find((op) => this.peek(op));
      if (!operator) return left;
      this.at++;
      left = { type: 'binary', operator, left, right: this.binary(level + 1) };
    }
  }

  private unary(): Node {
    if (this.peek('!')) {
      this.at++;
      return { type: 'not', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(node: Node): Node {
    for (;;) {
      if (this.peek('.')) {
        this.at++;
        const token = this.tokens[this.at++];
        if (token?.kind === 'punct' && token.value === '*')
          this.fail('object filters (.*) are not supported');
        if (token?.kind !== 'ident') this.fail("expected a property name after '.'");
        node = { type: 'index', target: node, key: { type: 'literal', value: token.value } };
      } else if (this.peek('[')) {
        this.at++;
        const key = this.binary(0);
        this.expect(']');
        node = { type: 'index', target: node, key };
      } else {
        return node;
      }
    }
  }

  private primary(): Node {
    const token = this.tokens[this.at++];
    if (!token) this.fail('unexpected end');
    if (token.kind === 'string' || token.kind === 'number') return { type: 'literal', value: token.value };
    if (token.kind === 'punct') {
      if (token.value !== '(') this.fail(`unexpected '${token.value}'`);
      const inner = this.binary(0);
      this.expect(')');
      return inner;
    }
    if (token.value in KEYWORDS) return { type: 'literal', value: KEYWORDS[token.value] };
    if (!this.peek('(')) return { type: 'context', name: token.value };
    this.at++;
    const args: Node[] = [];
    while (!this.peek(')')) {
      if (args.length > 0) this.expect(',');
      args.push(this.binary(0));
    }
    this.at++;
    return { type: 'call', name: token.value, args };
  }
}

function evaluateNode(node: Node, scope: EvaluationScope, source: string): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'context': {
      const name = Object.keys(scope.contexts).find((k) => k.toLowerCase() === node.name.toLowerCase());
      if (name === undefined) throw new ExpressionError(`unrecognized named-value '${node.name}'`, source);
      return scope.contexts[name];
    }
    case 'index':
      return property(evaluateNode(node.target, scope, source), evaluateNode(node.key, scope, source));
    case 'not':
      return !truthy(evaluateNode(node.operand, scope, source));
    case 'call':
      return callFunction(
        node.name,
        node.args.map((arg) => evaluateNode(arg, scope, source)),
        scope.status,
        source,
      );
    case 'binary':
      return evaluateBinary(node, scope, source);
  }
}

function evaluateBinary(
  node: Extract<Node, { type: 'binary' }>,
  scope: EvaluationScope,
  source: string,
): Value {
  const left = evaluateNode(node.left, scope, source);
  if (node.operator === '&&') return truthy(left) ? evaluateNode(node.right, scope, source) : left;
  if (node.operator === '||') return truthy(left) ? left : evaluateNode(node.right, scope, source);
  const right = evaluateNode(node.right, scope, source);
  if (node.operator === '==') return looseEquals(left, right);
  if (node.operator === '!=') return !looseEquals(left, right);
  return compare(left, right, node.operator);
}

/** Evaluates one expression (the text between `${{` and `}}`). */
export function evaluateExpression(source: string, scope: EvaluationScope): Value {
  const node = new Parser(tokenize(source), source).parse();
  return evaluateNode(node, scope, source);
}
