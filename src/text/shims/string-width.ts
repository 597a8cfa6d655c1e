// string-width with a memory, swapped in for every copy of string-width in the bundle (scripts/bundle.mjs).
// Ink measures and places every character of every frame one by one, and the box-drawing characters of
// each pane border are not ASCII, so each took a trip through Intl.Segmenter and four Unicode regexes:
// half the CPU of a key press. A character's width never changes, so it is worked out once. One version
// (8) also means Ink's layout (widest-line bundled string-width 7) and its output agree on every width.
import realStringWidth from 'string-width';
import { twoGenerations } from './lru2.js';

type Options = Parameters<typeof realStringWidth>[1];
// whole lines too: a frame measures the same bordered lines again and again
const MAX_KEY = 1024;
const cache = twoGenerations<string, number>(2048);

export default function stringWidth(text: string, options?: Options): number {
  if (options !== undefined || typeof text !== 'string' || text.length > MAX_KEY) return realStringWidth(text, options);
  let width = cache.get(text);
  if (width === undefined) {
    width = realStringWidth(text);
    cache.set(text, width);
  }
  return width;
}
