// Key bindings are data: one table drives input matching (src/input/match.ts), config overrides
// (src/config/keys.ts) and the help overlay.
import type { Intent } from '../src/state/intents.js';
import type { PaneId } from '../src/state/types.js';

/**
 * Where a binding applies. 'global' works in every pane; a PaneId only while that pane has focus;
 * 'filter' while a `/` filter is being typed; 'help' while the help overlay is open; 'actions' while the
 * Actions (journal) view is open; 'modal' while a confirmation modal is open: then only modal bindings
 * apply, plus the global quit chord (ctrl+c), so no pane key can act behind the modal.
 */
export type KeyContext = 'global' | PaneId | 'filter' | 'help' | 'actions' | 'modal';

export interface KeyBinding {
  /**
   * Stable command name (e.g. 'pod.delete', 'focus.next', 'quit'): what config overrides and conflict
   * messages refer to. The same command has the same id in every built-in keymap.
   */
  id: string;
  /**
   * Normalised key names as produced by normaliseKey: single printable characters ('j', 'G', '/', '?'),
   * named keys ('tab', 'shift+tab', 'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end',
   * 'enter', 'escape', 'backspace', 'space') and chords ('ctrl+c', 'meta+x'). Empty = unbound by config.
   */
  keys: string[];
  intent: Intent;
  description: string;
  context: KeyContext;
}

export type Keymap = readonly KeyBinding[];
