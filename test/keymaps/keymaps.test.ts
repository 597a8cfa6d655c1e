import { describe, expect, it } from 'vitest';
import { COMMAND_IDS } from '../../keymaps/commands.js';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import type { KeyBinding, Keymap } from '../../keymaps/types.js';
import { VIM_KEYMAP } from '../../keymaps/vim.js';
import { keymapConflicts } from '../../src/input/conflicts.js';
import { ACTION_KINDS } from '../../src/state/actions.js';

const BUILT_IN = { default: DEFAULT_KEYMAP, vim: VIM_KEYMAP };
const bind = (id: string, context: KeyBinding['context'], keys: string[]): KeyBinding => ({
  id,
  keys,
  context,
  intent: { type: 'logs-clear' },
  description: id,
});
const withKeys = (keymap: Keymap, id: string, keys: string[]): Keymap => keymap.map((b) => (b.id === id ? { ...b, keys } : b));

describe.each(Object.entries(BUILT_IN))('the built-in %s keymap', (_name, keymap) => {
  it('has no conflicts', () => {
    expect(keymapConflicts(keymap).map((c) => `${c.key}: ${c.first.id} / ${c.second.id}`)).toEqual([]);
  });

  it('offers every command exactly once, each with a key and a description', () => {
    expect(keymap.map((b) => b.id)).toEqual(COMMAND_IDS);
    for (const b of keymap) {
      expect(b.keys.length, b.id).toBeGreaterThan(0);
      expect(b.description.trim(), b.id).not.toBe('');
    }
  });

  it('reaches every remediation action from the keyboard', () => {
    const opened = keymap.flatMap((b) => (b.intent.type === 'action-open' ? [b.intent.action] : []));
    expect([...opened].sort()).toEqual([...ACTION_KINDS].sort());
  });

  it('never confirms a modal on Enter or Space', () => {
    const confirm = keymap.find((b) => b.intent.type === 'modal-confirm')!;
    expect(confirm.keys).not.toContain('enter');
    expect(confirm.keys).not.toContain('space');
  });
});

describe('the vim keymap', () => {
  it('differs from the default in keys only', () => {
    expect(VIM_KEYMAP.map(({ id, intent, context, description }) => ({ id, intent, context, description }))).toEqual(
      DEFAULT_KEYMAP.map(({ id, intent, context, description }) => ({ id, intent, context, description })),
    );
    expect(VIM_KEYMAP.find((b) => b.id === 'pod.delete')!.keys).toEqual(['D']);
  });
});

describe('keymapConflicts', () => {
  it('names both commands and the key when a pane binding shadows a global one', () => {
    const conflicts = keymapConflicts(withKeys(DEFAULT_KEYMAP, 'rollout.restart', ['j']));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ key: 'j', first: { id: 'select.next' }, second: { id: 'rollout.restart' } });
  });

  it('finds two commands on one key in the same pane', () => {
    const keymap = [...DEFAULT_KEYMAP, bind('pods.refresh', 'pods', ['r'])];
    expect(keymapConflicts(keymap).map((c) => [c.key, c.first.id, c.second.id])).toEqual([['r', 'rollout.restart', 'pods.refresh']]);
  });

  it('allows the same key in two different panes', () => {
    expect(keymapConflicts(withKeys(DEFAULT_KEYMAP, 'silence.create', ['r']))).toEqual([]);
  });

  it('allows printable modal keys that are global keys elsewhere: the modal hides the panes', () => {
    expect(keymapConflicts(withKeys(DEFAULT_KEYMAP, 'modal.confirm', ['q']))).toEqual([]);
  });

  it('flags a modal key on the quit chord, which still works behind the modal', () => {
    const conflicts = keymapConflicts(withKeys(DEFAULT_KEYMAP, 'modal.cancel', ['ctrl+c']));
    expect(conflicts.map((c) => [c.key, c.first.id, c.second.id])).toEqual([['ctrl+c', 'quit', 'modal.cancel']]);
  });

  it('flags a filter key on a global ctrl chord, which still works while typing a filter', () => {
    const keymap = withKeys(DEFAULT_KEYMAP, 'filter.cancel', ['ctrl+g']);
    expect(keymapConflicts(withKeys(keymap, 'help.toggle', ['ctrl+g'])).map((c) => [c.key, c.first.id, c.second.id])).toEqual([['ctrl+g', 'help.toggle', 'filter.cancel']]);
  });

  it('flags help and Actions-view keys that shadow global ones', () => {
    expect(keymapConflicts(withKeys(DEFAULT_KEYMAP, 'help.close', ['j'])).map((c) => c.second.id)).toEqual(['help.close']);
    expect(keymapConflicts(withKeys(DEFAULT_KEYMAP, 'actions.close', ['q'])).map((c) => c.second.id)).toEqual(['actions.close']);
  });

  it('accepts a key given to two commands that do exactly the same thing', () => {
    expect(keymapConflicts(withKeys(DEFAULT_KEYMAP, 'actions.close', ['escape', 'a']))).toEqual([]);
  });
});
