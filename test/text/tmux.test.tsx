// The same hostile frames through tmux 3.3a, whose width table (glibc's) is not xterm.js's: at 120x40,
// as a user first tried it, every row must come out as Ink wrote it and every border in its column.
import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
import { renderFrameRaw } from '../../views/frame.js';
import { borderCells, hostileModalState, hostileStates } from './frames.js';
import { inkColumns, tmuxAvailable, tmuxCapture, tmuxWidths } from './terminal.js';

const SIZE = { width: 120, height: 40 };
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The start of a plain row up to and including the character Ink placed at column `x`. */
function prefixThrough(row: string, x: number): string | null {
  let out = '';
  for (const { segment } of segmenter.segment(row)) {
    out += segment;
    const end = inkColumns(out);
    if (end === x + 1) return out;
    if (end > x + 1) return null;
  }
  return null;
}

describe.runIf(tmuxAvailable())('hostile text drawn by tmux', () => {
  it('keeps every row as Ink wrote it: none wraps onto the next line', async () => {
    for (const state of [hostileStates()[0]!, hostileModalState()]) {
      const raw = renderFrameRaw(state, SIZE, { color: true });
      const want = stripAnsi(raw).split('\n').map((l) => l.trimEnd());
      const got = (await tmuxCapture(raw, SIZE)).map((l) => l.trimEnd());
      expect(got.slice(0, want.length)).toEqual(want);
    }
  });

  it('draws every pane border in its column', async () => {
    const state = hostileStates()[0]!;
    const rows = stripAnsi(renderFrameRaw(state, SIZE, { color: true })).split('\n');
    const probes = borderCells(state, SIZE).map(([y, x]) => ({ y, x, text: prefixThrough(rows[y] ?? '', x) }));
    // a border Ink itself did not put in its column is already a failure
    expect(probes.filter((p) => p.text === null).map((p) => `row ${p.y} col ${p.x}`)).toEqual([]);
    const drawn = await tmuxWidths(probes.map((p) => p.text!));
    const moved = probes.flatMap((p, i) => (drawn[i] === p.x + 1 ? [] : [`row ${p.y}: border at col ${drawn[i]! - 1}, not ${p.x}: ${rows[p.y]}`]));
    expect(moved).toEqual([]);
  });
});
