// The simulator's PromQL uses the shared label matchers (src/labels/matchers.ts).
export { compileMatcher as makeMatcher, matchesAll, matchesValue, type LabelMatcher as Matcher, type MatchType as MatchOp } from '../../labels/matchers.js';
import { matchesValue, type LabelMatcher } from '../../labels/matchers.js';
import type { Labels } from './labels.js';

export const matches = (m: LabelMatcher, labels: Labels): boolean => matchesValue(m, labels[m.name]);
