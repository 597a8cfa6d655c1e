// Recursive-descent PromQL parser with Prometheus' operator precedence and type checks.
import { makeMatcher, matches, type MatchOp, type Matcher } from '../matchers.js';
import { METRIC_NAME } from '../labels.js';
import {
  COMPARISON_OPS,
  SET_OPS,
  type AggregateOp,
  type BinaryOp,
  type Expr,
  type MatrixSelector,
  type ValueType,
  type VectorMatching,
  type VectorSelector,
} from './ast.js';
import { parseDuration } from '../../../lib/duration.js';
import { PromqlParseError } from './errors.js';
import { tokenize, type Token } from './lexer.js';
import { FUNCTIONS } from './signatures.js';

const AGGREGATES: ReadonlySet<string> = new Set<AggregateOp>([
  'sum',
  'avg',
  'min',
  'max',
  'count',
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'quantile',
]);
const PARAM_AGGREGATES: ReadonlySet<string> = new Set(['topk', 'bottomk', 'quantile']);

/** Lowest to highest; `^` is right-associative. */
const PRECEDENCE: Record<string, number> = {
  or: 1,
  and: 2,
  unless: 2,
  '==': 3,
  '!=': 3,
  '<=': 3,
  '<': 3,
  '>=': 3,
  '>': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  '^': 6,
};
const POW_PREC = 6;
const MAX_DEPTH = 256;

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'and', 'or', 'unless']);
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function typeOf(e: Expr): ValueType {
  switch (e.kind) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'vector':
      return 'vector';
    case 'matrix':
      return 'matrix';
    case 'call':
      return FUNCTIONS[e.func]!.returns;
    case 'aggregate':
      return 'vector';
    case 'binary':
      return typeOf(e.lhs) === 'scalar' && typeOf(e.rhs) === 'scalar' ? 'scalar' : 'vector';
    case 'unary':
    case 'paren':
      return typeOf(e.expr);
  }
}

const TYPE_NAMES: Record<ValueType, string> = {
  scalar: 'scalar',
  string: 'string',
  vector: 'instant vector',
  matrix: 'range vector',
};

export function parse(input: string): Expr {
  const tokens = tokenize(input);
  let at = 0;
  const peek = (offset = 0): Token => tokens[Math.min(at + offset, tokens.length - 1)]!;
  const next = (): Token => tokens[Math.min(at++, tokens.length - 1)]!;
  const fail = (pos: number, msg: string): never => {
    throw new PromqlParseError(pos, msg, input);
  };
  const describe = (t: Token): string => (t.kind === 'eof' ? 'end of input' : t.kind === 'string' ? `string "${t.text}"` : `"${t.text}"`);
  const unexpected = (t: Token, context = ''): never =>
    fail(t.pos, t.kind === 'eof' ? `unexpected end of input${context}` : `unexpected ${describe(t)}${context}`);
  const expect = (kind: Token['kind'], context: string): Token => {
    const t = next();
    if (t.kind !== kind) unexpected(t, context);
    return t;
  };
  const isOp = (t: Token, text: string) => t.kind === 'op' && t.text === text;

  const binaryOpAt = (t: Token): BinaryOp | undefined => {
    if (t.kind === 'op' && t.text in PRECEDENCE) return t.text as BinaryOp;
    if (t.kind === 'ident' && (t.text === 'and' || t.text === 'or' || t.text === 'unless')) return t.text;
    return undefined;
  };

  const labelList = (context: string): string[] => {
    expect('(', context);
    const names: string[] = [];
    while (peek().kind !== ')') {
      const t = next();
      if (t.kind !== 'ident' || !LABEL_NAME.test(t.text)) unexpected(t, ` in grouping opts, expected label`);
      names.push(t.text);
      if (peek().kind === ',') next();
      else if (peek().kind !== ')') unexpected(peek(), ' in grouping opts, expected "," or ")"');
    }
    next();
    return names;
  };

  const parseMatchers = (): Matcher[] => {
    expect('{', '');
    const out: Matcher[] = [];
    while (peek().kind !== '}') {
      const name = next();
      if (name.kind !== 'ident' || !LABEL_NAME.test(name.text)) unexpected(name, ' in label matching, expected label');
      const op = next();
      if (op.kind !== 'op' || !['=', '!=', '=~', '!~'].includes(op.text)) unexpected(op, ' in label matching, expected label matching operator');
      const value = next();
      if (value.kind !== 'string') unexpected(value, ' in label matching, expected string');
      try {
        out.push(makeMatcher(name.text, op.text as MatchOp, value.text));
      } catch (err) {
        fail(value.pos, `invalid regular expression "${value.text}": ${(err as Error).message}`);
      }
      if (peek().kind === ',') next();
      else if (peek().kind !== '}') unexpected(peek(), ' in label matching, expected "," or "}"');
    }
    next();
    return out;
  };

  const vectorSelector = (pos: number, name: string | undefined): VectorSelector => {
    const matchers = peek().kind === '{' ? parseMatchers() : [];
    if (name !== undefined) {
      if (matchers.some((m) => m.name === METRIC_NAME)) fail(pos, `metric name must not be set twice: "${name}"`);
      matchers.unshift(makeMatcher(METRIC_NAME, '=', name));
    }
    if (matchers.every((m) => matches(m, {}))) {
      fail(pos, 'vector selector must contain at least one non-empty matcher');
    }
    return { kind: 'vector', name, matchers, offsetMs: 0, pos };
  };

  const duration = (context: string): number => {
    const t = next();
    if (t.kind !== 'duration') unexpected(t, context);
    const ms = parseDuration(t.text);
    if (ms === null || ms === 0) return fail(t.pos, `invalid duration "${t.text}"`);
    return ms;
  };

  const callArgs = (name: Token): Expr => {
    const sig = FUNCTIONS[name.text];
    if (!sig) return fail(name.pos, `unknown function with name "${name.text}"`);
    expect('(', '');
    const args: Expr[] = [];
    while (peek().kind !== ')') {
      args.push(expression(0));
      if (peek().kind === ',') next();
      else if (peek().kind !== ')') unexpected(peek(), ' in function call, expected "," or ")"');
    }
    next();
    const min = sig.args.length - (sig.optional ?? 0);
    if (args.length < min || args.length > sig.args.length) {
      const want = min === sig.args.length ? `${min}` : `${min} to ${sig.args.length}`;
      fail(name.pos, `expected ${want} argument(s) in call to "${name.text}", got ${args.length}`);
    }
    args.forEach((a, i) => {
      const want = sig.args[i]!;
      const got = typeOf(a);
      if (got !== want) fail(a.pos, `expected type ${TYPE_NAMES[want]} in call to function "${name.text}", got ${TYPE_NAMES[got]}`);
    });
    return { kind: 'call', func: name.text, args, pos: name.pos };
  };

  const aggregate = (op: Token): Expr => {
    let grouping: string[] = [];
    let without = false;
    let hasGrouping = false;
    const groupingClause = () => {
      const kw = peek();
      if (kw.kind === 'ident' && (kw.text === 'by' || kw.text === 'without')) {
        if (hasGrouping) unexpected(kw);
        next();
        without = kw.text === 'without';
        grouping = labelList(` in ${kw.text}`);
        hasGrouping = true;
      }
    };
    groupingClause();
    expect('(', ` in aggregation, expected "("`);
    let param: Expr | undefined;
    if (PARAM_AGGREGATES.has(op.text)) {
      param = expression(0);
      expect(',', ' in aggregation, expected ","');
    }
    if (peek().kind === ')') fail(peek().pos, `no arguments for aggregate expression provided`);
    const expr = expression(0);
    if (peek().kind === ',') fail(peek().pos, `unexpected "," in aggregation, expected ")"`);
    expect(')', ' in aggregation, expected ")"');
    groupingClause();
    if (typeOf(expr) !== 'vector') fail(expr.pos, `expected type instant vector in aggregation expression, got ${TYPE_NAMES[typeOf(expr)]}`);
    if (param && typeOf(param) !== 'scalar') fail(param.pos, `expected type scalar in aggregation parameter, got ${TYPE_NAMES[typeOf(param)]}`);
    return { kind: 'aggregate', op: op.text as AggregateOp, param, expr, grouping, without, pos: op.pos };
  };

  const primary = (): Expr => {
    const t = next();
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: t.value!, pos: t.pos };
      case 'string':
        return { kind: 'string', value: t.text, pos: t.pos };
      case '(': {
        const inner = expression(0);
        expect(')', ' in paren expression, expected ")"');
        return { kind: 'paren', expr: inner, pos: t.pos };
      }
      case '{':
        at--;
        return vectorSelector(t.pos, undefined);
      case 'ident': {
        const lower = t.text.toLowerCase();
        if (lower === 'inf' || lower === 'nan') return { kind: 'number', value: lower === 'inf' ? Infinity : NaN, pos: t.pos };
        const after = peek();
        if (AGGREGATES.has(t.text) && (after.kind === '(' || (after.kind === 'ident' && (after.text === 'by' || after.text === 'without')))) {
          return aggregate(t);
        }
        if (after.kind === '(') return callArgs(t);
        if (KEYWORDS.has(t.text)) unexpected(t);
        return vectorSelector(t.pos, t.text);
      }
      default:
        return unexpected(t);
    }
  };

  const postfix = (): Expr => {
    let e = primary();
    for (;;) {
      const t = peek();
      if (t.kind === '[') {
        next();
        if (e.kind !== 'vector') fail(t.pos, 'ranges only allowed for vector selectors (subqueries are not supported)');
        const rangeMs = duration(' in range selector, expected duration');
        if (peek().kind === ':') fail(peek().pos, 'subqueries are not supported');
        expect(']', ' in range selector, expected "]"');
        const m: MatrixSelector = { kind: 'matrix', selector: e as VectorSelector, rangeMs, pos: e.pos };
        e = m;
        continue;
      }
      if (t.kind === 'ident' && t.text === 'offset') {
        next();
        const negative = isOp(peek(), '-');
        if (negative) next();
        const ms = duration(' in offset, expected duration') * (negative ? -1 : 1);
        const target = e.kind === 'matrix' ? e.selector : e.kind === 'vector' ? e : undefined;
        if (!target) fail(t.pos, 'offset modifier must be preceded by an instant vector selector or range vector selector');
        if (target!.offsetMs !== 0) fail(t.pos, 'offset may not be set multiple times');
        target!.offsetMs = ms;
        continue;
      }
      return e;
    }
  };

  const unary = (): Expr => {
    const t = peek();
    if (isOp(t, '-') || isOp(t, '+')) {
      next();
      const operand = expression(POW_PREC);
      const type = typeOf(operand);
      if (type !== 'scalar' && type !== 'vector') fail(t.pos, `unary expression only allowed on expressions of type scalar or instant vector, got ${TYPE_NAMES[type]}`);
      if (operand.kind === 'number') return { kind: 'number', value: t.text === '-' ? -operand.value : operand.value, pos: t.pos };
      return { kind: 'unary', op: t.text as '-' | '+', expr: operand, pos: t.pos };
    }
    return postfix();
  };

  const modifiers = (op: BinaryOp): { returnBool: boolean; matching: VectorMatching; explicit: boolean } => {
    let returnBool = false;
    if (peek().kind === 'ident' && peek().text === 'bool') {
      if (!COMPARISON_OPS.has(op)) fail(peek().pos, 'bool modifier can only be used on comparison operators');
      next();
      returnBool = true;
    }
    const matching: VectorMatching = { card: SET_OPS.has(op) ? 'many-to-many' : 'one-to-one', on: false, labels: [], include: [] };
    let explicit = false;
    const kw = peek();
    if (kw.kind === 'ident' && (kw.text === 'on' || kw.text === 'ignoring')) {
      next();
      explicit = true;
      matching.on = kw.text === 'on';
      matching.labels = labelList(` in ${kw.text}`);
      const g = peek();
      if (g.kind === 'ident' && (g.text === 'group_left' || g.text === 'group_right')) {
        if (SET_OPS.has(op)) fail(g.pos, `no grouping allowed for "${op}" operation`);
        next();
        matching.card = g.text === 'group_left' ? 'many-to-one' : 'one-to-many';
        if (peek().kind === '(') matching.include = labelList(` in ${g.text}`);
      }
    }
    return { returnBool, matching, explicit };
  };

  let depth = 0;
  function expression(minPrec: number): Expr {
    // Deeply nested input would otherwise end in a stack overflow instead of a clear error.
    if (++depth > MAX_DEPTH) fail(peek().pos, 'expression nested too deeply');
    try {
      return binaryChain(minPrec);
    } finally {
      depth--;
    }
  }

  function binaryChain(minPrec: number): Expr {
    let lhs = unary();
    for (;;) {
      const t = peek();
      const op = binaryOpAt(t);
      if (!op) return lhs;
      const prec = PRECEDENCE[op]!;
      if (prec < minPrec) return lhs;
      next();
      const { returnBool, matching, explicit } = modifiers(op);
      const rhs = expression(op === '^' ? prec : prec + 1);
      lhs = checkBinary(op, lhs, rhs, returnBool, matching, explicit, t.pos);
    }
  }

  const checkBinary = (
    op: BinaryOp,
    lhs: Expr,
    rhs: Expr,
    returnBool: boolean,
    matching: VectorMatching,
    explicit: boolean,
    pos: number,
  ): Expr => {
    const lt = typeOf(lhs);
    const rt = typeOf(rhs);
    if ((lt !== 'scalar' && lt !== 'vector') || (rt !== 'scalar' && rt !== 'vector')) {
      fail(pos, 'binary expression must contain only scalar and instant vector types');
    }
    const bothVectors = lt === 'vector' && rt === 'vector';
    if (SET_OPS.has(op) && !bothVectors) fail(pos, `set operator "${op}" not allowed in binary scalar expression`);
    if (lt === 'scalar' && rt === 'scalar' && COMPARISON_OPS.has(op) && !returnBool) fail(pos, 'comparisons between scalars must use BOOL modifier');
    if (explicit && !bothVectors) fail(pos, 'vector matching only allowed between instant vectors');
    return { kind: 'binary', op, lhs, rhs, returnBool, matching: bothVectors ? matching : undefined, pos: lhs.pos };
  };

  if (peek().kind === 'eof') fail(0, 'no expression found in input');
  const root = expression(0);
  if (peek().kind !== 'eof') unexpected(peek());
  return root;
}
