import { describe, expect, it } from 'vitest';
import { renderFrameText } from '../../views/frame.js';
import { DEFAULT_KEYMAP } from '../../keymaps/default.js';
import type { Keymap } from '../../keymaps/types.js';
import { withUi } from './fixtures.js';
import { lines, widest } from './helpers.js';

describe('help overlay', () => {
  it('lists every binding description from the keymap at 120x40', () => {
    const frame = renderFrameText(withUi({ helpOpen: true }), { width: 120, height: 40 });
    for (const b of DEFAULT_KEYMAP) expect(frame, b.description).toContain(b.description);
    expect(frame).toContain('Help');
    expect(widest(frame)).toBeLessThanOrEqual(120);
    expect(lines(frame)).toHaveLength(39);
  });

  // Every page at 80x24 is checked in test/keymaps/help.test.tsx; here, the first one inside the App.
  it('fits 80x24 in two columns and says there is another page', () => {
    const frame = renderFrameText(withUi({ helpOpen: true }), { width: 80, height: 24 });
    expect(frame).toMatch(/page 1\/2/);
    // two columns: the global keys on the left, the Pods pane's beside them
    expect(frame).toMatch(/Focus previous pane.*Filter pods/);
    expect(widest(frame)).toBeLessThanOrEqual(80);
    expect(lines(frame)).toHaveLength(23);
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
      { id: 'logs.wipe', keys: ['x'], intent: { type: 'logs-clear' }, description: 'Wipe the scrollback now', context: 'logs' },
    ];
    const frame = renderFrameText(withUi({ helpOpen: true }), { width: 120, height: 40 }, { keymap });
    expect(frame).toMatch(/x\s+Wipe the scrollback now/);
  });
});
