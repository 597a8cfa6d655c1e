// The side of remediation that talks to the executor: open a modal for the selection (permission check and
// plan in the background), run the modal's effects (journal a cancel, re-plan, submit once) and keep the
// session journal in state. The rules live elsewhere, pure: may it run (./availability.ts), what each key
// does to the modal (./modal.ts); this module only carries their effects out.
import type { ActionExecutor, ActionKind, ActionPlan, ActionResult, Permission } from '../state/actions.js';
import type { Intent } from '../state/intents.js';
import type { AppState, ModalState } from '../state/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { permissionKey } from './action-targets.js';
import { availability, blockerMessage } from './availability.js';
import { showFlash } from './flash.js';
import { modalPlanned, modalReplanned, openModal, stepModal, type ModalEffect } from './modal.js';
import type { PermissionWatch } from './permission-watch.js';
import type { Store } from './store.js';

export interface ActionFlow {
  /** action-open and the modal-* intents */
  handle(intent: Intent): void;
  stop(): void;
}

const message = (err: unknown): string => sanitizeLine(err instanceof Error ? err.message : String(err), 400);

const withModal = (st: AppState, modal: ModalState | null): AppState => ({ ...st, ui: { ...st.ui, modal } });

type Planned = { permission: Permission; plan: ActionPlan | null; failure: string | null };

/** The executor's permission answer and plan for a request; failures become values, never rejections. */
async function planFor(executor: ActionExecutor, modal: ModalState): Promise<Planned> {
  const { request } = modal;
  const [permission, planned] = await Promise.all([
    executor.permission(request.action, request.target).catch((err: unknown): Permission => ({ allowed: false, reason: `permission check failed: ${message(err)}` })),
    executor.plan(request).then(
      (plan) => ({ plan, failure: null }),
      (err: unknown) => ({ plan: null, failure: message(err) }),
    ),
  ]);
  return { permission, ...planned };
}

/** What the effects below work with; `stopped` turns every late answer into a no-op. */
interface FlowContext {
  store: Store;
  executor: ActionExecutor;
  permissions: PermissionWatch;
  stopped(): boolean;
}

/** Apply `fn` to the modal only if it is still the one with `id` (the user may have closed it). */
const updateModal = (store: Store, id: number, fn: (m: ModalState) => ModalState): void =>
  store.updateNow((st) => (st.ui.modal && st.ui.modal.id === id ? withModal(st, fn(st.ui.modal)) : st));

function modalIs(ctx: FlowContext, id: number, phase: ModalState['phase']): ModalState | null {
  const m = ctx.store.getState().ui.modal;
  return !ctx.stopped() && m !== null && m.id === id && m.phase === phase ? m : null;
}

function refreshJournal(ctx: FlowContext): void {
  const journal = ctx.executor.entries();
  ctx.store.updateNow((st) => ({ ...st, actions: { ...st.actions, journal } }));
}

async function cancel(ctx: FlowContext, p: ActionPlan): Promise<void> {
  try {
    await ctx.executor.cancel(p);
  } catch {
    // journaling failed; the executor reports its own journal errors, and nothing was changed
  }
  refreshJournal(ctx);
}

async function plan(ctx: FlowContext, modal: ModalState): Promise<void> {
  const planned = await planFor(ctx.executor, modal);
  if (ctx.stopped()) return;
  const { request } = modal;
  ctx.permissions.remember(permissionKey(request.action, request.target), planned.plan?.permission.allowed === false ? planned.plan.permission : planned.permission);
  if (!modalIs(ctx, modal.id, 'planning')) {
    // cancelled while planning: the attempt still gets its journal line
    if (planned.plan) await cancel(ctx, planned.plan);
    return;
  }
  updateModal(ctx.store, modal.id, (m) => modalPlanned(m, planned.permission, planned.plan, planned.failure));
}

type Submit = Extract<ModalEffect, { kind: 'submit' }>;

/** New parameters get a new plan and dry run, checked by the same rules as Confirm; null: not submitted. */
async function replan(ctx: FlowContext, id: number, effect: Submit): Promise<ActionPlan | null> {
  let fresh: ActionPlan;
  try {
    fresh = await ctx.executor.plan({ ...effect.plan.request, params: effect.params });
  } catch (err) {
    updateModal(ctx.store, id, (m) => ({ ...m, phase: 'done', result: { ok: false, message: `dry run with the new values failed: ${message(err)}`, details: [] } }));
    return null;
  }
  const m = modalIs(ctx, id, 'replanning');
  if (!m) return null;
  const r = modalReplanned(m, fresh);
  updateModal(ctx.store, id, () => r.modal);
  return r.proceed ? fresh : null;
}

async function submit(ctx: FlowContext, id: number, effect: Submit): Promise<void> {
  const p = effect.replan ? await replan(ctx, id, effect) : effect.plan;
  if (!p) return;
  let result: ActionResult;
  try {
    result = await ctx.executor.execute(p, effect.typed);
  } catch (err) {
    result = { ok: false, message: message(err), details: [] };
  }
  if (ctx.stopped()) return;
  updateModal(ctx.store, id, (m) => ({ ...m, phase: 'done', plan: p, result }));
  refreshJournal(ctx);
}

/** The state after an action key: a flash saying why not, or a modal waiting for its plan. */
function open(st: AppState, action: ActionKind, executor: ActionExecutor | null, id: number): { state: AppState; opened: ModalState | null } {
  if (st.ui.modal) return { state: st, opened: null };
  const a = availability(st, action, { executor: executor !== null });
  // A refusal the server gave is explained by the modal, with the server's own words, after a fresh check.
  const resolved = a.ok || a.blocker.kind === 'forbidden' ? a.resolved : undefined;
  if (!a.ok && !resolved) return { state: showFlash(st, blockerMessage(action, a.blocker)), opened: null };
  if (!resolved || !executor) return { state: st, opened: null };
  const modal = openModal(id, resolved);
  return { state: withModal(st, modal), opened: modal };
}

export function createActionFlow(store: Store, executor: ActionExecutor | null, permissions: PermissionWatch): ActionFlow {
  let modalSeq = 0;
  let stopped = false;
  const ctx: FlowContext | null = executor ? { store, executor, permissions, stopped: () => stopped } : null;

  function handle(intent: Intent): void {
    const st = store.getState();
    if (intent.type === 'action-open') {
      const { state, opened } = open(st, intent.action, executor, modalSeq + 1);
      if (state !== st) store.updateNow(() => state);
      if (opened && ctx) {
        modalSeq = opened.id;
        void plan(ctx, opened);
      }
      return;
    }
    const before = st.ui.modal;
    const step = stepModal(before, intent);
    if (step.modal !== before) store.updateNow((s) => withModal(s, step.modal));
    if (!step.effect || !before || !ctx) return;
    if (step.effect.kind === 'cancel') void cancel(ctx, step.effect.plan);
    else void submit(ctx, before.id, step.effect);
  }

  return {
    handle,
    stop() {
      stopped = true;
    },
  };
}
