// The permission check alone, against a fake API server that answers SelfSubjectAccessReviews: the order
// of the checks, the exact review asked, and the cache (server decisions for 30 s, failed checks never).
import { describe, expect, it } from 'vitest';
import type { KubeAccess } from '../../src/actions/backends.js';
import type { KubeApi } from '../../src/actions/kube-api.js';
import { createPermissionCheck, PERMISSION_TTL_MS, READ_ONLY_REASON } from '../../src/actions/permission-check.js';
import type { ActionKind } from '../../src/state/actions.js';

type Answer = { allowed: boolean; reason?: string } | Error;

/** An API server whose review answer the test sets; records every review it was asked. */
function fakeKube(answer: Answer = { allowed: true }) {
  const reviews: { method: string; path: string; attributes: Record<string, unknown> }[] = [];
  const state = { answer };
  const api: KubeApi = {
    context: 'prod-eu',
    cluster: 'eu-1',
    get: async () => ({}),
    async write(method, path, body) {
      reviews.push({ method, path, attributes: (body as { spec: { resourceAttributes: Record<string, unknown> } }).spec.resourceAttributes });
      if (state.answer instanceof Error) throw state.answer;
      return { status: state.answer };
    },
  };
  return { api, reviews, state };
}

function check(opts: { readOnly?: boolean; kube?: KubeAccess; problem?: (a: ActionKind) => string | null; now?: () => number } = {}) {
  const k = fakeKube();
  const kube = opts.kube ?? { api: k.api };
  const permission = createPermissionCheck({
    readOnly: opts.readOnly ?? false,
    backends: { kube: () => kube, problem: opts.problem ?? (() => null) },
    now: opts.now ?? (() => 0),
  });
  return { permission, ...k };
}

const pod = { kind: 'pod' as const, namespace: 'production', name: 'api-7d4f-x2kq9' };
const deployment = { kind: 'deployment' as const, namespace: 'production', name: 'api' };

describe('permission check', () => {
  it('refuses a read-only session, a wrong target and a missing backend without asking the server', async () => {
    const ro = check({ readOnly: true });
    expect(await ro.permission('pod-delete', pod)).toEqual({ allowed: false, reason: READ_ONLY_REASON });
    expect(await ro.permission('silence-create', { kind: 'alert', alertname: 'X', labels: {} })).toEqual({ allowed: false, reason: READ_ONLY_REASON });

    const c = check({ problem: (a) => (a === 'silence-expire' ? 'alertmanager not configured' : null) });
    expect(await c.permission('scale', pod)).toEqual({ allowed: false, reason: 'scale acts on a deployment, not on a pod' });
    expect(await c.permission('silence-expire', { kind: 'silence', id: 's1' })).toEqual({ allowed: false, reason: 'alertmanager not configured' });
    // Alertmanager and etcd have no RBAC to ask: configured is allowed
    expect(await c.permission('leader-transfer', { kind: 'member', id: '1', name: 'm1' })).toEqual({ allowed: true, reason: '' });
    expect(ro.reviews).toEqual([]);
    expect(c.reviews).toEqual([]);
  });

  it('asks the server about the exact write each action makes', async () => {
    const c = check();
    expect(await c.permission('pod-delete', pod)).toEqual({ allowed: true, reason: '' });
    await c.permission('scale', deployment);
    await c.permission('rollout-undo', deployment);
    expect(c.reviews).toEqual([
      { method: 'POST', path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', attributes: { verb: 'delete', group: '', resource: 'pods', namespace: 'production', name: pod.name } },
      {
        method: 'POST',
        path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        attributes: { verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'production', name: 'api' },
      },
      { method: 'POST', path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', attributes: { verb: 'patch', group: 'apps', resource: 'deployments', namespace: 'production', name: 'api' } },
    ]);
  });

  it('keeps a server decision for 30 s per action and object, then asks again', async () => {
    let t = 1_000_000;
    const c = check({ now: () => t });
    c.state.answer = { allowed: false, reason: 'RBAC: no rule' };
    const denied = { allowed: false, reason: 'forbidden: cannot delete pods in production (RBAC: no rule)' };
    expect(await c.permission('pod-delete', pod)).toEqual(denied);

    c.state.answer = { allowed: true };
    t += PERMISSION_TTL_MS - 1;
    expect(await c.permission('pod-delete', pod)).toEqual(denied);
    expect(c.reviews).toHaveLength(1);
    // another object, or another action on the same object, is another question
    expect((await c.permission('pod-delete', { ...pod, name: 'api-7d4f-zzzzz' })).allowed).toBe(true);
    expect((await c.permission('rollout-restart', deployment)).allowed).toBe(true);
    expect(c.reviews).toHaveLength(3);

    t += 1;
    expect(await c.permission('pod-delete', pod)).toEqual({ allowed: true, reason: '' });
    expect(c.reviews).toHaveLength(4);
    expect(PERMISSION_TTL_MS).toBe(30_000);
  });

  it('does not cache a check that failed: the next one asks again', async () => {
    const c = check();
    c.state.answer = new Error('connect ECONNREFUSED 127.0.0.1:6443');
    const failed = await c.permission('pod-delete', pod);
    expect(failed.allowed).toBe(false);
    expect(failed.reason).toMatch(/^cannot check permissions: .*ECONNREFUSED/);

    c.state.answer = { allowed: true };
    expect(await c.permission('pod-delete', pod)).toEqual({ allowed: true, reason: '' });
    expect(c.reviews).toHaveLength(2);
  });

  it('says why there is no Kubernetes API and shows the server reason without control characters', async () => {
    const none = check({ kube: { error: 'kubernetes not configured: no kubeconfig' } });
    expect(await none.permission('pod-delete', pod)).toEqual({ allowed: false, reason: 'kubernetes not configured: no kubeconfig' });

    const c = check();
    c.state.answer = { allowed: false, reason: 'denied\u001b]0;owned\u0007 by\u001b[2J policy' };
    const p = await c.permission('pod-delete', pod);
    expect(p.allowed).toBe(false);
    expect(p.reason).toContain('forbidden: cannot delete pods in production');
    // eslint-disable-next-line no-control-regex
    expect(p.reason).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});
