// Properties of the sanitiser over random code points and grapheme clusters: whatever comes in, what
// comes out is safe, stable, and drawn at the same width by Ink's libraries and by real terminals.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
// the string-width 7 copy Ink measures layout with (via widest-line); it ships its own types
import stringWidth7 from '../../node_modules/widest-line/node_modules/string-width/index.js';
import { clean, graphemes, hasControl, sanitizeLine, showControls, stableGrapheme, stableText, stripEscapes } from '../../src/text/index.js';
import { hostileText } from './arbitraries.js';
import { inkColumns, tmuxAvailable, tmuxWidths, xtermMeter } from './terminal.js';

const width7 = stringWidth7 as (s: string) => number;
const hex = (s: string) => [...s].map((c) => `U+${c.codePointAt(0)!.toString(16)}`).join(' ');
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSHOWABLE = /[\p{Co}\p{Cn}\u001b\u200b\u200d\u2060\ufeff\u00ad\ufe00-\ufe0f]/u;

/**
 * Where string-width 7 (Ink's layout measure) may differ from string-width 8 (Ink's placement): it
 * counts a grapheme by its first code point only (a spacing vowel sign, a second Hangul initial), and
 * counts text-presentation pictographs (✔ ✖ ⚠ ❤, our own glyphs among them) as two. Terminals agree
 * with string-width 8 on both, and the frames tests show Ink draws them right (src/text/graphemes.ts).
 */
function width7MayDiffer(g: string): boolean {
  const spacing = [...g].filter((c) => stringWidth(c) > 0 && !/[\p{Mn}\p{Me}]/u.test(c)).length;
  return spacing > 1 || (/^\p{Extended_Pictographic}$/u.test(g) && !/^\p{Emoji_Presentation}$/u.test(g));
}

const input = fc.record({ text: hostileText, max: fc.integer({ min: 1, max: 60 }) });

describe('sanitizeLine over any input', () => {
  it('gives text with no control character, escape, invisible or unassigned code point, within the limit, and is its own fixed point', () => {
    fc.assert(
      fc.property(input, ({ text, max }) => {
        const out = sanitizeLine(text, max);
        expect(hasControl(out), hex(out)).toBe(false);
        expect(out, hex(out)).not.toMatch(loneSurrogate);
        expect(out, hex(out)).not.toMatch(UNSHOWABLE);
        expect(graphemes(out).length).toBeLessThanOrEqual(max);
        expect(sanitizeLine(out, max), hex(out)).toBe(out);
        expect(clean(out), hex(out)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes its shortcut (only stretches around marks, joiners and jamo are segmented) to the same result as segmenting everything', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const plain = showControls(stripEscapes(text));
        expect(stableText(plain), hex(plain)).toBe(graphemes(plain).flatMap(stableGrapheme).join(''));
      }),
      { numRuns: 2000 },
    );
  });

  const meter = xtermMeter();
  afterAll(() => meter.dispose());

  it('gives graphemes that string-width 8 (Ink), string-width 7 and xterm.js draw at the same width', async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ text, max }) => {
        const out = sanitizeLine(text, max);
        for (const g of graphemes(out)) {
          const w = stringWidth(g);
          expect(w, `${hex(g)} takes no column in Ink but one cell`).toBeGreaterThan(0);
          expect(await meter.width(g), `xterm.js width of ${hex(g)}`).toBe(w);
          if (!width7MayDiffer(g)) expect(width7(g), `string-width 7 width of ${hex(g)}`).toBe(w);
        }
        // and together: no two neighbours merge into a grapheme of another width
        expect(await meter.width(out), `xterm.js width of ${hex(out)}`).toBe(inkColumns(out));
      }),
      { numRuns: 300 },
    );
  });

  it.runIf(tmuxAvailable())('gives graphemes and lines tmux draws at the width Ink places them at', async () => {
    const outs = fc.sample(input, 400).map(({ text, max }) => sanitizeLine(text, max));
    const distinct = [...new Set(outs.flatMap(graphemes))];
    const texts = [...distinct, ...outs];
    const drawn = await tmuxWidths(texts);
    const wrong = texts.flatMap((t, i) => (drawn[i] === inkColumns(t) ? [] : [`${hex(t)}: tmux ${drawn[i]}, Ink ${inkColumns(t)}`]));
    expect(wrong).toEqual([]);
  });
});
