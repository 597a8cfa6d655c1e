// Alertmanager's `filter` query parameter syntax, on top of the shared label matchers.
import { compileMatcher, LABEL_NAME, type LabelMatcher, type MatchType } from '../../labels/matchers.js';

export { anchoredRegex, compileMatcher, goRegex, LABEL_NAME, matchesAll, matchesValue, type LabelMatcher, type MatchType } from '../../labels/matchers.js';

const MATCHER_TEXT = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;

/** One `filter=` matcher such as `alertname="HighErrorRate"` or `severity=~crit.*` (quotes optional). */
export function parseMatcherText(text: string): LabelMatcher {
  const m = MATCHER_TEXT.exec(text);
  if (!m) throw new Error(`bad matcher format: ${text}`);
  let value = m[3] ?? '';
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      value = JSON.parse(value) as string;
    } catch {
      throw new Error(`bad matcher format: ${text}`);
    }
  }
  try {
    return compileMatcher(m[1]!, m[2] as MatchType, value);
  } catch (err) {
    throw new Error(`error parsing regexp: ${(err as Error).message}`);
  }
}
