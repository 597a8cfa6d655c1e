// The side of remediation that talks to the executor: open a modal for the selection (permission check and
// plan in the background), run the modal's effects (journal a cancel, re-plan, submit once), keep the
// session journal in state, and look up permissions for the selection so panes can grey what is refused.
import type { ActionExecutor, ActionKind, ActionPlan, ActionResult, Permission } from '../state/actions.js';
import type { Intent } from '../state/intents.js';
import type { AppState, ModalState } from '../state/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { PANE_ACTIONS, permissionKey, resolveAction } from './action-targets.js';
import { modalPlanned, modalReplanBlocked, openModal, stepModal, type ModalEffect } from './modal.js';
import type { Store } from './store.js';

export interface ActionFlowOptions {
  executor: ActionExecutor | null;
  /** the flow set ui.flash: the controller times it out */
  onFlash: () => void;
  debounceMs: number;
}

export interface ActionFlow {
  /** action-open and the modal-* intents */
  handle(intent: Intent): void;
  /** focus, selection or data changed: refresh the permissions of what is selected (debounced) */
  selectionMayHaveChanged(): void;
  stop(): void;
}

/** Remembered permissions are a cache for key hints, not a record: keep the map small. */
const MAX_PERMISSIONS = 500;

const message = (err: unknown): string => sanitizeLine(err instanceof Error ? err.message : String(err), 400);

export function createActionFlow(store: Store, opts: ActionFlowOptions): ActionFlow {
  const executor = opts.executor;
  let modalSeq = 0;
  let permissionTimer: NodeJS.Timeout | null = null;
  let stopped = false;

  const withModal = (st: AppState, modal: ModalState | null): AppState => ({ ...st, ui: { ...st.ui, modal } });

  /** Apply `fn` to the modal only if it is still the one with `id` (the user may have closed it). */
  function updateModal(id: number, fn: (m: ModalState) => ModalState): boolean {
    const m = store.getState().ui.modal;
    if (!m || m.id !== id) return false;
    store.updateNow((st) => (st.ui.modal && st.ui.modal.id === id ? withModal(st, fn(st.ui.modal)) : st));
    return true;
  }

  function refreshJournal(): void {
    if (!executor) return;
    const journal = executor.entries();
    store.updateNow((st) => ({ ...st, actions: { ...st.actions, journal } }));
  }

  function rememberPermission(key: string, p: Permission): void {
    store.update((st) => {
      const known = Object.keys(st.actions.permissions).length >= MAX_PERMISSIONS ? {} : st.actions.permissions;
      return { ...st, actions: { ...st.actions, permissions: { ...known, [key]: p } } };
    });
  }

  function flash(st: AppState, text: string): AppState {
    opts.onFlash();
    return { ...st, ui: { ...st.ui, flash: text } };
  }

  function open(st: AppState, action: ActionKind): AppState {
    if (st.ui.modal) return st;
    if (st.actions.readOnly) return flash(st, `read-only session: ${action} is disabled`);
    if (!executor) return flash(st, `${action}: actions are not available in this session`);
    const r = resolveAction(st, action);
    if (!r.ok) return flash(st, r.reason);
    modalSeq += 1;
    const modal = openModal(modalSeq, r.value);
    void plan(modal);
    return withModal(st, modal);
  }

  async function plan(modal: ModalState): Promise<void> {
    if (!executor) return;
    const { request } = modal;
    const [permission, planned] = await Promise.all([
      executor.permission(request.action, request.target).catch((err: unknown): Permission => ({ allowed: false, reason: `permission check failed: ${message(err)}` })),
      executor.plan(request).then(
        (p): { plan: ActionPlan | null; failure: string | null } => ({ plan: p, failure: null }),
        (err: unknown) => ({ plan: null, failure: message(err) }),
      ),
    ]);
    if (stopped) return;
    rememberPermission(permissionKey(request.action, request.target), planned.plan?.permission.allowed === false ? planned.plan.permission : permission);
    const current = store.getState().ui.modal;
    if (!current || current.id !== modal.id || current.phase !== 'planning') {
      // cancelled while planning: the attempt still gets its journal line
      if (planned.plan) await cancel(planned.plan);
      return;
    }
    updateModal(modal.id, (m) => modalPlanned(m, permission, planned.plan, planned.failure));
  }

  async function cancel(p: ActionPlan): Promise<void> {
    if (!executor) return;
    try {
      await executor.cancel(p);
    } catch {
      // journaling failed; the executor reports its own journal errors, and nothing was changed
    }
    refreshJournal();
  }

  async function submit(id: number, effect: Extract<ModalEffect, { kind: 'submit' }>): Promise<void> {
    if (!executor) return;
    let p = effect.plan;
    if (effect.replan) {
      try {
        p = await executor.plan({ ...p.request, params: effect.params });
      } catch (err) {
        updateModal(id, (m) => ({ ...m, phase: 'done', result: { ok: false, message: `dry run with the new values failed: ${message(err)}`, details: [] } }));
        return;
      }
      const m = store.getState().ui.modal;
      if (stopped || !m || m.id !== id || m.phase !== 'replanning') return;
      const fresh = p;
      const reason = !fresh.permission.allowed
        ? `not permitted: ${fresh.permission.reason}`
        : fresh.dryRun && !fresh.dryRun.ok
          ? 'the server dry run failed'
          : fresh.confirmText !== null && fresh.confirmText !== effect.typed
            ? `type ${fresh.confirmText} to confirm`
            : null;
      if (reason) {
        updateModal(id, (x) => modalReplanBlocked(x, fresh, reason));
        return;
      }
      updateModal(id, (x) => ({ ...x, phase: 'running', plan: fresh }));
    }
    let result: ActionResult;
    try {
      result = await executor.execute(p, effect.typed);
    } catch (err) {
      result = { ok: false, message: message(err), details: [] };
    }
    if (stopped) return;
    updateModal(id, (m) => ({ ...m, phase: 'done', plan: p, result }));
    refreshJournal();
  }

  function handle(intent: Intent): void {
    const st = store.getState();
    if (intent.type === 'action-open') {
      const next = open(st, intent.action);
      if (next !== st) store.updateNow(() => next);
      return;
    }
    const before = st.ui.modal;
    const step = stepModal(before, intent);
    if (step.modal !== before) store.updateNow((s) => withModal(s, step.modal));
    const effect = step.effect;
    if (!effect || !before) return;
    if (effect.kind === 'cancel') void cancel(effect.plan);
    else void submit(before.id, effect);
  }

  let lastChecked = '';
  async function checkPermissions(): Promise<void> {
    permissionTimer = null;
    if (!executor || stopped) return;
    const st = store.getState();
    if (st.actions.readOnly) return;
    const wanted = PANE_ACTIONS[st.ui.focus].flatMap((action) => {
      const r = resolveAction(st, action);
      return r.ok ? [{ action, target: r.value.request.target, key: permissionKey(action, r.value.request.target) }] : [];
    });
    const keys = wanted.map((w) => w.key).join('|');
    if (keys === lastChecked) return;
    lastChecked = keys;
    await Promise.all(
      wanted.map(async (w) => {
        try {
          const p = await executor.permission(w.action, w.target);
          if (!stopped) rememberPermission(w.key, p);
        } catch {
          // a failed check greys nothing: the modal checks again and shows the error
        }
      }),
    );
  }

  return {
    handle,
    selectionMayHaveChanged() {
      if (!executor || stopped) return;
      if (permissionTimer) clearTimeout(permissionTimer);
      permissionTimer = setTimeout(() => void checkPermissions(), opts.debounceMs);
    },
    stop() {
      stopped = true;
      if (permissionTimer) clearTimeout(permissionTimer);
      permissionTimer = null;
    },
  };
}
