import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/demo/metrics/promql/parser.js';
import { PromqlParseError } from '../../../src/demo/metrics/promql/errors.js';
import type { Expr } from '../../../src/demo/metrics/promql/ast.js';

/** Compact rendering of the tree, so tests can state the grouping the parser chose. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'vector':
      return `${e.name ?? ''}{${e.matchers
        .filter((m) => m.name !== '__name__' || e.name === undefined)
        .map((m) => `${m.name}${m.type}"${m.value}"`)
        .join(',')}}${e.offsetMs ? ` offset ${e.offsetMs}` : ''}`;
    case 'matrix':
      return `${show(e.selector)}[${e.rangeMs}]`;
    case 'call':
      return `${e.func}(${e.args.map(show).join(', ')})`;
    case 'aggregate':
      return `${e.op} ${e.without ? 'without' : 'by'} (${e.grouping.join(',')}) (${e.param ? `${show(e.param)}, ` : ''}${show(e.expr)})`;
    case 'binary':
      return `(${show(e.lhs)} ${e.op}${e.returnBool ? ' bool' : ''} ${show(e.rhs)})`;
    case 'unary':
      return `(${e.op}${show(e.expr)})`;
    case 'paren':
      return show(e.expr);
  }
}

const parsed = (q: string) => show(parse(q));

function parseError(q: string): PromqlParseError {
  try {
    parse(q);
  } catch (err) {
    if (err instanceof PromqlParseError) return err;
    throw err;
  }
  throw new Error(`expected ${q} to fail`);
}

describe('PromQL parser', () => {
  it('applies Prometheus operator precedence and associativity', () => {
    expect(parsed('1 + 2 * 3')).toBe('(1 + (2 * 3))');
    expect(parsed('1 - 2 - 3')).toBe('((1 - 2) - 3)');
    expect(parsed('2 ^ 3 ^ 2')).toBe('(2 ^ (3 ^ 2))');
    expect(parsed('a > 1 and b or c')).toBe('(((a{} > 1) and b{}) or c{})');
    expect(parsed('(1 + 2) * 3')).toBe('((1 + 2) * 3)');
    expect(parsed('1 - x / y')).toBe('(1 - (x{} / y{}))');
  });

  it('binds unary minus looser than ^ but tighter than *', () => {
    expect(parsed('-2 ^ 2')).toBe('(-(2 ^ 2))');
    expect(parsed('-x * 2')).toBe('((-x{}) * 2)');
    expect(parsed('-1')).toBe('-1');
  });

  it('reads by/without before or after the aggregated expression', () => {
    expect(parsed('sum by (le) (rate(x[5m]))')).toBe('sum by (le) (rate(x{}[300000]))');
    expect(parsed('sum(rate(x[5m])) by (le, job)')).toBe('sum by (le,job) (rate(x{}[300000]))');
    expect(parsed('avg without (instance) (up)')).toBe('avg without (instance) (up{})');
    expect(parsed('topk(3, x)')).toBe('topk by () (3, x{})');
  });

  it('parses all four matcher operators, quoting styles and range units', () => {
    expect(parsed(`x{a="1", b!='2', c=~"5..", d!~\`x|y\`,}`)).toBe('x{a="1",b!="2",c=~"5..",d!~"x|y"}');
    expect(parsed('{__name__="up"}')).toBe('{__name__="up"}');
    expect(parsed('x[30s]')).toBe('x{}[30000]');
    expect(parsed('x[1h30m]')).toBe('x{}[5400000]');
    expect(parsed('x[30d]')).toBe('x{}[2592000000]');
    expect(parsed('x[1w]')).toBe('x{}[604800000]');
    expect(parsed('x offset 5m')).toBe('x{} offset 300000');
  });

  it('parses bool, on/ignoring and group_left modifiers', () => {
    const e = parse('a / on(job) group_left(team) b');
    expect(e.kind === 'binary' && e.matching).toEqual({ card: 'many-to-one', on: true, labels: ['job'], include: ['team'] });
    expect(parsed('x > bool 1')).toBe('(x{} > bool 1)');
  });

  it('parses every string escape and the number forms', () => {
    expect(parsed('x{a="tab\\there\\"q\\""}')).toBe('x{a="tab\there"q""}');
    expect(parsed('0x10 + 1e3 + .5')).toBe('((16 + 1000) + 0.5)');
    expect(parse('Inf').kind === 'number' && (parse('Inf') as { value: number }).value).toBe(Infinity);
  });

  it('names the position of a parse error like Prometheus (line:column)', () => {
    expect(parseError('sum(rate(x[5m])').message).toBe('1:16: parse error: unexpected end of input in aggregation, expected ")"');
    expect(parseError('rate(x)').message).toBe('1:6: parse error: expected type range vector in call to function "rate", got instant vector');
    expect(parseError('x{a=1}').message).toMatch(/^1:5: parse error: unexpected "1" in label matching, expected string/);
    expect(parseError('foo(x)').message).toBe('1:1: parse error: unknown function with name "foo"');
    expect(parseError('x[5]').message).toMatch(/^1:3: parse error: unexpected "5"/);
    expect(parseError('').message).toBe('1:1: parse error: no expression found in input');
    expect(parseError('x +\n  )').message).toMatch(/^2:3: parse error: unexpected "\)"/);
  });

  it('rejects what Prometheus rejects', () => {
    expect(parseError('{}').message).toMatch(/at least one non-empty matcher/);
    expect(parseError('{a=~".*"}').message).toMatch(/at least one non-empty matcher/);
    expect(parseError('1 > 2').message).toMatch(/comparisons between scalars must use BOOL modifier/);
    expect(parseError('1 and 2').message).toMatch(/set operator "and" not allowed/);
    expect(parseError('x{a=~"("}').message).toMatch(/invalid regular expression/);
    expect(parseError('sum(x[5m])').message).toMatch(/expected type instant vector in aggregation expression, got range vector/);
    expect(parseError('histogram_quantile(0.9)').message).toMatch(/expected 2 argument\(s\) in call to "histogram_quantile", got 1/);
    expect(parseError('x y').message).toMatch(/unexpected "y"/);
    expect(parseError('rate(x[5m:1m])').message).toMatch(/subqueries are not supported/);
    expect(parseError('('.repeat(5000) + '1' + ')'.repeat(5000)).message).toMatch(/nested too deeply/);
  });
});
