// Turns one chunk of terminal input into intents. On a slow SSH link (or from tmux send-keys) keystrokes
// arrive batched ("jjj", "1/postgres\r"): a multi-character chunk is replayed key by key, each seeing the
// state the previous one left, so batching never changes what the keys do. Text typed into an open filter
// or a modal's focused text field is kept together as one filter-input / modal-input; anywhere else each
// character is its own key, so "yy" behind a modal is two confirms (the runtime submits once).
import type { Key } from 'ink';
import type { Keymap } from '../../keymaps/types.js';
import type { StateStore } from '../state/intents.js';
import type { AppState } from '../state/types.js';
import { isTyping, matchBinding, matchContextOf, type MatchContext } from './match.js';
import { normaliseKey, PASTE_PREFIX } from './normalise.js';
import { isPrintable } from '../text/control.js';

/** How the runtime turns its state into the matcher's view of it (modal and Actions-view flags included). */
export type ContextReader = (state: AppState) => MatchContext;

const NO_KEY = {} as Key;
const CHAR_NAMES: Record<string, string> = { '\r': 'enter', '\n': 'enter', '\t': 'tab', '\u007f': 'backspace', '\b': 'backspace', '\u001b': 'escape' };

/** One character of a batch as a key name: control bytes 0x01-0x1a are ctrl+a..ctrl+z (ctrl+c = 0x03). */
function charName(ch: string): string {
  const named = CHAR_NAMES[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  return normaliseKey(ch, NO_KEY);
}

export function dispatchInput(
  keymap: Keymap,
  input: string,
  key: Key,
  store: Pick<StateStore, 'getState' | 'dispatch'>,
  contextOf: ContextReader = (state) => matchContextOf(state.ui),
): void {
  const send = (name: string) => {
    const intent = matchBinding(keymap, name, contextOf(store.getState()));
    if (intent) store.dispatch(intent);
  };
  const name = normaliseKey(input, key);
  if (!name.startsWith(PASTE_PREFIX)) {
    send(name);
    return;
  }
  let text = '';
  const flushText = () => {
    if (text) send([...text].length > 1 ? `${PASTE_PREFIX}${text}` : text);
    text = '';
  };
  for (const ch of input) {
    if (isPrintable(ch) && isTyping(contextOf(store.getState()))) {
      text += ch;
      continue;
    }
    flushText();
    send(charName(ch));
  }
  flushText();
}
