// Words in large block letters, readable across a room: the 5x7 font of ./font.ts drawn with full blocks,
// or with '#' under --ascii. `scale` widens each pixel to that many columns (terminal cells are about twice
// as tall as wide, so scale 2 gives nearly square pixels); the height stays FONT_HEIGHT rows. Pure.
import { FONT, FONT_HEIGHT } from './font.js';

export const BIG_HEIGHT = FONT_HEIGHT;
export const MAX_SCALE = 3;

export interface BigTextOptions {
  /** columns per pixel, 1 or more (default 1) */
  scale?: number;
  /** '#' instead of '█' */
  ascii?: boolean;
}

/** The glyph of one character; characters the font lacks are drawn as a space, never as garbage. */
const glyphOf = (ch: string): readonly string[] => FONT[ch.toUpperCase()] ?? FONT[' ']!;

const glyphsOf = (word: string): (readonly string[])[] => [...word].map(glyphOf);

/** Columns `word` takes at `scale`: its glyphs plus one pixel of space between neighbours. */
export function bigTextWidth(word: string, scale = 1): number {
  const glyphs = glyphsOf(word);
  if (glyphs.length === 0) return 0;
  const pixels = glyphs.reduce((sum, g) => sum + g[0]!.length, 0) + glyphs.length - 1;
  return pixels * Math.max(1, Math.floor(scale));
}

/** `word` as BIG_HEIGHT lines, all exactly bigTextWidth(word, scale) columns (padded with spaces). */
export function bigText(word: string, opts: BigTextOptions = {}): string[] {
  const scale = Math.max(1, Math.floor(opts.scale ?? 1));
  const on = (opts.ascii ? '#' : '█').repeat(scale);
  const off = ' '.repeat(scale);
  const glyphs = glyphsOf(word);
  return Array.from({ length: BIG_HEIGHT }, (_, row) =>
    glyphs.map((g) => [...g[row]!].map((px) => (px === 'X' ? on : off)).join('')).join(off),
  );
}

/**
 * The biggest scale (up to `maxScale`) at which every one of `words` fits `width` columns, or 0 when not
 * even scale 1 does. Pass all the words a place may show, so it keeps one size as the word changes.
 */
export function fitScale(words: string | readonly string[], width: number, maxScale = MAX_SCALE): number {
  const list = typeof words === 'string' ? [words] : words;
  const widest = Math.max(0, ...list.map((w) => bigTextWidth(w, 1)));
  if (widest === 0) return Math.max(0, Math.floor(maxScale));
  return Math.max(0, Math.min(Math.floor(maxScale), Math.floor(width / widest)));
}
