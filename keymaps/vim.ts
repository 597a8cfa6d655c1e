// A vim-flavoured keymap: the same commands as the default map, other keys. Keys are single keystrokes
// (the matcher has no chords of printable keys), so `gg` is `g`, and `dd` becomes `D` for pod delete.
import { buildKeymap, type KeyChoice } from './commands.js';
import { DEFAULT_KEYS } from './default.js';
import type { Keymap } from './types.js';

export const VIM_KEYS: KeyChoice = {
  ...DEFAULT_KEYS,
  // h/l move between panes like moving between windows; ctrl+w cycles as in vim's ctrl-w w
  'focus.next': ['l', 'ctrl+w', 'tab'],
  'focus.prev': ['h', 'shift+tab'],
  'page.down': ['ctrl+f', 'ctrl+d', 'pagedown'],
  'page.up': ['ctrl+b', 'ctrl+u', 'pageup'],
  'actions.toggle': ['A'],
  'pod.delete': ['D'],
  'rollout.restart': ['R'],
  'rollout.undo': ['u'],
  'deployment.scale': ['S'],
  // m for mute: x deletes in vim, which a silence is not
  'silence.create': ['m'],
  'silence.expire': ['M'],
  'leader.transfer': ['T'],
  'logs.clear': ['C'],
  // j/k/h/l walk the modal's fields and buttons; while a text field has focus they are typed instead
  'modal.focus-next': ['tab', 'j', 'l'],
  'modal.focus-prev': ['shift+tab', 'k', 'h'],
};

export const VIM_KEYMAP: Keymap = buildKeymap(VIM_KEYS);
