// The one place actions run: checks (read-only, RBAC, backend configured), plans with their dry runs,
// confirmation, a single execution per plan, and the audit journal line for every attempt.
import type { KubeConfig } from '@kubernetes/client-node';
import type { HiveConfig } from '../config/config.js';
import { loadKubeConfig } from '../sources/kube-client.js';
import { sanitizeLine } from '../text/sanitize.js';
import { apiMessage } from './api-error.js';
import { blockedDraft, fail, type Draft, type PrepareOptions } from './draft.js';
import { createJournal } from './journal.js';
import { createKubeApi, type KubeApi } from './kube-api.js';
import { prepareLeaderTransfer } from './leader-transfer.js';
import { accessFor, ALLOWED, reviewAccess } from './permission.js';
import { preparePodDelete } from './pod-delete.js';
import { isProduction, productionMatcher } from './production.js';
import { prepareRestart } from './rollout-restart.js';
import { prepareUndo } from './rollout-undo.js';
import { prepareScale } from './scale.js';
import { prepareSilenceCreate, prepareSilenceExpire } from './silence.js';
import { isKubeAction, objectName, targetLabel, targetMismatch, targetNamespace, titleOf } from './target.js';
import { dryRunLine, type ActionExecutor, ActionKind, ActionPlan, ActionRequest, ActionResult, ActionTarget, JournalEntry, Permission } from '../state/actions.js';

export interface ExecutorDeps {
  /** the kubeconfig to act with; default: loaded from config.kubernetes on first use */
  kc?: KubeConfig;
  now?: () => number;
  /** default: config.audit.path */
  journalPath?: string;
  /** leader-transfer post-check: how long to wait for the new leader (default 5000 ms) */
  leaderSettleMs?: number;
}

export const READ_ONLY_REASON = 'read-only session (--read-only)';
const PERMISSION_TTL_MS = 30_000;

const clean = (text: string, max = 1024): string => sanitizeLine(text, max);

function cleanPlan(plan: ActionPlan): ActionPlan {
  return {
    ...plan,
    context: clean(plan.context, 256),
    cluster: clean(plan.cluster, 256),
    namespace: plan.namespace === null ? null : clean(plan.namespace, 253),
    title: clean(plan.title, 512),
    changes: plan.changes.map((c) => clean(c)),
    diff: plan.diff.map((d) => ({ label: clean(d.label, 256), before: clean(d.before), after: clean(d.after) })),
    preview: plan.preview.map((p) => clean(p)),
    dryRun: plan.dryRun && { ...plan.dryRun, message: clean(plan.dryRun.message) },
    confirmText: plan.confirmText,
    permission: { allowed: plan.permission.allowed, reason: clean(plan.permission.reason, 512) },
  };
}

const cleanResult = (r: ActionResult): ActionResult => ({ ok: r.ok, message: clean(r.message), details: r.details.map((d) => clean(d)) });

export function createExecutor(config: HiveConfig, deps: ExecutorDeps = {}): ActionExecutor {
  const now = deps.now ?? Date.now;
  const journal = createJournal(deps.journalPath ?? config.audit.path);
  const production = productionMatcher(config.production.pattern);
  const permissions = new Map<string, { at: number; permission: Permission }>();
  /** how to carry out each plan this executor made */
  const drafts = new WeakMap<ActionPlan, Draft>();
  /** the one run of each plan: a repeated confirm gets the same result instead of a second write */
  const runs = new WeakMap<ActionPlan, Promise<ActionResult>>();
  const cancelled = new WeakSet<ActionPlan>();

  let kube: { api: KubeApi } | { error: string } | null = null;
  function kubeApi(): { api: KubeApi } | { error: string } {
    if (kube) return kube;
    try {
      const kc = deps.kc ?? loadKubeConfig({ kubeconfig: config.kubernetes.kubeconfig, context: config.kubernetes.context });
      kube = { api: createKubeApi(kc, config.kubernetes.timeoutMs) };
    } catch (err) {
      kube = { error: `kubernetes not configured: ${clean((err as Error).message, 300)}` };
    }
    return kube;
  }
  /** the kube context names the environment for every backend (the production pattern applies to it) */
  const kubeContext = (): string => {
    const k = kubeApi();
    return 'api' in k ? k.api.context : '';
  };

  function backendProblem(action: ActionKind): string | null {
    if (isKubeAction(action)) {
      const k = kubeApi();
      return 'error' in k ? k.error : null;
    }
    if (action === 'silence-create' || action === 'silence-expire') return config.alertmanager.url ? null : 'alertmanager not configured';
    if (config.consensus.mode === 'http') return 'leader transfer needs etcd endpoints (consensus.etcd): the Hive Mind health API cannot move the leader';
    return config.consensus.mode === 'etcd' && config.consensus.endpoints.length > 0 ? null : 'etcd not configured';
  }

  async function permission(action: ActionKind, target: ActionTarget): Promise<Permission> {
    if (config.readOnly) return { allowed: false, reason: READ_ONLY_REASON };
    const mismatch = targetMismatch(action, target);
    if (mismatch) return { allowed: false, reason: mismatch };
    const problem = backendProblem(action);
    if (problem) return { allowed: false, reason: problem };
    const attrs = accessFor(action, target);
    if (!attrs) return ALLOWED;
    const key = `${action}\u0000${attrs.namespace}\u0000${attrs.name}`;
    const hit = permissions.get(key);
    if (hit && now() - hit.at < PERMISSION_TTL_MS) return hit.permission;
    const k = kubeApi();
    if ('error' in k) return { allowed: false, reason: k.error };
    const review = await reviewAccess(k.api, attrs);
    const p = { allowed: review.permission.allowed, reason: clean(review.permission.reason, 512) };
    if (review.cacheable) permissions.set(key, { at: now(), permission: p });
    return p;
  }

  async function prepare(req: ActionRequest, opts: PrepareOptions): Promise<Draft> {
    const t = req.target;
    const k = kubeApi();
    const am = {
      url: config.alertmanager.url ?? '',
      timeoutMs: config.alertmanager.timeoutMs,
      context: kubeContext() || (config.alertmanager.url ?? ''),
      user: config.user,
    };
    const etcd = {
      endpoints: config.consensus.endpoints,
      timeoutMs: config.consensus.timeoutMs,
      context: kubeContext() || (config.consensus.endpoints[0] ?? ''),
      ...(deps.leaderSettleMs !== undefined ? { settleMs: deps.leaderSettleMs } : {}),
    };
    if (t.kind === 'pod' || t.kind === 'deployment') {
      if ('error' in k) throw new Error(k.error);
      const { namespace: ns, name } = t;
      switch (req.action) {
        case 'pod-delete':
          return preparePodDelete(k.api, req, ns, name, opts);
        case 'rollout-restart':
          return prepareRestart(k.api, req, ns, name, opts);
        case 'rollout-undo':
          return prepareUndo(k.api, req, ns, name, opts);
        case 'scale':
          return prepareScale(k.api, req, ns, name, opts);
        default:
          break;
      }
    }
    if (req.action === 'silence-create') return prepareSilenceCreate(am, req, opts);
    if (req.action === 'silence-expire') return prepareSilenceExpire(am, req, opts);
    return prepareLeaderTransfer(etcd, req, opts);
  }

  function contextFor(action: ActionKind): { context: string; cluster: string } {
    if (isKubeAction(action)) {
      const k = kubeApi();
      return 'api' in k ? { context: k.api.context, cluster: k.api.cluster } : { context: '', cluster: '' };
    }
    const url = action === 'leader-transfer' ? (config.consensus.endpoints[0] ?? '') : (config.alertmanager.url ?? '');
    return { context: kubeContext() || url, cluster: url };
  }

  async function plan(request: ActionRequest): Promise<ActionPlan> {
    const perm = await permission(request.action, request.target);
    const namespace = targetNamespace(request.target);
    const defaultRisk = request.action === 'pod-delete' || request.action === 'rollout-undo' || request.action === 'leader-transfer' ? 'destructive' : 'low';
    const problem = targetMismatch(request.action, request.target) ?? backendProblem(request.action);
    let draft: Draft;
    if (problem) draft = blockedDraft({ ...contextFor(request.action), risk: defaultRisk }, request.params, problem);
    else {
      try {
        // a refused write gets no dry run either: the dry run is a write request to the server
        draft = await prepare(request, { dryRun: perm.allowed, now });
      } catch (err) {
        draft = blockedDraft({ ...contextFor(request.action), risk: defaultRisk }, request.params, apiMessage(err));
      }
    }
    const dryRun = draft.dryRun === null && !perm.allowed && isKubeAction(request.action) ? { kind: 'not-sent' as const, ok: false as const, message: perm.reason } : draft.dryRun;
    const isProd = isProduction(production, draft.context, namespace);
    const result = cleanPlan({
      request: { ...request, params: draft.params },
      context: draft.context,
      cluster: draft.cluster,
      namespace,
      title: titleOf(request),
      changes: draft.changes,
      diff: draft.diff,
      preview: draft.preview,
      dryRun,
      risk: draft.risk,
      production: isProd,
      confirmText: draft.risk === 'destructive' && isProd ? objectName(request.target) : null,
      permission: perm,
    });
    drafts.set(result, draft);
    return result;
  }

  function record(p: ActionPlan, decision: JournalEntry['decision'], result: ActionResult | null): string | null {
    const entry: JournalEntry = {
      time: new Date(now()).toISOString(),
      user: config.user,
      context: p.context,
      namespace: p.namespace,
      action: p.request.action,
      target: targetLabel(p.request.target),
      parameters: { ...p.request.params },
      dryRun: p.dryRun ? (p.dryRun.ok ? dryRunLine(p.dryRun) : `failed: ${dryRunLine(p.dryRun)}`) : null,
      decision,
      result: result === null ? null : result.ok ? 'success' : 'error',
      error: result === null || result.ok ? null : result.message,
    };
    return journal.append(entry);
  }

  function withJournal(result: ActionResult, journalError: string | null): ActionResult {
    return journalError ? { ...result, message: `${result.message} (audit journal not written: ${journalError})` } : result;
  }

  async function run(given: ActionPlan, typed: string): Promise<ActionResult> {
    const refuse = (p: ActionPlan, message: string): ActionResult => {
      const result = fail(message);
      return cleanResult(withJournal(result, record(p, 'refused', result)));
    };
    // checked here and not only in the UI: a read-only session never writes
    if (config.readOnly) return refuse(given, `${READ_ONLY_REASON}: nothing was changed`);
    // a plan this executor did not make (or a copy of one) is planned afresh: its checks are ours, not the caller's
    let p = given;
    let draft = drafts.get(given);
    if (!draft) {
      p = await plan(given.request);
      draft = drafts.get(p)!;
    }
    const perm = await permission(p.request.action, p.request.target);
    if (!perm.allowed) return refuse(p, perm.reason);
    if (p.confirmText !== null && typed !== p.confirmText) {
      return refuse(p, `not confirmed: type "${p.confirmText}" exactly to ${p.risk === 'destructive' ? 'run this destructive action' : 'confirm'}`);
    }
    if (p.dryRun && !p.dryRun.ok) return refuse(p, `not run: ${p.dryRun.message}`);
    const invalid = draft.validate(p.request);
    if (invalid) return refuse(p, invalid);
    let result: ActionResult;
    try {
      result = await draft.apply(p.request);
    } catch (err) {
      result = fail(apiMessage(err));
    }
    result = cleanResult(result);
    return withJournal(result, record(p, 'confirmed', result));
  }

  return {
    permission,
    plan,
    execute(p, typed) {
      const existing = runs.get(p);
      if (existing) return existing;
      const running = run(p, typed);
      runs.set(p, running);
      return running;
    },
    async cancel(p) {
      // Esc on the result of an executed plan closes the modal; it is not a second decision
      if (runs.has(p) || cancelled.has(p)) return;
      cancelled.add(p);
      record(p, 'cancelled', null);
    },
    entries: () => journal.entries(),
  };
}
