// The diff writer must leave the terminal holding exactly the frame Ink drew, whatever came before: checked
// by replaying its bytes into a real terminal emulator (xterm.js) and reading the screen back.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import xterm from '@xterm/headless';
import { createScreenWriter, findScroll } from '../../src/app/screen-diff.js';
import { parseRow } from '../../src/app/screen-model.js';
import { frameLines } from '../../src/app/terminal.js';

const { Terminal } = xterm;
const COLS = 30;
const ROWS = 8;

function terminal() {
  const term = new Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  const write = (s: string) => new Promise<void>((resolve) => term.write(s, () => resolve()));
  const cell = (x: number, y: number) => term.buffer.active.getLine(y)!.getCell(x)!;
  const text = () => Array.from({ length: ROWS }, (_, y) => term.buffer.active.getLine(y)!.translateToString(true).trimEnd());
  return { write, text, cell };
}

const plainOf = (line: string) => line.replace(/\u001b\[[0-9;]*m/g, '');
const expected = (lines: string[]) =>
  Array.from({ length: ROWS }, (_, y) => {
    const p = y < lines.length ? plainOf(lines[y]!) : '';
    return parseRow(p, COLS).map((c) => c.ch).join('').trimEnd();
  });

const word = fc.constantFrom('ok', 'pod-1', '12s', '█', '│', '日本', '✔', '  ', 'error', 'x');
const styled = fc.tuple(fc.constantFrom('', '\u001b[31m', '\u001b[1m', '\u001b[7m', '\u001b[90m'), word).map(([s, w]) => (s ? `${s}${w}\u001b[0m` : w));
const line = fc.array(styled, { maxLength: 8 }).map((parts) => parts.join(' '));
const frame = fc.array(line, { minLength: ROWS - 1, maxLength: ROWS - 1 });
/** a frame, or the previous one with some rows moved up (a Logs pane scrolling) */
const step = fc.oneof(frame.map((f) => ({ kind: 'new' as const, f })), fc.record({ kind: fc.constant('shift' as const), k: fc.integer({ min: 1, max: 3 }), extra: fc.array(line, { minLength: 3, maxLength: 3 }) }));

describe('screen diff writer', () => {
  it('leaves exactly the latest frame on screen after any sequence of frames', async () => {
    await fc.assert(
      fc.asyncProperty(frame, fc.array(step, { maxLength: 6 }), async (first, steps) => {
        const t = terminal();
        const writer = createScreenWriter(COLS, ROWS);
        let current = first;
        await t.write(writer.frame(current));
        expect(t.text()).toEqual(expected(current));
        for (const s of steps) {
          current = s.kind === 'new' ? s.f : [...current.slice(s.k), ...s.extra.slice(0, s.k)];
          await t.write(writer.frame(current));
          expect(t.text()).toEqual(expected(current));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('draws each cell in its style', async () => {
    const t = terminal();
    const writer = createScreenWriter(COLS, ROWS);
    await t.write(writer.frame(['plain \u001b[31mred\u001b[39m \u001b[1mbold\u001b[22m']));
    await t.write(writer.frame(['plain \u001b[31mred\u001b[39m \u001b[7mbold\u001b[27m']));
    expect(t.cell(0, 0).isFgDefault()).toBe(true);
    expect(t.cell(6, 0).getFgColor()).toBe(1);
    expect(t.cell(10, 0).isInverse()).not.toBe(0);
    expect(t.cell(10, 0).isBold()).toBe(0);
  });

  it('writes one changed character as a move and that character, not the row', () => {
    const writer = createScreenWriter(120, 10);
    const row = (age: number) => `│\u001b[90mupdated ${age}s ago\u001b[39m${' '.repeat(100)}│`;
    writer.frame([row(3), 'x'.repeat(120)]);
    const out = writer.frame([row(4), 'x'.repeat(120)]);
    expect(out.length).toBeLessThan(30);
    expect(plainOf(out).replace(/\u001b\[\d+;\d+H/g, '')).toBe('4');
  });

  it('scrolls a moved block with a scroll region instead of rewriting it', () => {
    const rows = ['header', ...Array.from({ length: 6 }, (_, i) => `log line ${i} ${'-'.repeat(40)}`), 'footer'];
    const shifted = ['header', ...rows.slice(2, 7), `log line 6 ${'-'.repeat(40)}`, 'footer'];
    const before = rows.map((l) => parseRow(l, 60));
    const after = shifted.map((l) => parseRow(l, 60));
    expect(findScroll(before, after)).toEqual({ top: 1, bottom: 6, k: 1 });
    const writer = createScreenWriter(60, 9);
    writer.frame(rows);
    const out = writer.frame(shifted);
    expect(out).toContain('\u001b[2;7r\u001b[1S\u001b[r');
    expect(out.length).toBeLessThan(120);
  });
});

describe("Ink's writes", () => {
  it('are split into the frame, and a write that only erases is no frame', () => {
    expect(frameLines('\u001b[2K\u001b[1A\u001b[2K\u001b[Ga\nb\n')).toEqual(['a', 'b']);
    expect(frameLines('\u001b[2K\u001b[1A\u001b[2K\u001b[G')).toBeNull();
    expect(frameLines('first\n')).toEqual(['first']);
  });
});
