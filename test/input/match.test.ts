import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import { VIM_KEYMAP } from '../../keymaps/vim.js';
import { matchBinding, matchContextOf, type MatchContext } from '../../src/input/match.js';
import { initialUi } from '../../src/runtime/reduce.js';
import { PANES } from '../../src/state/types.js';

const normal: MatchContext = { focus: 'pods', filterEditing: false, helpOpen: false };
const filtering: MatchContext = { ...normal, filterEditing: true };
const help: MatchContext = { ...normal, helpOpen: true };
const m = (key: string, ctx: MatchContext = normal) => matchBinding(DEFAULT_KEYMAP, key, ctx);

describe('matchBinding with the default keymap', () => {
  it('moves focus with tab, shift+tab and the digits 1-6 in pane order', () => {
    expect(m('tab')).toEqual({ type: 'focus-next' });
    expect(m('shift+tab')).toEqual({ type: 'focus-prev' });
    PANES.forEach((pane, i) => expect(m(String(i + 1))).toEqual({ type: 'focus', pane }));
  });

  it('moves the selection with j/k, arrows, paging and g/G', () => {
    expect(m('j')).toEqual({ type: 'select-next' });
    expect(m('down')).toEqual({ type: 'select-next' });
    expect(m('k')).toEqual({ type: 'select-prev' });
    expect(m('up')).toEqual({ type: 'select-prev' });
    expect(m('pagedown')).toEqual({ type: 'page-down' });
    expect(m('pageup')).toEqual({ type: 'page-up' });
    expect(m('g')).toEqual({ type: 'select-first' });
    expect(m('G')).toEqual({ type: 'select-last' });
    expect(m('end')).toEqual({ type: 'select-last' });
  });

  it('starts a filter with / only in the filterable panes', () => {
    for (const focus of ['pods', 'alerts', 'logs'] as const) expect(m('/', { ...normal, focus })).toEqual({ type: 'filter-start' });
    for (const focus of ['slos', 'latency', 'consensus'] as const) expect(m('/', { ...normal, focus })).toBeNull();
  });

  it('turns typing into filter-input while a filter is edited, so q does not quit', () => {
    expect(m('q', filtering)).toEqual({ type: 'filter-input', text: 'q' });
    expect(m('j', filtering)).toEqual({ type: 'filter-input', text: 'j' });
    expect(m('space', filtering)).toEqual({ type: 'filter-input', text: ' ' });
    expect(m('paste:rust-7d', filtering)).toEqual({ type: 'filter-input', text: 'rust-7d' });
    expect(m('backspace', filtering)).toEqual({ type: 'filter-backspace' });
    expect(m('enter', filtering)).toEqual({ type: 'filter-commit' });
    expect(m('escape', filtering)).toEqual({ type: 'filter-cancel' });
    expect(m('tab', filtering)).toBeNull();
  });

  it('still quits on ctrl+c while a filter is edited', () => {
    expect(m('ctrl+c', filtering)).toEqual({ type: 'quit' });
  });

  it('never puts control bytes into a pasted filter', () => {
    const intent = m('paste:ab\u001b]52;c;x\u0007cd', filtering);
    expect(intent?.type).toBe('filter-input');
    expect(intent && 'text' in intent ? intent.text : '').not.toMatch(/[\u0000-\u001f]/);
  });

  it('quits, toggles help, pauses and follows logs', () => {
    expect(m('q')).toEqual({ type: 'quit' });
    expect(m('ctrl+c')).toEqual({ type: 'quit' });
    expect(m('?')).toEqual({ type: 'help-toggle' });
    expect(m('p')).toEqual({ type: 'logs-pause-toggle' });
    expect(m('f')).toEqual({ type: 'logs-follow-selected' });
  });

  it('closes help with Escape and keeps global keys working in help', () => {
    expect(m('escape', help)).toEqual({ type: 'help-close' });
    expect(m('?', help)).toEqual({ type: 'help-toggle' });
    expect(m('q', help)).toEqual({ type: 'quit' });
    expect(m('escape')).toBeNull();
  });

  it('ignores unbound keys and empty names', () => {
    expect(m('z')).toBeNull();
    expect(m('')).toBeNull();
    expect(m('paste:hello')).toBeNull();
  });

  it('binds every key at most once per context, in both built-in maps', () => {
    for (const keymap of [DEFAULT_KEYMAP, VIM_KEYMAP]) {
      const seen = new Set<string>();
      for (const b of keymap) {
        for (const k of b.keys) {
          const id = `${b.context}:${k}`;
          expect(seen.has(id), id).toBe(false);
          seen.add(id);
        }
      }
    }
  });

  it('opens the remediation actions on the keys of issue 3, each only in its own pane', () => {
    const at = (focus: MatchContext['focus']) => ({ ...normal, focus });
    expect(m('ctrl+d', at('pods'))).toEqual({ type: 'action-open', action: 'pod-delete' });
    expect(m('r', at('pods'))).toEqual({ type: 'action-open', action: 'rollout-restart' });
    expect(m('u', at('pods'))).toEqual({ type: 'action-open', action: 'rollout-undo' });
    expect(m('s', at('pods'))).toEqual({ type: 'action-open', action: 'scale' });
    expect(m('x', at('alerts'))).toEqual({ type: 'action-open', action: 'silence-create' });
    expect(m('X', at('alerts'))).toEqual({ type: 'action-open', action: 'silence-expire' });
    expect(m('L', at('consensus'))).toEqual({ type: 'action-open', action: 'leader-transfer' });
    // a pod key pressed while the alerts pane has focus does nothing, and vice versa
    expect(m('ctrl+d', at('alerts'))).toBeNull();
    expect(m('r', at('logs'))).toBeNull();
    expect(m('x', at('pods'))).toBeNull();
    expect(m('L', at('pods'))).toBeNull();
  });

  it('toggles the Actions view with a anywhere, and closes it with a or Escape', () => {
    expect(m('a')).toEqual({ type: 'actions-view-toggle' });
    const actions: MatchContext = { ...normal, actionsOpen: true };
    expect(m('escape', actions)).toEqual({ type: 'actions-view-toggle' });
    expect(m('a', actions)).toEqual({ type: 'actions-view-toggle' });
    expect(m('q', actions)).toEqual({ type: 'quit' });
    // pane keys are off while the view covers the panes
    expect(m('ctrl+d', actions)).toBeNull();
  });
});

describe('matchBinding while a confirmation modal is open', () => {
  const modal: MatchContext = { ...normal, modalOpen: true, modalTextFocus: false };
  const typing: MatchContext = { ...modal, modalTextFocus: true };

  it('confirms with y, cancels with n or Escape, presses the focused button with Enter', () => {
    expect(m('y', modal)).toEqual({ type: 'modal-confirm' });
    expect(m('n', modal)).toEqual({ type: 'modal-cancel' });
    expect(m('escape', modal)).toEqual({ type: 'modal-cancel' });
    expect(m('enter', modal)).toEqual({ type: 'modal-activate' });
    expect(m('tab', modal)).toEqual({ type: 'modal-focus-next' });
    expect(m('shift+tab', modal)).toEqual({ type: 'modal-focus-prev' });
    expect(m('backspace', modal)).toEqual({ type: 'modal-backspace' });
  });

  it('lets no pane or global key act behind the modal', () => {
    for (const key of ['j', 'k', 'q', 'r', 'ctrl+d', '1', '?', 'a', 'paste:yy', 'space']) expect(m(key, modal), key).toBeNull();
    expect(m('x', { ...modal, focus: 'alerts' })).toBeNull();
  });

  it('still quits on ctrl+c, with or without a text field focused', () => {
    expect(m('ctrl+c', modal)).toEqual({ type: 'quit' });
    expect(m('ctrl+c', typing)).toEqual({ type: 'quit' });
  });

  it('types printable keys, y and n included, into a focused text field', () => {
    expect(m('y', typing)).toEqual({ type: 'modal-input', text: 'y' });
    expect(m('n', typing)).toEqual({ type: 'modal-input', text: 'n' });
    expect(m('q', typing)).toEqual({ type: 'modal-input', text: 'q' });
    expect(m('7', typing)).toEqual({ type: 'modal-input', text: '7' });
    expect(m('space', typing)).toEqual({ type: 'modal-input', text: ' ' });
    expect(m('paste:hive-mind-rust-7d4f', typing)).toEqual({ type: 'modal-input', text: 'hive-mind-rust-7d4f' });
    // named keys keep their meaning in a text field
    expect(m('enter', typing)).toEqual({ type: 'modal-activate' });
    expect(m('escape', typing)).toEqual({ type: 'modal-cancel' });
    expect(m('backspace', typing)).toEqual({ type: 'modal-backspace' });
    expect(m('tab', typing)).toEqual({ type: 'modal-focus-next' });
  });

  it('never types control bytes into a modal field', () => {
    const intent = m('paste:prod\u001b[2Jx', typing);
    expect(intent?.type).toBe('modal-input');
    expect(intent && 'text' in intent ? intent.text : '').not.toMatch(/[\u0000-\u001f]/);
  });

  it('puts the modal above an open filter or help', () => {
    expect(m('y', { ...modal, filterEditing: true })).toEqual({ type: 'modal-confirm' });
    expect(m('escape', { ...modal, helpOpen: true })).toEqual({ type: 'modal-cancel' });
  });

  it('reads the overlay flags the runtime passes to matchContextOf', () => {
    const ctx = matchContextOf(initialUi(), { modalOpen: true, modalTextFocus: true });
    expect(matchBinding(DEFAULT_KEYMAP, 'y', ctx)).toEqual({ type: 'modal-input', text: 'y' });
    expect(matchBinding(DEFAULT_KEYMAP, 'y', matchContextOf(initialUi()))).toBeNull();
    expect(matchBinding(DEFAULT_KEYMAP, 'escape', matchContextOf(initialUi(), { actionsOpen: true }))).toEqual({ type: 'actions-view-toggle' });
  });
});

describe('matchBinding with the vim keymap', () => {
  const v = (key: string, ctx: MatchContext = normal) => matchBinding(VIM_KEYMAP, key, ctx);

  it('moves between panes with h/l and ctrl+w, and rows with j/k, g/G, ctrl+f/ctrl+b', () => {
    expect(v('l')).toEqual({ type: 'focus-next' });
    expect(v('ctrl+w')).toEqual({ type: 'focus-next' });
    expect(v('h')).toEqual({ type: 'focus-prev' });
    expect(v('j')).toEqual({ type: 'select-next' });
    expect(v('k')).toEqual({ type: 'select-prev' });
    expect(v('g')).toEqual({ type: 'select-first' });
    expect(v('G')).toEqual({ type: 'select-last' });
    expect(v('ctrl+f')).toEqual({ type: 'page-down' });
    expect(v('ctrl+b')).toEqual({ type: 'page-up' });
    expect(v('/')).toEqual({ type: 'filter-start' });
  });

  it('deletes a pod with D, not ctrl+d (which pages down as in vim)', () => {
    expect(v('D')).toEqual({ type: 'action-open', action: 'pod-delete' });
    expect(v('ctrl+d')).toEqual({ type: 'page-down' });
    expect(v('u')).toEqual({ type: 'action-open', action: 'rollout-undo' });
    expect(v('m', { ...normal, focus: 'alerts' })).toEqual({ type: 'action-open', action: 'silence-create' });
  });

  it('walks the modal with j/k unless a text field has focus', () => {
    const modal: MatchContext = { ...normal, modalOpen: true };
    expect(v('j', modal)).toEqual({ type: 'modal-focus-next' });
    expect(v('k', modal)).toEqual({ type: 'modal-focus-prev' });
    expect(v('j', { ...modal, modalTextFocus: true })).toEqual({ type: 'modal-input', text: 'j' });
    expect(v('y', modal)).toEqual({ type: 'modal-confirm' });
  });
});
