// What a user sees: hostile text (emoji sequences, CJK, combining marks, RTL, zero-width characters,
// private use, escape sequences) in alert names and summaries, pod names, labels and log lines, drawn by
// a terminal emulator at the sizes people use. Every pane border must sit in its column on every row.
import { describe, expect, it } from 'vitest';
import { renderFrameRaw } from '../../views/frame.js';
import { hiveState } from '../views/fixtures.js';
import { borderProblems, hostileModalState, hostileState, hostileStates, placementProblems } from './frames.js';
import { xtermScreen } from './terminal.js';

const SIZES = [
  { width: 80, height: 24 },
  { width: 120, height: 40 },
  { width: 250, height: 70 },
];

const rowsText = (cells: string[][]) => cells.map((r) => r.join(''));

describe('hostile text drawn by xterm.js', () => {
  for (const size of SIZES) {
    it(`keeps every pane border in its column at ${size.width}x${size.height}`, async () => {
      const problems: string[] = [];
      // in the compact layout (80x24) each pane gets the big box in turn; in the grid all are drawn at once
      const states = size.width < 120 ? hostileStates() : hostileStates().slice(0, 2);
      for (const state of states) {
        const raw = renderFrameRaw(state, size, { color: true });
        const screen = await xtermScreen(raw, size);
        problems.push(...[...borderProblems(screen, state, size), ...placementProblems(screen, raw)].map((p) => `[focus ${state.ui.focus}] ${p}`));
        // the hostile text is drawn (normalised), not dropped: the test would pass on an empty pane
        expect(rowsText(screen.cells).join('\n')).toContain('ZetaEmoji👍');
      }
      expect(problems).toEqual([]);
    });
  }

  it('keeps the confirmation modal\'s border in place over hostile text', async () => {
    for (const size of SIZES) {
      const raw = renderFrameRaw(hostileModalState(), size, { color: true });
      const screen = await xtermScreen(raw, size);
      const text = rowsText(screen.cells).join('\n');
      expect(text).toContain('⚠ production');
      expect(text).toContain('✔');
      expect(placementProblems(screen, raw)).toEqual([]);
    }
  });

  it('draws our own glyphs (✔ ✖ ⚠ ▲ ●) one column wide, where Ink placed them', async () => {
    const size = { width: 120, height: 40 };
    const state = hiveState();
    const raw = renderFrameRaw(state, size, { color: true });
    const screen = await xtermScreen(raw, size);
    const text = rowsText(screen.cells).join('\n');
    for (const glyph of ['✖', '▲', '●']) expect(text).toContain(glyph);
    expect([...borderProblems(screen, state, size), ...placementProblems(screen, raw)]).toEqual([]);
  });
});
