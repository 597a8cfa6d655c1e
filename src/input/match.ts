// The one place where a key name becomes an Intent. Pure, so the whole key map is unit-testable.
import type { KeyBinding, KeyContext, Keymap } from '../../keymaps/types.js';
import type { Intent } from '../state/intents.js';
import type { PaneId, UiState } from '../state/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { PASTE_PREFIX } from './normalise.js';

/** The parts of the UI state that decide which bindings are live. */
export interface MatchContext {
  focus: PaneId;
  filterEditing: boolean;
  helpOpen: boolean;
}

export const matchContextOf = (ui: UiState): MatchContext => ({
  focus: ui.focus,
  filterEditing: ui.filterEditing,
  helpOpen: ui.helpOpen,
});

/** Contexts searched in order; the first binding found wins, so pane bindings shadow global ones. */
export function activeContexts(ctx: MatchContext): KeyContext[] {
  if (ctx.filterEditing) return ['filter'];
  if (ctx.helpOpen) return ['help', 'global'];
  return [ctx.focus, 'global'];
}

const find = (bindings: Keymap, keyName: string, context: KeyContext): KeyBinding | undefined =>
  bindings.find((b) => b.context === context && b.keys.includes(keyName));

/** Text a key contributes to a filter being typed, or null if it is not text. */
function typedText(keyName: string): string | null {
  let raw: string;
  if (keyName === 'space') raw = ' ';
  else if (keyName.startsWith(PASTE_PREFIX)) raw = keyName.slice(PASTE_PREFIX.length).replace(/\r?\n/g, ' ');
  else if ([...keyName].length === 1) raw = keyName;
  else return null;
  const text = sanitizeLine(raw, 256);
  return text.length > 0 ? text : null;
}

/**
 * The intent for a normalised key in the given UI context, or null when the key does nothing.
 * While a filter is being typed, printable keys become filter-input and only control chords
 * (ctrl+...) still reach the global bindings, so typing "q" into a filter never quits.
 */
export function matchBinding(bindings: Keymap, keyName: string, context: MatchContext | KeyContext): Intent | null {
  if (!keyName) return null;
  const contexts: KeyContext[] = typeof context === 'string' ? [context] : activeContexts(context);
  for (const c of contexts) {
    const hit = find(bindings, keyName, c);
    if (hit) return hit.intent;
  }
  const editing = typeof context === 'string' ? context === 'filter' : context.filterEditing;
  if (!editing) return null;
  const text = typedText(keyName);
  if (text !== null) return { type: 'filter-input', text };
  if (keyName.startsWith('ctrl+')) return find(bindings, keyName, 'global')?.intent ?? null;
  return null;
}
