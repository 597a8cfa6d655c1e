// The simulator's Alertmanager inhibit rules: when a service is down, its error-rate and latency alerts are
// consequences, not news; when there is no leader at all, "leader flapping" adds nothing.
import { compileMatcher, matchesAll, type LabelMatcher } from './matchers.js';

export interface InhibitRule {
  source: LabelMatcher[];
  target: LabelMatcher[];
  equal: string[];
}

export const INHIBIT_RULES: InhibitRule[] = [
  {
    source: [compileMatcher('alertname', '=', 'ServiceDown')],
    target: [compileMatcher('alertname', '=~', 'HighErrorRate|HighLatency|SLOErrorBudgetBurn')],
    equal: ['job', 'namespace'],
  },
  {
    source: [compileMatcher('alertname', '=', 'ConsensusNoLeader')],
    target: [compileMatcher('alertname', '=', 'ConsensusLeaderFlapping')],
    equal: ['job', 'namespace'],
  },
];

export const INHIBIT_CONFIG_YAML = `inhibit_rules:
- source_matchers: ['alertname="ServiceDown"']
  target_matchers: ['alertname=~"HighErrorRate|HighLatency|SLOErrorBudgetBurn"']
  equal: [job, namespace]
- source_matchers: ['alertname="ConsensusNoLeader"']
  target_matchers: ['alertname="ConsensusLeaderFlapping"']
  equal: [job, namespace]
`;

export interface Inhibitable {
  fingerprint: string;
  labels: Record<string, string>;
}

/** Fingerprints of the firing alerts that inhibit `target`. */
export function inhibitedBy(target: Inhibitable, firing: readonly Inhibitable[]): string[] {
  const out = new Set<string>();
  for (const rule of INHIBIT_RULES) {
    if (!matchesAll(rule.target, target.labels)) continue;
    for (const source of firing) {
      if (source.fingerprint === target.fingerprint || !matchesAll(rule.source, source.labels)) continue;
      if (rule.equal.every((l) => (source.labels[l] ?? '') === (target.labels[l] ?? ''))) out.add(source.fingerprint);
    }
  }
  return [...out].sort();
}
