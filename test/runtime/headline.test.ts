import { describe, expect, it } from 'vitest';
import { headlineOf } from '../../src/runtime/headline.js';
import type { AlertGroup, AppState, KubeData, SloValue } from '../../src/state/types.js';
import { failed, hiveAlertGroups, hiveConsensus, hiveSlos, hiveState, loading, NOW, ok, pod, unconfigured } from '../views/fixtures.js';

const MIN = 60_000;
const STALE_AFTER = MIN;

const okSlos = (): SloValue[] => hiveSlos().map((s) => ({ ...s, status: 'ok', burnRate: s.burnRate === null ? null : 0.2 }));
const healthyPods = () => [0, 1, 2].map((i) => pod({ namespace: 'production', name: `api-${i}` }));
const kube = (pods = healthyPods(), watch: 'live' | 'reconnecting' = 'live', updatedAt = NOW - 3000) =>
  ok({ pods, deployments: [], context: 'c', cluster: 'c', watch }, updatedAt);

/** Nothing wrong anywhere: every source fresh, all SLOs ok, no alerts, a leader. */
function calm(overrides: Partial<AppState> = {}): AppState {
  return hiveState({ kube: kube(), slos: ok(okSlos()), alerts: ok({ groups: [], silences: [] }), consensus: ok(hiveConsensus()), ...overrides });
}

const alerts = (...groups: AlertGroup[]) => ok({ groups, silences: [] });
const group = (severity: string, silenced = false): AlertGroup => {
  const g = hiveAlertGroups().find((x) => x.severity === (severity === 'high' ? 'critical' : severity))!;
  return { ...g, severity, alerts: g.alerts.slice(0, 1).map((a) => ({ ...a, severity, silencedBy: silenced ? ['s1'] : [], state: silenced ? 'suppressed' : 'active' })) };
};

const at = (state: AppState) => headlineOf(state, NOW, STALE_AFTER);

describe('headline level', () => {
  it('is OK when nothing is wrong, with the age of the oldest source', () => {
    const h = at(calm());
    expect(h.level).toBe('OK');
    expect(h.reasons).toEqual([]);
    expect(h.firing).toEqual({ critical: 0, warning: 0, stale: false });
    expect(h.leader).toMatchObject({ name: 'hive-mind-rust-1', term: 42, hasQuorum: true });
    // the live pod watch counts as fresh; the polled sources are 3s old
    expect(h.dataAgeMs).toBe(3000);
  });

  it('is CRITICAL during the fixture incident, counting only unsilenced alerts', () => {
    const h = at(hiveState());
    expect(h.level).toBe('CRITICAL');
    // ServiceDown critical, HighMemoryUsage warning; the two ClaudeTUIHighLatency alerts are silenced
    expect(h.firing).toEqual({ critical: 1, warning: 1, stale: false });
    expect(h.worstSlo?.slo.name).toBe('Availability');
    expect(h.worstSlo?.breaching).toBe(2);
    expect(h.pods).toEqual({ failing: 2, total: 10, stale: false });
    expect(h.reasons.slice(0, 2)).toEqual(['1 critical alert firing', 'SLO Availability critical']);
  });

  it.each([
    ['a critical alert', { alerts: alerts(group('critical')) }],
    ['a high-severity alert', { alerts: alerts(group('high')) }],
    ['a critical SLO', { slos: ok(okSlos().map((s, i) => (i === 0 ? { ...s, status: 'critical' as const } : s))) }],
    ['no consensus leader', { consensus: ok(hiveConsensus(false)) }],
  ])('is CRITICAL for %s alone', (_what, patch: Partial<AppState>) => {
    expect(at(calm(patch)).level).toBe('CRITICAL');
  });

  it.each([
    ['a warning alert', { alerts: alerts(group('warning')) }],
    ['a warning SLO', { slos: ok(okSlos().map((s, i) => (i === 3 ? { ...s, status: 'warning' as const } : s))) }],
    ['a crash-looping pod', { kube: kube([...healthyPods(), pod({ namespace: 'production', name: 'api-x', status: 'CrashLoopBackOff', ready: 0 })]) }],
  ])('is DEGRADED for %s alone', (_what, patch: Partial<AppState>) => {
    const h = at(calm(patch));
    expect(h.level).toBe('DEGRADED');
    expect(h.reasons).toHaveLength(1);
  });

  it('ignores a silenced critical alert', () => {
    const h = at(calm({ alerts: alerts(group('critical', true)) }));
    expect(h.level).toBe('OK');
    expect(h.firing).toMatchObject({ critical: 0, warning: 0 });
  });

  it('names the consensus leader by member name and reports none when there is no leader', () => {
    expect(at(calm()).leader?.name).toBe('hive-mind-rust-1');
    expect(at(calm({ consensus: ok(hiveConsensus(false)) })).leader).toMatchObject({ name: null, hasQuorum: false, unhealthy: 2 });
  });

  it('picks the worst SLO: critical before warning, then the fastest burn', () => {
    const slos: SloValue[] = okSlos().map((s) => ({ ...s, status: 'warning' }));
    slos[2] = { ...slos[2]!, burnRate: 9 };
    expect(at(calm({ slos: ok(slos) })).worstSlo?.slo.name).toBe(slos[2]!.name);
    slos[1] = { ...slos[1]!, status: 'critical' };
    expect(at(calm({ slos: ok(slos) })).worstSlo?.slo.name).toBe(slos[1]!.name);
  });
});

describe('headline staleness', () => {
  it('turns STALE when a source has not updated for longer than the threshold, keeping what it last knew', () => {
    const h = at(hiveState({ slos: ok(hiveSlos(), NOW - 2 * MIN) }));
    expect(h.level).toBe('STALE');
    expect(h.lastKnown).toBe('CRITICAL');
    expect(h.staleSources).toEqual([{ key: 'slos', ageMs: 2 * MIN, waiting: false, error: null }]);
    expect(h.dataAgeMs).toBe(2 * MIN);
    // the frozen SLO is still reported, flagged; the fresh alerts are not
    expect(h.worstSlo?.stale).toBe(true);
    expect(h.firing?.stale).toBe(false);
  });

  it('stays live just under the threshold', () => {
    expect(at(calm({ slos: ok(okSlos(), NOW - STALE_AFTER) })).level).toBe('OK');
  });

  it('does not turn STALE on an error while the last good data is recent, but does once it is old', () => {
    expect(at(calm({ alerts: failed({ groups: [], silences: [] }, 'alertmanager: timeout', NOW - 10_000) })).level).toBe('OK');
    const h = at(calm({ alerts: failed({ groups: [], silences: [] }, 'alertmanager: timeout', NOW - 5 * MIN) }));
    expect(h.level).toBe('STALE');
    expect(h.staleSources[0]).toMatchObject({ key: 'alerts', error: 'alertmanager: timeout' });
  });

  it('trusts a live pod watch however long the cluster has been quiet, but not a reconnecting one', () => {
    expect(at(calm({ kube: kube(healthyPods(), 'live', NOW - 30 * MIN) })).level).toBe('OK');
    const h = at(calm({ kube: kube(healthyPods(), 'reconnecting', NOW - 30 * MIN) }));
    expect(h.level).toBe('STALE');
    expect(h.pods?.stale).toBe(true);
  });

  it('never says OK for a source that has not answered yet, and ages it from the session start', () => {
    const fresh = calm({ meta: { ...calm().meta, startedAt: NOW - 5000 }, slos: loading() });
    expect(at(fresh).level).toBe('STALE');
    expect(at(fresh).staleSources).toEqual([{ key: 'slos', ageMs: 5000, waiting: true, error: null }]);
    const h = at(calm({ slos: loading() }));
    expect(h.level).toBe('STALE');
    expect(h.staleSources).toEqual([{ key: 'slos', ageMs: 10 * MIN, waiting: true, error: null }]);
    expect(at(calm({ kube: failed<KubeData>(null, 'no kubeconfig', null) })).staleSources[0]).toMatchObject({ key: 'kube', waiting: true });
  });

  it('ignores sources the config leaves out, and the log stream', () => {
    const h = at(calm({ latency: unconfigured(), logErrors: unconfigured(), logs: ok(hiveState().logs.data!, NOW - 30 * MIN) }));
    expect(h.level).toBe('OK');
    expect(h.staleSources).toEqual([]);
    const none = at(calm({ kube: unconfigured(), slos: unconfigured(), latency: unconfigured(), alerts: unconfigured(), consensus: unconfigured(), logErrors: unconfigured() }));
    expect(none.dataAgeMs).toBeNull();
    expect(none.worstSlo).toBeNull();
  });

  it('lists stale sources oldest first', () => {
    const h = at(calm({ slos: ok(okSlos(), NOW - 2 * MIN), consensus: ok(hiveConsensus(), NOW - 7 * MIN) }));
    expect(h.staleSources.map((s) => s.key)).toEqual(['consensus', 'slos']);
  });
});
