import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import { matchBinding, type MatchContext } from '../../src/input/match.js';
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

  it('binds every key at most once per context', () => {
    const seen = new Set<string>();
    for (const b of DEFAULT_KEYMAP) {
      for (const k of b.keys) {
        const id = `${b.context}:${k}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });
});
