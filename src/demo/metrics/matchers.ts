// Label matchers as Prometheus applies them: a missing label has the empty value, regexes are fully anchored.
import type { Labels } from './labels.js';

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
  /** compiled, anchored regex for =~ and !~ */
  re?: RegExp;
}

/** Throws SyntaxError when the regex does not compile. */
export function makeMatcher(name: string, op: MatchOp, value: string): Matcher {
  if (op === '=~' || op === '!~') {
    // JS has no inline flags; accept the common Go-style `(?i)` prefix as the i flag.
    const insensitive = value.startsWith('(?i)');
    const body = insensitive ? value.slice(4) : value;
    return { name, op, value, re: new RegExp(`^(?:${body})$`, insensitive ? 'i' : '') };
  }
  return { name, op, value };
}

export function matches(m: Matcher, labels: Labels): boolean {
  const actual = labels[m.name] ?? '';
  switch (m.op) {
    case '=':
      return actual === m.value;
    case '!=':
      return actual !== m.value;
    case '=~':
      return m.re!.test(actual);
    case '!~':
      return !m.re!.test(actual);
  }
}

export function matchesAll(ms: readonly Matcher[], labels: Labels): boolean {
  for (const m of ms) if (!matches(m, labels)) return false;
  return true;
}
