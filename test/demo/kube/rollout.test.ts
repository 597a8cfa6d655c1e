// Deployment writes as an on-call engineer makes them: image patch (new ReplicaSet, revision 2, pods roll),
// rollback to an identical template (old ReplicaSet re-used as revision 3), scale, pod delete, dryRun.
import { AppsV1Api, CoreV1Api, PatchStrategy, setHeaderOptions, type ApiException, type V1ReplicaSet } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const REV = 'deployment.kubernetes.io/revision';
const strategic = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

async function replicaSets(apps: AppsV1Api, app: string): Promise<V1ReplicaSet[]> {
  return (await apps.listNamespacedReplicaSet({ namespace: 'hive', labelSelector: `app=${app}` })).items;
}
const rsByImage = (rss: V1ReplicaSet[], image: string) => rss.find((rs) => rs.spec?.template?.spec?.containers[0]?.image === image);

describe('rolling updates and rollbacks', () => {
  it('patching the image rolls pods onto a new ReplicaSet; patching back re-uses the old one with the next revision', async () => {
    h = await startHarness();
    const apps = h.kc.makeApiClient(AppsV1Api);
    const patched = await apps.patchNamespacedDeployment(
      { name: 'hive-mind-rust', namespace: 'hive', body: { spec: { template: { spec: { containers: [{ name: 'hive-mind-rust', image: 'ghcr.io/hive/hive-mind-rust:0.9.1' }] } } } } },
      strategic,
    );
    // strategic merge keeps what the patch did not mention in the named container
    expect(patched.spec?.template.spec?.containers[0]).toMatchObject({ image: 'ghcr.io/hive/hive-mind-rust:0.9.1', args: ['--raft'] });
    expect(patched.metadata?.annotations?.[REV]).toBe('2');
    expect(patched.metadata?.generation).toBe(2);
    const old = rsByImage(await replicaSets(apps, 'hive-mind-rust'), 'ghcr.io/hive/hive-mind-rust:0.9.0')!;
    const fresh = rsByImage(await replicaSets(apps, 'hive-mind-rust'), 'ghcr.io/hive/hive-mind-rust:0.9.1')!;
    expect(fresh.metadata?.annotations?.[REV]).toBe('2');
    expect(fresh.metadata?.name).toBe(`hive-mind-rust-${fresh.metadata?.labels?.['pod-template-hash']}`);
    expect(fresh.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'hive-mind-rust', controller: true });

    // mid-rollout both generations of pods exist; at the end only the new one
    h.tick(2);
    const mid = h.cluster.pods('hive').filter((p) => p.deployment === 'hive-mind-rust' && !p.deleting);
    expect(new Set(mid.map((p) => p.templateHash)).size).toBe(2);
    h.tick(15);
    const after = h.cluster.pods('hive').filter((p) => p.deployment === 'hive-mind-rust');
    expect(after).toHaveLength(2);
    expect(after.every((p) => p.images[0] === 'ghcr.io/hive/hive-mind-rust:0.9.1' && p.status === 'Running' && p.name.startsWith(fresh.metadata!.name!))).toBe(true);
    const dep = await apps.readNamespacedDeployment({ name: 'hive-mind-rust', namespace: 'hive' });
    expect(dep.status).toMatchObject({ replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 2 });

    // back to the old image: the old ReplicaSet (same name, same hash) comes back as revision 3
    const back = await apps.patchNamespacedDeployment(
      { name: 'hive-mind-rust', namespace: 'hive', body: { spec: { template: { spec: { containers: [{ name: 'hive-mind-rust', image: 'ghcr.io/hive/hive-mind-rust:0.9.0' }] } } } } },
      strategic,
    );
    expect(back.metadata?.annotations?.[REV]).toBe('3');
    h.tick(15);
    const rss = await replicaSets(apps, 'hive-mind-rust');
    expect(rss).toHaveLength(2);
    const reused = rsByImage(rss, 'ghcr.io/hive/hive-mind-rust:0.9.0')!;
    expect(reused.metadata?.name).toBe(old.metadata?.name);
    expect(reused.metadata?.annotations?.[REV]).toBe('3');
    expect(reused.spec?.replicas).toBe(2);
    expect(rsByImage(rss, 'ghcr.io/hive/hive-mind-rust:0.9.1')?.spec?.replicas).toBe(0);
    expect(h.cluster.pods('hive').filter((p) => p.deployment === 'hive-mind-rust').every((p) => p.templateHash === old.metadata?.labels?.['pod-template-hash'])).toBe(true);
  });

  it('keeps old pods serving while the new ones crash-loop (a stalled bad deploy)', async () => {
    h = await startHarness();
    const apps = h.kc.makeApiClient(AppsV1Api);
    await apps.patchNamespacedDeployment(
      { name: 'claude-tui', namespace: 'hive', body: { spec: { template: { spec: { containers: [{ name: 'claude-tui', image: 'ghcr.io/hive/claude-tui:9.9.9-broken' }] } } } } },
      strategic,
    );
    for (let i = 0; i < 20; i++) {
      for (const p of h.cluster.pods('hive')) {
        if (p.images[0]?.endsWith('broken') && !p.deleting) h.cluster.setContainer('hive', p.name, { state: 'waiting', reason: 'CrashLoopBackOff' }, h.now());
      }
      h.tick(1);
    }
    const pods = h.cluster.pods('hive').filter((p) => p.deployment === 'claude-tui' && !p.deleting);
    expect(pods.filter((p) => p.status === 'Running')).toHaveLength(3);
    expect(pods.filter((p) => p.status === 'CrashLoopBackOff')).toHaveLength(1);
    const progressing = async () =>
      (await apps.readNamespacedDeployment({ name: 'claude-tui', namespace: 'hive' })).status?.conditions?.find((c) => c.type === 'Progressing');
    expect((await progressing())?.reason).toBe('ReplicaSetUpdated');
    // ten minutes without progress: the deadline kubectl rollout status gives up on
    h.tick(600);
    expect(await progressing()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
  });

  it('a merge patch that only changes replicas scales without a new revision', async () => {
    h = await startHarness();
    const apps = h.kc.makeApiClient(AppsV1Api);
    const dep = await apps.patchNamespacedDeployment({ name: 'claude-tui', namespace: 'hive', body: { spec: { replicas: 5 } } }, merge);
    expect(dep.metadata?.annotations?.[REV]).toBe('2');
    h.tick(3);
    expect(h.cluster.pods('hive').filter((p) => p.deployment === 'claude-tui' && p.ready)).toHaveLength(5);
    expect(await replicaSets(apps, 'claude-tui')).toHaveLength(2);
  });

  it('rejects invalid patches with a Status the client can show', async () => {
    h = await startHarness();
    const apps = h.kc.makeApiClient(AppsV1Api);
    const err = (await apps
      .patchNamespacedDeployment({ name: 'claude-tui', namespace: 'hive', body: { spec: { replicas: -1 } } }, merge)
      .catch((e: unknown) => e)) as ApiException<string>;
    expect(err.code).toBe(422);
    expect(JSON.parse(err.body)).toMatchObject({ kind: 'Status', reason: 'Invalid', code: 422 });
    const notJson = await fetch(`${h.baseUrl}/apis/apps/v1/namespaces/hive/deployments/claude-tui`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    const current = await apps.readNamespacedDeployment({ name: 'claude-tui', namespace: 'hive' });
    const stale = { ...current, metadata: { ...current.metadata, resourceVersion: '1' }, spec: { ...current.spec!, replicas: 7 } };
    const conflict = (await apps.replaceNamespacedDeployment({ name: 'claude-tui', namespace: 'hive', body: stale }).catch((e: unknown) => e)) as ApiException<string>;
    expect(conflict.code).toBe(409);
    const fresh = await apps.replaceNamespacedDeployment({ name: 'claude-tui', namespace: 'hive', body: { ...current, spec: { ...current.spec!, replicas: 7 } } });
    expect(fresh.spec?.replicas).toBe(7);
    const missing = (await apps.readNamespacedDeployment({ name: 'nope', namespace: 'hive' }).catch((e: unknown) => e)) as ApiException<string>;
    expect(JSON.parse(missing.body)).toMatchObject({ reason: 'NotFound', message: 'deployments.apps "nope" not found' });
  });
});

describe('scale, delete and dryRun', () => {
  it('the scale subresource changes the pod count after a few ticks', async () => {
    h = await startHarness();
    const apps = h.kc.makeApiClient(AppsV1Api);
    const scale = await apps.readNamespacedDeploymentScale({ name: 'claude-tui', namespace: 'hive' });
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 3 }, status: { replicas: 3, selector: 'app=claude-tui' } });
    await apps.replaceNamespacedDeploymentScale({ name: 'claude-tui', namespace: 'hive', body: { ...scale, spec: { replicas: 1 } } });
    h.tick(5);
    expect(h.cluster.pods('hive').filter((p) => p.deployment === 'claude-tui')).toHaveLength(1);
    await apps.patchNamespacedDeploymentScale({ name: 'claude-tui', namespace: 'hive', body: { spec: { replicas: 4 } } }, merge);
    h.tick(1);
    expect(h.cluster.pods('hive').filter((p) => p.deployment === 'claude-tui').map((p) => p.status).sort()).toEqual([
      'ContainerCreating',
      'ContainerCreating',
      'ContainerCreating',
      'Running',
    ]);
    h.tick(3);
    expect(h.cluster.pods('hive').filter((p) => p.deployment === 'claude-tui' && p.status === 'Running')).toHaveLength(4);
  });

  it('a deleted pod shows Terminating, then disappears and is replaced', async () => {
    h = await startHarness();
    const core = h.kc.makeApiClient(CoreV1Api);
    const victim = h.cluster.pods('hive')[0]!;
    const returned = await core.deleteNamespacedPod({ name: victim.name, namespace: 'hive', gracePeriodSeconds: 2 });
    expect(returned.metadata?.deletionTimestamp).toBeInstanceOf(Date);
    expect(h.cluster.pods('hive').find((p) => p.name === victim.name)).toMatchObject({ status: 'Terminating', deleting: true });
    h.tick(1);
    expect(h.cluster.pods('hive').find((p) => p.name === victim.name)?.status).toBe('Terminating');
    const replacement = h.cluster.pods('hive').find((p) => p.deployment === victim.deployment && !p.deleting && p.name !== victim.name && p.status === 'ContainerCreating');
    expect(replacement).toBeDefined();
    h.tick(3);
    const pods = h.cluster.pods('hive').filter((p) => p.deployment === victim.deployment);
    expect(pods.map((p) => p.name)).not.toContain(victim.name);
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.status === 'Running')).toBe(true);
    const events = await core.listNamespacedEvent({ namespace: 'hive', fieldSelector: `involvedObject.name=${victim.name}` });
    expect(events.items.map((e) => e.reason)).toContain('Killing');
  });

  it('dryRun=All on delete, patch and scale changes nothing but answers as if it had', async () => {
    h = await startHarness();
    const core = h.kc.makeApiClient(CoreV1Api);
    const apps = h.kc.makeApiClient(AppsV1Api);
    const before = await core.listPodForAllNamespaces();
    const rv = before.metadata?.resourceVersion;
    const victim = before.items[0]!.metadata!.name!;
    const dead = await core.deleteNamespacedPod({ name: victim, namespace: 'hive', dryRun: 'All' });
    expect(dead.metadata?.deletionTimestamp).toBeInstanceOf(Date);
    const patched = await apps.patchNamespacedDeployment(
      { name: 'claude-tui', namespace: 'hive', dryRun: 'All', body: { spec: { template: { spec: { containers: [{ name: 'claude-tui', image: 'x:1' }] } } } } },
      strategic,
    );
    expect(patched.spec?.template.spec?.containers[0]?.image).toBe('x:1');
    const scaled = await apps.patchNamespacedDeploymentScale({ name: 'claude-tui', namespace: 'hive', dryRun: 'All', body: { spec: { replicas: 9 } } }, merge);
    expect(scaled.spec?.replicas).toBe(9);
    h.tick(5);
    const after = await core.listPodForAllNamespaces();
    expect(after.metadata?.resourceVersion).toBe(rv);
    expect(after.items.map((p) => p.metadata?.name)).toEqual(before.items.map((p) => p.metadata?.name));
    const dep = await apps.readNamespacedDeployment({ name: 'claude-tui', namespace: 'hive' });
    expect(dep.spec?.replicas).toBe(3);
    expect(dep.spec?.template.spec?.containers[0]?.image).toBe('ghcr.io/hive/claude-tui:1.4.2');
    expect(await replicaSets(apps, 'claude-tui')).toHaveLength(2);
  });
});
