import { describe, expect, it } from 'vitest';
import { renderFrameText } from '../../views/frame.js';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import type { Keymap } from '../../keymaps/types.js';
import { withUi } from './fixtures.js';
import { lines, widest } from './helpers.js';

describe('help overlay', () => {
  it.each([
    [120, 40],
    [80, 24],
  ])('lists every binding description from the keymap at %ix%i', (width, height) => {
    const frame = renderFrameText(withUi({ helpOpen: true }), { width, height });
    for (const b of DEFAULT_KEYMAP) expect(frame, b.description).toContain(b.description);
    expect(frame).toContain('Help');
    expect(widest(frame)).toBeLessThanOrEqual(width);
    expect(lines(frame)).toHaveLength(height - 1);
  });

  it('shows keys with readable names', () => {
    const frame = renderFrameText(withUi({ helpOpen: true }), { width: 120, height: 40 });
    expect(frame).toMatch(/S-Tab\s+Focus previous pane/);
    expect(frame).toMatch(/q\/Ctrl-C\s+Quit/);
    expect(frame).toMatch(/j\/↓\s+Move selection down/);
  });

  it('is generated from the keymap it is given', () => {
    const keymap: Keymap = [
      ...DEFAULT_KEYMAP,
      { keys: ['x'], intent: { type: 'logs-clear' }, description: 'Wipe the scrollback now', context: 'logs' },
    ];
    const frame = renderFrameText(withUi({ helpOpen: true }), { width: 120, height: 40 }, { keymap });
    expect(frame).toMatch(/x\s+Wipe the scrollback now/);
  });
});
