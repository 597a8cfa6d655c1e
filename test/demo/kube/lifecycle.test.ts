// What the world drives directly: pod start-up, container transitions counted as the kubelet counts
// restarts, and the events an engineer would read in `kubectl describe`.
import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('pod lifecycle driven by the world', () => {
  it('counts a restart for each death and keeps the last one in lastState', async () => {
    h = await startHarness();
    const core = h.kc.makeApiClient(CoreV1Api);
    const pod = h.cluster.pods('hive')[0]!;
    const cycle = () => {
      h!.cluster.setContainer('hive', pod.name, { state: 'terminated', reason: 'Error', exitCode: 2 }, h!.now());
      h!.cluster.setContainer('hive', pod.name, { state: 'waiting', reason: 'CrashLoopBackOff' }, h!.now());
      h!.tick(1);
      h!.cluster.setContainer('hive', pod.name, { state: 'running', ready: true }, h!.now());
      h!.tick(1);
    };
    cycle();
    cycle();
    h.cluster.setContainer('hive', pod.name, { state: 'waiting', reason: 'CrashLoopBackOff' }, h.now());
    const sim = h.cluster.pods('hive').find((p) => p.name === pod.name)!;
    expect(sim).toMatchObject({ restarts: 3, status: 'CrashLoopBackOff', ready: false, phase: 'Running' });
    const live = await core.readNamespacedPod({ name: pod.name, namespace: 'hive' });
    const cs = live.status!.containerStatuses![0]!;
    expect(cs.restartCount).toBe(3);
    expect(cs.lastState?.terminated?.reason).toBe('Error');
    expect(cs.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(live.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    const events = await core.listNamespacedEvent({ namespace: 'hive', fieldSelector: `involvedObject.name=${pod.name},reason=BackOff` });
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({ type: 'Warning', count: 3, involvedObject: { kind: 'Pod', name: pod.name } });
  });

  it('a readiness flap is not a restart, and an OOM kill is', async () => {
    h = await startHarness();
    const pod = h.cluster.pods('hive')[1]!;
    h.cluster.setContainer('hive', pod.name, { state: 'running', ready: false }, h.now());
    expect(h.cluster.pods('hive').find((p) => p.name === pod.name)).toMatchObject({ restarts: 0, ready: false, status: 'Running' });
    h.cluster.setContainer('hive', pod.name, { state: 'terminated', reason: 'OOMKilled', exitCode: 137 }, h.now());
    expect(h.cluster.pods('hive').find((p) => p.name === pod.name)).toMatchObject({ restarts: 1, status: 'OOMKilled' });
  });

  it('new pods stay ContainerCreating when the world says so (e.g. an image that cannot be pulled)', async () => {
    h = await startHarness();
    const victim = h.cluster.pods('hive')[0]!;
    h.cluster.setContainer('hive', victim.name, { state: 'running', ready: true }, h.now());
    await h.kc.makeApiClient(CoreV1Api).deleteNamespacedPod({ name: victim.name, namespace: 'hive', gracePeriodSeconds: 0 });
    h.tick(1);
    const fresh = h.cluster.pods('hive').find((p) => p.status === 'ContainerCreating')!;
    expect(fresh.phase).toBe('Pending');
    h.cluster.setContainer('hive', fresh.name, { state: 'waiting', reason: 'ImagePullBackOff', message: 'manifest unknown' }, h.now());
    h.tick(5);
    expect(h.cluster.pods('hive').find((p) => p.name === fresh.name)).toMatchObject({ status: 'ImagePullBackOff', restarts: 0, phase: 'Pending' });
    // logs of a container that never started are refused the way the apiserver refuses them
    const res = await fetch(`${h.baseUrl}/api/v1/namespaces/hive/pods/${fresh.name}/log`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('is waiting to start: ImagePullBackOff');
  });

  it('records world events and aggregates repeats', async () => {
    h = await startHarness();
    const ev = { namespace: 'hive', kind: 'Deployment', name: 'claude-tui', type: 'Warning' as const, reason: 'ProgressDeadlineExceeded', message: 'rollout stalled', tMs: h.now() };
    h.cluster.recordEvent(ev);
    h.cluster.recordEvent({ ...ev, tMs: h.now() + 5000 });
    const list = await h.kc.makeApiClient(CoreV1Api).listNamespacedEvent({ namespace: 'hive', fieldSelector: 'involvedObject.kind=Deployment' });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ count: 2, reason: 'ProgressDeadlineExceeded', involvedObject: { name: 'claude-tui', apiVersion: 'apps/v1' } });
    expect(list.items[0]!.lastTimestamp!.getTime() - list.items[0]!.firstTimestamp!.getTime()).toBe(5000);
  });

  it('setTemplate rolls a deployment onto new containers with the next revision; the same containers change nothing', async () => {
    h = await startHarness();
    const revisionOf = async () =>
      (await h!.kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: 'claude-tui', namespace: 'hive' })).metadata?.annotations?.['deployment.kubernetes.io/revision'];
    h.cluster.setTemplate('hive', 'claude-tui', [{ name: 'claude-tui', image: 'ghcr.io/hive/claude-tui:1.4.2' }], h.now());
    expect(await revisionOf()).toBe('2');
    h.cluster.setTemplate('hive', 'claude-tui', [{ name: 'claude-tui', image: 'ghcr.io/hive/claude-tui:1.5.0' }], h.now());
    expect(await revisionOf()).toBe('3');
    h.tick(15);
    expect(h.cluster.pods('hive').filter((p) => p.deployment === 'claude-tui').map((p) => `${p.images[0]} ${p.status}`)).toEqual([
      'ghcr.io/hive/claude-tui:1.5.0 Running',
      'ghcr.io/hive/claude-tui:1.5.0 Running',
      'ghcr.io/hive/claude-tui:1.5.0 Running',
    ]);
  });

  it('seeds history as old ReplicaSets with their revisions', async () => {
    h = await startHarness();
    const res = await fetch(`${h.baseUrl}/apis/apps/v1/namespaces/hive/replicasets?labelSelector=app%3Dclaude-tui`);
    const body = (await res.json()) as { items: { metadata: { annotations: Record<string, string> }; spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } }[] };
    const summary = body.items
      .map((rs) => [rs.metadata.annotations['deployment.kubernetes.io/revision'], rs.spec.replicas, rs.spec.template.spec.containers[0]?.image])
      .sort();
    expect(summary).toEqual([
      ['1', 0, 'ghcr.io/hive/claude-tui:1.4.1'],
      ['2', 3, 'ghcr.io/hive/claude-tui:1.4.2'],
    ]);
  });
});
