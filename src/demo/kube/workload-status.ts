// Status blocks of ReplicaSets and Deployments, computed from their pods the way the controllers report
// them (counts, Available/Progressing conditions, progress deadline), so `kubectl rollout status` and the
// console read the same signals as on a real cluster.
import { iso } from './objects.js';
import { surgeAndUnavailable } from './rollout.js';

/** The apiserver leaves zero counts out of status (omitempty); clients must cope, so we do the same. */
export function omitZero(values: Record<string, number>, keep: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) if (v !== 0 || keep.includes(k)) out[k] = v;
  return out;
}

export function replicaSetStatus(active: number, ready: number, generation: number): Record<string, number> {
  return omitZero(
    { replicas: active, fullyLabeledReplicas: active, readyReplicas: ready, availableReplicas: ready, observedGeneration: generation },
    ['replicas', 'observedGeneration'],
  );
}

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
}

export interface DeploymentCounts {
  desired: number;
  /** active pods of all its replica sets */
  active: number;
  /** active pods of the replica set of the current template */
  updated: number;
  /** ready active pods */
  ready: number;
  generation: number;
  newRsName: string;
  /** when the rollout last made progress, and its deadline */
  lastProgressMs: number;
  progressDeadlineMs: number;
}

export function deploymentStatus(c: DeploymentCounts, previous: unknown, tMs: number): Record<string, unknown> {
  const complete = c.updated === c.desired && c.active === c.desired && c.ready === c.desired;
  const stuck = !complete && tMs - c.lastProgressMs > c.progressDeadlineMs;
  const { maxUnavailable } = surgeAndUnavailable(c.desired);
  const progressing = complete
    ? { status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${c.newRsName}" has successfully progressed.` }
    : stuck
      ? { status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${c.newRsName}" has timed out progressing.` }
      : { status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${c.newRsName}" is progressing.` };
  const available =
    c.ready >= c.desired - maxUnavailable
      ? { status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
      : { status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' };
  const old = ((previous as { conditions?: Condition[] } | undefined)?.conditions ?? []) as Condition[];
  // timestamps only move when the condition actually changes, so an unchanged status is not a new write
  const cond = (type: string, next: { status: string; reason: string; message: string }): Condition => {
    const prev = old.find((o) => o.type === type);
    const same = prev && prev.status === next.status && prev.reason === next.reason;
    return {
      type,
      ...next,
      lastUpdateTime: same ? prev.lastUpdateTime : iso(tMs),
      lastTransitionTime: prev && prev.status === next.status ? prev.lastTransitionTime : iso(tMs),
    };
  };
  return {
    ...omitZero(
      {
        observedGeneration: c.generation,
        replicas: c.active,
        updatedReplicas: c.updated,
        readyReplicas: c.ready,
        availableReplicas: c.ready,
        unavailableReplicas: Math.max(0, c.desired - c.ready),
      },
      ['observedGeneration'],
    ),
    conditions: [cond('Available', available), cond('Progressing', progressing)],
  };
}

/** Two status blocks serialise alike. */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Two flat status blocks of counts hold the same fields and values (in the same order, as JSON would). */
export function sameCounts(a: Record<string, number>, b: Record<string, unknown>): boolean {
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  for (let i = 0; i < ak.length; i++) if (ak[i] !== bk[i] || a[ak[i]!] !== b[bk[i]!]) return false;
  return true;
}
