// The planner alone, on drafts the test writes: which verdict the modal shows (the draft's own, a failed
// pre-check, or "not sent" for a refused write), when the user must type the name, and sanitised text.
import { describe, expect, it } from 'vitest';
import type { Draft, PrepareOptions } from '../../src/actions/draft.js';
import { createPlanner } from '../../src/actions/planner.js';
import { productionMatcher } from '../../src/actions/production.js';
import type { ActionRequest, Permission } from '../../src/state/actions.js';

const ALLOWED: Permission = { allowed: true, reason: '' };

function draft(over: Partial<Draft> = {}): Draft {
  return {
    context: 'staging-eu',
    cluster: 'eu-1',
    changes: ['replicas 3 -> 2'],
    diff: [],
    preview: [],
    dryRun: { kind: 'server', ok: true, message: '' },
    risk: 'low',
    params: {},
    validate: () => null,
    apply: async () => ({ ok: true, message: 'done', details: [] }),
    ...over,
  };
}

function planner(opts: { permission?: Permission; draft?: Draft | Error; problem?: string | null } = {}) {
  const prepared: { request: ActionRequest; opts: PrepareOptions }[] = [];
  const p = createPlanner({
    permission: async () => opts.permission ?? ALLOWED,
    backends: { problem: () => opts.problem ?? null, place: () => ({ context: 'prod-eu', cluster: 'eu-1' }) },
    async prepare(request, o) {
      prepared.push({ request, opts: o });
      if (opts.draft instanceof Error) throw opts.draft;
      return opts.draft ?? draft();
    },
    production: productionMatcher('prod'),
    now: () => 0,
  });
  return { planner: p, prepared };
}

const podDelete = (namespace = 'production'): ActionRequest => ({ action: 'pod-delete', target: { kind: 'pod', namespace, name: 'api-x2kq9' }, params: {} });
const scale = (namespace = 'staging'): ActionRequest => ({ action: 'scale', target: { kind: 'deployment', namespace, name: 'api' }, params: { replicas: 2 } });

describe('planner: dry run verdict', () => {
  it('sends no dry run for a refused Kubernetes write and says so', async () => {
    const refused = { allowed: false, reason: 'forbidden: cannot delete pods in production' };
    const { planner: p, prepared } = planner({ permission: refused, draft: draft({ dryRun: null, risk: 'destructive' }) });
    const plan = await p.plan(podDelete());
    expect(prepared.map((x) => x.opts.dryRun)).toEqual([false]);
    expect(plan.dryRun).toEqual({ kind: 'not-sent', ok: false, message: refused.reason });
    expect(plan.permission).toEqual(refused);
  });

  it('asks for the dry run when the write is allowed and shows the draft verdict', async () => {
    const verdict = { kind: 'server' as const, ok: false, message: 'admission webhook "policy" denied the request' };
    const { planner: p, prepared } = planner({ draft: draft({ dryRun: verdict }) });
    const plan = await p.plan(scale());
    expect(prepared.map((x) => x.opts.dryRun)).toEqual([true]);
    expect(plan.dryRun).toEqual(verdict);
  });

  it('keeps the failed pre-check of a refused write: it says more than "not sent"', async () => {
    const paused = { kind: 'pre-check' as const, ok: false, message: 'deployment staging/api is paused: resume it before restarting' };
    const refused = { allowed: false, reason: 'read-only session (--read-only)' };
    expect((await planner({ permission: refused, draft: draft({ dryRun: paused }) }).planner.plan(scale())).dryRun).toEqual(paused);
  });

  it('only Kubernetes actions have a dry run to hold back', async () => {
    const refused = { allowed: false, reason: 'no' };
    const requests: ActionRequest[] = [
      podDelete(),
      ...(['rollout-restart', 'rollout-undo', 'scale'] as const).map((action) => ({ action, target: { kind: 'deployment' as const, namespace: 'a', name: 'b' }, params: {} })),
    ];
    for (const request of requests) {
      const plan = await planner({ permission: refused, draft: draft({ dryRun: null }) }).planner.plan(request);
      expect([request.action, plan.dryRun?.kind]).toEqual([request.action, 'not-sent']);
    }
    const expire = await planner({ permission: refused, draft: draft({ dryRun: null }) }).planner.plan({ action: 'silence-expire', target: { kind: 'silence', id: 's1' }, params: {} });
    expect(expire.dryRun).toBeNull();
  });

  it('a missing backend or a wrong target is a failed pre-check, and nothing is prepared', async () => {
    const { planner: p, prepared } = planner({ problem: 'kubernetes not configured: no kubeconfig' });
    const plan = await p.plan(podDelete());
    expect(plan).toMatchObject({
      dryRun: { kind: 'pre-check', ok: false, message: 'kubernetes not configured: no kubeconfig' },
      context: 'prod-eu',
      cluster: 'eu-1',
      risk: 'destructive',
      changes: [],
    });
    const wrong = await p.plan({ action: 'scale', target: { kind: 'pod', namespace: 'x', name: 'y' }, params: {} });
    expect(wrong.dryRun).toEqual({ kind: 'pre-check', ok: false, message: 'scale acts on a deployment, not on a pod' });
    expect(wrong.risk).toBe('low');
    expect(prepared).toEqual([]);
  });

  it('a read failing while preparing is a failed pre-check with its message', async () => {
    const { planner: p } = planner({ draft: new Error('pods "api-x2kq9" not found') });
    const plan = await p.plan(podDelete());
    expect(plan.dryRun).toEqual({ kind: 'pre-check', ok: false, message: 'pods "api-x2kq9" not found' });
    expect(plan.risk).toBe('destructive');
    expect(await p.draftOf(plan)!.apply(plan.request)).toMatchObject({ ok: false });
  });
});

describe('planner: confirmation', () => {
  const cases: [string, { risk: 'low' | 'destructive'; context: string; namespace: string }, boolean, string | null][] = [
    ['destructive in a production namespace', { risk: 'destructive', context: 'staging-eu', namespace: 'production' }, true, 'api-x2kq9'],
    ['destructive in a production context', { risk: 'destructive', context: 'prod-eu', namespace: 'default' }, true, 'api-x2kq9'],
    ['low risk in production', { risk: 'low', context: 'prod-eu', namespace: 'production' }, true, null],
    ['destructive outside production', { risk: 'destructive', context: 'staging-eu', namespace: 'staging' }, false, null],
  ];
  for (const [name, c, production, confirmText] of cases) {
    it(`${name}: ${confirmText ? 'type the name' : 'no name to type'}`, async () => {
      const { planner: p } = planner({ draft: draft({ risk: c.risk, context: c.context }) });
      const plan = await p.plan(podDelete(c.namespace));
      expect(plan).toMatchObject({ production, confirmText, risk: c.risk, context: c.context, namespace: c.namespace });
    });
  }
});

describe('planner: the plan', () => {
  it('shows the params the draft filled in and the title of the request', async () => {
    const { planner: p } = planner({ draft: draft({ params: { gracePeriodSeconds: 30 } }) });
    const plan = await p.plan(podDelete());
    expect(plan.request).toEqual({ ...podDelete(), params: { gracePeriodSeconds: 30 } });
    expect(plan.title).toBe('Delete pod production/api-x2kq9');
  });

  it('makes the text from the servers safe for the terminal', async () => {
    const evil = 'x\u001b]52;c;cm0gLXJm\u0007y\u001b[2J\u202ez\r\n';
    const { planner: p } = planner({
      permission: { allowed: false, reason: `forbidden ${evil}` },
      draft: draft({
        context: `ctx${evil}`,
        cluster: `cl${evil}`,
        changes: [`change ${evil}`],
        diff: [{ label: `label${evil}`, before: `b${evil}`, after: `a${evil}` }],
        preview: [`alert ${evil}`],
        dryRun: { kind: 'server', ok: false, message: `denied ${evil}` },
      }),
    });
    const plan = await p.plan({ action: 'scale', target: { kind: 'deployment', namespace: `ns${evil}`, name: `api${evil}` }, params: {} });
    const shown = [plan.context, plan.cluster, plan.namespace, plan.title, ...plan.changes, ...plan.diff.flatMap((d) => [d.label, d.before, d.after]), ...plan.preview, plan.dryRun?.message, plan.permission.reason];
    for (const text of shown) {
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
  });

  it('knows the drafts of its own plans only', async () => {
    const d = draft();
    const { planner: p } = planner({ draft: d });
    const plan = await p.plan(scale());
    expect(p.draftOf(plan)).toBe(d);
    expect(p.draftOf({ ...plan })).toBeUndefined();
  });
});
