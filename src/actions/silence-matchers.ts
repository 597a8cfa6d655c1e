// Silence matchers as Alertmanager applies them (=, !=, =~, !~; regexes anchored at both ends; a missing
// label matches as ""), so the modal's preview lists exactly the alerts the silence will mute.
import { compileMatcher, LABEL_NAME, matchesValue, type LabelMatcher } from '../labels/matchers.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { SilenceMatcher } from '../state/actions.js';

/** The labels that say which thing is alerting; severity, summary-like labels and the like are left out. */
export const IDENTIFYING_LABELS = ['alertname', 'job', 'namespace', 'pod', 'service', 'instance'];

export function defaultMatchers(alertname: string, labels: Record<string, string>): SilenceMatcher[] {
  const values: Record<string, string> = { ...labels, alertname };
  return IDENTIFYING_LABELS.filter((n) => values[n] !== undefined && values[n] !== '').map((name) => ({
    name,
    value: values[name]!,
    isRegex: false,
    isEqual: true,
  }));
}


/** Compile every matcher, or say which one is wrong. */
export function compileMatchers(matchers: readonly SilenceMatcher[]): { test: (labels: Record<string, string>) => boolean } | { error: string } {
  if (matchers.length === 0) return { error: 'a silence needs at least one matcher' };
  const compiled: ((labels: Record<string, string>) => boolean)[] = [];
  for (const m of matchers) {
    if (!LABEL_NAME.test(m.name)) return { error: `invalid label name "${sanitizeLine(m.name, 128)}" in a matcher` };
    let matcher: LabelMatcher;
    try {
      matcher = compileMatcher(m.name, m.isRegex ? (m.isEqual ? '=~' : '!~') : m.isEqual ? '=' : '!=', m.value);
    } catch (err) {
      return { error: `matcher ${m.name}: invalid regular expression: ${sanitizeLine((err as Error).message, 200)}` };
    }
    compiled.push((l) => matchesValue(matcher, l[m.name]));
  }
  // Alertmanager refuses a silence whose matchers all match the empty string: it would mute everything
  if (compiled.every((f) => f({}))) return { error: 'at least one matcher must not match the empty string' };
  return { test: (labels) => compiled.every((f) => f(labels)) };
}

export const matcherText = (m: SilenceMatcher): string =>
  `${m.name}${m.isRegex ? (m.isEqual ? '=~' : '!~') : m.isEqual ? '=' : '!='}${JSON.stringify(m.value)}`;
