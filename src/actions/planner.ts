// Everything the confirmation modal shows before anything changes: the action module's draft (current
// state, the diff, the dry run) with the permission, the production match and the text to type on top.
// Planning never writes; a user who may not make the write gets no dry run either, since a dry run is a
// write request to the server.
import { apiMessage } from './api-error.js';
import type { Backends } from './backends.js';
import { cleanPlan } from './clean.js';
import { blockedDraft, type Draft, type PrepareOptions } from './draft.js';
import type { PermissionCheck } from './permission-check.js';
import { isProduction } from './production.js';
import { isKubeAction, objectName, targetMismatch, targetNamespace, titleOf } from './target.js';
import type { ActionKind, ActionPlan, ActionRequest, DryRunVerdict, Permission } from '../state/actions.js';

export interface PlannerDeps {
  permission: PermissionCheck;
  backends: Pick<Backends, 'problem' | 'place'>;
  prepare(request: ActionRequest, opts: PrepareOptions): Promise<Draft>;
  production: RegExp;
  now: () => number;
}

export interface Planner {
  plan(request: ActionRequest): Promise<ActionPlan>;
  /** how to carry out a plan this planner made; undefined for any other object, a copy included */
  draftOf(plan: ActionPlan): Draft | undefined;
}

/** The risk shown when the action module could not say (its backend is missing, a read failed). */
export const defaultRisk = (action: ActionKind): ActionPlan['risk'] =>
  action === 'pod-delete' || action === 'rollout-undo' || action === 'leader-transfer' ? 'destructive' : 'low';

/** The draft's own verdict, or "not sent" where a Kubernetes dry run was held back because the write is refused. */
export function verdictOf(action: ActionKind, draft: Draft, permission: Permission): DryRunVerdict | null {
  if (draft.dryRun === null && !permission.allowed && isKubeAction(action)) return { kind: 'not-sent', ok: false, message: permission.reason };
  return draft.dryRun;
}

export function createPlanner(deps: PlannerDeps): Planner {
  const drafts = new WeakMap<ActionPlan, Draft>();

  async function draftFor(request: ActionRequest, permission: Permission): Promise<Draft> {
    const blocked = (why: string) => blockedDraft({ ...deps.backends.place(request.action), risk: defaultRisk(request.action) }, request.params, why);
    const problem = targetMismatch(request.action, request.target) ?? deps.backends.problem(request.action);
    if (problem) return blocked(problem);
    try {
      return await deps.prepare(request, { dryRun: permission.allowed, now: deps.now });
    } catch (err) {
      return blocked(apiMessage(err));
    }
  }

  async function plan(request: ActionRequest): Promise<ActionPlan> {
    const permission = await deps.permission(request.action, request.target);
    const draft = await draftFor(request, permission);
    const namespace = targetNamespace(request.target);
    const production = isProduction(deps.production, draft.context, namespace);
    const result = cleanPlan({
      request: { ...request, params: draft.params },
      context: draft.context,
      cluster: draft.cluster,
      namespace,
      title: titleOf(request),
      changes: draft.changes,
      diff: draft.diff,
      preview: draft.preview,
      dryRun: verdictOf(request.action, draft, permission),
      risk: draft.risk,
      production,
      confirmText: draft.risk === 'destructive' && production ? objectName(request.target) : null,
      permission,
    });
    drafts.set(result, draft);
    return result;
  }

  return { plan, draftOf: (p) => drafts.get(p) };
}
