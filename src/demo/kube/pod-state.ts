// The kubelet's part: how a pod's status changes when its main container starts, crashes, restarts or
// stops being ready, and which events the kubelet would record for that.
import type { ContainerCondition, Rng } from '../contracts.js';
import { iso, randomHex, type ContainerStateJson, type ContainerStatusJson, type PodObj } from './objects.js';

export interface KubeletEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

function containerId(rng: Rng): string {
  return `containerd://${randomHex(rng, 64)}`;
}

function setCondition(pod: PodObj, type: string, ok: boolean, tMs: number): void {
  const status = ok ? 'True' : 'False';
  const existing = pod.status.conditions.find((c) => c.type === type);
  if (existing) {
    if (existing.status !== status) existing.lastTransitionTime = iso(tMs);
    existing.status = status;
    if (ok) delete existing.reason;
    else existing.reason = 'ContainersNotReady';
  } else {
    pod.status.conditions.push({ type, status, lastProbeTime: null, lastTransitionTime: iso(tMs), ...(ok ? {} : { reason: 'ContainersNotReady' }) });
  }
}

function refreshPod(pod: PodObj, tMs: number): void {
  const statuses = pod.status.containerStatuses;
  const allReady = statuses.length > 0 && statuses.every((c) => c.ready);
  setCondition(pod, 'ContainersReady', allReady, tMs);
  setCondition(pod, 'Ready', allReady, tMs);
  // restartPolicy Always: once a container has run, the pod stays Running even while it crash-loops
  const everRan = statuses.some((c) => c.started || c.restartCount > 0 || c.state.running || c.state.terminated || c.lastState.terminated);
  pod.status.phase = everRan ? 'Running' : 'Pending';
}

function imagePulledEvents(cs: ContainerStatusJson, rng: Rng): KubeletEvent[] {
  const secs = (0.4 + rng.next() * 2).toFixed(3);
  return [
    { type: 'Normal', reason: 'Pulling', message: `Pulling image "${cs.image}"` },
    { type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${cs.image}" in ${secs}s (${secs}s including waiting). Image size: ${rng.int(20_000_000, 90_000_000)} bytes.` },
  ];
}

/** The first start of every container of a fresh pod: ContainerCreating -> Running and ready. */
export function startPod(pod: PodObj, tMs: number, rng: Rng): KubeletEvent[] {
  const events: KubeletEvent[] = [];
  for (const cs of pod.status.containerStatuses) {
    events.push(...imagePulledEvents(cs, rng));
    events.push({ type: 'Normal', reason: 'Created', message: `Created container: ${cs.name}` });
    events.push({ type: 'Normal', reason: 'Started', message: `Started container ${cs.name}` });
    cs.containerID = containerId(rng);
    cs.imageID = `${cs.image.split(':')[0] ?? cs.image}@sha256:${randomHex(rng, 64)}`;
    cs.state = { running: { startedAt: iso(tMs) } };
    cs.started = true;
    cs.ready = true;
  }
  refreshPod(pod, tMs);
  return events;
}

function deathOf(state: ContainerStateJson, cs: ContainerStatusJson, tMs: number): ContainerStateJson {
  return {
    terminated: {
      reason: 'Error',
      exitCode: 1,
      startedAt: state.running?.startedAt ?? iso(tMs),
      finishedAt: iso(tMs),
      ...(cs.containerID ? { containerID: cs.containerID } : {}),
    },
  };
}

/**
 * Set container `index` to what the world wants. Like the kubelet, a container that dies (running ->
 * waiting/terminated, or waiting -> terminated: it was started again and died again) counts a restart and
 * keeps the death in lastState.
 */
export function applyContainerCondition(pod: PodObj, index: number, cond: ContainerCondition, tMs: number, rng: Rng): KubeletEvent[] {
  const cs = pod.status.containerStatuses[index];
  if (!cs) return [];
  const prev = cs.state;
  const events: KubeletEvent[] = [];
  const wasRunning = prev.running !== undefined;
  const where = `${pod.metadata.name}_${pod.metadata.namespace ?? ''}(${pod.metadata.uid})`;

  if (cond.state === 'running') {
    if (!wasRunning) {
      if (prev.waiting?.reason === 'ContainerCreating' || prev.waiting?.reason === 'ImagePullBackOff') events.push(...imagePulledEvents(cs, rng));
      cs.containerID = containerId(rng);
      events.push({ type: 'Normal', reason: 'Created', message: `Created container: ${cs.name}` });
      events.push({ type: 'Normal', reason: 'Started', message: `Started container ${cs.name}` });
      cs.state = { running: { startedAt: iso(tMs) } };
      cs.started = true;
    } else if (cs.ready && !cond.ready) {
      events.push({ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503' });
    }
    cs.ready = cond.ready;
  } else if (cond.state === 'waiting') {
    if (wasRunning) {
      cs.restartCount += 1;
      cs.lastState = deathOf(prev, cs, tMs);
    } else if (prev.terminated) {
      cs.lastState = { terminated: { ...prev.terminated } };
    }
    cs.state = { waiting: { reason: cond.reason, ...(cond.message ? { message: cond.message } : {}) } };
    cs.ready = false;
    if (prev.waiting?.reason !== cond.reason) {
      if (cond.reason === 'CrashLoopBackOff') {
        const delay = Math.min(300, 10 * 2 ** Math.max(0, cs.restartCount - 1));
        cs.state.waiting = { reason: cond.reason, message: cond.message ?? `back-off ${delay >= 60 ? `${Math.floor(delay / 60)}m${delay % 60}s` : `${delay}s`} restarting failed container=${cs.name} pod=${where}` };
        events.push({ type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${cs.name} in pod ${where}` });
      } else if (cond.reason === 'ImagePullBackOff') {
        events.push({ type: 'Warning', reason: 'Failed', message: `Failed to pull image "${cs.image}": ${cond.message ?? 'rpc error: code = NotFound desc = failed to pull and unpack image: not found'}` });
        events.push({ type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${cs.image}"` });
      } else if (cond.reason === 'CreateContainerConfigError') {
        events.push({ type: 'Warning', reason: 'Failed', message: `Error: ${cond.message ?? 'configmap not found'}` });
      }
    }
  } else {
    const died = wasRunning || prev.waiting !== undefined;
    const terminated = {
      reason: cond.reason,
      exitCode: cond.exitCode,
      startedAt: prev.running?.startedAt ?? iso(tMs),
      finishedAt: iso(tMs),
      ...(cs.containerID ? { containerID: cs.containerID } : {}),
    };
    if (died) {
      cs.restartCount += 1;
      cs.lastState = { terminated: { ...terminated } };
    }
    cs.state = { terminated };
    cs.ready = false;
    cs.started = false;
  }
  refreshPod(pod, tMs);
  return events;
}
