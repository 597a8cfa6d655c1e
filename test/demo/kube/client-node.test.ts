// The simulated apiserver through @kubernetes/client-node, the client the console itself uses.
import { PassThrough } from 'node:stream';
import { ApiException, AuthorizationV1Api, CoreV1Api, Log, Watch, makeInformer, type LogOptions, type V1Pod, type V1Status } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { eventually } from '../../helpers/eventually.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('core/v1 through client-node', () => {
  it('lists the seeded pods across namespaces with real-looking metadata and status', async () => {
    h = await startHarness();
    const core = h.kc.makeApiClient(CoreV1Api);
    const list = await core.listPodForAllNamespaces();
    expect(list.metadata?.resourceVersion).toMatch(/^\d+$/);
    const names = list.items.map((p) => p.metadata?.name ?? '');
    expect(names).toHaveLength(5);
    expect(names.filter((n) => /^claude-tui-[a-z0-9]{10}-[a-z0-9]{5}$/.test(n))).toHaveLength(3);
    const pod = list.items[0]!;
    expect(pod.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', controller: true });
    expect(pod.metadata?.labels?.['pod-template-hash']).toBe(pod.metadata?.ownerReferences?.[0]?.name.split('-').pop());
    expect(pod.spec?.containers[0]?.resources?.limits?.memory).toBe('512Mi');
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.containerStatuses?.[0]?.state?.running?.startedAt).toBeInstanceOf(Date);
    expect(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it('filters by label and field selectors and lists nodes and namespaces', async () => {
    h = await startHarness();
    const core = h.kc.makeApiClient(CoreV1Api);
    const rust = await core.listNamespacedPod({ namespace: 'hive', labelSelector: 'app=hive-mind-rust' });
    expect(rust.items.map((p) => p.metadata?.labels?.app)).toEqual(['hive-mind-rust', 'hive-mind-rust']);
    const notRust = await core.listNamespacedPod({ namespace: 'hive', labelSelector: 'app notin (hive-mind-rust)' });
    expect(notRust.items).toHaveLength(3);
    const one = rust.items[0]!;
    const byName = await core.listPodForAllNamespaces({ fieldSelector: `metadata.name=${one.metadata?.name}` });
    expect(byName.items.map((p) => p.metadata?.name)).toEqual([one.metadata?.name]);
    const onNode = await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${one.spec?.nodeName}` });
    expect(onNode.items.length).toBeGreaterThan(0);
    expect(onNode.items.every((p) => p.spec?.nodeName === one.spec?.nodeName)).toBe(true);
    expect(await core.listNamespacedPod({ namespace: 'elsewhere' })).toMatchObject({ items: [] });
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['hive-control-plane', 'hive-worker-1', 'hive-worker-2']);
    const namespaces = await core.listNamespace();
    expect(namespaces.items.map((n) => n.metadata?.name)).toContain('hive');
  });

  it('answers unknown objects with a NotFound Status and bad selectors with 400', async () => {
    h = await startHarness();
    const core = h.kc.makeApiClient(CoreV1Api);
    const err = await core.readNamespacedPod({ name: 'ghost', namespace: 'hive' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiException);
    const body = JSON.parse(String((err as ApiException<string>).body)) as V1Status;
    expect((err as ApiException<string>).code).toBe(404);
    expect(body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, details: { name: 'ghost', kind: 'pods' } });
    expect(body.message).toBe('pods "ghost" not found');
    const bad = await fetch(`${h.baseUrl}/api/v1/pods?labelSelector=${encodeURIComponent('app in (x')}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ kind: 'Status', code: 400 });
  });

  it('answers SelfSubjectAccessReviews from the configured policy and enforces it', async () => {
    h = await startHarness({ policy: (a) => ({ allowed: a.verb !== 'delete', reason: a.verb === 'delete' ? 'read-only on-call role' : 'ok' }) });
    const authz = h.kc.makeApiClient(AuthorizationV1Api);
    const review = (verb: string) =>
      authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes: { verb, resource: 'pods', namespace: 'hive' } } } });
    expect((await review('get')).status?.allowed).toBe(true);
    const denied = await review('delete');
    expect(denied.status).toMatchObject({ allowed: false, reason: 'read-only on-call role' });
    const core = h.kc.makeApiClient(CoreV1Api);
    const pod = h.cluster.pods('hive')[0]!;
    const err = (await core.deleteNamespacedPod({ name: pod.name, namespace: 'hive' }).catch((e: unknown) => e)) as ApiException<string>;
    expect(err.code).toBe(403);
    expect(JSON.parse(err.body).reason).toBe('Forbidden');
    expect(h.cluster.pods('hive').find((p) => p.name === pod.name)?.deleting).toBe(false);
  });
});

describe('watch', () => {
  it('streams ADDED, MODIFIED and DELETED from a list resourceVersion and stops cleanly on abort', async () => {
    h = await startHarness();
    const harness = h;
    const core = harness.kc.makeApiClient(CoreV1Api);
    const list = await core.listNamespacedPod({ namespace: 'hive' });
    const baseline = harness.cluster.openStreams();
    const seen: { type: string; name: string; deleting: boolean }[] = [];
    let ended = false;
    const ctl = await new Watch(harness.kc).watch(
      '/api/v1/namespaces/hive/pods',
      { resourceVersion: list.metadata?.resourceVersion },
      (type, obj: V1Pod) => seen.push({ type, name: obj.metadata?.name ?? '', deleting: Boolean(obj.metadata?.deletionTimestamp) }),
      () => {
        ended = true;
      },
    );
    await eventually('the watch to be registered', () => harness.cluster.openStreams() > baseline);
    const victim = list.items[0]!.metadata!.name!;
    await core.deleteNamespacedPod({ name: victim, namespace: 'hive' });
    harness.tick(6);
    await eventually('watch events', () => seen.some((e) => e.type === 'DELETED' && e.name === victim) && seen.some((e) => e.type === 'ADDED'));
    expect(seen.find((e) => e.name === victim)).toEqual({ type: 'MODIFIED', name: victim, deleting: true });
    const added = seen.find((e) => e.type === 'ADDED')!;
    expect(added.name).not.toBe(victim);
    // the replacement starts: ContainerCreating -> Running is a MODIFIED of the new pod
    expect(seen.some((e) => e.type === 'MODIFIED' && e.name === added.name)).toBe(true);
    ctl.abort();
    await eventually('the server to drop the watch', () => harness.cluster.openStreams() === baseline);
    expect(ended).toBe(true);
  });

  it('sends ADDED for every current object when started without a resourceVersion, filtered by selector', async () => {
    h = await startHarness();
    const harness = h;
    const seen: string[] = [];
    const ctl = await new Watch(harness.kc).watch('/api/v1/pods', { labelSelector: 'app=claude-tui' }, (type, obj: V1Pod) => seen.push(`${type} ${obj.metadata?.labels?.app}`), () => {});
    await eventually('initial ADDED events', () => seen.length >= 3);
    expect(seen).toEqual(['ADDED claude-tui', 'ADDED claude-tui', 'ADDED claude-tui']);
    ctl.abort();
  });

  it('answers a resourceVersion older than its history with an in-stream 410 Expired', async () => {
    h = await startHarness({ watchHistory: 5 });
    const harness = h;
    const core = harness.kc.makeApiClient(CoreV1Api);
    const rv = (await core.listPodForAllNamespaces()).metadata!.resourceVersion!;
    for (const p of harness.cluster.pods('hive')) harness.cluster.setContainer('hive', p.name, { state: 'running', ready: false }, harness.now());
    harness.tick(1);
    const errors: { type: string; obj: V1Status }[] = [];
    let done = false;
    await new Watch(harness.kc).watch('/api/v1/pods', { resourceVersion: rv }, (type, obj: V1Status) => errors.push({ type, obj }), () => {
      done = true;
    });
    await eventually('the expired watch to end', () => done);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ type: 'ERROR', obj: { kind: 'Status', code: 410, reason: 'Expired', status: 'Failure' } });
  });

  it('feeds a client-node informer: initial list, then updates and deletes', async () => {
    h = await startHarness();
    const harness = h;
    const core = harness.kc.makeApiClient(CoreV1Api);
    const informer = makeInformer<V1Pod>(harness.kc, '/api/v1/namespaces/hive/pods', () => core.listNamespacedPod({ namespace: 'hive' }));
    const deleted: string[] = [];
    const updated = new Set<string>();
    informer.on('delete', (p) => deleted.push(p.metadata?.name ?? ''));
    informer.on('update', (p) => updated.add(p.metadata?.name ?? ''));
    await informer.start();
    expect(informer.list('hive')).toHaveLength(5);
    const victim = harness.cluster.pods('hive')[0]!.name;
    harness.cluster.setContainer('hive', harness.cluster.pods('hive')[1]!.name, { state: 'waiting', reason: 'CrashLoopBackOff' }, harness.now());
    await core.deleteNamespacedPod({ name: victim, namespace: 'hive', gracePeriodSeconds: 0 });
    harness.tick(4);
    await eventually('the informer to catch up', () => deleted.includes(victim) && informer.list('hive').length === 5);
    expect(informer.get(harness.cluster.pods('hive')[1]!.name, 'hive')?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    await informer.stop();
  });

  it('ends a watch after timeoutSeconds', async () => {
    h = await startHarness();
    const harness = h;
    let done = false;
    await new Watch(harness.kc).watch('/apis/apps/v1/deployments', { timeoutSeconds: 1 }, () => {}, () => {
      done = true;
    });
    await eventually('the server to end the watch', () => done);
    expect(harness.cluster.openStreams()).toBe(0);
  });
});

describe('pod logs through client-node Log', () => {
  const collect = (stream: PassThrough): (() => string) => {
    let text = '';
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    return () => text;
  };

  it('honours tailLines, sinceTime and timestamps', async () => {
    h = await startHarness();
    const harness = h;
    const pod = harness.cluster.pods('hive')[0]!;
    for (let i = 0; i < 10; i++) {
      harness.logs.append({ tMs: harness.now() - (10 - i) * 1000, namespace: 'hive', pod: pod.name, container: pod.deployment, labels: {}, line: `line ${i}` });
    }
    const read = async (opts: LogOptions): Promise<string> => {
      const stream = new PassThrough();
      const text = collect(stream);
      const ended = new Promise((r) => stream.on('end', r));
      await new Log(harness.kc).log('hive', pod.name, pod.deployment, stream, opts);
      await ended;
      return text();
    };
    expect(await read({ tailLines: 3 })).toBe('line 7\nline 8\nline 9\n');
    expect(await read({ sinceSeconds: 2 })).toBe('line 8\nline 9\n');
    const since = new Date(harness.now() - 3000).toISOString();
    expect(await read({ sinceTime: since })).toBe('line 7\nline 8\nline 9\n');
    const stamped = (await read({ tailLines: 1, timestamps: true })).trimEnd();
    expect(stamped).toBe(`${new Date(harness.now() - 1000).toISOString().replace('Z', '000000Z')} line 9`);
  });

  it('follows new lines until the client goes away, without leaking subscriptions', async () => {
    h = await startHarness();
    const harness = h;
    const pod = harness.cluster.pods('hive')[0]!;
    harness.logs.append({ tMs: harness.now(), namespace: 'hive', pod: pod.name, container: pod.deployment, labels: {}, line: 'before' });
    const stream = new PassThrough();
    const text = collect(stream);
    const ctl = await new Log(harness.kc).log('hive', pod.name, pod.deployment, stream, { follow: true });
    await eventually('the backlog', () => text().includes('before'));
    await eventually('the follow subscription', () => harness.logs.subscribers() === 1);
    harness.logs.append({ tMs: harness.now() + 1, namespace: 'hive', pod: pod.name, container: pod.deployment, labels: {}, line: 'after' });
    harness.logs.append({ tMs: harness.now() + 2, namespace: 'hive', pod: 'other-pod', container: pod.deployment, labels: {}, line: 'not mine' });
    await eventually('the followed line', () => text().includes('after'));
    expect(text()).toBe('before\nafter\n');
    ctl.abort();
    await eventually('the follow to be dropped', () => harness.logs.subscribers() === 0 && harness.cluster.openStreams() === 0);
  });

  it('ends a follow when the pod is deleted', async () => {
    h = await startHarness();
    const harness = h;
    const pod = harness.cluster.pods('hive')[0]!;
    const stream = new PassThrough();
    collect(stream);
    const ended = new Promise((r) => stream.on('end', r));
    await new Log(harness.kc).log('hive', pod.name, pod.deployment, stream, { follow: true });
    await eventually('the follow subscription', () => harness.logs.subscribers() === 1);
    await harness.kc.makeApiClient(CoreV1Api).deleteNamespacedPod({ name: pod.name, namespace: 'hive', gracePeriodSeconds: 0 });
    await ended;
    expect(harness.logs.subscribers()).toBe(0);
  });
});
