import { describe, expect, it } from 'vitest';
import { FLASH_MS } from '../../src/runtime/flash.js';
import { emptyAppState, reduceIntent } from '../../src/runtime/reduce.js';
import { selectedPod } from '../../src/runtime/selectors.js';
import type { Intent } from '../../src/state/intents.js';
import type { AppState } from '../../src/state/types.js';
import { podInfo } from './fixtures.js';

function withPods(names: string[]): AppState {
  const base = emptyAppState({ mode: 'demo', context: '', namespace: null, scenario: null, startedAt: 0, version: '0' }, 0);
  return { ...base, kube: { data: { pods: names.map((n) => podInfo(n)), deployments: [], context: '', cluster: '', watch: 'live' }, error: null, updatedAt: 1, loading: false } };
}

const run = (state: AppState, ...intents: Intent[]) => intents.reduce(reduceIntent, state);

describe('intent reduction', () => {
  it('cycles focus through the six panes in both directions', () => {
    let s = withPods([]);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      s = reduceIntent(s, { type: 'focus-next' });
      seen.push(s.ui.focus);
    }
    expect(seen).toEqual(['slos', 'alerts', 'latency', 'consensus', 'logs', 'pods']);
    expect(run(s, { type: 'focus-prev' }).ui.focus).toBe('logs');
    expect(run(s, { type: 'focus', pane: 'consensus' }).ui.focus).toBe('consensus');
  });

  it('clamps the selection to the rows there are', () => {
    const s = withPods(['a', 'b', 'c']);
    expect(run(s, { type: 'select-prev' }).ui.selection.pods).toBe(0);
    expect(run(s, { type: 'select-next' }, { type: 'select-next' }, { type: 'select-next' }, { type: 'select-next' }).ui.selection.pods).toBe(2);
    expect(run(s, { type: 'page-down' }).ui.selection.pods).toBe(2);
    expect(run(s, { type: 'select-last' }, { type: 'page-up' }).ui.selection.pods).toBe(0);
    expect(run(withPods([]), { type: 'select-next' }).ui.selection.pods).toBe(0);
    // moving in an empty pane leaves the state untouched: the very same object, so nothing re-renders
    const latency = run(withPods([]), { type: 'focus', pane: 'latency' });
    expect(run(latency, { type: 'select-next' })).toBe(latency);
    expect(run(latency, { type: 'page-down' }, { type: 'select-last' })).toBe(latency);
  });

  it('filters the focused pane while editing, resets the cursor, and cancels back to everything', () => {
    const s = withPods(['api-1', 'api-2', 'db-0']);
    let t = run(s, { type: 'select-last' }, { type: 'filter-start' }, { type: 'filter-input', text: 'api' });
    expect(t.ui.filterEditing).toBe(true);
    expect(t.ui.filter.pods).toBe('api');
    expect(t.ui.selection.pods).toBe(0);
    t = run(t, { type: 'filter-input', text: '-2\u0007' }, { type: 'filter-commit' });
    expect(t.ui.filter.pods).toBe('api-2');
    expect(t.ui.filterEditing).toBe(false);
    expect(selectedPod(t)?.name).toBe('api-2');
    const widened = run(t, { type: 'filter-start' }, { type: 'filter-backspace' }, { type: 'filter-backspace' });
    expect(widened.ui.filter.pods).toBe('api');
    expect(selectedPod(widened)?.name).toBe('api-1');
    // typing when not editing does nothing
    expect(run(t, { type: 'filter-input', text: 'x' }).ui.filter.pods).toBe(t.ui.filter.pods);
    expect(run(t, { type: 'filter-cancel' }).ui.filter.pods).toBe('');
  });

  it('does not filter panes without rows to filter, and says so', () => {
    const s = run(withPods([]), { type: 'focus', pane: 'latency' }, { type: 'filter-start' });
    expect(s.ui.filterEditing).toBe(false);
    expect(s.ui.flash).toEqual({ text: 'no filter in latency', expiresAt: s.now + FLASH_MS });
  });

  it('toggles help and logs pause', () => {
    const s = withPods([]);
    expect(run(s, { type: 'help-toggle' }).ui.helpOpen).toBe(true);
    expect(run(s, { type: 'help-toggle' }, { type: 'help-close' }).ui.helpOpen).toBe(false);
    const paused = run(s, { type: 'logs-pause-toggle' });
    expect(paused.ui.logsFrozen).toEqual([]);
    expect(paused.ui.flash?.text).toBe('logs paused');
    const resumed = run(paused, { type: 'logs-pause-toggle' });
    expect(resumed.ui.logsFrozen).toBeNull();
    expect(resumed.ui.flash?.text).toBe('logs resumed');
  });

  it('leaves everything under an open modal alone, except quit', () => {
    const s = withPods(['a', 'b']);
    const modal = { ...s, ui: { ...s.ui, modal: {} as NonNullable<AppState['ui']['modal']> } };
    for (const intent of [{ type: 'select-next' }, { type: 'focus-next' }, { type: 'filter-start' }, { type: 'logs-pause-toggle' }, { type: 'help-toggle' }] as Intent[]) {
      expect(reduceIntent(modal, intent)).toBe(modal);
    }
  });
});

import { hiveState as helpState } from '../views/fixtures.js';
describe('help paging', () => {
  it('pages the help with j/k while it is open, and leaves the pane selection alone', () => {
    let s = reduceIntent(helpState(), { type: 'help-toggle' });
    s = reduceIntent(s, { type: 'select-next' });
    expect(s.ui.helpPage).toBe(1);
    expect(s.ui.selection.pods).toBe(0);
    s = reduceIntent(s, { type: 'help-toggle' });
    s = reduceIntent(s, { type: 'help-toggle' });
    expect(s.ui.helpPage).toBe(0);
  });
});
