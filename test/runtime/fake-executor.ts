// An in-test ActionExecutor that keeps the contract honestly: plan() never writes, execute() refuses (and
// journals) when read-only, not permitted or the typed name is wrong, cancel() journals and writes nothing.
// It records every write so a test can prove that cancelling changed nothing.
import type { ActionExecutor, ActionKind, ActionPlan, ActionRequest, ActionResult, ActionTarget, JournalEntry, Permission } from '../../src/state/actions.js';

export interface FakeExecutorOptions {
  readOnly?: boolean;
  /** permission per action (default: allowed) */
  deny?: Partial<Record<ActionKind, string>>;
  /** dry-run failure message per action */
  dryRunFails?: Partial<Record<ActionKind, string>>;
  /** the API error execute() reports per action */
  executeFails?: Partial<Record<ActionKind, string>>;
  /** hold plan() until release() is called */
  gatePlans?: boolean;
  productionPattern?: RegExp;
}

const DESTRUCTIVE: ActionKind[] = ['pod-delete', 'rollout-undo', 'leader-transfer'];

export const nsOf = (t: ActionTarget): string | null =>
  t.kind === 'pod' || t.kind === 'deployment' ? t.namespace : t.kind === 'alert' ? (t.labels.namespace ?? null) : null;
export const nameOf = (t: ActionTarget): string =>
  t.kind === 'pod' || t.kind === 'deployment' ? t.name : t.kind === 'alert' ? t.alertname : t.kind === 'silence' ? t.id : t.name;

export interface FakeExecutor extends ActionExecutor {
  writes: { request: ActionRequest; typed: string }[];
  plans: ActionRequest[];
  permissionChecks: string[];
  release(): void;
}

export function fakeExecutor(opts: FakeExecutorOptions = {}): FakeExecutor {
  const journal: JournalEntry[] = [];
  const gates: (() => void)[] = [];
  const production = opts.productionPattern ?? /prod/i;
  const permissionFor = (action: ActionKind): Permission => {
    if (opts.readOnly) return { allowed: false, reason: 'read-only session' };
    const denied = opts.deny?.[action];
    return denied ? { allowed: false, reason: denied } : { allowed: true, reason: '' };
  };
  const record = (plan: ActionPlan, decision: JournalEntry['decision'], result: JournalEntry['result'], error: string | null) =>
    journal.push({
      time: new Date(Date.UTC(2025, 0, 1, 12, 0, journal.length)).toISOString(),
      user: 'tester',
      context: plan.context,
      namespace: plan.namespace,
      action: plan.request.action,
      target: nameOf(plan.request.target),
      parameters: plan.request.params,
      dryRun: plan.dryRun ? (plan.dryRun.ok ? 'ok' : plan.dryRun.message) : null,
      decision,
      result,
      error,
    });

  const ex: FakeExecutor = {
    writes: [],
    plans: [],
    permissionChecks: [],
    release() {
      for (const g of gates.splice(0)) g();
    },
    async permission(action, target) {
      ex.permissionChecks.push(`${action}:${nameOf(target)}`);
      return permissionFor(action);
    },
    async plan(request) {
      ex.plans.push(request);
      if (opts.gatePlans) await new Promise<void>((resolve) => gates.push(resolve));
      const t = request.target;
      const namespace = nsOf(t);
      const isProd = production.test('hive-demo') || (namespace !== null && production.test(namespace));
      const risk = DESTRUCTIVE.includes(request.action) ? 'destructive' : 'low';
      const fail = opts.dryRunFails?.[request.action];
      const changes =
        request.action === 'scale' ? [`replicas 3 -> ${request.params.replicas ?? '?'}`] : request.action === 'pod-delete' ? ['grace period 30s'] : [`${request.action} ${nameOf(t)}`];
      return {
        request,
        context: 'hive-demo',
        cluster: 'hive-demo',
        namespace,
        title: `${request.action} ${namespace ? `${namespace}/` : ''}${nameOf(t)}`,
        changes,
        diff: request.action === 'rollout-undo' ? [{ label: 'container app image', before: 'app:2.0-bad', after: 'app:1.9' }] : [],
        preview: request.action === 'silence-create' ? ['ServiceDown {namespace=hive-mind-production}'] : [],
        dryRun: t.kind === 'pod' || t.kind === 'deployment' ? { kind: 'server', ok: !fail, message: fail ?? '' } : null,
        risk,
        production: isProd,
        confirmText: risk === 'destructive' && isProd ? nameOf(t) : null,
        permission: permissionFor(request.action),
      };
    },
    async execute(plan, typed) {
      const permission = permissionFor(plan.request.action);
      if (!permission.allowed) {
        record(plan, 'refused', 'error', permission.reason);
        return { ok: false, message: permission.reason, details: [] };
      }
      if (plan.confirmText !== null && typed !== plan.confirmText) {
        record(plan, 'refused', 'error', 'typed name does not match');
        return { ok: false, message: 'typed name does not match', details: [] };
      }
      ex.writes.push({ request: plan.request, typed });
      const failure = opts.executeFails?.[plan.request.action];
      const result: ActionResult = failure ? { ok: false, message: failure, details: [] } : { ok: true, message: `${plan.title}: done`, details: ['post-check: ok'] };
      record(plan, 'confirmed', result.ok ? 'success' : 'error', failure ?? null);
      return result;
    },
    async cancel(plan) {
      record(plan, 'cancelled', null, null);
    },
    entries: () => [...journal],
  };
  return ex;
}
