// Pod delete, rollout restart, rollout undo and scale against the simulated cluster of the bad-deploy
// scenario: the plan changes nothing (checked through the API), the confirmed action changes what it says.
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionExecutor } from '../../src/actions/index.js';
import { eventually } from '../helpers/eventually.js';
import { simulator, type Sim } from './harness.js';

let s: Sim;
let ex: ActionExecutor;

beforeAll(async () => {
  s = await simulator('bad-deploy', 1);
  ex = s.executor();
});
afterAll(async () => {
  await s?.sim.stop();
});

const NS = 'production';
const deployment = (name: string) => s.get(`/apis/apps/v1/namespaces/${NS}/deployments/${name}`);
const pods = async (prefix: string) =>
  ((await s.get(`/api/v1/namespaces/${NS}/pods`)).items as any[]).filter((p) => p.metadata.name.startsWith(`${prefix}-`));
const replicaSets = async (app: string) => ((await s.get(`/apis/apps/v1/namespaces/${NS}/replicasets`, { labelSelector: `app=${app}` })).items as any[]);

describe('pod delete', () => {
  it('plans with a dry run and the grace period, refuses a wrong name, then deletes', async () => {
    const all = await pods('claude-tui');
    const namesBefore = new Set(all.map((p) => p.metadata.name as string));
    const victim = all.find((p) => !p.metadata.deletionTimestamp)!;
    const name = victim.metadata.name as string;
    const plan = await ex.plan({ action: 'pod-delete', target: { kind: 'pod', namespace: NS, name }, params: {} });
    expect(plan).toMatchObject({
      title: `Delete pod ${NS}/${name}`,
      context: 'hive-demo',
      cluster: 'hive-demo',
      namespace: NS,
      risk: 'destructive',
      production: true,
      confirmText: name,
      dryRun: { kind: 'server', ok: true },
      permission: { allowed: true, reason: '' },
    });
    expect(plan.changes).toContain('grace period 30s');
    expect(plan.request.params.gracePeriodSeconds).toBe(30);
    // the dry run deleted nothing
    expect((await s.get(`/api/v1/namespaces/${NS}/pods/${name}`)).metadata.deletionTimestamp).toBeUndefined();

    const wrong = await ex.execute(plan, name.slice(0, -1));
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toContain(`type "${name}"`);
    expect((await s.get(`/api/v1/namespaces/${NS}/pods/${name}`)).metadata.deletionTimestamp).toBeUndefined();

    const again = await ex.plan({ action: 'pod-delete', target: { kind: 'pod', namespace: NS, name }, params: {} });
    const done = await ex.execute(again, name);
    expect(done).toMatchObject({ ok: true, message: `pod ${NS}/${name} deleted (grace period 30s)` });
    const after = await s.get(`/api/v1/namespaces/${NS}/pods/${name}`).catch(() => null);
    expect(after === null || after.metadata.deletionTimestamp !== undefined).toBe(true);
    // its ReplicaSet replaces it with a pod that did not exist before
    const rs = victim.metadata.ownerReferences[0].name as string;
    await eventually('a replacement pod', async () => (await pods('claude-tui')).some((p) => p.metadata.ownerReferences[0].name === rs && !namesBefore.has(p.metadata.name)), {
      timeoutMs: 8000,
    });
  });

  it('reports the API error verbatim when the pod does not exist', async () => {
    const plan = await ex.plan({ action: 'pod-delete', target: { kind: 'pod', namespace: NS, name: 'no-such-pod' }, params: {} });
    expect(plan.dryRun).toEqual({ kind: 'pre-check', ok: false, message: 'pods "no-such-pod" not found' });
    const r = await ex.execute(plan, 'no-such-pod');
    expect(r).toMatchObject({ ok: false, message: 'not run: pods "no-such-pod" not found' });
  });
});

describe('rollout restart', () => {
  it('dry-runs the restartedAt patch, then rolls new pods', async () => {
    const before = await deployment('hive-mind-coordinator');
    const rsBefore = (await replicaSets('hive-mind-coordinator')).map((r) => r.metadata.name);
    const plan = await ex.plan({ action: 'rollout-restart', target: { kind: 'deployment', namespace: NS, name: 'hive-mind-coordinator' }, params: {} });
    expect(plan).toMatchObject({ risk: 'low', confirmText: null, dryRun: { kind: 'server', ok: true } });
    expect(plan.changes[0]).toBe(`rolling restart of deployment ${NS}/hive-mind-coordinator (2 replicas)`);
    const unchanged = await deployment('hive-mind-coordinator');
    expect(unchanged.spec.template).toEqual(before.spec.template);

    const r = await ex.execute(plan, '');
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^deployment production\/hive-mind-coordinator restarted \(kubectl\.kubernetes\.io\/restartedAt=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)$/);
    const after = await deployment('hive-mind-coordinator');
    expect(after.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/Z$/);
    const fresh = await eventually('a new ReplicaSet', async () => (await replicaSets('hive-mind-coordinator')).find((x) => !rsBefore.includes(x.metadata.name)), { timeoutMs: 8000 });
    const hash = fresh.metadata.labels['pod-template-hash'];
    await eventually('pods of the new ReplicaSet', async () => (await pods('hive-mind-coordinator')).some((p) => p.metadata.labels['pod-template-hash'] === hash), { timeoutMs: 8000 });
  });
});

describe('paused deployments', () => {
  it('refuses restart and undo like kubectl, before sending anything', async () => {
    const path = '/apis/apps/v1/namespaces/database/deployments/postgresql';
    await axios.patch(`${s.sim.baseUrl}${path}`, { spec: { paused: true } }, { proxy: false, headers: { 'Content-Type': 'application/merge-patch+json' } });
    try {
      const target = { kind: 'deployment' as const, namespace: 'database', name: 'postgresql' };
      const restart = await ex.plan({ action: 'rollout-restart', target, params: {} });
      expect(restart.dryRun).toEqual({ kind: 'pre-check', ok: false, message: 'deployment database/postgresql is paused: resume it before restarting' });
      expect((await ex.execute(restart, '')).ok).toBe(false);
      const undo = await ex.plan({ action: 'rollout-undo', target, params: {} });
      expect(undo.dryRun).toEqual({ kind: 'pre-check', ok: false, message: 'deployment database/postgresql is paused: resume it before rolling back' });
      expect((await s.get(path)).spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeUndefined();
    } finally {
      await axios.patch(`${s.sim.baseUrl}${path}`, { spec: { paused: false } }, { proxy: false, headers: { 'Content-Type': 'application/merge-patch+json' } });
    }
  });
});

describe('rollout undo', () => {
  it('shows revision and image diff, changes nothing on plan or cancel, and heals bad-deploy on confirm', async () => {
    const target = { kind: 'deployment' as const, namespace: NS, name: 'claude-tui' };
    const before = await deployment('claude-tui');
    expect(before.spec.template.spec.containers[0].image).toBe('ghcr.io/hive-mind/claude-tui:v1.8.0');
    const revBefore = Number(before.metadata.annotations['deployment.kubernetes.io/revision']);

    const plan = await ex.plan({ action: 'rollout-undo', target, params: {} });
    expect(plan).toMatchObject({ risk: 'destructive', production: true, confirmText: 'claude-tui', dryRun: { kind: 'server', ok: true } });
    expect(plan.changes[0]).toBe(`revision ${revBefore} -> ${revBefore - 1}`);
    expect(plan.diff).toContainEqual({ label: 'claude-tui image', before: 'ghcr.io/hive-mind/claude-tui:v1.8.0', after: 'ghcr.io/hive-mind/claude-tui:v1.7.2' });
    expect(plan.diff).toContainEqual({ label: 'claude-tui args', before: '--config /etc/hive/config.toml', after: '--config /etc/hive/config.toml' });

    await ex.cancel(plan);
    const same = await deployment('claude-tui');
    expect(same.spec.template).toEqual(before.spec.template);
    expect(same.metadata.annotations['deployment.kubernetes.io/revision']).toBe(String(revBefore));

    const plan2 = await ex.plan({ action: 'rollout-undo', target, params: {} });
    const r = await ex.execute(plan2, 'claude-tui');
    expect(r.ok).toBe(true);
    const after = await deployment('claude-tui');
    expect(after.spec.template.spec.containers[0].image).toBe('ghcr.io/hive-mind/claude-tui:v1.7.2');
    expect(Number(after.metadata.annotations['deployment.kubernetes.io/revision'])).toBeGreaterThan(revBefore);
    expect(after.spec.template.metadata.labels['pod-template-hash']).toBeUndefined();
    // the old ReplicaSet comes back and the bad pods go
    await eventually('only v1.7.2 pods', async () => (await pods('claude-tui')).filter((p) => !p.metadata.deletionTimestamp).every((p) => p.spec.containers[0].image.endsWith(':v1.7.2')), {
      timeoutMs: 10000,
    });
  });

  it('refuses when there is no previous revision', async () => {
    const plan = await ex.plan({ action: 'rollout-undo', target: { kind: 'deployment', namespace: 'database', name: 'postgresql' }, params: {} });
    expect(plan.dryRun).toMatchObject({ kind: 'pre-check', ok: false, message: expect.stringMatching(/^deployment database\/postgresql has no previous revision to roll back to/) });
    const r = await ex.execute(plan, 'postgresql');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('no previous revision');
  });
});

describe('scale', () => {
  const target = { kind: 'deployment' as const, namespace: NS, name: 'hive-mind-coordinator' };

  it('scales up with a dry run first', async () => {
    const plan = await ex.plan({ action: 'scale', target, params: { replicas: 3 } });
    expect(plan).toMatchObject({ changes: ['replicas 2 -> 3'], risk: 'low', confirmText: null, dryRun: { kind: 'server', ok: true } });
    expect((await deployment('hive-mind-coordinator')).spec.replicas).toBe(2);
    const r = await ex.execute(plan, '');
    expect(r).toMatchObject({ ok: true, message: 'deployment production/hive-mind-coordinator scaled: replicas 2 -> 3' });
    expect((await deployment('hive-mind-coordinator')).spec.replicas).toBe(3);
  });

  it('treats scaling down as destructive and validates the number', async () => {
    const down = await ex.plan({ action: 'scale', target, params: { replicas: 0 } });
    expect(down).toMatchObject({ risk: 'destructive', confirmText: 'hive-mind-coordinator', changes: ['replicas 3 -> 0', 'every pod of the deployment will be terminated'] });
    await ex.cancel(down);

    const none = await ex.plan({ action: 'scale', target, params: {} });
    expect(none.changes).toEqual(['replicas 3 -> ?']);
    expect(none.dryRun).toBeNull();
    expect((await ex.execute(none, '')).message).toBe('enter the number of replicas (0 to 1000)');

    const big = await ex.plan({ action: 'scale', target, params: { replicas: 5000 } });
    expect(big.dryRun).toEqual({ kind: 'pre-check', ok: false, message: 'replicas must be a whole number from 0 to 1000' });
    expect((await ex.execute(big, '')).ok).toBe(false);

    // a number edited after planning is not what was dry-run or confirmed
    const planned = await ex.plan({ action: 'scale', target, params: { replicas: 4 } });
    planned.request.params.replicas = 1;
    const r = await ex.execute(planned, '');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('review the new plan');
    expect((await deployment('hive-mind-coordinator')).spec.replicas).toBe(3);
  });

  it('runs a plan once however often it is confirmed', async () => {
    const plan = await ex.plan({ action: 'scale', target, params: { replicas: 4 } });
    const before = ex.entries().length;
    const [a, b] = await Promise.all([ex.execute(plan, ''), ex.execute(plan, '')]);
    expect(a).toBe(b);
    expect(a.ok).toBe(true);
    expect(await ex.execute(plan, '')).toBe(a);
    expect(ex.entries().length).toBe(before + 1);
    expect((await deployment('hive-mind-coordinator')).spec.replicas).toBe(4);
  });
});
