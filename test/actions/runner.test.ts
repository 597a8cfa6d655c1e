// The runner alone, with the real planner over drafts the test writes: one execution per plan however
// often it is confirmed, foreign plans planned afresh, every refusal journaled, results made safe, and a
// journal that cannot be written named in the result.
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/actions/draft.js';
import { READ_ONLY_REASON } from '../../src/actions/permission-check.js';
import { createPlanner } from '../../src/actions/planner.js';
import { productionMatcher } from '../../src/actions/production.js';
import { createRunner } from '../../src/actions/runner.js';
import { eventually } from '../helpers/eventually.js';
import type { ActionPlan, ActionRequest, ActionResult, JournalEntry, Permission } from '../../src/state/actions.js';

interface Setup {
  readOnly?: boolean;
  draft?: Partial<Draft>;
  /** the permission at each check, in order; the last one repeats */
  permissions?: Permission[];
  journalError?: string | null;
}

function setup(opts: Setup = {}) {
  const applied: ActionRequest[] = [];
  const journaled: { decision: JournalEntry['decision']; result: ActionResult | null; plan: ActionPlan }[] = [];
  let prepared = 0;
  let release: () => void = () => {};
  const gate = { held: false };
  const permissions = [...(opts.permissions ?? [{ allowed: true, reason: '' }])];
  const permission = async () => (permissions.length > 1 ? permissions.shift()! : permissions[0]!);
  const d: Draft = {
    context: 'prod-eu',
    cluster: 'eu-1',
    changes: ['delete pod production/api-x2kq9'],
    diff: [],
    preview: [],
    dryRun: { kind: 'server', ok: true, message: '' },
    risk: 'destructive',
    params: {},
    validate: () => null,
    async apply(req) {
      applied.push(req);
      if (gate.held) await new Promise<void>((r) => (release = r));
      return { ok: true, message: 'pod production/api-x2kq9 deleted', details: [] };
    },
    ...opts.draft,
  };
  const planner = createPlanner({
    permission,
    backends: { problem: () => null, place: () => ({ context: 'prod-eu', cluster: 'eu-1' }) },
    prepare: async () => {
      prepared += 1;
      return d;
    },
    production: productionMatcher('prod'),
    now: () => 0,
  });
  const runner = createRunner({
    readOnly: opts.readOnly ?? false,
    permission,
    planner,
    record: (plan, decision, result) => {
      journaled.push({ plan, decision, result });
      return opts.journalError ?? null;
    },
  });
  return { planner, runner, applied, journaled, gate, release: () => release(), prepared: () => prepared };
}

const request: ActionRequest = { action: 'pod-delete', target: { kind: 'pod', namespace: 'production', name: 'api-x2kq9' }, params: {} };

describe('runner: once', () => {
  it('runs a plan once however often it is confirmed, even while the first run is going', async () => {
    const s = setup();
    const plan = await s.planner.plan(request);
    s.gate.held = true;
    const first = s.runner.execute(plan, 'api-x2kq9');
    const early = s.runner.execute(plan, 'api-x2kq9');
    await eventually('the first write to start', () => s.applied.length === 1);
    // another confirm while the write is in flight
    const second = s.runner.execute(plan, 'api-x2kq9');
    s.release();
    const [a, b, c] = await Promise.all([first, early, second]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a).toEqual({ ok: true, message: 'pod production/api-x2kq9 deleted', details: [] });
    expect(await s.runner.execute(plan, 'api-x2kq9')).toBe(a);
    expect(s.applied).toHaveLength(1);
    expect(s.journaled.map((j) => j.decision)).toEqual(['confirmed']);
  });

  it('a cancel is journaled once, and closing an executed plan is no cancel', async () => {
    const s = setup();
    const dropped = await s.planner.plan(request);
    await s.runner.cancel(dropped);
    await s.runner.cancel(dropped);
    const done = await s.planner.plan(request);
    await s.runner.execute(done, 'api-x2kq9');
    await s.runner.cancel(done);
    expect(s.journaled.map((j) => [j.decision, j.result?.ok ?? null])).toEqual([
      ['cancelled', null],
      ['confirmed', true],
    ]);
  });
});

describe('runner: foreign plans', () => {
  it('plans a copy afresh: its own checks count, not the ones the caller wrote into it', async () => {
    const s = setup();
    const plan = await s.planner.plan(request);
    expect(plan.confirmText).toBe('api-x2kq9');
    const forged: ActionPlan = { ...plan, confirmText: null, risk: 'low', dryRun: null };
    const r = await s.runner.execute(forged, '');
    expect(r).toEqual({ ok: false, message: 'not confirmed: type "api-x2kq9" exactly to run this destructive action', details: [] });
    expect(s.prepared()).toBe(2);
    expect(s.applied).toEqual([]);
    // the journal names the fresh plan, not the forged one
    expect(s.journaled.map((j) => [j.decision, j.plan.confirmText])).toEqual([['refused', 'api-x2kq9']]);
  });
});

describe('runner: refusals', () => {
  const refusals: [string, Setup, string, string][] = [
    ['a read-only session', { readOnly: true }, 'api-x2kq9', `${READ_ONLY_REASON}: nothing was changed`],
    [
      'a permission revoked since the plan',
      { permissions: [{ allowed: true, reason: '' }, { allowed: false, reason: 'forbidden: cannot delete pods in production' }] },
      'api-x2kq9',
      'forbidden: cannot delete pods in production',
    ],
    ['a wrong name typed', {}, 'api-x2kq', 'not confirmed: type "api-x2kq9" exactly to run this destructive action'],
    ['a failed dry run', { draft: { dryRun: { kind: 'server', ok: false, message: 'admission denied' } } }, 'api-x2kq9', 'not run: admission denied'],
    ['params the draft refuses', { draft: { validate: () => 'grace period must be a whole number of seconds from 0 to 86400' } }, 'api-x2kq9', 'grace period must be a whole number of seconds from 0 to 86400'],
  ];
  for (const [name, opts, typed, message] of refusals) {
    it(`refuses ${name}, journals it as refused and writes nothing`, async () => {
      const s = setup(opts);
      const plan = await s.planner.plan(request);
      const r = await s.runner.execute(plan, typed);
      expect(r).toEqual({ ok: false, message, details: [] });
      expect(s.applied).toEqual([]);
      expect(s.journaled.map((j) => [j.decision, j.result])).toEqual([['refused', r]]);
    });
  }

  it('a write that throws is an error result, journaled as confirmed', async () => {
    const s = setup({
      draft: {
        apply: async () => {
          throw new Error('socket hang up');
        },
      },
    });
    const r = await s.runner.execute(await s.planner.plan(request), 'api-x2kq9');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('socket hang up');
    expect(s.journaled.map((j) => [j.decision, j.result?.ok])).toEqual([['confirmed', false]]);
  });
});

describe('runner: results', () => {
  it('makes the result text safe for the terminal before showing or journaling it', async () => {
    const evil = 'a\u001b]0;pwned\u0007b\u001b[31mc\u202ed\u0000';
    const s = setup({ draft: { apply: async () => ({ ok: false, message: `refused ${evil}`, details: [`detail ${evil}`] }) } });
    const r = await s.runner.execute(await s.planner.plan(request), 'api-x2kq9');
    for (const text of [r.message, ...r.details, s.journaled[0]!.result!.message]) {
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
  });

  it('says when the audit journal could not be written, for a run and for a refusal', async () => {
    const s = setup({ journalError: 'EROFS: read-only file system, open' });
    const done = await s.runner.execute(await s.planner.plan(request), 'api-x2kq9');
    expect(done).toEqual({ ok: true, message: 'pod production/api-x2kq9 deleted (audit journal not written: EROFS: read-only file system, open)', details: [] });
    const refused = await s.runner.execute(await s.planner.plan(request), 'wrong');
    expect(refused.message).toBe('not confirmed: type "api-x2kq9" exactly to run this destructive action (audit journal not written: EROFS: read-only file system, open)');
    // the journal line itself carries the action's own message
    expect(s.journaled.map((j) => j.result?.message)).toEqual(['pod production/api-x2kq9 deleted', 'not confirmed: type "api-x2kq9" exactly to run this destructive action']);
  });
});
