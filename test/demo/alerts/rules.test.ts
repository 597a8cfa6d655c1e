import { describe, expect, it } from 'vitest';
import { createAlertRules } from '../../../src/demo/alerts/index.js';
import type { ServiceTraffic, WorldSnapshot } from '../../../src/demo/contracts.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const S = 1000;
const M = 60 * S;

const healthy: ServiceTraffic = {
  job: 'claude-tui',
  namespace: 'production',
  rps: 120,
  errorRatio: 0.0003,
  clientErrorRatio: 0.01,
  latencyP50: 0.09,
  latencyP99: 0.7,
  up: true,
};

function world(tMs: number, over: Partial<WorldSnapshot> = {}, traffic: Partial<ServiceTraffic> = {}): WorldSnapshot {
  return {
    tMs,
    traffic: [{ ...healthy, ...traffic }],
    pods: [],
    consensus: { leaderId: 'hive-mind-rust-0', leaderChangesLast10m: 0, healthyMembers: 3, members: 3 },
    database: { up: true },
    ...over,
  };
}

const names = (alerts: { labels: Record<string, string> }[]): string[] => alerts.map((a) => a.labels.alertname ?? '').sort();

describe('alert rules', () => {
  it('fires nothing for a healthy world', () => {
    const rules = createAlertRules();
    for (let t = T0; t <= T0 + 10 * M; t += 5 * S) expect(rules.evaluate(world(t))).toEqual([]);
  });

  it('ServiceDown stays pending for its 1m `for:` and resolves as soon as the target is back', () => {
    const rules = createAlertRules();
    expect(rules.evaluate(world(T0, {}, { up: false }))).toEqual([]);
    expect(rules.evaluate(world(T0 + 59 * S, {}, { up: false }))).toEqual([]);
    const firing = rules.evaluate(world(T0 + 60 * S, {}, { up: false }));
    expect(firing).toHaveLength(1);
    expect(firing[0]!.labels).toEqual({ alertname: 'ServiceDown', severity: 'critical', job: 'claude-tui', namespace: 'production' });
    expect(firing[0]!.startsAt).toBe(T0 + 60 * S);
    expect(firing[0]!.annotations.summary).toContain('claude-tui');
    // keeps its start while it keeps firing
    expect(rules.evaluate(world(T0 + 90 * S, {}, { up: false }))[0]!.startsAt).toBe(T0 + 60 * S);
    expect(rules.evaluate(world(T0 + 91 * S))).toEqual([]);
    // a new outage waits the full minute again
    expect(rules.evaluate(world(T0 + 92 * S, {}, { up: false }))).toEqual([]);
    expect(rules.evaluate(world(T0 + 92 * S + 59 * S, {}, { up: false }))).toEqual([]);
  });

  it('HighErrorRate needs more than 10% 5xx for 2 minutes', () => {
    const rules = createAlertRules();
    expect(rules.evaluate(world(T0, {}, { errorRatio: 0.25 }))).toEqual([]);
    expect(rules.evaluate(world(T0 + 119 * S, {}, { errorRatio: 0.25 }))).toEqual([]);
    const firing = rules.evaluate(world(T0 + 120 * S, {}, { errorRatio: 0.25 }));
    expect(names(firing)).toContain('HighErrorRate');
    expect(firing.find((a) => a.labels.alertname === 'HighErrorRate')!.labels.severity).toBe('critical');
    // exactly 10% is not above the threshold
    const other = createAlertRules();
    other.evaluate(world(T0, {}, { errorRatio: 0.1 }));
    expect(names(other.evaluate(world(T0 + 10 * M, {}, { errorRatio: 0.1 })))).not.toContain('HighErrorRate');
  });

  it('HighLatency uses the P95 of the log-normal through P50 and P99', () => {
    // P99 of 3s alone is not enough when the median is low: P95 = 0.3 * 10^(1.645/2.326) ~ 1.53s
    const low = createAlertRules();
    low.evaluate(world(T0, {}, { latencyP50: 0.3, latencyP99: 3 }));
    expect(low.evaluate(world(T0 + 6 * M, {}, { latencyP50: 0.3, latencyP99: 3 }))).toEqual([]);
    // P95 = 1 * 4^0.707 ~ 2.66s, above 2s: fires after 5 minutes, as a warning
    const high = createAlertRules();
    expect(high.evaluate(world(T0, {}, { latencyP50: 1, latencyP99: 4 }))).toEqual([]);
    expect(high.evaluate(world(T0 + 4 * M, {}, { latencyP50: 1, latencyP99: 4 }))).toEqual([]);
    const firing = high.evaluate(world(T0 + 5 * M, {}, { latencyP50: 1, latencyP99: 4 }));
    expect(firing.map((a) => [a.labels.alertname, a.labels.severity])).toEqual([['HighLatency', 'warning']]);
    expect(firing[0]!.annotations.description).toMatch(/2\.6\ds/);
  });

  it('a down target raises ServiceDown only, not the traffic rules', () => {
    const rules = createAlertRules();
    rules.evaluate(world(T0, {}, { up: false, errorRatio: 1, latencyP50: 5, latencyP99: 9 }));
    expect(names(rules.evaluate(world(T0 + 10 * M, {}, { up: false, errorRatio: 1, latencyP50: 5, latencyP99: 9 })))).toEqual(['ServiceDown']);
  });

  it('per-pod rules carry the pod label and their own durations', () => {
    const pod = (name: string, over: Partial<WorldSnapshot['pods'][number]>) => ({
      namespace: 'production',
      name,
      deployment: 'claude-tui',
      status: 'Running',
      ready: true,
      memoryRatio: 0.4,
      cpuRatio: 0.3,
      ...over,
    });
    const pods = [pod('claude-tui-a', { memoryRatio: 0.9 }), pod('claude-tui-b', { cpuRatio: 0.95 }), pod('claude-tui-c', { status: 'CrashLoopBackOff', ready: false })];
    const rules = createAlertRules();
    expect(rules.evaluate(world(T0, { pods }))).toEqual([]);
    expect(names(rules.evaluate(world(T0 + 1 * M, { pods })))).toEqual(['PodCrashLooping']);
    const later = rules.evaluate(world(T0 + 5 * M, { pods }));
    expect(later.map((a) => `${a.labels.alertname}/${a.labels.pod}`).sort()).toEqual([
      'HighCPUUsage/claude-tui-b',
      'HighMemoryUsage/claude-tui-a',
      'PodCrashLooping/claude-tui-c',
    ]);
    expect(later.every((a) => a.labels.namespace === 'production' && a.labels.job === 'claude-tui')).toBe(true);
    // a pod that disappears takes its alerts with it
    expect(names(rules.evaluate(world(T0 + 6 * M, { pods: pods.slice(0, 1) })))).toEqual(['HighMemoryUsage']);
  });

  it('PodCrashLooping keeps firing through the seconds a looping container runs between back-offs', () => {
    const pod = (status: string) => ({ namespace: 'production', name: 'claude-tui-c', deployment: 'claude-tui', status, ready: false, memoryRatio: 0.4, cpuRatio: 0.3 });
    const rules = createAlertRules();
    const at = (t: number, status: string) => names(rules.evaluate(world(t, { pods: [pod(status)] })));
    expect(at(T0, 'CrashLoopBackOff')).toEqual([]);
    expect(at(T0 + 1 * M, 'CrashLoopBackOff')).toEqual(['PodCrashLooping']);
    // back-off over: the container starts, runs a few seconds and fails again
    expect(at(T0 + 5 * M, 'Running')).toEqual(['PodCrashLooping']);
    expect(at(T0 + 5 * M + 5 * S, 'Error')).toEqual(['PodCrashLooping']);
    expect(at(T0 + 5 * M + 10 * S, 'CrashLoopBackOff')).toEqual(['PodCrashLooping']);
    // healed: running for more than 5 minutes since the last back-off
    expect(at(T0 + 10 * M + 11 * S, 'Running')).toEqual([]);
  });

  it('PostgreSQLDown and ConsensusNoLeader wait 30s; leader flapping fires at once from 3 changes', () => {
    const rules = createAlertRules();
    const bad = { database: { up: false }, consensus: { leaderId: null, leaderChangesLast10m: 2, healthyMembers: 1, members: 3 } };
    expect(rules.evaluate(world(T0, bad))).toEqual([]);
    expect(rules.evaluate(world(T0 + 29 * S, bad))).toEqual([]);
    const firing = rules.evaluate(world(T0 + 30 * S, bad));
    expect(names(firing)).toEqual(['ConsensusNoLeader', 'PostgreSQLDown']);
    expect(firing.find((a) => a.labels.alertname === 'ConsensusNoLeader')!.annotations.description).toContain('1/3 members healthy');

    const flap = createAlertRules();
    const flapping = { consensus: { leaderId: 'hive-mind-rust-1', leaderChangesLast10m: 3, healthyMembers: 3, members: 3 } };
    const now = flap.evaluate(world(T0, flapping));
    expect(now.map((a) => [a.labels.alertname, a.labels.severity])).toEqual([['ConsensusLeaderFlapping', 'warning']]);
  });

  it('honours `for:` across back-fill sized steps', () => {
    const rules = createAlertRules();
    expect(rules.evaluate(world(T0, {}, { errorRatio: 0.5 }))).toEqual([]);
    expect(names(rules.evaluate(world(T0 + 5 * M, {}, { errorRatio: 0.5 })))).toContain('HighErrorRate');
  });

  it('pages on a fast error-budget burn sustained over both windows', () => {
    const rules = createAlertRules();
    let last: string[] = [];
    // 5% errors: 50x the 0.1% budget, under the 10% HighErrorRate threshold
    for (let t = T0; t <= T0 + 20 * M; t += 10 * S) last = names(rules.evaluate(world(t, {}, { errorRatio: 0.05 })));
    expect(last).toEqual(['SLOErrorBudgetBurn']);
  });
});
