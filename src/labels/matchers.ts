// Label matchers as Alertmanager and Prometheus read them: =, !=, =~, !~ with regexes anchored at both ends
// and a missing label matching as "". One implementation for everything that matches labels (the silence
// preview, the simulator's PromQL, silences, inhibition and LogQL), so they all agree on what matches.

export type MatchType = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  name: string;
  type: MatchType;
  value: string;
  /** compiled for =~ and !~ */
  re: RegExp | null;
}

export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * A Go (RE2) regex in V8: a leading `(?i)` (common in Go regexes, unknown to V8 before Node 23) becomes the
 * i flag. Anchored at both ends as Prometheus label matchers are, unless `anchored` is false (line filters).
 * Throws with the engine's message when the pattern does not compile.
 */
export function goRegex(pattern: string, anchored = true): RegExp {
  let body = pattern;
  let flags = '';
  if (body.startsWith('(?i)')) {
    body = body.slice(4);
    flags = 'i';
  }
  return new RegExp(anchored ? `^(?:${body})$` : body, flags);
}

export const anchoredRegex = (pattern: string): RegExp => goRegex(pattern, true);

export function compileMatcher(name: string, type: MatchType, value: string): LabelMatcher {
  const re = type === '=~' || type === '!~' ? anchoredRegex(value) : null;
  return { name, type, value, re };
}

/** A missing label matches as the empty string, as in Prometheus. */
export function matchesValue(m: LabelMatcher, actual: string | undefined): boolean {
  const v = actual ?? '';
  switch (m.type) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return m.re!.test(v);
    case '!~':
      return !m.re!.test(v);
  }
}

export function matchesAll(matchers: readonly LabelMatcher[], labels: Record<string, string>): boolean {
  for (const m of matchers) if (!matchesValue(m, labels[m.name])) return false;
  return true;
}
