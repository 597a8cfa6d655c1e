// Realistic Hive Mind state for view tests: an incident in progress (a CrashLoopBackOff coordinator,
// an availability breach, alerts firing, a 3-node raft cluster, logs from hive-mind-rust).
import { initialUi } from '../../src/runtime/reduce.js';
import type {
  AlertGroup,
  AlertInfo,
  AppState,
  ConsensusData,
  LatencyData,
  LogLine,
  PodInfo,
  SloValue,
  SourceState,
} from '../../src/state/types.js';

export const NOW = Date.UTC(2025, 10, 22, 14, 30, 0);
const MIN = 60_000;

export const ok = <T>(data: T, updatedAt = NOW - 3000): SourceState<T> => ({ data, error: null, updatedAt, loading: false });
export const loading = <T>(): SourceState<T> => ({ data: null, error: null, updatedAt: null, loading: true });
export const unconfigured = <T>(): SourceState<T> => ({ data: null, error: null, updatedAt: null, loading: false });
export const failed = <T,>(data: T | null, error: string, updatedAt: number | null = NOW - 2 * MIN): SourceState<T> => ({
  data,
  error,
  updatedAt,
  loading: false,
});

let uid = 0;
export function pod(p: Partial<PodInfo> & Pick<PodInfo, 'namespace' | 'name'>): PodInfo {
  uid += 1;
  return {
    uid: `uid-${uid}`,
    phase: 'Running',
    status: 'Running',
    ready: 1,
    total: 1,
    restarts: 0,
    createdAt: NOW - 3 * 24 * 60 * MIN,
    node: 'gke-hive-pool-1-a1b2',
    owner: null,
    ownerKind: 'ReplicaSet',
    labels: {},
    ...p,
  };
}

export function hivePods(): PodInfo[] {
  const pods: PodInfo[] = [];
  for (let i = 0; i < 3; i++) {
    pods.push(
      pod({
        namespace: 'hive-mind-production',
        name: `hive-mind-rust-7d9f8b6c4-${['x2kqp', 'm8zrt', 'p4wvn'][i]}`,
        owner: 'hive-mind-rust',
        node: `gke-hive-pool-1-node-${i}`,
        labels: { app: 'hive-mind-rust' },
      }),
    );
  }
  pods.push(
    pod({
      namespace: 'hive-mind-production',
      name: 'hive-mind-coordinator-5c6d7f8-qq7tn',
      status: 'CrashLoopBackOff',
      ready: 0,
      restarts: 17,
      owner: 'hive-mind-coordinator',
      createdAt: NOW - 45 * MIN,
    }),
    pod({ namespace: 'hive-mind-production', name: 'hive-mind-coordinator-5c6d7f8-ab12c', owner: 'hive-mind-coordinator' }),
    pod({ namespace: 'production', name: 'claude-tui-6b8c9d7f5-4kx9z', owner: 'claude-tui', ready: 2, total: 2 }),
    pod({ namespace: 'production', name: 'claude-tui-6b8c9d7f5-h7j2m', owner: 'claude-tui', ready: 2, total: 2 }),
    pod({ namespace: 'production', name: 'claude-tui-6b8c9d7f5-zz01q', owner: 'claude-tui', status: 'Error', phase: 'Running', ready: 0, total: 2, restarts: 3 }),
    pod({ namespace: 'database', name: 'postgresql-0', owner: 'postgresql', ownerKind: 'StatefulSet' }),
    pod({ namespace: 'production', name: 'claude-tui-6b8c9d7f5-new01', status: 'ContainerCreating', phase: 'Pending', ready: 0, createdAt: NOW - 20_000 }),
  );
  return pods;
}

export function hiveSlos(): SloValue[] {
  return [
    { id: 'availability', name: 'Availability', unit: 'percent', value: 0.9912, target: 0.999, comparator: '>=', budgetRemaining: -0.35, burnRate: 8.8, status: 'critical' },
    { id: 'latency', name: 'Latency P99', unit: 'seconds', value: 1.42, target: 2, comparator: '<=', budgetRemaining: 0.81, burnRate: 0.6, status: 'ok' },
    { id: 'throughput', name: 'Throughput', unit: 'rps', value: 153.2, target: 100, comparator: '>=', budgetRemaining: null, burnRate: null, status: 'ok' },
    { id: 'errors', name: 'Error rate', unit: 'percent', value: 0.0005, target: 0.001, comparator: '<=', budgetRemaining: 0.72, burnRate: 1.3, status: 'warning' },
  ];
}

function alert(a: Partial<AlertInfo> & Pick<AlertInfo, 'alertname' | 'severity'>): AlertInfo {
  return {
    fingerprint: `fp-${a.alertname}-${Math.random().toString(16).slice(2, 8)}`,
    state: 'active',
    silencedBy: [],
    inhibitedBy: [],
    startsAt: NOW - 12 * MIN,
    labels: { namespace: 'hive-mind-production' },
    summary: '',
    description: '',
    ...a,
  };
}

export function hiveAlertGroups(): AlertGroup[] {
  return [
    {
      alertname: 'HighMemoryUsage',
      severity: 'warning',
      alerts: [alert({ alertname: 'HighMemoryUsage', severity: 'warning', summary: 'Memory usage above 85% on hive-mind-rust', startsAt: NOW - 40 * MIN })],
    },
    {
      alertname: 'ServiceDown',
      severity: 'critical',
      alerts: [
        alert({
          alertname: 'ServiceDown',
          severity: 'critical',
          summary: 'hive-mind-coordinator is not responding (up == 0)',
          labels: { namespace: 'hive-mind-production', deployment: 'hive-mind-coordinator' },
        }),
      ],
    },
    {
      alertname: 'ClaudeTUIHighLatency',
      severity: 'warning',
      alerts: [
        alert({ alertname: 'ClaudeTUIHighLatency', severity: 'warning', state: 'suppressed', silencedBy: ['silence-1'], summary: 'P95 latency above 2s', labels: { namespace: 'production' } }),
        alert({ alertname: 'ClaudeTUIHighLatency', severity: 'warning', state: 'suppressed', silencedBy: ['silence-1'], summary: 'P95 latency above 2s', labels: { namespace: 'production' } }),
      ],
    },
  ];
}

export function hiveLatency(p99Last = 2.31): LatencyData {
  const t0 = Math.floor(NOW / 1000) - 60 * 30;
  const series = (f: (i: number) => number) => Array.from({ length: 60 }, (_, i) => [t0 + i * 30, f(i)] as [number, number]);
  return {
    p50: series((i) => 0.12 + 0.02 * Math.sin(i / 5)),
    p95: series((i) => 0.8 + 0.1 * Math.sin(i / 7) + (i > 45 ? 0.5 : 0)),
    p99: series((i) => (i === 59 ? p99Last : 1.2 + 0.2 * Math.sin(i / 4) + (i > 45 ? 0.8 : 0))),
    thresholdSeconds: 2,
  };
}

export function hiveConsensus(hasQuorum = true): ConsensusData {
  const members = [0, 1, 2].map((i) => ({
    id: String(1000 + i),
    name: `hive-mind-rust-${i}`,
    endpoint: `http://hive-mind-rust-${i}.hive-mind-rust:8091`,
    healthy: hasQuorum || i === 0,
    isLeader: i === 1 && hasQuorum,
    term: 42,
    commitIndex: 918_273 - i,
    appliedIndex: 918_270 - i,
    error: hasQuorum || i === 0 ? null : 'connection refused',
  }));
  return {
    kind: 'http',
    members,
    leaderId: hasQuorum ? '1001' : null,
    term: 42,
    leaderChanges: 3,
    lastLeaderChangeAt: NOW - 8 * MIN,
    hasQuorum,
  };
}

export function hiveLogLines(n = 30): LogLine[] {
  const pods = ['hive-mind-rust-7d9f8b6c4-x2kqp', 'hive-mind-rust-7d9f8b6c4-m8zrt', 'hive-mind-rust-7d9f8b6c4-p4wvn'];
  const levels = ['info', 'info', 'warn', 'error', 'debug'] as const;
  return Array.from({ length: n }, (_, i) => {
    const level = levels[i % levels.length]!;
    return {
      seq: i + 1,
      ts: NOW - (n - i) * 1000,
      namespace: 'hive-mind-production',
      pod: pods[i % pods.length]!,
      container: 'hive-mind-rust',
      level,
      text:
        level === 'error'
          ? `ERROR consensus: append entries to peer hive-mind-rust-2 failed: deadline exceeded (line ${i + 1})`
          : level === 'warn'
            ? `WARN raft: election timeout elapsed, starting pre-vote (line ${i + 1})`
            : level === 'debug'
              ? `DEBUG raft: heartbeat sent to 2 peers (line ${i + 1})`
              : `INFO request handled path=/api/v1/tasks status=200 duration_ms=${40 + i} (line ${i + 1})`,
    };
  });
}

export function hiveState(overrides: Partial<AppState> = {}): AppState {
  return {
    meta: {
      mode: 'demo',
      context: 'hive-demo',
      namespace: 'hive-mind-production',
      scenario: 'coordinator-crashloop',
      startedAt: NOW - 10 * MIN,
      version: '0.1.0',
    },
    kube: ok({ pods: hivePods(), deployments: [], context: 'hive-demo', cluster: 'hive-demo', watch: 'live' }),
    slos: ok(hiveSlos()),
    latency: ok(hiveLatency()),
    alerts: ok({ groups: hiveAlertGroups(), silences: [] }),
    consensus: ok(hiveConsensus()),
    logs: ok({
      target: { kind: 'deployment', namespace: 'hive-mind-production', name: 'hive-mind-rust' },
      lines: hiveLogLines(),
      capacity: 5000,
      dropped: 0,
      stream: 'live',
    }),
    logErrors: ok({
      windowSeconds: 300,
      total: 41,
      truncated: false,
      byJob: [
        { job: 'hive-mind-coordinator', count: 37, lastLine: 'level=error msg="panic: invalid config"' },
        { job: 'claude-tui', count: 4, lastLine: '{"level":"error","msg":"upstream timeout"}' },
      ],
    }),
    ui: initialUi(),
    actions: { readOnly: false, permissions: {}, journal: [] },
    now: NOW,
    ...overrides,
  };
}

/** hiveState with a patch applied to ui. */
export const withUi = (patch: Partial<AppState['ui']>, base: AppState = hiveState()): AppState => ({
  ...base,
  ui: { ...base.ui, ...patch },
});
