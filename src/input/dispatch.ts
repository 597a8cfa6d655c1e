// Turns one chunk of terminal input into intents. On a slow SSH link (or from tmux send-keys) keystrokes
// arrive batched ("jjj", "1/postgres\r"): a multi-character chunk is replayed key by key, each seeing the
// state the previous one left, so batching never changes what the keys do. Text typed into an open filter
// is kept together as one filter-input.
import type { Key } from 'ink';
import type { Keymap } from '../../keymaps/types.js';
import type { StateStore } from '../state/intents.js';
import { matchBinding, matchContextOf } from './match.js';
import { normaliseKey, PASTE_PREFIX } from './normalise.js';

const NO_KEY = {} as Key;
const CHAR_NAMES: Record<string, string> = { '\r': 'enter', '\n': 'enter', '\t': 'tab', '\u007f': 'backspace', '\b': 'backspace', '\u001b': 'escape' };
// eslint-disable-next-line no-control-regex
const isPrintable = (ch: string) => !/[\u0000-\u001f\u007f-\u009f]/.test(ch);

export function dispatchInput(keymap: Keymap, input: string, key: Key, store: Pick<StateStore, 'getState' | 'dispatch'>): void {
  const send = (name: string) => {
    const intent = matchBinding(keymap, name, matchContextOf(store.getState().ui));
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
    if (store.getState().ui.filterEditing && isPrintable(ch)) {
      text += ch;
      continue;
    }
    flushText();
    send(CHAR_NAMES[ch] ?? normaliseKey(ch, NO_KEY));
  }
  flushText();
}
