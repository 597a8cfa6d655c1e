// Terminal cell arithmetic for fitting text into columns, on string-width 8: what Ink 6.6 places
// characters with (ink/build/output.js), so our columns and Ink's agree. Every function measures and cuts
// the text as it will be drawn, after clean(), and cuts only between graphemes.
//
// Not cli-truncate (5.2): when a wide character meets the cut it returns one column too many
// ("👍👍👍👍" in 4 columns gives "👍👍…", 5 wide), and a row one column too wide pushes the border out.
import { isPlainAscii } from './control.js';
import stringWidth from 'string-width';
import { graphemes } from './graphemes.js';
import { clean } from './sanitize.js';


/** Columns the string occupies in a terminal, as drawn (after clean). */
export function cellWidth(s: string): number {
  if (isPlainAscii(s)) return s.length;
  return stringWidth(clean(s));
}

/** The longest run of whole graphemes from the start of clean `text` that fits `width` columns. */
function head(text: string, width: number): string {
  let out = '';
  let w = 0;
  for (const g of graphemes(text)) {
    const gw = stringWidth(g);
    if (w + gw > width) break;
    out += g;
    w += gw;
  }
  return out;
}

/** The longest run of whole graphemes from the end of clean `text` that fits `width` columns. */
function tail(text: string, width: number): string {
  const gs = graphemes(text);
  let out = '';
  let w = 0;
  for (let i = gs.length - 1; i >= 0; i--) {
    const gw = stringWidth(gs[i]!);
    if (w + gw > width) break;
    out = gs[i]! + out;
    w += gw;
  }
  return out;
}

/** At most `width` columns; an ellipsis marks what was cut. */
export function clip(s: string, width: number): string {
  const text = clean(s);
  if (width <= 0) return '';
  if (isPlainAscii(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  if (stringWidth(text) <= width) return text;
  return `${head(text, width - 1)}…`;
}

/** At most `width` columns, cut at the start: the end stays in view (a text field showing what was just typed). */
export function clipStart(s: string, width: number): string {
  const text = clean(s);
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  return `…${tail(text, width - 1)}`;
}

/**
 * At most `width` columns, cut in the middle: generated names (pods, ReplicaSets) differ only in their
 * tail, so `hive-mind-rust-7d4…-x2kq9` keeps what tells two pods apart.
 */
export function clipMiddle(s: string, width: number): string {
  const text = clean(s);
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  // the tail gets 45% of the room (at least one column), the head the rest with the ellipsis
  const tailText = tail(text, Math.max(1, Math.floor((width - 1) * 0.45)));
  const headText = graphemes(text).slice(0, -graphemes(tailText).length || undefined).join('');
  return `${clip(headText, width - stringWidth(tailText))}${tailText}`;
}

/** Exactly `width` columns: clipped, then padded (right-aligned when asked). */
export function fit(s: string, width: number, align: 'left' | 'right' = 'left', cut: 'end' | 'middle' = 'end'): string {
  const text = cut === 'middle' ? clipMiddle(s, width) : clip(s, width);
  const pad = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'right' ? pad + text : text + pad;
}

/** The longest start of `s` (as drawn) that fits `width` columns, cut between graphemes, with no ellipsis. */
export function cut(s: string, width: number): string {
  const text = clean(s);
  if (width <= 0) return '';
  if (isPlainAscii(text)) return text.slice(0, width);
  return head(text, width);
}
