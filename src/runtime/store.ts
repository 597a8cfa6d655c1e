// The one AppState and its subscribers. Source updates are coalesced so that a burst (a thousand log lines,
// a rollout's watch events) costs at most ~10 renders a second; user intents are answered at once.
import type { Intent, StateStore } from '../state/intents.js';
import type { AppState } from '../state/types.js';

export interface Store extends StateStore {
  /** Replace the state; subscribers hear about it within `minIntervalMs`. */
  update(fn: (state: AppState) => AppState): void;
  /** Replace the state and notify on the next tick (for user input). */
  updateNow(fn: (state: AppState) => AppState): void;
  /** Deliver a pending notification now. */
  flush(): void;
  /** Change the spacing of update() notifications (low-bandwidth mode: once a second). */
  setMinInterval(ms: number): void;
  dispose(): void;
}

export interface StoreOptions {
  onIntent?: (intent: Intent) => void;
  /** minimum spacing of notifications caused by update(); default 100 ms (10 per second) */
  minIntervalMs?: number;
}

export function createStore(initial: AppState, opts: StoreOptions = {}): Store {
  let minInterval = opts.minIntervalMs ?? 100;
  let state = initial;
  const listeners = new Set<() => void>();
  let timer: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;
  let lastNotify = 0;
  let dirty = false;

  const notify = () => {
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    timer = null;
    immediate = null;
    if (!dirty) return;
    dirty = false;
    lastNotify = Date.now();
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // one broken subscriber must not starve the others
      }
    }
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(intent) {
      opts.onIntent?.(intent);
    },
    update(fn) {
      state = fn(state);
      dirty = true;
      if (timer || immediate) return;
      const wait = Math.max(0, lastNotify + minInterval - Date.now());
      timer = setTimeout(notify, wait);
    },
    updateNow(fn) {
      state = fn(state);
      dirty = true;
      if (!immediate) immediate = setImmediate(notify);
    },
    flush: notify,
    setMinInterval(ms) {
      minInterval = ms;
    },
    dispose() {
      if (timer) clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
      timer = null;
      immediate = null;
      listeners.clear();
    },
  };
}
