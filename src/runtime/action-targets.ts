// Which object an action key acts on: the focused pane's selection, resolved the way the runbooks name
// things (a pod's owning Deployment for rollouts, an alert's labels for a silence). Pure: the controller
// opens the modal with the answer, the panes grey their key hints with the same answer.
import { DEFAULT_SILENCE_MS, type ActionKind, type ActionParams, type ActionRequest, type ActionTarget } from '../state/actions.js';
import type { AppState, PaneId } from '../state/types.js';
import { selectedPod, visibleAlertGroups } from './selectors.js';

/** The actions each pane offers, in the order its key hints list them. */
export const PANE_ACTIONS: Record<PaneId, readonly ActionKind[]> = {
  pods: ['pod-delete', 'rollout-restart', 'rollout-undo', 'scale'],
  slos: [],
  alerts: ['silence-create', 'silence-expire'],
  latency: [],
  consensus: ['leader-transfer'],
  logs: [],
};

/** Short verbs for hints and messages. */
export const ACTION_LABELS: Record<ActionKind, string> = {
  'pod-delete': 'delete',
  'rollout-restart': 'restart',
  'rollout-undo': 'undo',
  scale: 'scale',
  'silence-create': 'silence',
  'silence-expire': 'expire silence',
  'leader-transfer': 'transfer leader',
};

/** The pane each action belongs to: PANE_ACTIONS read the other way. */
const ACTION_PANE = Object.fromEntries(
  (Object.entries(PANE_ACTIONS) as [PaneId, readonly ActionKind[]][]).flatMap(([pane, actions]) => actions.map((a) => [a, pane])),
) as Record<ActionKind, PaneId>;


export interface ResolvedAction {
  request: ActionRequest;
  /** the object in words, e.g. "deployment production/claude-tui" */
  label: string;
  /** scale: the Deployment's replicas now, when the Deployments list knows it */
  currentReplicas: number | null;
}

/** Why the selection is not something the action can act on (the selection half of ./availability.ts). */
export type TargetProblem =
  | { kind: 'wrong-pane'; pane: PaneId }
  | { kind: 'nothing-selected'; noun: 'pod' | 'alert' | 'member' }
  | { kind: 'no-deployment'; pod: string; owner: string | null; ownerKind: string | null }
  | { kind: 'not-silenced'; alertname: string }
  | { kind: 'already-leader'; member: string };

export type Resolution = { ok: true; value: ResolvedAction } | { ok: false; blocker: TargetProblem };

/** Key of state.actions.permissions: `${action}:${namespace}/${name}`. */
export function permissionKey(action: ActionKind, target: ActionTarget): string {
  switch (target.kind) {
    case 'pod':
    case 'deployment':
      return `${action}:${target.namespace}/${target.name}`;
    case 'alert':
      return `${action}:${target.labels.namespace ?? ''}/${target.alertname}`;
    case 'silence':
      return `${action}:/${target.id}`;
    case 'member':
      return `${action}:/${target.name}`;
  }
}

export function targetLabel(target: ActionTarget): string {
  switch (target.kind) {
    case 'pod':
      return `pod ${target.namespace}/${target.name}`;
    case 'deployment':
      return `deployment ${target.namespace}/${target.name}`;
    case 'alert': {
      const where = ['namespace', 'deployment', 'pod', 'service', 'job'].filter((k) => target.labels[k]).map((k) => `${k}=${target.labels[k]}`);
      return `alert ${target.alertname}${where.length ? ` {${where.join(', ')}}` : ''}`;
    }
    case 'silence':
      return `silence ${target.id}`;
    case 'member':
      return `member ${target.name} (${target.id})`;
  }
}

const fail = (blocker: TargetProblem): Resolution => ({ ok: false, blocker });

function resolved(state: AppState, action: ActionKind, target: ActionTarget, params: ActionParams = {}): Resolution {
  let currentReplicas: number | null = null;
  if (action === 'scale' && target.kind === 'deployment') {
    const d = state.kube.data?.deployments.find((x) => x.namespace === target.namespace && x.name === target.name);
    currentReplicas = d ? d.replicas : null;
    if (currentReplicas !== null) params = { ...params, replicas: currentReplicas };
  }
  return { ok: true, value: { request: { action, target, params }, label: targetLabel(target), currentReplicas } };
}

/**
 * The request an action key would open for the focused pane's selection, or why there is none
 * (wrong pane, nothing selected, a pod not owned by a Deployment...).
 */
export function resolveAction(state: AppState, action: ActionKind): Resolution {
  const pane = ACTION_PANE[action];
  if (state.ui.focus !== pane) return fail({ kind: 'wrong-pane', pane });
  switch (pane) {
    case 'pods':
      return resolvePodAction(state, action);
    case 'alerts':
      return resolveAlertAction(state, action);
    case 'consensus': {
      const members = state.consensus.data?.members ?? [];
      const m = members[Math.min(state.ui.selection.consensus, members.length - 1)];
      if (!m) return fail({ kind: 'nothing-selected', noun: 'member' });
      if (m.isLeader) return fail({ kind: 'already-leader', member: m.name || m.id });
      return resolved(state, action, { kind: 'member', id: m.id, name: m.name || m.id });
    }
    default:
      return fail({ kind: 'wrong-pane', pane });
  }
}

function resolvePodAction(state: AppState, action: ActionKind): Resolution {
  const pod = selectedPod(state);
  if (!pod) return fail({ kind: 'nothing-selected', noun: 'pod' });
  if (action === 'pod-delete') return resolved(state, action, { kind: 'pod', namespace: pod.namespace, name: pod.name });
  if (pod.ownerKind !== 'Deployment' || !pod.owner) return fail({ kind: 'no-deployment', pod: pod.name, owner: pod.owner, ownerKind: pod.ownerKind });
  return resolved(state, action, { kind: 'deployment', namespace: pod.namespace, name: pod.owner });
}

function resolveAlertAction(state: AppState, action: ActionKind): Resolution {
  const groups = visibleAlertGroups(state);
  const group = groups[Math.min(state.ui.selection.alerts, groups.length - 1)];
  const first = group?.alerts[0];
  if (!group || !first) return fail({ kind: 'nothing-selected', noun: 'alert' });
  if (action === 'silence-create') {
    return resolved(state, action, { kind: 'alert', alertname: first.alertname || group.alertname, labels: first.labels }, { durationMs: DEFAULT_SILENCE_MS });
  }
  const id = group.alerts.find((a) => a.silencedBy.length > 0)?.silencedBy[0];
  if (!id) return fail({ kind: 'not-silenced', alertname: group.alertname });
  return resolved(state, action, { kind: 'silence', id });
}
