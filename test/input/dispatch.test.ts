// Keystrokes that arrive batched (slow SSH, tmux send-keys) must do what the same keys typed slowly do.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import { dispatchInput } from '../../src/input/dispatch.js';
import { matchContextOf } from '../../src/input/match.js';
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

/**
 * A stand-in for the runtime's modal: fields and buttons in focus order, focus starting on Cancel.
 * It reports modalOpen/modalTextFocus to the matcher exactly as the runtime must.
 */
function modalHarness(order: ('cancel' | 'confirm' | 'name')[]) {
  let state = hiveState();
  const sent: Intent[] = [];
  const modal = { open: true, focus: 0, text: '', confirms: 0 };
  const focused = () => order[modal.focus];
  const store = {
    getState: () => state,
    dispatch: (intent: Intent) => {
      sent.push(intent);
      if (!modal.open) {
        state = reduceIntent(state, intent);
        return;
      }
      if (intent.type === 'modal-focus-next') modal.focus = (modal.focus + 1) % order.length;
      if (intent.type === 'modal-focus-prev') modal.focus = (modal.focus - 1 + order.length) % order.length;
      if (intent.type === 'modal-input') modal.text += intent.text;
      if (intent.type === 'modal-backspace') modal.text = modal.text.slice(0, -1);
      if (intent.type === 'modal-cancel') modal.open = false;
      if (intent.type === 'modal-confirm') modal.confirms += 1;
    },
  };
  const contextOf = (s: AppState) => matchContextOf(s.ui, { modalOpen: modal.open, modalTextFocus: modal.open && focused() === 'name' });
  const type = (input: string, key: Key = noKey) => dispatchInput(DEFAULT_KEYMAP, input, key, store, contextOf);
  return { type, sent, modal, state: () => state };
}

describe('batched input behind a confirmation modal', () => {
  it('types a burst into the focused name field whole, y and n included, then Enter presses the button', () => {
    const h = modalHarness(['cancel', 'name', 'confirm']);
    h.type('\thive-mind-rusty-ny\r');
    expect(h.modal.text).toBe('hive-mind-rusty-ny');
    expect(h.sent.map((i) => i.type)).toEqual(['modal-focus-next', 'modal-input', 'modal-activate']);
    expect(h.modal.confirms).toBe(0);
    expect(h.modal.open).toBe(true);
  });

  it('replays "y" key by key when no text field has focus, so the runtime sees each confirm', () => {
    const h = modalHarness(['cancel', 'confirm']);
    h.type('yy');
    expect(h.sent.map((i) => i.type)).toEqual(['modal-confirm', 'modal-confirm']);
  });

  it('cancels on n, and keys after the cancel go back to the panes', () => {
    const h = modalHarness(['cancel', 'confirm']);
    h.type('nj');
    expect(h.modal.open).toBe(false);
    expect(h.sent.map((i) => i.type)).toEqual(['modal-cancel', 'select-next']);
    expect(h.state().ui.selection.pods).toBe(1);
  });

  it('never lets a burst reach the panes behind the modal', () => {
    const h = modalHarness(['cancel', 'confirm']);
    h.type('jjq1r?');
    expect(h.sent).toEqual([]);
    expect(h.state().ui.selection.pods).toBe(0);
  });

  it('still quits on ctrl+c inside a burst, even while typing into a field', () => {
    const h = modalHarness(['name', 'cancel']);
    h.type('ab\u0003');
    expect(h.modal.text).toBe('ab');
    expect(h.sent.at(-1)).toEqual({ type: 'quit' });
  });

  it('deletes typed characters with the backspace byte', () => {
    const h = modalHarness(['name', 'cancel']);
    h.type('abc\u007f\u007fd');
    expect(h.modal.text).toBe('ad');
  });
});
