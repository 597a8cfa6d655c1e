// The typed state every source produces and every view renders. This file is the contract between
// src/sources (producers), src/runtime (owner) and views/ (renderers): change it deliberately.
import type { ActionKind, ActionPlan, ActionRequest, ActionResult, JournalEntry, Permission } from './actions.js';

/** One backend's state. `data` keeps the last good value when a later fetch fails. */
export interface SourceState<T> {
  data: T | null;
  /** Last error as a one-line human message; null when the latest attempt succeeded. */
  error: string | null;
  /** ms since epoch of the last successful fetch (or watch event); null before the first. */
  updatedAt: number | null;
  /** true until the first attempt has finished (success or failure). */
  loading: boolean;
}

export const initialSourceState = <T>(): SourceState<T> => ({ data: null, error: null, updatedAt: null, loading: true });

// ---------- Kubernetes ----------
export interface PodInfo {
  namespace: string;
  name: string;
  uid: string;
  /** Pod phase: Pending | Running | Succeeded | Failed | Unknown */
  phase: string;
  /** What kubectl prints in STATUS: Running, CrashLoopBackOff, Error, OOMKilled, ContainerCreating, Terminating, Completed, Pending... */
  status: string;
  ready: number;
  total: number;
  restarts: number;
  /** ms since epoch */
  createdAt: number;
  node: string;
  /** Owning Deployment's name when the chain Pod -> ReplicaSet -> Deployment resolves, else the direct owner's name. */
  owner: string | null;
  ownerKind: string | null;
  labels: Record<string, string>;
}

export interface DeploymentInfo {
  namespace: string;
  name: string;
  replicas: number;
  readyReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  /** deployment.kubernetes.io/revision */
  revision: number | null;
  images: string[];
}

export interface KubeData {
  pods: PodInfo[];
  deployments: DeploymentInfo[];
  /** kubeconfig context and cluster name in use */
  context: string;
  cluster: string;
  /** watch health: 'live' while the pod watch is connected, else 'reconnecting' */
  watch: 'live' | 'reconnecting';
}

// ---------- SLOs (Prometheus) ----------
export interface SloValue {
  id: string;
  name: string;
  unit: 'percent' | 'seconds' | 'rps';
  /** current value in base units (ratio 0..1 for percent, seconds, requests/s); null when Prometheus has no data */
  value: number | null;
  target: number;
  /** value must be >= target or <= target to meet the SLO */
  comparator: '>=' | '<=';
  /** fraction of the error budget left over the budget window (1 = untouched, <0 = exhausted); null when not a budget SLO or no data */
  budgetRemaining: number | null;
  /** error-budget burn rate over the burn window (1 = exactly on budget); null when n/a */
  burnRate: number | null;
  /** ok: meeting target and burn <= 1; warning: burn > 1 or near target; critical: target breached or burn >= 14.4; unknown: no data */
  status: 'ok' | 'warning' | 'critical' | 'unknown';
}

// ---------- Latency (Prometheus query_range) ----------
/** [unix seconds, value] */
export type Point = [number, number];
export interface LatencyData {
  p50: Point[];
  p95: Point[];
  p99: Point[];
  /** the latency SLO line in seconds (2 by the runbook) */
  thresholdSeconds: number;
}

// ---------- Alerts (Alertmanager v2) ----------
export interface AlertInfo {
  fingerprint: string;
  alertname: string;
  severity: string;
  /** Alertmanager status.state */
  state: 'active' | 'suppressed' | 'unprocessed';
  silencedBy: string[];
  inhibitedBy: string[];
  /** ms since epoch */
  startsAt: number;
  labels: Record<string, string>;
  summary: string;
  description: string;
}
export interface AlertGroup {
  alertname: string;
  /** the worst severity among the group's alerts */
  severity: string;
  alerts: AlertInfo[];
}
export interface SilenceInfo {
  id: string;
  state: 'active' | 'pending' | 'expired';
  matchers: { name: string; value: string; isRegex: boolean; isEqual: boolean }[];
  createdBy: string;
  comment: string;
  startsAt: number;
  endsAt: number;
}
export interface AlertsData {
  groups: AlertGroup[];
  silences: SilenceInfo[];
}

// ---------- Consensus (etcd v3 JSON gateway or Hive Mind /health/consensus) ----------
export interface ConsensusMember {
  /** member ID as a decimal string (etcd) or node id */
  id: string;
  name: string;
  endpoint: string;
  healthy: boolean;
  isLeader: boolean;
  term: number | null;
  commitIndex: number | null;
  appliedIndex: number | null;
  /** error talking to this member, if any */
  error: string | null;
}
export interface ConsensusData {
  kind: 'etcd' | 'http';
  members: ConsensusMember[];
  leaderId: string | null;
  term: number | null;
  /** leader changes observed since hive-oncall started (plus the server's own counter when it reports one) */
  leaderChanges: number;
  /** ms since epoch */
  lastLeaderChangeAt: number | null;
  hasQuorum: boolean;
}

// ---------- Logs (Kubernetes pod logs, follow) ----------
export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'unknown';
export interface LogLine {
  /** monotonically increasing per session, for stable React keys and dedupe */
  seq: number;
  /** ms since epoch (from the kubelet timestamp when present) */
  ts: number;
  namespace: string;
  pod: string;
  container: string;
  /** already sanitised: no control or escape bytes */
  text: string;
  level: LogLevel;
}
export interface LogTarget {
  kind: 'pod' | 'deployment';
  namespace: string;
  name: string;
}
export interface LogsData {
  target: LogTarget | null;
  lines: LogLine[];
  /** ring-buffer capacity; lines beyond it were dropped oldest-first */
  capacity: number;
  dropped: number;
  /** stream health per followed pod aggregated: connecting | live | reconnecting | ended | idle (no target) */
  stream: 'idle' | 'connecting' | 'live' | 'reconnecting' | 'ended';
}

// ---------- Error lines across the system (Loki) ----------
/** Who is logging errors right now: Loki's answer to the runbook's `{job=...} |= "ERROR"` across all jobs. */
export interface LogErrorSummary {
  windowSeconds: number;
  total: number;
  /** most errors first */
  byJob: { job: string; count: number; lastLine: string }[];
  /** true when Loki's line limit was reached: counts are lower bounds */
  truncated: boolean;
}

// ---------- UI state (owned by src/runtime, changed only through intents) ----------
export type PaneId = 'pods' | 'slos' | 'alerts' | 'latency' | 'consensus' | 'logs';
export const PANES: readonly PaneId[] = ['pods', 'slos', 'alerts', 'latency', 'consensus', 'logs'];
export const PANE_TITLES: Record<PaneId, string> = {
  pods: 'Pods',
  slos: 'SLOs',
  alerts: 'Alerts',
  latency: 'Latency',
  consensus: 'Consensus',
  logs: 'Logs',
};

export interface UiState {
  focus: PaneId;
  /** selected row index per pane, into that pane's visible (filtered, sorted) rows */
  selection: Record<PaneId, number>;
  /** `/` filter text per pane; applies to pods and logs and alerts */
  filter: Record<PaneId, string>;
  /** true while the user is typing a filter for the focused pane */
  filterEditing: boolean;
  helpOpen: boolean;
  /** page of the help overlay when it does not fit (the overlay wraps the number) */
  helpPage: number;
  /**
   * The Logs pane's lines frozen when the user paused it (p), or null while it follows the stream. The
   * stream itself goes on in `AppState.logs`: resuming shows what came meanwhile.
   */
  logsFrozen: LogLine[] | null;
  /** a short status-line message (e.g. "logs paused") and when it goes away */
  flash: Flash | null;
  /** the confirmation modal of a remediation action, drawn over the panes; null when none is open */
  modal: ModalState | null;
  /** the Actions view (this session's audit journal) is shown instead of the panes */
  actionsViewOpen: boolean;
  /** low-bandwidth mode: background updates at most once a second, no animation, Logs paused until asked */
  lowBandwidth: boolean;
  /** the terminal is not taking what is written (stdout back-pressure): the status bar suggests low-bandwidth mode */
  terminalBehind: boolean;
}

/** A status-line message that answers the key just pressed; it carries its own expiry so the clock tick is pure. */
export interface Flash {
  text: string;
  /** ms since epoch */
  expiresAt: number;
}

// ---------- Remediation (confirmation modal) ----------
/** An input of the modal: scale's replicas, silence's comment and duration, the typed confirmation. */
export type ModalFieldName = 'replicas' | 'comment' | 'duration' | 'confirmText';
export interface ModalField {
  name: ModalFieldName;
  value: string;
}
/** What Tab moves between: the modal's fields, then its buttons. */
export type ModalFocus = ModalFieldName | 'cancel' | 'confirm';

/**
 * One confirmation, from opening to the result. Phases:
 * - planning: waiting for the executor's permission check and plan (dry run);
 * - denied: the user may not run it (RBAC, no backend); only Close;
 * - ready: the plan is shown; fields can be edited; Cancel has focus at first;
 * - replanning: confirmed with changed parameters: dry run again before executing;
 * - running: submitted once; further confirm keys are ignored;
 * - done: the result (success or the API's error verbatim); any key closes.
 */
export interface ModalState {
  /** increases with every modal opened, so a late executor answer for a closed modal is recognised */
  id: number;
  action: ActionKind;
  request: ActionRequest;
  /** the object in words while the plan is not there yet, e.g. "deployment production/claude-tui" */
  targetLabel: string;
  phase: 'planning' | 'denied' | 'ready' | 'replanning' | 'running' | 'done';
  plan: ActionPlan | null;
  /** the permission check's answer (null while planning) */
  permission: Permission | null;
  fields: ModalField[];
  focus: ModalFocus;
  /** scale: the Deployment's replicas when the modal opened, for "current -> new" */
  currentReplicas: number | null;
  /** a one-line note inside the modal, e.g. why `y` did nothing */
  note: string | null;
  result: ActionResult | null;
}

/** Remediation state: read-only mode, known permissions (for greyed key hints), the session's journal. */
export interface ActionsState {
  readOnly: boolean;
  /** keyed by permissionKey(action, target): `${action}:${namespace}/${name}` */
  permissions: Record<string, Permission>;
  /** this session's audit journal, oldest first */
  journal: JournalEntry[];
}

export interface AppMeta {
  mode: 'demo' | 'live';
  context: string;
  namespace: string | null;
  scenario: string | null;
  /** ms since epoch */
  startedAt: number;
  version: string;
  /** set on a wall screen (`--wall`): read-only, a headline band, panes rotating */
  wall?: WallSettings;
}

export interface WallSettings {
  /** ms each pane set stays on screen; 0 shows every pane at once */
  rotateMs: number;
  /** data older than this turns the headline STALE */
  staleAfterMs: number;
}

/** The AppState keys that hold a backend's state, in the order the sources are built and started. */
export const SOURCE_KEYS = ['kube', 'slos', 'latency', 'alerts', 'consensus', 'logs', 'logErrors'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];
/** What each source key's data is. */
export type SourceData = { [K in SourceKey]: AppState[K] extends SourceState<infer T> ? T : never };

export interface AppState {
  meta: AppMeta;
  kube: SourceState<KubeData>;
  slos: SourceState<SloValue[]>;
  latency: SourceState<LatencyData>;
  alerts: SourceState<AlertsData>;
  consensus: SourceState<ConsensusData>;
  logs: SourceState<LogsData>;
  logErrors: SourceState<LogErrorSummary>;
  ui: UiState;
  actions: ActionsState;
  /** ms since epoch of the state's "now" (so "updated Ns ago" renders deterministically in tests) */
  now: number;
}
