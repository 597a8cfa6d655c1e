import { describe, expect, it } from 'vitest';
import { mapPod, podStatus, resolveOwner, type RawPod } from '../../src/sources/pod-status.js';

const withContainers = (containerStatuses: unknown[], extra: Partial<RawPod> = {}): RawPod =>
  ({
    metadata: { name: 'p', namespace: 'n', uid: 'u', ...(extra.metadata ?? {}) },
    spec: { containers: containerStatuses.map((_, i) => ({ name: `c${i}` })), ...(extra.spec ?? {}) },
    status: { phase: 'Running', containerStatuses, ...(extra.status ?? {}) },
  }) as RawPod;

describe('pod STATUS like kubectl', () => {
  it('prints the waiting or terminated reason of a container', () => {
    expect(podStatus(withContainers([{ ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } } }]))).toEqual({
      status: 'CrashLoopBackOff',
      ready: 0,
      total: 1,
      restarts: 7,
    });
    expect(podStatus(withContainers([{ state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }])).status).toBe('OOMKilled');
    expect(podStatus(withContainers([{ state: { terminated: { exitCode: 2 } } }])).status).toBe('ExitCode:2');
  });

  it('counts ready running containers and shows Running', () => {
    const s = podStatus(withContainers([{ ready: true, state: { running: {} } }, { ready: false, state: { running: {} } }]));
    expect(s).toMatchObject({ status: 'Running', ready: 1, total: 2 });
  });

  it('shows Terminating for a pod being deleted, and Completed for a finished one', () => {
    const deleting = withContainers([{ ready: true, state: { running: {} } }], { metadata: { deletionTimestamp: '2024-05-01T10:00:00Z' } });
    expect(podStatus(deleting).status).toBe('Terminating');
    const done = withContainers([{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }], { status: { phase: 'Succeeded' } });
    expect(podStatus(done).status).toBe('Completed');
  });

  it('shows init container progress', () => {
    const pod = {
      metadata: { name: 'p' },
      spec: { containers: [{}], initContainers: [{}, {}] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [{ state: { terminated: { exitCode: 0 } } }, { state: { running: {} } }],
        containerStatuses: [{ state: { waiting: { reason: 'PodInitializing' } } }],
      },
    } as RawPod;
    expect(podStatus(pod).status).toBe('Init:1/2');
  });

  it('sanitises names and labels and resolves the Deployment from the pod-template-hash when the RS is unknown', () => {
    const raw = {
      metadata: {
        name: 'web-5c6b-x\u001b[2J',
        namespace: 'prod',
        uid: 'u1',
        labels: { 'pod-template-hash': '5c6b', note: 'a\u001b]52;c;Zm9v\u0007b' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'web-5c6b', controller: true }],
      },
      spec: { containers: [{}] },
      status: { phase: 'Running' },
    } as RawPod;
    const pod = mapPod(raw);
    expect(pod.name).toBe('web-5c6b-x');
    expect(pod.labels.note).toBe('ab');
    expect(resolveOwner(pod, new Map())).toMatchObject({ owner: 'web', ownerKind: 'Deployment' });
    expect(resolveOwner(pod, new Map([['prod/web-5c6b', 'frontend']]))).toMatchObject({ owner: 'frontend' });
  });
});
