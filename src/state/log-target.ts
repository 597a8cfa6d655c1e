// Which stream the Logs pane follows, as a value both the logs source (what to open) and the runtime's
// follow policy (what to ask for) compare: the same rule in one place.
import type { LogTarget, PodInfo } from './types.js';

export const sameTarget = (a: LogTarget | null, b: LogTarget | null): boolean =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name);

/** The Deployment (or, failing that, the pod) a pod's logs are best followed through. */
export function targetFor(pod: PodInfo): LogTarget {
  return pod.ownerKind === 'Deployment' && pod.owner
    ? { kind: 'deployment', namespace: pod.namespace, name: pod.owner }
    : { kind: 'pod', namespace: pod.namespace, name: pod.name };
}

/** Whether the pod's lines are part of the target's stream. */
export const targetCovers = (t: LogTarget, p: PodInfo): boolean =>
  p.namespace === t.namespace && (t.kind === 'pod' ? p.name === t.name : p.owner === t.name && p.ownerKind === 'Deployment');
