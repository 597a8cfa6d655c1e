// The permission checks behind the greyed key hints: debounced, the executor's cache is the only cache,
// and the state holds the answers for the current selection only.
import { describe, expect, it } from 'vitest';
import { createPermissionWatch } from '../../src/runtime/permission-watch.js';
import { createStore } from '../../src/runtime/store.js';
import type { ActionExecutor, ActionKind, ActionTarget, Permission } from '../../src/state/actions.js';
import type { AppState } from '../../src/state/types.js';
import { eventually } from '../helpers/eventually.js';
import { hiveState, ok, pod } from '../views/fixtures.js';

const pods = [pod({ namespace: 'production', name: 'api-1', owner: 'api', ownerKind: 'Deployment' }), pod({ namespace: 'production', name: 'web-1', owner: 'web', ownerKind: 'Deployment' })];
const base = (): AppState => ({ ...hiveState(), kube: ok({ ...hiveState().kube.data!, pods }) });

function executorWith(answer: (action: ActionKind, target: ActionTarget) => Promise<Permission>): ActionExecutor & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    permission: (action, target) => {
      asked.push(`${action}:${'name' in target ? target.name : ''}`);
      return answer(action, target);
    },
    plan: () => Promise.reject(new Error('not used')),
    execute: () => Promise.reject(new Error('not used')),
    cancel: async () => {},
    entries: () => [],
  };
}

describe('permission watch', () => {
  it('checks the selection once it has been still, and keeps only its answers', async () => {
    const store = createStore(base(), { minIntervalMs: 0 });
    const ex = executorWith(async (action) => (action === 'pod-delete' ? { allowed: false, reason: 'forbidden: cannot delete pods' } : { allowed: true, reason: '' }));
    const watch = createPermissionWatch(store, ex, 5);
    // three quick changes: one round of checks
    watch.selectionMayHaveChanged();
    watch.selectionMayHaveChanged();
    watch.selectionMayHaveChanged();
    await eventually('answers for api-1', () => Object.keys(store.getState().actions.permissions).length === 4);
    expect(ex.asked).toEqual(['pod-delete:api-1', 'rollout-restart:api', 'rollout-undo:api', 'scale:api']);
    expect(store.getState().actions.permissions['pod-delete:production/api-1']).toEqual({ allowed: false, reason: 'forbidden: cannot delete pods' });
    // the cursor moves on: the old pod's answers go, the new pod's come
    store.updateNow((st) => ({ ...st, ui: { ...st.ui, selection: { ...st.ui.selection, pods: 1 } } }));
    watch.selectionMayHaveChanged();
    await eventually('answers for web-1', () => store.getState().actions.permissions['pod-delete:production/web-1'] !== undefined);
    expect(Object.keys(store.getState().actions.permissions).sort()).toEqual(['pod-delete:production/web-1', 'rollout-restart:production/web', 'rollout-undo:production/web', 'scale:production/web']);
    watch.stop();
  });

  it('a failed check greys nothing', async () => {
    const store = createStore(base(), { minIntervalMs: 0 });
    const ex = executorWith(async (action) => {
      if (action === 'pod-delete') throw new Error('connect ECONNREFUSED 127.0.0.1:6443');
      return { allowed: true, reason: '' };
    });
    const watch = createPermissionWatch(store, ex, 0);
    watch.selectionMayHaveChanged();
    await eventually('the other answers', () => Object.keys(store.getState().actions.permissions).length === 3);
    expect(store.getState().actions.permissions['pod-delete:production/api-1']).toBeUndefined();
    watch.stop();
  });

  it('drops the answers of a selection the user has already left', async () => {
    const store = createStore(base(), { minIntervalMs: 0 });
    const pending: (() => void)[] = [];
    const ex = executorWith(
      (_action, target) => new Promise((resolve) => pending.push(() => resolve({ allowed: false, reason: `no (${'name' in target ? target.name : ''})` }))),
    );
    const watch = createPermissionWatch(store, ex, 0);
    watch.selectionMayHaveChanged();
    await eventually('the first round asked', () => pending.length === 4);
    store.updateNow((st) => ({ ...st, ui: { ...st.ui, selection: { ...st.ui.selection, pods: 1 } } }));
    watch.selectionMayHaveChanged();
    await eventually('the second round asked', () => pending.length === 8);
    // the second round answers first, then the stale first round
    for (const r of pending.splice(4)) r();
    await eventually('answers for web-1', () => store.getState().actions.permissions['pod-delete:production/web-1'] !== undefined);
    for (const r of pending.splice(0)) r();
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().actions.permissions['pod-delete:production/api-1']).toBeUndefined();
    watch.stop();
  });

  it('asks nothing in a read-only session or after stop', async () => {
    const ro = createStore({ ...base(), actions: { ...base().actions, readOnly: true } }, { minIntervalMs: 0 });
    const ex = executorWith(async () => ({ allowed: true, reason: '' }));
    const watch = createPermissionWatch(ro, ex, 0);
    watch.selectionMayHaveChanged();
    const stopped = createPermissionWatch(createStore(base()), ex, 0);
    stopped.stop();
    stopped.selectionMayHaveChanged();
    await new Promise((r) => setTimeout(r, 20));
    expect(ex.asked).toEqual([]);
    watch.stop();
  });
});
