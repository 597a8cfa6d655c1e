// Raw Kubernetes objects (JSON from list or watch) to PodInfo/DeploymentInfo, with the STATUS column that
// `kubectl get pods` prints (printPod in kubernetes/pkg/printers/internalversion/printers.go).
import type { DeploymentInfo, PodInfo } from '../state/types.js';
import { sanitizeLabels, sanitizeLine } from '../text/sanitize.js';

interface ContainerState {
  waiting?: { reason?: string } | null;
  running?: object | null;
  terminated?: { reason?: string; exitCode?: number; signal?: number } | null;
}
interface ContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState | null;
}
export interface OwnerRef {
  kind?: string;
  name?: string;
  controller?: boolean;
}
interface Meta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string | Date;
  deletionTimestamp?: string | Date | null;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  ownerReferences?: OwnerRef[] | null;
}
export interface RawPod {
  metadata?: Meta;
  spec?: { nodeName?: string; containers?: unknown[]; initContainers?: unknown[] | null };
  status?: {
    phase?: string;
    reason?: string;
    conditions?: { type?: string; status?: string }[] | null;
    containerStatuses?: ContainerStatus[] | null;
    initContainerStatuses?: ContainerStatus[] | null;
  };
}
export interface RawReplicaSet {
  metadata?: Meta;
}
export interface RawDeployment {
  metadata?: Meta;
  spec?: { replicas?: number; template?: { spec?: { containers?: { image?: string }[] } } };
  status?: { replicas?: number; readyReplicas?: number; updatedReplicas?: number; availableReplicas?: number };
}

const NODE_UNREACHABLE_REASON = 'NodeLost';

export function podStatus(pod: RawPod): { status: string; ready: number; total: number; restarts: number } {
  const status = pod.status ?? {};
  const total = pod.spec?.containers?.length ?? status.containerStatuses?.length ?? 0;
  let reason = status.reason || status.phase || 'Unknown';
  let restarts = 0;
  let ready = 0;

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  const initCount = pod.spec?.initContainers?.length ?? inits.length;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    restarts += c.restartCount ?? 0;
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (term) {
      reason = term.reason
        ? `Init:${term.reason}`
        : term.signal
          ? `Init:Signal:${term.signal}`
          : `Init:ExitCode:${term.exitCode ?? 0}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
    break;
  }

  if (!initializing) {
    restarts = 0;
    let hasRunning = false;
    const containers = status.containerStatuses ?? [];
    for (let i = containers.length - 1; i >= 0; i--) {
      const c = containers[i]!;
      restarts += c.restartCount ?? 0;
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === NODE_UNREACHABLE_REASON) reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp) reason = 'Terminating';

  return { status: sanitizeLine(reason, 64), ready, total, restarts };
}

const toMs = (t: string | Date | undefined): number => {
  if (t === undefined) return 0;
  const ms = t instanceof Date ? t.getTime() : Date.parse(t);
  return Number.isNaN(ms) ? 0 : ms;
};

export const controllerOf = (meta: Meta | undefined): OwnerRef | null =>
  meta?.ownerReferences?.find((o) => o.controller) ?? meta?.ownerReferences?.[0] ?? null;

/** PodInfo without owner resolution (that needs the ReplicaSets: see resolveOwner). */
export function mapPod(pod: RawPod): PodInfo {
  const meta = pod.metadata ?? {};
  const owner = controllerOf(meta);
  return {
    namespace: sanitizeLine(meta.namespace ?? '', 253),
    name: sanitizeLine(meta.name ?? '', 253),
    uid: meta.uid ?? `${meta.namespace}/${meta.name}`,
    phase: sanitizeLine(pod.status?.phase ?? 'Unknown', 32),
    ...podStatus(pod),
    createdAt: toMs(meta.creationTimestamp),
    node: sanitizeLine(pod.spec?.nodeName ?? '', 253),
    owner: owner?.name ? sanitizeLine(owner.name, 253) : null,
    ownerKind: owner?.kind ? sanitizeLine(owner.kind, 64) : null,
    labels: sanitizeLabels(meta.labels),
  };
}

/**
 * Pod -> ReplicaSet -> Deployment. `rsOwners` maps "namespace/rs-name" to the owning Deployment's name.
 * A ReplicaSet not yet seen by the poll (a rollout just started) is resolved by its pod-template-hash suffix.
 */
export function resolveOwner(pod: PodInfo, rsOwners: Map<string, string>): PodInfo {
  if (pod.ownerKind !== 'ReplicaSet' || !pod.owner) return pod;
  const deployment = rsOwners.get(`${pod.namespace}/${pod.owner}`);
  if (deployment) return { ...pod, owner: deployment, ownerKind: 'Deployment' };
  const hash = pod.labels['pod-template-hash'];
  if (hash && pod.owner.endsWith(`-${hash}`)) {
    return { ...pod, owner: pod.owner.slice(0, -hash.length - 1), ownerKind: 'Deployment' };
  }
  return pod;
}

export function replicaSetOwners(items: RawReplicaSet[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const rs of items) {
    const owner = controllerOf(rs.metadata);
    if (owner?.kind === 'Deployment' && owner.name && rs.metadata?.name) {
      map.set(`${sanitizeLine(rs.metadata.namespace ?? '', 253)}/${sanitizeLine(rs.metadata.name, 253)}`, sanitizeLine(owner.name, 253));
    }
  }
  return map;
}

export function mapDeployment(d: RawDeployment): DeploymentInfo {
  const meta = d.metadata ?? {};
  const revision = Number(meta.annotations?.['deployment.kubernetes.io/revision']);
  return {
    namespace: sanitizeLine(meta.namespace ?? '', 253),
    name: sanitizeLine(meta.name ?? '', 253),
    replicas: d.spec?.replicas ?? 1,
    readyReplicas: d.status?.readyReplicas ?? 0,
    updatedReplicas: d.status?.updatedReplicas ?? 0,
    availableReplicas: d.status?.availableReplicas ?? 0,
    revision: Number.isFinite(revision) && revision > 0 ? revision : null,
    images: (d.spec?.template?.spec?.containers ?? []).map((c) => sanitizeLine(c.image ?? '', 512)),
  };
}
