// Width and truncation, measured the way a user sees them: in the columns Ink places the text in and
// in the columns a terminal (xterm.js, tmux) draws it in.
import { afterAll, describe, expect, it } from 'vitest';
import { cellWidth, clip, clipMiddle, clipStart, fit, graphemes, wrap } from '../../src/text/index.js';
import { HOSTILE_TEXT } from './frames.js';
import { inkColumns, tmuxAvailable, tmuxWidths, xtermMeter } from './terminal.js';

const SAMPLES = [
  ...Object.values(HOSTILE_TEXT),
  'ZetaEmoji👍🏽 disk full',
  'hive-mind-coordinator-5c6d7f8-qq7tn',
  '日本語のログ',
  'e\u0301'.repeat(12),
  '✔ server dry run: ok ✖ ⚠',
];
const WIDTHS = [1, 2, 3, 7, 12, 24, 40];
const meter = xtermMeter();
afterAll(() => meter.dispose());

describe('fit', () => {
  it('is exactly the width asked for, where Ink places it and where xterm.js draws it', async () => {
    const wrong: string[] = [];
    for (const s of SAMPLES) {
      for (const w of WIDTHS) {
        for (const [align, cut] of [['left', 'end'], ['right', 'middle']] as const) {
          const out = fit(s, w, align, cut);
          const ink = inkColumns(out);
          const xterm = await meter.width(out);
          if (ink !== w || xterm !== w) wrong.push(`fit(${JSON.stringify(s)}, ${w}, ${align}, ${cut}) = ${JSON.stringify(out)}: Ink ${ink}, xterm ${xterm}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it.runIf(tmuxAvailable())('is exactly the width asked for in tmux', async () => {
    const cases = SAMPLES.flatMap((s) => WIDTHS.map((w) => ({ w, out: fit(s, w) })));
    const drawn = await tmuxWidths(cases.map((c) => c.out));
    const wrong = cases.filter((c, i) => drawn[i] !== c.w).map((c, i) => `${JSON.stringify(c.out)}: tmux ${drawn[i]} for ${c.w}`);
    expect(wrong).toEqual([]);
  });

  it('pads left or right aligned', () => {
    expect(fit('ab', 5)).toBe('ab   ');
    expect(fit('ab', 5, 'right')).toBe('   ab');
    expect(fit('日本', 5)).toBe('日本 ');
  });
});

describe('cellWidth', () => {
  it('counts what Ink places and the terminal draws (it disagreed with Ink for emoji: 4, 6 and 1 instead of 2, 2 and 2)', async () => {
    for (const s of ['👍🏽', '👨‍👩‍👧', '❤️', '🇩🇪', '日本', 'e\u0301', 'नमस्ते', '✔ ok', 'a\u200bb', '\u001b[31mred']) {
      const drawn = clip(s, 100);
      expect(cellWidth(s), s).toBe(inkColumns(drawn));
      expect(cellWidth(s), s).toBe(await meter.width(drawn));
    }
    expect(cellWidth('👍🏽')).toBe(2);
    expect(cellWidth('👨‍👩‍👧')).toBe(2);
    expect(cellWidth('日本')).toBe(4);
    expect(cellWidth('e\u0301')).toBe(1);
  });
});

describe('clip', () => {
  it('cuts with an ellipsis at the end, never inside a grapheme, never wider than asked', () => {
    expect(clip('hive-mind-coordinator', 10)).toBe('hive-mind…');
    expect(clip('short', 10)).toBe('short');
    expect(clip('anything', 0)).toBe('');
    expect(clip('abc', 1)).toBe('…');
    // a wide character that does not fit whole is left out, not halved
    expect(clip('日本語のログ', 6)).toBe('日本…');
    expect(clip('日本語のログ', 7)).toBe('日本語…');
    expect(clip('👍👍👍👍', 4)).toBe('👍…');
    expect(graphemes(clip('e\u0301'.repeat(10), 4))).toEqual(['é', 'é', 'é', '…']);
    expect(clip('कि कि कि कि', 5)).toBe('कि …');
  });
});

describe('clipMiddle', () => {
  it('keeps the tail that tells generated names apart', () => {
    const a = clipMiddle('hive-mind-coordinator-7c9f6d7f8-qq7tn', 24);
    const b = clipMiddle('hive-mind-coordinator-7c9f6d7f8-x2k9p', 24);
    expect(a).toBe('hive-mind-coo…d7f8-qq7tn');
    expect(a).not.toBe(b);
    expect(clipMiddle('short', 24)).toBe('short');
  });

  it('keeps wide and combining tails whole within the width', () => {
    const out = clipMiddle('ログ-日本語のログ-x2kq9', 12);
    expect(inkColumns(out)).toBeLessThanOrEqual(12);
    expect(out.endsWith('2kq9')).toBe(true);
    expect(clipMiddle('日本語のログ日本語のログ', 9)).toBe('日本語…グ');
  });
});

describe('clipStart', () => {
  it('keeps the end in view', () => {
    expect(clipStart('hive-mind-coordinator', 10)).toBe('…ordinator');
    expect(clipStart('日本語のログ', 6)).toBe('…ログ');
  });
});

describe('wrap', () => {
  it('breaks at spaces, cuts a word longer than the line between graphemes, and ends a cut list with "…"', () => {
    expect(wrap('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(wrap('sha256:0123456789abcdef', 8)).toEqual(['sha256:0', '12345678', '9abcdef']);
    expect(wrap('日本語のログ日本語', 5, 10)).toEqual(['日本', '語の', 'ログ', '日本', '語']);
    expect(wrap('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrap('', 10)).toEqual(['']);
  });

  it('keeps every character exactly once, a mark after a space included', () => {
    const letters = (lines: string[]) => lines.join('').replace(/ /g, '');
    expect(letters(wrap('x \u0301abcdef', 3, 10))).toBe('xabcdef');
    expect(letters(wrap('नमस्ते दुनिया नमस्ते', 4, 10))).toBe(clip('नमस्ते दुनिया नमस्ते', 100).replace(/ /g, ''));
  });

  it('never gives a line wider than asked, whatever the text', () => {
    for (const s of SAMPLES) for (const w of [2, 5, 9, 20]) for (const l of wrap(s, w, 10)) expect(inkColumns(l), `${JSON.stringify(l)} in ${w}`).toBeLessThanOrEqual(w);
  });
});
