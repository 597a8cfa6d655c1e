import { describe, expect, it } from 'vitest';
import { parseLogQL } from '../../../src/demo/logs/index.js';

describe('LogQL parser', () => {
  it('parses a stream selector with every matcher type and line filters with `or`', () => {
    const q = parseLogQL('{job="claude-tui", namespace=~"prod.*", pod!="x", container!~"istio-.*"} |= "ERROR" != "health" |~ `time(out|d out)` !~ "(?i)debug" |= "slow" or "timeout"');
    expect(q.selector.map((m) => [m.name, m.type, m.value])).toEqual([
      ['job', '=', 'claude-tui'],
      ['namespace', '=~', 'prod.*'],
      ['pod', '!=', 'x'],
      ['container', '!~', 'istio-.*'],
    ]);
    expect(q.stages.map((s) => (s.kind === 'line' ? [s.op, ...s.values] : [s.kind]))).toEqual([
      ['|=', 'ERROR'],
      ['!=', 'health'],
      ['|~', 'time(out|d out)'],
      ['!~', '(?i)debug'],
      ['|=', 'slow', 'timeout'],
    ]);
  });

  it('parses json/logfmt stages and label filters, and string escapes', () => {
    const q = parseLogQL('{app="a"} | json | level="error" |= "say \\"hi\\""');
    expect(q.stages.map((s) => s.kind)).toEqual(['json', 'label', 'line']);
    const last = q.stages[2]!;
    expect(last.kind === 'line' && last.values).toEqual(['say "hi"']);
  });

  it('reports syntax errors with line and column like Loki', () => {
    const cases: [string, string][] = [
      ['', 'parse error at line 1, col 1: syntax error: unexpected $end, expecting {'],
      ['job="x"', 'parse error at line 1, col 1: syntax error: unexpected IDENTIFIER, expecting {'],
      ['{job="x"', 'parse error at line 1, col 9: syntax error: unexpected $end, expecting , or }'],
      ['{job=x}', 'parse error at line 1, col 6: syntax error: unexpected IDENTIFIER, expecting STRING'],
      ['{job="x"} |= ', 'parse error at line 1, col 14: syntax error: unexpected $end, expecting STRING'],
      ['{job="x"} foo', 'parse error at line 1, col 11: syntax error: unexpected IDENTIFIER'],
      ['{job="x} ', 'parse error at line 1, col 6: literal not terminated'],
      ['{}', 'parse error at line 1, col 2: syntax error: unexpected }, expecting IDENTIFIER'],
    ];
    for (const [query, message] of cases) expect(() => parseLogQL(query), query).toThrow(message);
  });

  it('refuses selectors that match everything, and bad regexes', () => {
    expect(() => parseLogQL('{job=~".*"}')).toThrow(/queries require at least one regexp or equality matcher that does not have an empty-compatible value/);
    expect(() => parseLogQL('{job!="x"}')).toThrow(/empty-compatible/);
    expect(() => parseLogQL('{job=~"("}')).toThrow(/parse error at line 1, col 7: error parsing regexp/);
    expect(() => parseLogQL('{job="x"} |~ "("')).toThrow(/error parsing regexp/);
    expect(() => parseLogQL('{job=~".+"}')).not.toThrow();
  });
});
