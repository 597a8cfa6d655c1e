// Key bindings are data: one table drives both input matching (src/input/match.ts) and the help overlay.
import type { Intent } from '../src/state/intents.js';
import type { PaneId } from '../src/state/types.js';

/**
 * Where a binding applies. 'global' works in every pane; a PaneId only while that pane has focus;
 * 'filter' while a `/` filter is being typed; 'help' while the help overlay is open.
 */
export type KeyContext = 'global' | PaneId | 'filter' | 'help';

export interface KeyBinding {
  /**
   * Normalised key names as produced by normaliseKey: single printable characters ('j', 'G', '/', '?'),
   * named keys ('tab', 'shift+tab', 'up', 'down', 'pageup', 'pagedown', 'home', 'end', 'enter',
   * 'escape', 'backspace', 'space') and chords ('ctrl+c').
   */
  keys: string[];
  intent: Intent;
  description: string;
  context: KeyContext;
}

export type Keymap = readonly KeyBinding[];
