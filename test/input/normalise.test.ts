import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { normaliseKey } from '../../src/input/normalise.js';

const key = (k: Partial<Key> = {}): Key => ({
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  ...k,
});

describe('normaliseKey', () => {
  it('names special keys', () => {
    expect(normaliseKey('', key({ tab: true }))).toBe('tab');
    expect(normaliseKey('', key({ tab: true, shift: true }))).toBe('shift+tab');
    expect(normaliseKey('', key({ upArrow: true }))).toBe('up');
    expect(normaliseKey('', key({ pageDown: true }))).toBe('pagedown');
    expect(normaliseKey('\r', key({ return: true }))).toBe('enter');
    expect(normaliseKey('', key({ home: true }))).toBe('home');
    expect(normaliseKey('', key({ end: true }))).toBe('end');
  });

  it('reports Escape as escape although Ink also sets meta', () => {
    expect(normaliseKey('', key({ escape: true, meta: true }))).toBe('escape');
  });

  it('treats DEL (Ink "delete") as backspace, as terminals send it for Backspace', () => {
    expect(normaliseKey('', key({ delete: true }))).toBe('backspace');
    expect(normaliseKey('', key({ backspace: true }))).toBe('backspace');
  });

  it('names ctrl chords and keeps the case of letters', () => {
    expect(normaliseKey('c', key({ ctrl: true }))).toBe('ctrl+c');
    expect(normaliseKey('G', key({ shift: true }))).toBe('G');
    expect(normaliseKey('g', key())).toBe('g');
    expect(normaliseKey('?', key())).toBe('?');
    expect(normaliseKey(' ', key())).toBe('space');
  });

  it('marks pasted text so it is never taken for a named key', () => {
    expect(normaliseKey('end', key())).toBe('paste:end');
  });
});
