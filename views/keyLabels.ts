// How key names from the keymap are shown to people, and hints derived from the keymap data.
import type { KeyBinding, KeyContext, Keymap } from '../keymaps/types.js';
import type { IntentType } from '../src/state/intents.js';
import { PANE_TITLES, type PaneId } from '../src/state/types.js';

const NAMES: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  'shift+tab': 'S-Tab',
  backspace: 'Bksp',
  space: 'Space',
};

export function keyLabel(key: string): string {
  const named = NAMES[key];
  if (named) return named;
  if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5).toUpperCase()}`;
  if (key.startsWith('meta+')) return `M-${key.slice(5)}`;
  return key;
}

export const keysLabel = (b: KeyBinding): string => b.keys.map(keyLabel).join('/');

export function contextLabel(c: KeyContext): string {
  if (c === 'global') return 'Everywhere';
  if (c === 'filter') return 'While typing a filter';
  if (c === 'help') return 'In this help';
  if (c === 'modal') return 'In a confirmation';
  if (c === 'actions') return 'In the Actions view';
  return `${PANE_TITLES[c as PaneId]} pane`;
}

/** First key bound to an intent in a context, shown as a label, e.g. "?" for help-toggle. */
export function keyFor(keymap: Keymap, type: IntentType, context?: KeyContext): string | null {
  const b = keymap.find((x) => x.intent.type === type && (context === undefined || x.context === context));
  const k = b?.keys[0];
  return k === undefined ? null : keyLabel(k);
}
