import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import { VIM_KEYMAP } from '../../keymaps/vim.js';
import { ConfigError } from '../../src/config/config.js';
import { keymapFromConfig, parseKeyName, resolveKeymap } from '../../src/config/keys.js';
import { parseConfig } from '../../src/config/load.js';
import { matchBinding, type MatchContext } from '../../src/input/match.js';

const pods: MatchContext = { focus: 'pods', filterEditing: false, helpOpen: false };
const keysOf = (keymap: readonly { id: string; keys: string[] }[], id: string) => keymap.find((b) => b.id === id)?.keys;
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('resolveKeymap', () => {
  it('replaces the keys of an overridden command and leaves the others alone', () => {
    const keymap = resolveKeymap(DEFAULT_KEYMAP, { 'pod.delete': 'ctrl+k', 'select.next': ['n', 'down'] });
    expect(matchBinding(keymap, 'ctrl+k', pods)).toEqual({ type: 'action-open', action: 'pod-delete' });
    expect(matchBinding(keymap, 'ctrl+d', pods)).toBeNull();
    expect(matchBinding(keymap, 'n', pods)).toEqual({ type: 'select-next' });
    expect(matchBinding(keymap, 'j', pods)).toBeNull();
    expect(keysOf(keymap, 'rollout.restart')).toEqual(['r']);
    // pure: the built-in map is untouched
    expect(keysOf(DEFAULT_KEYMAP, 'pod.delete')).toEqual(['ctrl+d']);
  });

  it('reads keys as people write them', () => {
    const keymap = resolveKeymap(DEFAULT_KEYMAP, { 'help.close': ['Esc', 'C-g'], 'pod.delete': 'ctrl-K', 'focus.pods': 7 });
    expect(keysOf(keymap, 'help.close')).toEqual(['escape', 'ctrl+g']);
    expect(keysOf(keymap, 'pod.delete')).toEqual(['ctrl+k']);
    expect(keysOf(keymap, 'focus.pods')).toEqual(['7']);
    expect(parseKeyName('X')).toBe('X');
    expect(parseKeyName('shift-tab')).toBe('shift+tab');
    // labels as the help shows them
    for (const [label, name] of [['S-Tab', 'shift+tab'], ['Ctrl-D', 'ctrl+d'], ['PgDn', 'pagedown'], ['↓', 'down'], ['Bksp', 'backspace'], ['M-x', 'meta+x']]) {
      expect(parseKeyName(label!), label).toBe(name);
    }
  });

  it('can unbind a command with an empty list', () => {
    const keymap = resolveKeymap(DEFAULT_KEYMAP, { 'pod.delete': [] });
    expect(matchBinding(keymap, 'ctrl+d', pods)).toBeNull();
  });

  it('names an unknown command, with the nearest known one', () => {
    expect(errorOf(() => resolveKeymap(DEFAULT_KEYMAP, { 'pod.delet': 'x' }))).toBe('keys.pod.delet: unknown command "pod.delet" (did you mean pod.delete?)');
    expect(errorOf(() => resolveKeymap(DEFAULT_KEYMAP, { 'modal.ok': 'x' }))).toMatch(/^keys\.modal\.ok: unknown command "modal\.ok" \(known: modal\.cancel, modal\.confirm, /);
    expect(errorOf(() => resolveKeymap(DEFAULT_KEYMAP, { launch: 'x' }))).toBe('keys.launch: unknown command "launch"');
  });

  it('names both commands and the key on a conflict', () => {
    expect(errorOf(() => resolveKeymap(DEFAULT_KEYMAP, { 'deployment.scale': 'r' }))).toBe(
      'keys: "r" is bound to both rollout.restart and deployment.scale (pods)',
    );
    expect(errorOf(() => resolveKeymap(DEFAULT_KEYMAP, { 'rollout.restart': 'j' }))).toBe(
      'keys: "j" is bound to both select.next and rollout.restart (global and pods)',
    );
  });

  it('lets two panes share a key', () => {
    const keymap = resolveKeymap(DEFAULT_KEYMAP, { 'silence.create': 'r' });
    expect(matchBinding(keymap, 'r', { ...pods, focus: 'alerts' })).toEqual({ type: 'action-open', action: 'silence-create' });
    expect(matchBinding(keymap, 'r', pods)).toEqual({ type: 'action-open', action: 'rollout-restart' });
  });

  it('refuses keys no keystroke produces', () => {
    expect(errorOf(() => resolveKeymap(DEFAULT_KEYMAP, { 'pod.delete': 'dd' }))).toMatch(/^keys\.pod\.delete: "dd" is not a key/);
    expect(errorOf(() => resolveKeymap(DEFAULT_KEYMAP, { 'pod.delete': ['x', true] }))).toMatch(/^keys\.pod\.delete: true is not a key/);
    expect(errorOf(() => resolveKeymap(DEFAULT_KEYMAP, { 'pod.delete': null }))).toMatch(/^keys\.pod\.delete: null is not a key/);
  });

  it('refuses a remap that would let Enter confirm, or leave no way out of a modal', () => {
    expect(errorOf(() => resolveKeymap(DEFAULT_KEYMAP, { 'modal.confirm': 'enter', 'modal.activate': 'space' }))).toMatch(
      /^keys\.modal\.confirm: cannot be "enter": Enter alone never confirms/,
    );
    expect(errorOf(() => resolveKeymap(DEFAULT_KEYMAP, { 'modal.cancel': [] }))).toBe('keys.modal.cancel: must keep at least one key');
  });
});

describe('keymap and keys in the config file', () => {
  const parse = (text: string) => parseConfig(text, '/tmp');

  it('uses the default keymap when the file says nothing', () => {
    expect(parse('').keymap).toEqual(DEFAULT_KEYMAP);
  });

  it('selects the vim map and applies overrides on top of it', () => {
    const config = parse('keymap: vim\nkeys:\n  pod.delete: ctrl+k\n');
    expect(keysOf(config.keymap, 'pod.delete')).toEqual(['ctrl+k']);
    expect(keysOf(config.keymap, 'focus.next')).toEqual(keysOf(VIM_KEYMAP, 'focus.next'));
    expect(keymapFromConfig({ keymap: 'vim' })).toEqual(VIM_KEYMAP);
  });

  it('reports an unknown keymap, an unknown command and a conflict as config errors', () => {
    expect(errorOf(() => parse('keymap: emacs\n'))).toBe('keymap: must be one of "default", "vim"');
    expect(errorOf(() => parse('keys:\n  pod.remove: x\n'))).toMatch(/^keys\.pod\.remove: unknown command "pod\.remove"/);
    expect(errorOf(() => parse('keys:\n  deployment.scale: r\n'))).toMatch(/"r" is bound to both rollout\.restart and deployment\.scale/);
    expect(errorOf(() => parse('keys: [r]\n'))).toBe('keys: must be a mapping');
  });
});
