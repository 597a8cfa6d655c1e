// The default key bindings, k9s-like. Data only: matching lives in src/input/match.ts, the help overlay
// and config overrides read this.
import { buildKeymap, type KeyChoice } from './commands.js';
import type { Keymap } from './types.js';

export const DEFAULT_KEYS: KeyChoice = {
  'focus.next': ['tab'],
  'focus.prev': ['shift+tab'],
  'focus.pods': ['1'],
  'focus.slos': ['2'],
  'focus.alerts': ['3'],
  'focus.latency': ['4'],
  'focus.consensus': ['5'],
  'focus.logs': ['6'],
  'select.next': ['j', 'down'],
  'select.prev': ['k', 'up'],
  'page.down': ['pagedown'],
  'page.up': ['pageup'],
  'select.first': ['g', 'home'],
  'select.last': ['G', 'end'],
  'logs.follow': ['f'],
  'logs.pause': ['p'],
  'actions.toggle': ['a'],
  'help.toggle': ['?'],
  'display.low-bandwidth': ['b'],
  quit: ['q', 'ctrl+c'],
  'pods.filter': ['/'],
  // k9s deletes on ctrl+d too; here it only opens the confirmation modal
  'pod.delete': ['ctrl+d'],
  'rollout.restart': ['r'],
  'rollout.undo': ['u'],
  'deployment.scale': ['s'],
  'alerts.filter': ['/'],
  'silence.create': ['x'],
  'silence.expire': ['X'],
  'leader.transfer': ['L'],
  'logs.filter': ['/'],
  'logs.clear': ['c'],
  'filter.commit': ['enter'],
  'filter.cancel': ['escape'],
  'filter.backspace': ['backspace'],
  'help.close': ['escape'],
  'actions.close': ['escape'],
  'modal.cancel': ['escape', 'n'],
  'modal.confirm': ['y'],
  // Enter presses the focused button, and focus starts on Cancel: Enter alone never confirms
  'modal.activate': ['enter'],
  'modal.focus-next': ['tab'],
  'modal.focus-prev': ['shift+tab'],
  'modal.backspace': ['backspace'],
};

export const DEFAULT_KEYMAP: Keymap = buildKeymap(DEFAULT_KEYS);
