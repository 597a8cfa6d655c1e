// Keystrokes that arrive batched (slow SSH, tmux send-keys) must do what the same keys typed slowly do.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import { dispatchInput } from '../../src/input/dispatch.js';
import { reduceIntent } from '../../src/runtime/reduce.js';
import type { Intent } from '../../src/state/intents.js';
import type { AppState } from '../../src/state/types.js';
import { hiveState } from '../views/fixtures.js';

function harness(state: AppState) {
  const sent: Intent[] = [];
  const store = {
    getState: () => state,
    dispatch: (intent: Intent) => {
      sent.push(intent);
      state = reduceIntent(state, intent);
    },
  };
  return { store, sent, state: () => state };
}
const noKey = {} as Key;

describe('batched input', () => {
  it('replays "jjj" as three moves down', () => {
    const h = harness(hiveState());
    dispatchInput(DEFAULT_KEYMAP, 'jjj', noKey, h.store);
    expect(h.sent.map((i) => i.type)).toEqual(['select-next', 'select-next', 'select-next']);
    expect(h.state().ui.selection.pods).toBe(3);
  });

  it('turns "/post" into a filter on the focused pane with the rest as its text', () => {
    const h = harness(hiveState());
    dispatchInput(DEFAULT_KEYMAP, '/post', noKey, h.store);
    expect(h.state().ui.filterEditing).toBe(true);
    expect(h.state().ui.filter.pods).toBe('post');
  });

  it('keeps a pasted word whole while a filter is open, so "q" in it never quits', () => {
    const h = harness(hiveState());
    dispatchInput(DEFAULT_KEYMAP, '/', noKey, h.store);
    dispatchInput(DEFAULT_KEYMAP, 'queue', noKey, h.store);
    expect(h.sent.some((i) => i.type === 'quit')).toBe(false);
    expect(h.state().ui.filter.pods).toBe('queue');
  });
});

describe('a whole command typed in one burst', () => {
  it('focuses, filters and commits: "1/postgres\\r"', () => {
    const h = harness(hiveState());
    dispatchInput(DEFAULT_KEYMAP, '1/postgres\r', noKey, h.store);
    expect(h.state().ui.focus).toBe('pods');
    expect(h.state().ui.filterEditing).toBe(false);
    expect(h.state().ui.filter.pods).toBe('postgres');
    dispatchInput(DEFAULT_KEYMAP, '?', noKey, h.store);
    expect(h.state().ui.helpOpen).toBe(true);
  });
});
