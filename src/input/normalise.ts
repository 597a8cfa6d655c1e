// Turns Ink's (input, key) pair into one stable name, so bindings can be written as plain strings.
import type { Key } from 'ink';

/** Prefix for multi-character input (a paste): never mistaken for a named key such as "end". */
export const PASTE_PREFIX = 'paste:';

/**
 * Normalised key name: 'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter',
 * 'escape', 'tab', 'shift+tab', 'backspace', 'space', 'ctrl+<letter>', 'meta+<char>', a single printable
 * character as typed ('g', 'G', '/', '?'), `paste:<text>` for pasted text, or '' for nothing usable.
 */
export function normaliseKey(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  // Ink reports Escape with meta set too, so it must be checked before meta.
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Most terminals send DEL (0x7f) for the Backspace key, which Ink calls "delete".
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl) return input ? `ctrl+${input.toLowerCase()}` : '';
  if (key.meta) return input ? `meta+${input}` : '';
  if (input === ' ') return 'space';
  if (input.length === 0) return '';
  if ([...input].length > 1) return `${PASTE_PREFIX}${input}`;
  return input;
}
