import { describe, expect, it } from 'vitest';
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
    // moving in an empty pane leaves the state untouched
    const empty = withPods([]);
    expect(run(empty, { type: 'focus', pane: 'latency' }, { type: 'select-next' }).ui.selection.latency).toBe(0);
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
    expect(s.ui.flash).toBe('no filter in latency');
  });

  it('toggles help and logs pause', () => {
    const s = withPods([]);
    expect(run(s, { type: 'help-toggle' }).ui.helpOpen).toBe(true);
    expect(run(s, { type: 'help-toggle' }, { type: 'help-close' }).ui.helpOpen).toBe(false);
    const paused = run(s, { type: 'logs-pause-toggle' });
    expect(paused.ui).toMatchObject({ logsPaused: true, flash: 'logs paused' });
    expect(run(paused, { type: 'logs-pause-toggle' }).ui).toMatchObject({ logsPaused: false, flash: 'logs resumed' });
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
