import { KubeConfig } from '@kubernetes/client-node';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createKubeHttp, loadKubeConfig } from '../../src/sources/kube-client.js';
import { createKubeSource } from '../../src/sources/kubernetes.js';
import type { Source } from '../../src/sources/source.js';
import type { KubeData, SourceState } from '../../src/state/types.js';
import { eventuallyValue } from '../helpers/eventually.js';
import { json, pod, startFake, writeKubeconfig, type FakeServer } from './fake-servers.js';

let fake: FakeServer | null = null;
let source: Source<KubeData> | null = null;
afterEach(async () => {
  source?.stop();
  source = null;
  await fake?.close();
  fake = null;
});

const deployment = {
  kind: 'Deployment',
  metadata: { name: 'claude-tui', namespace: 'production', annotations: { 'deployment.kubernetes.io/revision': '3' } },
  spec: { replicas: 2, template: { spec: { containers: [{ name: 'app', image: 'ghcr.io/hive/claude-tui:2.1' }] } } },
  status: { replicas: 2, readyReplicas: 1, updatedReplicas: 2, availableReplicas: 1 },
};
const replicaSet = {
  kind: 'ReplicaSet',
  metadata: {
    name: 'claude-tui-7d9f',
    namespace: 'production',
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'claude-tui', uid: 'd1', controller: true }],
  },
};

function watchEvent(res: ServerResponse, type: string, object: unknown) {
  res.write(`${JSON.stringify({ type, object })}\n`);
}

function start(server: FakeServer, namespace: string | null = 'production', backoffMs = 20) {
  const kc = new KubeConfig();
  kc.loadFromFile(writeKubeconfig(server.url));
  let state: SourceState<KubeData> | null = null;
  source = createKubeSource({
    kc,
    http: createKubeHttp(kc),
    namespace,
    intervalMs: 50,
    timeoutMs: 1000,
    backoffMs,
    onState: (s) => {
      state = s;
    },
  });
  source.start();
  return () => state;
}

describe('kubernetes source', () => {
  it('lists, then applies watch events from the list resourceVersion; resolves owners through ReplicaSets', async () => {
    const watchedFrom: (string | null)[] = [];
    fake = await startFake((req, res, url) => {
      const p = url.pathname;
      if (p === '/apis/apps/v1/namespaces/production/deployments') return json(res, 200, { kind: 'DeploymentList', metadata: {}, items: [deployment] });
      if (p === '/apis/apps/v1/namespaces/production/replicasets') return json(res, 200, { kind: 'ReplicaSetList', metadata: {}, items: [replicaSet] });
      if (p === '/api/v1/namespaces/production/pods' && url.searchParams.get('watch') === 'true') {
        watchedFrom.push(url.searchParams.get('resourceVersion'));
        res.writeHead(200, { 'Content-Type': 'application/json' });
        watchEvent(res, 'ADDED', pod({ name: 'claude-tui-7d9f-b', rs: 'claude-tui-7d9f', hash: '7d9f', resourceVersion: '11' }));
        watchEvent(res, 'MODIFIED', {
          ...pod({
            name: 'claude-tui-7d9f-a',
            rs: 'claude-tui-7d9f',
            hash: '7d9f',
            resourceVersion: '12',
            containerStatuses: [{ name: 'app', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
          }),
        });
        return;
      }
      if (p === '/api/v1/namespaces/production/pods') {
        return json(res, 200, {
          kind: 'PodList',
          metadata: { resourceVersion: '10' },
          items: [pod({ name: 'claude-tui-7d9f-a', rs: 'claude-tui-7d9f', hash: '7d9f' }), pod({ name: 'old-job', phase: 'Succeeded' })],
        });
      }
      json(res, 404, { kind: 'Status', code: 404, message: 'not found' });
    });
    const get = start(fake);
    const state = await eventuallyValue(
      'watched pods',
      get,
      (s) => s?.data?.pods.length === 3 && s.data.deployments.length === 1 && s.data.pods.some((p) => p.status === 'CrashLoopBackOff'),
    );
    const data = state!.data!;
    expect(data.watch).toBe('live');
    expect(data.context).toBe('fake');
    expect(data.cluster).toBe('fake-cluster');
    const crashing = data.pods.find((p) => p.name === 'claude-tui-7d9f-a')!;
    expect(crashing).toMatchObject({ status: 'CrashLoopBackOff', restarts: 4, ready: 0, total: 1, owner: 'claude-tui', ownerKind: 'Deployment' });
    expect(data.deployments[0]).toMatchObject({ name: 'claude-tui', revision: 3, readyReplicas: 1, images: ['ghcr.io/hive/claude-tui:2.1'] });
    expect(watchedFrom).toEqual(['10']);
    expect(state!.error).toBeNull();
  });

  it('re-lists after 410 Gone and shows reconnecting (keeping pods) while the API server is away', async () => {
    let lists = 0;
    let down = false;
    fake = await startFake((req, res, url) => {
      const p = url.pathname;
      if (down) {
        res.socket?.destroy();
        return;
      }
      if (p.startsWith('/apis/apps/v1/')) return json(res, 200, { metadata: {}, items: [] });
      if (url.searchParams.get('watch') === 'true') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        if (lists === 1) {
          watchEvent(res, 'ERROR', { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'too old resource version: 10 (50)', reason: 'Expired', code: 410 });
        } else {
          // second watch: then the API server goes away
          setTimeout(() => {
            down = true;
            res.socket?.destroy();
          }, 30);
        }
        return;
      }
      lists++;
      const items = lists === 1 ? [pod({ name: 'a' })] : [pod({ name: 'a' }), pod({ name: 'b' })];
      json(res, 200, { kind: 'PodList', metadata: { resourceVersion: lists === 1 ? '10' : '60' }, items });
    });
    const get = start(fake, null);
    await eventuallyValue('relisted pods', get, (s) => s?.data?.pods.length === 2);
    expect(lists).toBe(2);
    expect(fake.requests.some((r) => r.path === '/api/v1/pods')).toBe(true);
    const state = await eventuallyValue('reconnecting', get, (s) => s?.data?.watch === 'reconnecting');
    expect(state!.data!.pods.map((p) => p.name).sort()).toEqual(['a', 'b']);
    expect(state!.error).toMatch(/^kubernetes: /);
  });

  it('reports an unreachable API server as one line and no data', async () => {
    fake = await startFake((req, res) => {
      res.socket?.destroy();
    });
    const get = start(fake);
    const state = await eventuallyValue('error', get, (s) => s !== null && !s.loading && s.error !== null);
    expect(state!.data).toBeNull();
    expect(state!.error).toMatch(/^kubernetes: .*(socket hang up|ECONNRESET)/);
    expect(state!.error).not.toContain('\n');
  });

  it('drops a pod from the Pods pane when the watch says it was DELETED', async () => {
    let watches = 0;
    fake = await startFake((req, res, url) => {
      if (url.pathname.startsWith('/apis/apps/v1/')) return json(res, 200, { metadata: {}, items: [] });
      if (url.searchParams.get('watch') === 'true') {
        watches++;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        // the deletion comes a moment after the list, as it would in a live cluster
        setTimeout(() => watchEvent(res, 'DELETED', pod({ name: 'b', resourceVersion: '11' })), 100);
        return;
      }
      json(res, 200, { kind: 'PodList', metadata: { resourceVersion: '10' }, items: [pod({ name: 'a' }), pod({ name: 'b' })] });
    });
    const get = start(fake);
    await eventuallyValue('both pods listed', get, (s) => s?.data?.pods.length === 2);
    const state = await eventuallyValue('b deleted', get, (s) => s?.data?.pods.length === 1);
    expect(state!.data!.pods.map((p) => p.name)).toEqual(['a']);
    expect(state!.data!.watch).toBe('live');
    expect(watches).toBe(1);
  });

  it('re-lists at once after 410 Gone: no backoff stands between the pane and the fresh list', async () => {
    let lists = 0;
    fake = await startFake((req, res, url) => {
      if (url.pathname.startsWith('/apis/apps/v1/')) return json(res, 200, { metadata: {}, items: [] });
      if (url.searchParams.get('watch') === 'true') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        if (lists === 1) watchEvent(res, 'ERROR', { kind: 'Status', status: 'Failure', message: 'too old resource version', reason: 'Expired', code: 410 });
        else res.flushHeaders();
        return;
      }
      lists++;
      json(res, 200, { kind: 'PodList', metadata: { resourceVersion: String(lists * 10) }, items: lists === 1 ? [pod({ name: 'a' })] : [pod({ name: 'c' })] });
    });
    // twenty seconds of backoff: had the 410 waited for it, the relist would not come within the test's wait
    const get = start(fake, 'production', 20_000);
    const state = await eventuallyValue('the relisted pod', get, (s) => s?.data?.pods.map((p) => p.name).join() === 'c', { timeoutMs: 3000 });
    expect(state!.error).toBeNull();
  });

  it('says it is loading before the first answer', () => {
    const kc = new KubeConfig();
    kc.loadFromFile(writeKubeconfig('http://127.0.0.1:1'));
    const s = createKubeSource({ kc, http: createKubeHttp(kc), namespace: null, intervalMs: 1000, timeoutMs: 1000, onState: () => undefined });
    expect(s.initialState()).toEqual({ data: null, error: null, updatedAt: null, loading: true });
  });

  it('rejects a context that is not in the kubeconfig, naming the ones that are', () => {
    const path = writeKubeconfig('http://127.0.0.1:1');
    expect(() => loadKubeConfig({ kubeconfig: path, context: 'prod' })).toThrow(
      'kubernetes.context: no context "prod" in the kubeconfig (have: fake)',
    );
  });
});
