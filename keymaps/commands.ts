// Every command a key can run: its stable id, what it does and where it applies. Keymaps (default.ts,
// vim.ts) only choose keys for these ids, so every keymap offers the same commands and the help text
// is the same whichever map is active. Descriptions stay short: the help shows two columns at 80x24.
import type { Intent } from '../src/state/intents.js';
import type { KeyBinding, KeyContext, Keymap } from './types.js';

interface Command {
  intent: Intent;
  description: string;
  context: KeyContext;
}

const cmd = (context: KeyContext, intent: Intent, description: string): Command => ({ intent, description, context });

export const COMMANDS = {
  'focus.next': cmd('global', { type: 'focus-next' }, 'Focus next pane'),
  'focus.prev': cmd('global', { type: 'focus-prev' }, 'Focus previous pane'),
  'focus.pods': cmd('global', { type: 'focus', pane: 'pods' }, 'Focus Pods'),
  'focus.slos': cmd('global', { type: 'focus', pane: 'slos' }, 'Focus SLOs'),
  'focus.alerts': cmd('global', { type: 'focus', pane: 'alerts' }, 'Focus Alerts'),
  'focus.latency': cmd('global', { type: 'focus', pane: 'latency' }, 'Focus Latency'),
  'focus.consensus': cmd('global', { type: 'focus', pane: 'consensus' }, 'Focus Consensus'),
  'focus.logs': cmd('global', { type: 'focus', pane: 'logs' }, 'Focus Logs'),
  'select.next': cmd('global', { type: 'select-next' }, 'Move selection down'),
  'select.prev': cmd('global', { type: 'select-prev' }, 'Move selection up'),
  'page.down': cmd('global', { type: 'page-down' }, 'Page down'),
  'page.up': cmd('global', { type: 'page-up' }, 'Page up'),
  'select.first': cmd('global', { type: 'select-first' }, 'Jump to first row'),
  'select.last': cmd('global', { type: 'select-last' }, 'Jump to last row'),
  'logs.follow': cmd('global', { type: 'logs-follow-selected' }, "Tail selected pod's logs"),
  'logs.pause': cmd('global', { type: 'logs-pause-toggle' }, 'Pause / resume logs'),
  'actions.toggle': cmd('global', { type: 'actions-view-toggle' }, 'Show / hide Actions view'),
  'help.toggle': cmd('global', { type: 'help-toggle' }, 'Show / hide help'),
  'display.low-bandwidth': cmd('global', { type: 'low-bandwidth-toggle' }, 'Low-bandwidth on/off'),
  quit: cmd('global', { type: 'quit' }, 'Quit'),
  'pods.filter': cmd('pods', { type: 'filter-start' }, 'Filter pods'),
  'pod.delete': cmd('pods', { type: 'action-open', action: 'pod-delete' }, 'Delete selected pod'),
  'rollout.restart': cmd('pods', { type: 'action-open', action: 'rollout-restart' }, 'Restart its Deployment'),
  'rollout.undo': cmd('pods', { type: 'action-open', action: 'rollout-undo' }, 'Undo its last rollout'),
  'deployment.scale': cmd('pods', { type: 'action-open', action: 'scale' }, 'Scale its Deployment'),
  'alerts.filter': cmd('alerts', { type: 'filter-start' }, 'Filter alerts'),
  'silence.create': cmd('alerts', { type: 'action-open', action: 'silence-create' }, 'Silence selected alert'),
  'silence.expire': cmd('alerts', { type: 'action-open', action: 'silence-expire' }, "Expire alert's silence"),
  'leader.transfer': cmd('consensus', { type: 'action-open', action: 'leader-transfer' }, 'Make member the leader'),
  'logs.filter': cmd('logs', { type: 'filter-start' }, 'Filter log lines'),
  'logs.clear': cmd('logs', { type: 'logs-clear' }, 'Clear the log buffer'),
  'filter.commit': cmd('filter', { type: 'filter-commit' }, 'Apply filter'),
  'filter.cancel': cmd('filter', { type: 'filter-cancel' }, 'Cancel filter'),
  'filter.backspace': cmd('filter', { type: 'filter-backspace' }, 'Delete filter character'),
  'help.close': cmd('help', { type: 'help-close' }, 'Close help'),
  'actions.close': cmd('actions', { type: 'actions-view-toggle' }, 'Close Actions view'),
  'modal.cancel': cmd('modal', { type: 'modal-cancel' }, 'Cancel, change nothing'),
  'modal.confirm': cmd('modal', { type: 'modal-confirm' }, 'Confirm (low-risk only)'),
  'modal.activate': cmd('modal', { type: 'modal-activate' }, 'Press focused button'),
  'modal.focus-next': cmd('modal', { type: 'modal-focus-next' }, 'Next field or button'),
  'modal.focus-prev': cmd('modal', { type: 'modal-focus-prev' }, 'Previous field or button'),
  'modal.backspace': cmd('modal', { type: 'modal-backspace' }, 'Delete typed character'),
} as const satisfies Record<string, Command>;

export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

/** Keys for every command: a keymap must choose keys (possibly none) for each one. */
export type KeyChoice = Record<CommandId, readonly string[]>;

/** The bindings for a choice of keys, in command order (the order the help shows them in). */
export function buildKeymap(keys: KeyChoice): Keymap {
  return COMMAND_IDS.map((id): KeyBinding => {
    const c: Command = COMMANDS[id];
    return { id, keys: [...keys[id]], intent: c.intent, description: c.description, context: c.context };
  });
}
