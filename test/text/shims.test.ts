// The bundle swaps string-width and ansi-tokenize for memoizing wrappers (scripts/hot-path-shims.mjs):
// they must answer exactly as the packages do, the first time and every time after.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import realWidth from 'string-width';
import * as realTokenize from '@alcalzone/ansi-tokenize';
import stringWidth from '../../src/text/shims/string-width.js';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '../../src/text/shims/ansi-tokenize.js';

const piece = fc.constantFrom('a', 'pod-1', '│', '━', '✔', '日本', '👍🏽', 'é', '\u0301', '\u001b[31m', '\u001b[1m', '\u001b[0m', ' ', '…', '\t');
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('memoizing shims', () => {
  it('string-width answers as string-width, asked once or twice', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(stringWidth(t)).toBe(realWidth(t));
        expect(stringWidth(t)).toBe(realWidth(t));
        expect(stringWidth(t, { countAnsiEscapeCodes: true })).toBe(realWidth(t, { countAnsiEscapeCodes: true }));
      }),
    );
  });

  it('ansi-tokenize gives the same styled characters, and the same line back', () => {
    fc.assert(
      fc.property(text, (t) => {
        const chars = styledCharsFromTokens(tokenize(t));
        expect(chars).toEqual(realTokenize.styledCharsFromTokens(realTokenize.tokenize(t)));
        expect(styledCharsFromTokens(tokenize(t))).toBe(chars);
        expect(styledCharsToString(chars)).toBe(realTokenize.styledCharsToString(realTokenize.styledCharsFromTokens(realTokenize.tokenize(t))));
      }),
    );
  });

  it("joins a row of memo characters and Ink's fresh blanks as ansi-tokenize does, however it is asked", () => {
    const blank = () => ({ type: 'char' as const, value: ' ', fullWidth: false, styles: [] });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.nat(3)), { maxLength: 5 }), (parts) => {
        const row = parts.flatMap(([t, gap]) => [...styledCharsFromTokens(tokenize(t)), ...Array.from({ length: gap }, blank)]);
        const expected = realTokenize.styledCharsToString(row);
        expect(styledCharsToString(row)).toBe(expected);
        // the same row again, with new blank objects, as the next frame builds it
        expect(styledCharsToString(row.map((c) => (c.value === ' ' && c.styles.length === 0 ? blank() : c)))).toBe(expected);
      }),
    );
  });
});
