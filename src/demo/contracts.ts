// Contracts between the simulator's parts. The world (src/demo/world/*) runs the scenario each tick and
// drives the cluster, metrics, alerts, logs and consensus through these interfaces; each part serves its
// own real wire protocol. Keep them small: they are what lets the parts be written and tested alone.
import type { Handler } from './http.js';

export const SCENARIOS = [
  'calm',
  'crashloop',
  'bad-deploy',
  'latency-spike',
  'error-storm',
  'leader-flap',
  'memory-leak',
  'db-down',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Deterministic randomness: every part gets its own stream derived from --seed. */
export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  int(minInclusive: number, maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** normally distributed, mean 0, sd 1 */
  gaussian(): number;
}

// ---------- traffic and metrics ----------
/** One service's traffic during the last tick. */
export interface ServiceTraffic {
  /** Prometheus job label, e.g. "claude-tui" */
  job: string;
  namespace: string;
  rps: number;
  /** fraction of requests answered 5xx */
  errorRatio: number;
  /** fraction answered 4xx (not errors for the SLO, but not 2xx/3xx either) */
  clientErrorRatio: number;
  /** latency distribution of this tick: median and 99th percentile, seconds (log-normal between them) */
  latencyP50: number;
  latencyP99: number;
  /** false when the service's scrape target is down (up == 0) */
  up: boolean;
}

export interface GaugeSample {
  name: string;
  help: string;
  /** never changed once recorded: the engine finds a series again by this object (and by value otherwise) */
  labels: Record<string, string>;
  value: number;
}

export interface MetricsEngine {
  /** Advance time to tMs, adding dtSeconds worth of traffic to the counters and setting gauges. */
  record(tMs: number, dtSeconds: number, traffic: ServiceTraffic[], gauges: GaugeSample[]): void;
  /** Prometheus HTTP API, mounted under a prefix (path is e.g. "/api/v1/query"). */
  prometheusApi: Handler;
  /** GET /metrics in the text exposition format, so a real Prometheus can scrape the simulator. */
  metricsEndpoint: Handler;
}

// ---------- logs ----------
/** Kept by the store as given: never changed once appended. */
export interface LogEntry {
  readonly tMs: number;
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  /** Loki stream labels: at least app, job, namespace, pod, container */
  readonly labels: Record<string, string>;
  /** may be rendered on first read (a getter), so history nobody reads costs no formatting */
  readonly line: string;
}
export interface LogQuery {
  namespace: string;
  pod: string;
  container?: string;
  sinceMs?: number;
  tailLines?: number;
}
export interface LogStore {
  append(entry: LogEntry): void;
  query(q: LogQuery): LogEntry[];
  /** Called for every later entry of that pod (and container, when given). Returns unsubscribe. */
  subscribe(q: LogQuery, onEntry: (e: LogEntry) => void): () => void;
  /** Loki HTTP API (path is e.g. "/loki/api/v1/query_range"). */
  lokiApi: Handler;
}

// ---------- alerts ----------
export interface FiringAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: number;
}
/** What the alert rules look at each tick. */
export interface WorldSnapshot {
  tMs: number;
  traffic: ServiceTraffic[];
  pods: {
    namespace: string;
    name: string;
    deployment: string;
    status: string;
    ready: boolean;
    /** memory working set / limit, 0..1+ */
    memoryRatio: number;
    /** cpu usage / limit, 0..1+ */
    cpuRatio: number;
  }[];
  consensus: { leaderId: string | null; leaderChangesLast10m: number; healthyMembers: number; members: number };
  database: { up: boolean };
}
export interface AlertRules {
  /** Evaluate the runbook's rules (with their `for:` durations) and return what fires now. */
  evaluate(world: WorldSnapshot): FiringAlert[];
}
export interface AlertmanagerSim {
  /** Replace the set of alerts the rules currently push (like Prometheus re-sending every evaluation). */
  receive(tMs: number, firing: FiringAlert[]): void;
  /** true when an active silence matches these labels */
  isSilenced(labels: Record<string, string>, tMs: number): boolean;
  /** Alertmanager API v2 and /-/healthy, /-/ready (path is e.g. "/api/v2/alerts"). */
  api: Handler;
}

// ---------- consensus ----------
export interface ConsensusSim {
  /** member names, e.g. hive-mind-rust-0..2 */
  readonly names: readonly string[];
  tick(tMs: number, conditions: { flapping: boolean; downMembers: readonly number[] }): void;
  leaderIndex(): number | null;
  leaderChangesSince(tMs: number): number;
  healthyMembers(): number;
  /** etcd v3 JSON gateway for member i (path is e.g. "/v3/maintenance/status"). */
  etcdApi(memberIndex: number): Handler;
  /** Hive Mind GET /health/consensus for member i (path is "/health/consensus"). */
  healthApi(memberIndex: number): Handler;
}

// ---------- kubernetes ----------
export interface ContainerSpec {
  name: string;
  image: string;
  args?: string[];
}
export interface DeploymentSeed {
  namespace: string;
  name: string;
  replicas: number;
  labels: Record<string, string>;
  containers: ContainerSpec[];
  /** earlier templates, oldest first: each becomes an old ReplicaSet (scaled to 0) with its revision */
  history?: ContainerSpec[][];
  /** ms since epoch */
  createdAt: number;
}
/** What the world wants a pod's (single main) container to look like now. */
export type ContainerCondition =
  | { state: 'running'; ready: boolean }
  | { state: 'waiting'; reason: 'CrashLoopBackOff' | 'ContainerCreating' | 'ImagePullBackOff' | 'CreateContainerConfigError'; message?: string }
  | { state: 'terminated'; reason: 'Error' | 'OOMKilled' | 'Completed'; exitCode: number };

export interface SimPod {
  namespace: string;
  name: string;
  uid: string;
  deployment: string;
  /** the pod-template-hash of its ReplicaSet, so the world can tell new from old templates */
  templateHash: string;
  /** container images of the pod's template */
  images: string[];
  node: string;
  createdAt: number;
  restarts: number;
  phase: string;
  ready: boolean;
  /** kubectl-style status word */
  status: string;
  deleting: boolean;
}

export interface KubeCluster {
  seedNamespace(name: string): void;
  seedDeployment(seed: DeploymentSeed): void;
  /** Run the deployment/replicaset controllers and pod lifecycle for this tick (create/terminate pods). */
  reconcile(tMs: number): void;
  /** The same array (and objects) until the cluster changes: callers must not change them. */
  pods(namespace?: string): readonly SimPod[];
  /** Set a pod's container state; a transition running -> terminated/waiting counts a restart as the kubelet would. */
  setContainer(namespace: string, pod: string, condition: ContainerCondition, tMs: number): void;
  /** Record a core/v1 Event about an object. */
  recordEvent(ev: { namespace: string; kind: string; name: string; type: 'Normal' | 'Warning'; reason: string; message: string; tMs: number }): void;
  /** Kubernetes API (discovery, core/v1, apps/v1, events, logs, watch, patch, scale, delete, dryRun). */
  api: Handler;
}

// ---------- the whole simulator ----------
export interface SimulatorOptions {
  /** 0 or absent: pick a free port */
  port?: number;
  scenario: ScenarioName;
  seed: number;
  /** where kubeconfig and hive-oncall.yaml are written; a temp dir when absent */
  outDir?: string;
  /** ms between world ticks (default 1000) */
  tickMs?: number;
  /** the simulated user's RBAC role (default admin) */
  rbac?: 'admin' | 'oncall' | 'viewer';
  /**
   * Backends that answer with terminal-hijacking text (escape sequences, C1 controls, bidi overrides) in pod
   * names, labels, annotations, alerts, log lines, events and an API error body: for testing that none of
   * it reaches the screen. See hostile.ts.
   */
  hostile?: boolean;
}
export interface SimulatorHandle {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  kubeconfigPath: string;
  configPath: string;
  scenario: ScenarioName;
  stop(): Promise<void>;
}
