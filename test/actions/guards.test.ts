// What stops an action: read-only mode, RBAC (SelfSubjectAccessReview against the simulator's policy), a
// backend that is not configured; and the audit journal every attempt leaves behind.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, type JournalEntry } from '../../src/actions/index.js';
import { applyOverrides, ConfigError, parseConfig } from '../../src/config/load.js';
import type { AccessPolicy } from '../../src/demo/kube/index.js';
import { kubeOnly, simulator, tempDir, type Sim } from './harness.js';

let s: Sim;
beforeAll(async () => {
  s = await simulator('bad-deploy', 1);
});
afterAll(async () => {
  await s?.sim.stop();
});

const readJournal = (path: string): JournalEntry[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as JournalEntry);

describe('read-only', () => {
  it('--read-only refuses every action at the executor and changes nothing', async () => {
    const config = applyOverrides(s.config, { readOnly: true });
    expect(config.readOnly).toBe(true);
    const journalPath = join(tempDir(), 'audit.jsonl');
    const ex = createExecutor(config, { journalPath });
    const target = { kind: 'deployment' as const, namespace: 'production', name: 'claude-tui' };
    expect(await ex.permission('rollout-undo', target)).toEqual({ allowed: false, reason: 'read-only session (--read-only)' });
    expect(await ex.permission('silence-create', { kind: 'alert', alertname: 'X', labels: {} })).toEqual({ allowed: false, reason: 'read-only session (--read-only)' });

    const plan = await ex.plan({ action: 'rollout-undo', target, params: {} });
    expect(plan.permission.allowed).toBe(false);
    // not even the dry run is sent
    expect(plan.dryRun).toEqual({ kind: 'not-sent', ok: false, message: 'read-only session (--read-only)' });
    expect(plan.changes[0]).toMatch(/^revision \d+ -> \d+$/);
    const image = async () => (await s.get('/apis/apps/v1/namespaces/production/deployments/claude-tui')).spec.template.spec.containers[0].image;
    const before = await image();
    const r = await ex.execute(plan, 'claude-tui');
    expect(r).toEqual({ ok: false, message: 'read-only session (--read-only): nothing was changed', details: [] });
    expect(await image()).toBe(before);
    expect(readJournal(journalPath)).toMatchObject([{ action: 'rollout-undo', decision: 'refused', result: 'error', error: r.message }]);
  });

  it('reads readOnly, audit.path, production.pattern and user from the config file', () => {
    const dir = tempDir();
    const c = parseConfig('readOnly: true\naudit: { path: logs/audit.jsonl }\nproduction: { pattern: "^live-" }\nuser: carol\n', dir);
    expect(c).toMatchObject({ readOnly: true, audit: { path: join(dir, 'logs/audit.jsonl') }, production: { pattern: '^live-' }, user: 'carol' });
    // the flag cannot undo the file's read-only
    expect(applyOverrides(c, { readOnly: false }).readOnly).toBe(true);
    expect(() => parseConfig('production: { pattern: "(" }\n', dir)).toThrow(new ConfigError('production.pattern: must be a valid regular expression'));
    const d = parseConfig('', dir);
    expect(d).toMatchObject({ readOnly: false, production: { pattern: 'prod' } });
    expect(d.audit.path).toMatch(/hive-oncall\/audit\.jsonl$/);
    expect(d.user).not.toBe('');
  });
});

describe('backends', () => {
  it('says which backend is missing', async () => {
    const ex = createExecutor({ ...s.config, alertmanager: { ...s.config.alertmanager, url: null }, consensus: { ...s.config.consensus, mode: null, endpoints: [] } }, { journalPath: s.journalPath });
    expect(await ex.permission('silence-create', { kind: 'alert', alertname: 'X', labels: { job: 'x' } })).toEqual({ allowed: false, reason: 'alertmanager not configured' });
    expect(await ex.permission('leader-transfer', { kind: 'member', id: '1', name: 'm' })).toEqual({ allowed: false, reason: 'etcd not configured' });
    const plan = await ex.plan({ action: 'silence-expire', target: { kind: 'silence', id: 'x' }, params: {} });
    expect(plan.dryRun).toEqual({ kind: 'pre-check', ok: false, message: 'alertmanager not configured' });
    expect((await ex.execute(plan, '')).message).toBe('alertmanager not configured');
  });

  it('refuses an action on the wrong kind of target', async () => {
    const ex = s.executor();
    expect(await ex.permission('scale', { kind: 'pod', namespace: 'production', name: 'x' })).toEqual({ allowed: false, reason: 'scale acts on a deployment, not on a pod' });
  });
});

describe('RBAC', () => {
  let denyDelete = true;
  const policy: AccessPolicy = (a) => (denyDelete && a.verb === 'delete' && a.resource === 'pods' && a.namespace === 'production' ? { allowed: false, reason: 'RBAC: no rule allows delete on pods' } : { allowed: true });
  let k: Awaited<ReturnType<typeof kubeOnly>>;
  beforeAll(async () => {
    k = await kubeOnly(policy);
  });
  afterAll(async () => {
    await k?.stop();
  });

  it('asks a SelfSubjectAccessReview, shows the reason, and refuses at execute', async () => {
    let t = 1_000_000;
    const ex = createExecutor(k.config, { journalPath: k.journalPath, now: () => t });
    const pod = k.cluster.pods('production').find((p) => p.name.startsWith('claude-tui-'))!;
    const target = { kind: 'pod' as const, namespace: 'production', name: pod.name };
    const denied = await ex.permission('pod-delete', target);
    expect(denied).toEqual({ allowed: false, reason: 'forbidden: cannot delete pods in production (RBAC: no rule allows delete on pods)' });
    // other verbs on the same namespace are allowed
    expect(await ex.permission('rollout-restart', { kind: 'deployment', namespace: 'production', name: 'claude-tui' })).toEqual({ allowed: true, reason: '' });

    const plan = await ex.plan({ action: 'pod-delete', target, params: {} });
    expect(plan.permission).toEqual(denied);
    expect(plan.dryRun).toEqual({ kind: 'not-sent', ok: false, message: denied.reason });
    const r = await ex.execute(plan, pod.name);
    expect(r).toMatchObject({ ok: false, message: denied.reason });
    expect((await k.get(`/api/v1/namespaces/production/pods/${pod.name}`)).metadata.deletionTimestamp).toBeUndefined();
    expect(readJournal(k.journalPath).at(-1)).toMatchObject({ user: 'bob', decision: 'refused', error: denied.reason });

    // the answer is cached for 30 s, then asked again
    denyDelete = false;
    t += 10_000;
    expect((await ex.permission('pod-delete', target)).allowed).toBe(false);
    t += 25_000;
    expect((await ex.permission('pod-delete', target)).allowed).toBe(true);
  });

  it('passes a 403 from the write itself through verbatim', async () => {
    denyDelete = false;
    const ex = createExecutor(k.config, { journalPath: k.journalPath });
    const pod = k.cluster.pods('production').find((p) => p.name.startsWith('hive-mind-coordinator-'))!;
    const plan = await ex.plan({ action: 'pod-delete', target: { kind: 'pod', namespace: 'production', name: pod.name }, params: {} });
    expect(plan.dryRun?.ok).toBe(true);
    denyDelete = true; // revoked between the cached review and the write
    const r = await ex.execute(plan, pod.name);
    expect(r.ok).toBe(false);
    expect(r.message).toBe(`pods "${pod.name}" is forbidden: User "oncall" cannot delete resource "pods" in API group "" in the namespace "production"`);
  });
});

describe('journal', () => {
  it('writes one JSON line per attempt (confirmed, cancelled and refused), private to the user', async () => {
    const journalPath = join(tempDir(), 'nested', 'state', 'audit.jsonl');
    const ex = s.executor({}, { journalPath });
    const target = { kind: 'deployment' as const, namespace: 'production', name: 'hive-mind-coordinator' };
    const cancelled = await ex.plan({ action: 'scale', target, params: { replicas: 3 } });
    await ex.cancel(cancelled);
    await ex.cancel(cancelled); // a second Esc is not a second attempt
    const refused = await ex.plan({ action: 'scale', target, params: { replicas: 0 } });
    await ex.execute(refused, 'wrong');
    const done = await ex.plan({ action: 'scale', target, params: { replicas: 3 } });
    expect((await ex.execute(done, '')).ok).toBe(true);
    await ex.cancel(done); // closing the result is not a cancellation

    const lines = readJournal(journalPath);
    expect(lines).toEqual(ex.entries());
    expect(lines.map((l) => [l.decision, l.result])).toEqual([
      ['cancelled', null],
      ['refused', 'error'],
      ['confirmed', 'success'],
    ]);
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(['action', 'context', 'decision', 'dryRun', 'error', 'namespace', 'parameters', 'result', 'target', 'time', 'user'].sort());
      expect(l).toMatchObject({ user: 'alice', context: 'hive-demo', namespace: 'production', action: 'scale', target: 'deployment production/hive-mind-coordinator' });
      expect(Number.isNaN(Date.parse(l.time))).toBe(false);
    }
    expect(lines[0]!.parameters).toEqual({ replicas: 3 });
    expect(lines[1]!.error).toBe('not confirmed: type "hive-mind-coordinator" exactly to run this destructive action');
    expect(lines[2]!.dryRun).toBe('server dry run: ok');
    expect(statSync(journalPath).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(journalPath)).mode & 0o777).toBe(0o700);
  });

  it('a journal that cannot be written does not stop the action and says so', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'file'), '');
    const ex = s.executor({}, { journalPath: join(dir, 'file', 'audit.jsonl') });
    const plan = await ex.plan({ action: 'rollout-restart', target: { kind: 'deployment', namespace: 'database', name: 'postgresql' }, params: {} });
    const r = await ex.execute(plan, '');
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/\(audit journal not written: (ENOTDIR|EEXIST): /);
    expect(ex.entries()).toHaveLength(1);
  });
});
