// From a target to containers, alone: what is asked, how often, and which answer counts.
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createKubeHttp } from '../../src/sources/kube-client.js';
import type { ContainerRef } from '../../src/sources/logs/log-connection.js';
import { createTargetResolver, listTargetContainers, type TargetResolver } from '../../src/sources/logs/target-resolver.js';
import { eventually } from '../helpers/eventually.js';
import { json, pod, startFake, writeKubeconfig, type FakeServer } from './fake-servers.js';

let fake: FakeServer | null = null;
let resolver: TargetResolver | null = null;
afterEach(async () => {
  resolver?.stop();
  resolver = null;
  await fake?.close();
  fake = null;
});

const DEPLOYMENT = '/apis/apps/v1/namespaces/production/deployments/claude-tui';

function http(server: FakeServer) {
  const kc = new KubeConfig();
  kc.loadFromFile(writeKubeconfig(server.url));
  return createKubeHttp(kc);
}

/** A cluster with Deployment claude-tui (pods a with two containers, b) and a lone pod solo. */
async function cluster(opts: { selector?: Record<string, string> } = {}) {
  const selectors: (string | null)[] = [];
  const server = await startFake((req, res, url) => {
    const p = url.pathname;
    if (p === DEPLOYMENT) return json(res, 200, { kind: 'Deployment', spec: { selector: { matchLabels: opts.selector ?? { app: 'claude-tui', tier: 'web' } } } });
    if (p === '/api/v1/namespaces/production/pods') {
      selectors.push(url.searchParams.get('labelSelector'));
      return json(res, 200, { kind: 'PodList', items: [pod({ name: 'a', containers: ['app', 'sidecar'] }), pod({ name: 'b' })] });
    }
    if (p === '/api/v1/namespaces/production/pods/solo') return json(res, 200, pod({ name: 'solo' }));
    json(res, 404, { kind: 'Status', code: 404, message: `${p} not found` });
  });
  return { server, selectors };
}

const refs = (list: ContainerRef[]) => list.map((r) => `${r.namespace}/${r.pod}/${r.container}`);

describe('listTargetContainers', () => {
  it('a pod stands for its containers', async () => {
    const c = await cluster();
    fake = c.server;
    expect(refs(await listTargetContainers(http(fake), { kind: 'pod', namespace: 'production', name: 'solo' }, AbortSignal.timeout(1000), 1000))).toEqual([
      'production/solo/app',
    ]);
  });

  it("a Deployment stands for every container of the pods its selector matches", async () => {
    const c = await cluster();
    fake = c.server;
    const got = await listTargetContainers(http(fake), { kind: 'deployment', namespace: 'production', name: 'claude-tui' }, AbortSignal.timeout(1000), 1000);
    expect(refs(got)).toEqual(['production/a/app', 'production/a/sidecar', 'production/b/app']);
    expect(c.selectors).toEqual(['app=claude-tui,tier=web']);
  });

  it('a Deployment without a selector stands for nothing (it does not list every pod of the namespace)', async () => {
    const c = await cluster({ selector: {} });
    fake = c.server;
    expect(await listTargetContainers(http(fake), { kind: 'deployment', namespace: 'production', name: 'claude-tui' }, AbortSignal.timeout(1000), 1000)).toEqual([]);
    expect(c.selectors).toEqual([]);
  });
});

function make(server: FakeServer, resolveIntervalMs = 30) {
  const seen = { resolved: [] as string[][], settled: 0 };
  resolver = createTargetResolver({
    http: http(server),
    timeoutMs: 1000,
    resolveIntervalMs,
    settleMs: 40,
    onResolved: (list) => seen.resolved.push(refs(list)),
    onSettled: () => seen.settled++,
  });
  return { resolver, seen };
}

describe('target resolver', () => {
  it('resolves a new target only once the cursor rests on it', async () => {
    const c = await cluster();
    fake = c.server;
    const { resolver: r, seen } = make(fake);
    r.start();
    for (const name of ['p1', 'p2', 'solo']) expect(r.set({ kind: 'pod', namespace: 'production', name })).toBe(true);
    expect(r.resolving()).toBe(true);
    await eventually('solo resolved', () => seen.resolved.length === 1);
    expect(seen.resolved).toEqual([['production/solo/app']]);
    expect(fake.requests.map((q) => q.path)).toEqual(['/api/v1/namespaces/production/pods/solo']);
    expect(r.resolving()).toBe(false);
  });

  it('setting the same target again changes nothing', async () => {
    const c = await cluster();
    fake = c.server;
    const { resolver: r } = make(fake);
    expect(r.set({ kind: 'pod', namespace: 'production', name: 'solo' })).toBe(true);
    expect(r.set({ kind: 'pod', namespace: 'production', name: 'solo' })).toBe(false);
  });

  it('asks again for a Deployment (a rollout brings new pods), but not for a pod that resolved', async () => {
    const c = await cluster();
    fake = c.server;
    const { resolver: r, seen } = make(fake);
    r.set({ kind: 'deployment', namespace: 'production', name: 'claude-tui' });
    r.start();
    await eventually('three resolves', () => seen.resolved.length >= 3);
    r.set({ kind: 'pod', namespace: 'production', name: 'solo' });
    await eventually('solo', () => seen.resolved.at(-1)?.[0] === 'production/solo/app');
    const before = fake.requests.length;
    await new Promise((res) => setTimeout(res, 120));
    expect(fake.requests.length).toBe(before);
  });

  it('reports a target that cannot be resolved and keeps trying until it can', async () => {
    let fail = true;
    fake = await startFake((req, res) => {
      if (fail) return json(res, 404, { kind: 'Status', code: 404, message: 'pods "solo" not found' });
      json(res, 200, pod({ name: 'solo' }));
    });
    const { resolver: r, seen } = make(fake);
    r.set({ kind: 'pod', namespace: 'production', name: 'solo' });
    r.start();
    await eventually('an error', () => r.error());
    expect(r.error()).toBe('logs: pod production/solo: HTTP 404 Not Found: pods "solo" not found');
    expect(seen.resolved).toEqual([]);
    fail = false;
    await eventually('resolved after all', () => seen.resolved.length === 1);
    expect(r.error()).toBeNull();
  });

  it('ignores the late answer about a target it has left', async () => {
    let release: (() => void) | null = null;
    fake = await startFake((req, res, url) => {
      if (url.pathname.endsWith('/slow')) {
        release = () => json(res, 200, pod({ name: 'slow' }));
        return;
      }
      json(res, 200, pod({ name: 'solo' }));
    });
    const { resolver: r, seen } = make(fake);
    r.set({ kind: 'pod', namespace: 'production', name: 'slow' });
    r.start();
    await eventually('the slow request in flight', () => release !== null);
    r.set({ kind: 'pod', namespace: 'production', name: 'solo' });
    release!();
    await eventually('solo resolved', () => seen.resolved.length >= 1);
    await new Promise((res) => setTimeout(res, 50));
    expect(seen.resolved).toEqual([['production/solo/app']]);
  });
});
