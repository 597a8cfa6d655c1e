// Which stream the Logs pane follows: the policy, pure. Without a user choice the pane follows where the
// incident is (the first problem pod's Deployment, else the workload Loki says logs the most errors); moving
// the cursor in the Pods pane or pressing f is a choice that sticks until f is pressed with nothing selected.
import { isPodProblem, selectedPod, visiblePods } from './selectors.js';
import type { Intent } from '../state/intents.js';
import { sameTarget, targetCovers, targetFor } from '../state/log-target.js';
import type { AppState, LogTarget, PodInfo } from '../state/types.js';

/**
 * Without a user choice, follow the first problem pod's Deployment (else the first pod's). Sticky: a target
 * that still has problem pods is kept, so a crash-looping pod flickering to Running does not flip the stream.
 */
export function autoTarget(pods: PodInfo[], current: LogTarget | null, noisiestJob: string | null = null): LogTarget | null {
  const problems = pods.filter(isPodProblem);
  if (current && problems.some((p) => targetCovers(current, p))) return current;
  if (problems[0]) return targetFor(problems[0]);
  // No pod is failing: the workload logging the most errors (Loki) is where the incident shows.
  const noisy = noisiestJob ? pods.find((p) => p.owner === noisiestJob || p.labels.app === noisiestJob) : undefined;
  if (noisy) return targetFor(noisy);
  if (current && pods.some((p) => targetCovers(current, p))) return current;
  return pods[0] ? targetFor(pods[0]) : null;
}

/** The cluster's pods in the Pods pane's order, ignoring the user's filter: the auto target is about the cluster, not the view. */
function clusterPods(state: AppState): PodInfo[] {
  return visiblePods({ ...state, ui: { ...state.ui, filter: { ...state.ui.filter, pods: '' } } });
}

/** What the data says to follow when the user has not chosen; undefined: keep what is followed. */
export function followForData(state: AppState, userChose: boolean, current: LogTarget | null): LogTarget | null | undefined {
  if (userChose) return undefined;
  const next = autoTarget(clusterPods(state), current, state.logErrors.data?.byJob[0]?.job ?? null);
  return sameTarget(next, current) ? undefined : next;
}

export interface FollowDecision {
  /** the target to follow now (null: follow nothing) */
  target: LogTarget | null;
  userChose: boolean;
  /** what to tell the user, if anything */
  flash: string | null;
}

const MOVES = new Set<Intent['type']>(['select-next', 'select-prev', 'select-first', 'select-last', 'page-down', 'page-up']);

/**
 * What an intent (already applied: `state` is the state after it) means for the Logs pane, or null when it
 * means nothing: a move in the Pods pane follows the pod under the cursor; f follows its Deployment, or with
 * no pod selected gives the choice back to the data.
 */
export function followForIntent(state: AppState, intent: Intent): FollowDecision | null {
  if (MOVES.has(intent.type)) {
    const pod = state.ui.focus === 'pods' ? selectedPod(state) : null;
    return pod ? { target: { kind: 'pod', namespace: pod.namespace, name: pod.name }, userChose: true, flash: null } : null;
  }
  if (intent.type !== 'logs-follow-selected') return null;
  const pod = selectedPod(state);
  if (pod) {
    const target = targetFor(pod);
    return { target, userChose: true, flash: `following ${target.kind} ${target.namespace}/${target.name}` };
  }
  return { target: autoTarget(clusterPods(state), null), userChose: false, flash: 'following the first problem pod' };
}
