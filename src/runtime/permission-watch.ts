// Asks the executor, after the selection has been still for a moment, whether the focused pane's actions
// may run on it, so the key hints can grey what RBAC refuses before the key is pressed. The executor's
// short-lived cache is the one cache of answers: the state holds only the answers for what is selected now.
import type { ActionExecutor, ActionKind, ActionTarget, Permission } from '../state/actions.js';
import type { AppState } from '../state/types.js';
import { PANE_ACTIONS, permissionKey, resolveAction } from './action-targets.js';
import type { Store } from './store.js';

export interface PermissionWatch {
  /** focus, selection or data changed: check the selection's permissions once it has been still for a while */
  selectionMayHaveChanged(): void;
  /** an answer the action flow got while planning: shown at once */
  remember(key: string, permission: Permission): void;
  stop(): void;
}

/** The permission checks the focused pane's selection needs: one per action that can be resolved. */
export function wantedChecks(state: AppState): { action: ActionKind; target: ActionTarget; key: string }[] {
  if (state.actions.readOnly) return [];
  return PANE_ACTIONS[state.ui.focus].flatMap((action) => {
    const r = resolveAction(state, action);
    return r.ok ? [{ action, target: r.value.request.target, key: permissionKey(action, r.value.request.target) }] : [];
  });
}

export function createPermissionWatch(store: Store, executor: ActionExecutor | null, debounceMs: number): PermissionWatch {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastKeys = '';

  const publish = (answers: Record<string, Permission>, merge: boolean) =>
    store.update((st) => ({ ...st, actions: { ...st.actions, permissions: merge ? { ...st.actions.permissions, ...answers } : answers } }));

  async function check(): Promise<void> {
    timer = null;
    if (!executor || stopped) return;
    const wanted = wantedChecks(store.getState());
    const keys = wanted.map((w) => w.key).join('|');
    if (keys === lastKeys) return;
    lastKeys = keys;
    const answers: Record<string, Permission> = {};
    await Promise.all(
      wanted.map(async (w) => {
        try {
          answers[w.key] = await executor.permission(w.action, w.target);
        } catch {
          // a failed check greys nothing: the modal checks again and shows the error
        }
      }),
    );
    // a newer selection has been checked meanwhile: its answers win
    if (!stopped && keys === lastKeys) publish(answers, false);
  }

  return {
    selectionMayHaveChanged() {
      if (!executor || stopped) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void check(), debounceMs);
    },
    remember(key, permission) {
      if (!stopped) publish({ [key]: permission }, true);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
