import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/runtime/store.js';
import { emptyAppState } from '../../src/runtime/reduce.js';
import type { AppState } from '../../src/state/types.js';

const state = (): AppState => emptyAppState({ mode: 'demo', context: '', namespace: null, scenario: null, startedAt: 0, version: '0' }, 0);

describe('store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst of updates into at most one notification per 100 ms', () => {
    const store = createStore(state());
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getState().now));
    for (let i = 1; i <= 1000; i++) store.update((s) => ({ ...s, now: i }));
    vi.advanceTimersByTime(0);
    expect(seen).toEqual([1000]);
    for (let i = 1001; i <= 1500; i++) {
      store.update((s) => ({ ...s, now: i }));
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    // 500 ms of continuous updates: about five notifications, the last one with the final state
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.length).toBeLessThanOrEqual(7);
    expect(seen.at(-1)).toBe(1500);
  });

  it('answers user input on the next tick and routes intents to the handler', () => {
    const intents: string[] = [];
    const store = createStore(state(), { onIntent: (i) => intents.push(i.type) });
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);
    store.update((s) => ({ ...s, now: 1 }));
    vi.advanceTimersByTime(0);
    store.updateNow((s) => ({ ...s, now: 2 }));
    vi.advanceTimersByTime(0);
    expect(notified).toBe(2);
    store.dispatch({ type: 'help-toggle' });
    expect(intents).toEqual(['help-toggle']);
    unsubscribe();
    store.update((s) => ({ ...s, now: 3 }));
    vi.advanceTimersByTime(500);
    expect(notified).toBe(2);
  });
});
