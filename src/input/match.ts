// The one place where a key name becomes an Intent. Pure, so the whole key map is unit-testable; the
// conflict check (conflicts.ts) asks the same question through `candidates`.
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
  /** a confirmation modal is open: only 'modal' bindings apply, plus the global quit chord (ctrl+c) */
  modalOpen?: boolean;
  /**
   * the modal's focused element is a text field (replicas, comment, the object's name): printable keys
   * are typed into it as modal-input, so a name containing "y" or "n" can be typed. When false, y/n
   * are the modal's confirm/cancel keys and other printable keys do nothing.
   */
  modalTextFocus?: boolean;
  /** the Actions (journal) view is open: 'actions' bindings, then global ones; pane keys are off */
  actionsOpen?: boolean;
}

/** The modal and Actions-view flags, which the runtime derives from its own state. */
export type OverlayFlags = Pick<MatchContext, 'modalOpen' | 'modalTextFocus' | 'actionsOpen'>;

export const matchContextOf = (ui: UiState, overlays: OverlayFlags = {}): MatchContext => ({
  focus: ui.focus,
  filterEditing: ui.filterEditing,
  helpOpen: ui.helpOpen,
  modalOpen: overlays.modalOpen ?? false,
  modalTextFocus: overlays.modalTextFocus ?? false,
  actionsOpen: overlays.actionsOpen ?? false,
});

/** Contexts searched in order; the first binding found wins. The modal sits on top of everything. */
export function activeContexts(ctx: MatchContext): KeyContext[] {
  if (ctx.modalOpen) return ['modal'];
  if (ctx.filterEditing) return ['filter'];
  if (ctx.helpOpen) return ['help', 'global'];
  if (ctx.actionsOpen) return ['actions', 'global'];
  return [ctx.focus, 'global'];
}

const inContext = (bindings: Keymap, keyName: string, context: KeyContext): KeyBinding[] =>
  bindings.filter((b) => b.context === context && b.keys.includes(keyName));

/**
 * Every binding that answers `keyName` in this situation, best first; matchBinding takes the first.
 * Behind a modal or an open filter only control chords reach the global bindings, and behind a modal
 * only the quit chord, so no keystroke acts on a pane the user cannot see.
 */
export function candidates(bindings: Keymap, keyName: string, ctx: MatchContext): KeyBinding[] {
  const found = activeContexts(ctx).flatMap((c) => inContext(bindings, keyName, c));
  if (keyName.startsWith('ctrl+') && (ctx.modalOpen || ctx.filterEditing)) {
    const global = inContext(bindings, keyName, 'global');
    found.push(...(ctx.modalOpen ? global.filter((b) => b.intent.type === 'quit') : global));
  }
  return found;
}

/** Text a key contributes to a filter or modal field being typed, or null if it is not text. */
function typedText(keyName: string): string | null {
  let raw: string;
  if (keyName === 'space') raw = ' ';
  else if (keyName.startsWith(PASTE_PREFIX)) raw = keyName.slice(PASTE_PREFIX.length).replace(/\r?\n/g, ' ');
  else if ([...keyName].length === 1) raw = keyName;
  else return null;
  const text = sanitizeLine(raw, 256);
  return text.length > 0 ? text : null;
}

/** Whether printable keys are text in this situation rather than commands (see dispatch.ts). */
export const isTyping = (ctx: MatchContext): boolean => (ctx.modalOpen ? ctx.modalTextFocus === true : ctx.filterEditing);

/**
 * The intent for a normalised key in the given UI context, or null when the key does nothing.
 * While a filter is being typed, printable keys become filter-input and only control chords
 * (ctrl+...) still reach the global bindings, so typing "q" into a filter never quits. While a modal's
 * text field has focus, printable keys become modal-input before any binding is looked at, so "y"
 * typed into a name never confirms; named keys (enter, escape, tab, backspace) keep their bindings.
 * A bare KeyContext searches that one context only.
 */
export function matchBinding(bindings: Keymap, keyName: string, context: MatchContext | KeyContext): Intent | null {
  if (!keyName) return null;
  if (typeof context === 'string') {
    const hit = inContext(bindings, keyName, context)[0];
    if (hit) return hit.intent;
    const text = context === 'filter' ? typedText(keyName) : null;
    return text === null ? null : { type: 'filter-input', text };
  }
  if (context.modalOpen && context.modalTextFocus) {
    const text = typedText(keyName);
    if (text !== null) return { type: 'modal-input', text };
  }
  const hit = candidates(bindings, keyName, context)[0];
  if (hit) return hit.intent;
  if (context.modalOpen || !context.filterEditing) return null;
  const text = typedText(keyName);
  return text === null ? null : { type: 'filter-input', text };
}
