// `keymap:` and `keys:` in the config: which built-in map, and per-command key overrides, checked so a
// typo or a clash is a clear error at startup instead of a key that silently does nothing.
import { z } from 'zod';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import type { KeyBinding, Keymap } from '../../keymaps/types.js';
import { VIM_KEYMAP } from '../../keymaps/vim.js';
import { keymapConflicts, type KeyConflict } from '../input/conflicts.js';
import { isPrintable } from '../text/control.js';
import { ConfigError } from './config.js';

export const KEYMAPS = { default: DEFAULT_KEYMAP, vim: VIM_KEYMAP } as const satisfies Record<string, Keymap>;
export type KeymapName = keyof typeof KEYMAPS;

/** Schema fragments for configSchema; the values of `keys:` are checked by resolveKeymap for better messages. */
export const keymapSchema = z.enum(Object.keys(KEYMAPS) as [KeymapName, ...KeymapName[]]);
// looseObject, not record: an error then says "must be a mapping" like every other section
export const keysSchema = z.looseObject({});
export type KeyOverrides = Record<string, unknown>;

const NAMED = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'shift+tab', 'backspace', 'space']);
const ALIASES: Record<string, string> = {
  esc: 'escape',
  return: 'enter',
  pgup: 'pageup',
  pgdn: 'pagedown',
  bs: 'backspace',
  delete: 'backspace',
  del: 'backspace',
  bksp: 'backspace',
  backtab: 'shift+tab',
  // the help overlay's own labels, so a key can be copied from it
  's-tab': 'shift+tab',
  '↑': 'up',
  '↓': 'down',
  '←': 'left',
  '→': 'right',
  ' ': 'space',
};

/**
 * A key as written in the config, as the name normaliseKey produces for it (see keymaps/types.ts), or
 * null when no keystroke can produce it. Accepts "ctrl-k"/"C-k" for "ctrl+k" and a few named-key aliases.
 */
export function parseKeyName(written: string): string | null {
  const text = written === ' ' ? written : written.trim();
  if ([...text].length === 1) return !isPrintable(text) ? null : (ALIASES[text] ?? text);
  const lower = text
    .toLowerCase()
    .replace(/^(ctrl|control|c)[-+]/, 'ctrl+')
    .replace(/^(alt|meta|m)[-+]/, 'meta+')
    .replace(/^shift-/, 'shift+');
  const named = ALIASES[lower] ?? lower;
  if (NAMED.has(named)) return named;
  const chord = /^(ctrl|meta)\+(.+)$/.exec(named);
  if (!chord) return null;
  // the chord's character as typed: ctrl+ is reported lower-case, meta+ keeps its case
  const rest = text.slice(text.length - chord[2]!.length);
  if ([...rest].length !== 1 || !isPrintable(rest) || rest === ' ') return null;
  return chord[1] === 'ctrl' ? `ctrl+${rest.toLowerCase()}` : `meta+${rest}`;
}

// Safety rules a remap must not break (issue 3: Enter alone never confirms; a modal can always be left).
const NEVER: Record<string, { key: string; why: string }[]> = {
  'modal.confirm': [
    { key: 'enter', why: 'Enter alone never confirms an action' },
    { key: 'space', why: 'a stray Space must not confirm an action' },
  ],
};
const REQUIRED = new Set(['quit', 'modal.cancel']);

function closest(id: string, known: readonly string[]): string | null {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = tmp;
      }
    }
    return row[b.length]!;
  };
  let best: string | null = null;
  let bestDistance = 4;
  for (const k of known) {
    const d = distance(id, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function keysOf(id: string, value: unknown): string[] {
  const at = `keys.${id}`;
  const list = Array.isArray(value) ? value : [value];
  const keys = list.map((v) => {
    const written = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 9 ? String(v) : v;
    const name = typeof written === 'string' ? parseKeyName(written) : null;
    if (name === null) {
      const shown = typeof written === 'string' ? JSON.stringify(written) : String(JSON.stringify(written) ?? written);
      throw new ConfigError(`${at}: ${shown} is not a key: use e.g. "x", "X", "ctrl+k", "enter", "escape", "tab", "pagedown", or a list of them`);
    }
    return name;
  });
  for (const rule of NEVER[id] ?? []) {
    if (keys.includes(rule.key)) throw new ConfigError(`${at}: cannot be "${rule.key}": ${rule.why}`);
  }
  if (keys.length === 0 && REQUIRED.has(id)) throw new ConfigError(`${at}: must keep at least one key`);
  return [...new Set(keys)];
}

const where = (c: KeyConflict): string => (c.first.context === c.second.context ? c.first.context : `${c.first.context} and ${c.second.context}`);

export const conflictMessage = (c: KeyConflict): string =>
  `keys: "${c.key}" is bound to both ${c.first.id} and ${c.second.id} (${where(c)})`;

/**
 * `base` with each overridden command's keys replaced. Pure. Throws ConfigError naming the command for
 * an unknown command id or an unusable key, and naming both commands and the key for a conflict.
 */
export function resolveKeymap(base: Keymap, overrides: KeyOverrides): Keymap {
  const known = base.map((b) => b.id);
  const replaced = new Map<string, string[]>();
  for (const [id, value] of Object.entries(overrides)) {
    if (!known.includes(id)) {
      const near = closest(id, known);
      const family = known.filter((k) => k.startsWith(`${id.split('.')[0]}.`));
      const hint = near ? ` (did you mean ${near}?)` : family.length > 0 ? ` (known: ${family.join(', ')})` : '';
      throw new ConfigError(`keys.${id}: unknown command "${id}"${hint}`);
    }
    replaced.set(id, keysOf(id, value));
  }
  const keymap = base.map((b): KeyBinding => {
    const keys = replaced.get(b.id);
    return keys ? { ...b, keys } : b;
  });
  const conflicts = keymapConflicts(keymap);
  if (conflicts.length > 0) throw new ConfigError(conflicts.map(conflictMessage).join('\n'));
  return keymap;
}

/** The keymap a config asks for: `keymap:` (default: "default") with `keys:` applied. */
export function keymapFromConfig(raw: { keymap?: KeymapName | undefined; keys?: KeyOverrides | undefined }): Keymap {
  return resolveKeymap(KEYMAPS[raw.keymap ?? 'default'], raw.keys ?? {});
}
