// Derived views of the state. Views render these lists and the runtime moves selection through the same
// lists, so "row 3" means the same pod to both.
import { severityRank } from '../state/severity.js';
import type { AlertGroup, AppState, LogLine, PaneId, PodInfo } from '../state/types.js';

// Lower rank sorts first: what needs a human goes to the top.
const STATUS_RANK: Record<string, number> = {
  CrashLoopBackOff: 0,
  Error: 0,
  OOMKilled: 0,
  ImagePullBackOff: 0,
  ErrImagePull: 0,
  CreateContainerConfigError: 0,
  Failed: 0,
  Unknown: 1,
  Pending: 2,
  ContainerCreating: 2,
  Terminating: 3,
};

export function podRank(pod: PodInfo): number {
  const rank = STATUS_RANK[pod.status];
  if (rank !== undefined) return rank;
  if (pod.status === 'Completed' || pod.phase === 'Succeeded') return 6;
  if (pod.ready < pod.total) return 4;
  return 5;
}

export function isPodProblem(pod: PodInfo): boolean {
  return podRank(pod) <= 1;
}

const matches = (filter: string, ...fields: string[]) => {
  if (!filter) return true;
  const needle = filter.toLowerCase();
  return fields.some((f) => f.toLowerCase().includes(needle));
};

/**
 * Remembers the last result per input list and filter: every render, key press and clock tick asks for the
 * visible pods, and sorting thousands of them each time would make the keyboard lag on a big cluster.
 */
function memoByList<T, R>(compute: (items: readonly T[], filter: string) => R): (items: readonly T[], filter: string) => R {
  const cache = new WeakMap<readonly T[], { filter: string; result: R }>();
  return (items, filter) => {
    const hit = cache.get(items);
    if (hit && hit.filter === filter) return hit.result;
    const result = compute(items, filter);
    cache.set(items, { filter, result });
    return result;
  };
}

const NO_PODS: PodInfo[] = [];
const sortedPods = memoByList((pods: readonly PodInfo[], filter: string) =>
  pods
    .filter((p) => matches(filter, p.name, p.namespace, p.status, p.node, p.owner ?? ''))
    .sort((a, b) => podRank(a) - podRank(b) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name)),
);

export function visiblePods(state: AppState): PodInfo[] {
  return sortedPods(state.kube.data?.pods ?? NO_PODS, state.ui.filter.pods);
}


export function visibleAlertGroups(state: AppState): AlertGroup[] {
  const groups = state.alerts.data?.groups ?? [];
  const filter = state.ui.filter.alerts;
  return groups
    .map((g) => ({
      ...g,
      alerts: g.alerts.filter((a) => matches(filter, g.alertname, a.severity, ...Object.values(a.labels), a.summary)),
    }))
    .filter((g) => g.alerts.length > 0)
    .sort(
      (a, b) =>
        severityRank(a.severity) - severityRank(b.severity) ||
        Math.min(...a.alerts.map((x) => x.startsAt)) - Math.min(...b.alerts.map((x) => x.startsAt)) ||
        a.alertname.localeCompare(b.alertname),
    );
}

// The last filtered answer: a key press re-renders with the same lines and filter, and must not walk the
// whole buffer again (selectors run several times per frame).
let lastFiltered: { lines: LogLine[]; filter: string; result: LogLine[] } | null = null;

/** The Logs pane's lines: those frozen by a pause, else the stream's; narrowed by the filter. */
export function visibleLogLines(state: AppState): LogLine[] {
  const lines = state.ui.logsFrozen ?? state.logs.data?.lines ?? [];
  const filter = state.ui.filter.logs;
  if (!filter) return lines;
  if (lastFiltered && lastFiltered.lines === lines && lastFiltered.filter === filter) return lastFiltered.result;
  const result = lines.filter((l) => matches(filter, l.text, l.pod));
  lastFiltered = { lines, filter, result };
  return result;
}

/** How many lines the stream has brought since the Logs pane was paused (0 while it follows). */
export function linesSincePause(state: AppState): number {
  const frozen = state.ui.logsFrozen;
  const lines = state.logs.data?.lines;
  if (!frozen || !lines || lines.length === 0) return 0;
  const last = frozen.length ? frozen[frozen.length - 1]!.seq : -Infinity;
  // seq only grows: binary search for the first line after the frozen ones
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.seq > last) hi = mid;
    else lo = mid + 1;
  }
  return lines.length - lo;
}

/** Number of selectable rows in a pane, for clamping the selection. */
export function rowCount(state: AppState, pane: PaneId): number {
  switch (pane) {
    case 'pods':
      return visiblePods(state).length;
    case 'alerts':
      return visibleAlertGroups(state).length;
    case 'slos':
      return state.slos.data?.length ?? 0;
    case 'consensus':
      return state.consensus.data?.members.length ?? 0;
    case 'logs':
      return visibleLogLines(state).length;
    case 'latency':
      return 0;
  }
}

/** The pod under the cursor in the Pods pane, if any. */
export function selectedPod(state: AppState): PodInfo | null {
  const pods = visiblePods(state);
  return pods[Math.min(state.ui.selection.pods, pods.length - 1)] ?? null;
}
