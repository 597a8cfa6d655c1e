// Styled text pieces of the wall's band, with tones instead of colours so the line building stays pure and
// theme-free (HeadlineBand maps tones to the theme's colours), and clipping that keeps --ascii pure ASCII.
import type { Tone } from '../theme/glyphs.js';
import { cellWidth, clean, clip, toAscii } from '../../src/text/index.js';

/** The text as an ASCII terminal gets it: cleaned of controls, then column for column in ASCII. */
const asAscii = (text: string): string => toAscii(clean(text));

export interface BandSegment {
  text: string;
  tone?: Tone;
  bold?: boolean;
  inverse?: boolean;
}
export type BandLine = BandSegment[];

/** At most `width` columns; cut text ends in '…', or in '~' under --ascii. */
export function clipText(text: string, width: number, ascii: boolean): string {
  if (!ascii) return clip(text, width);
  const t = asAscii(text);
  if (width <= 0) return '';
  return t.length <= width ? t : `${t.slice(0, width - 1)}~`;
}

/** The segments cut to `width` columns in all, in order; a segment that had to be cut is the last one. */
export function clipSegments(line: BandLine, width: number, ascii: boolean): BandLine {
  const out: BandLine = [];
  let used = 0;
  for (const s of line) {
    const room = width - used;
    if (room <= 0) break;
    const text = clipText(s.text, room, ascii);
    if (!text) continue;
    out.push({ ...s, text });
    used += cellWidth(text);
    if ((ascii ? asAscii(s.text).length : cellWidth(s.text)) > room) break;
  }
  return out;
}

export const lineWidth = (line: BandLine): number => line.reduce((w, s) => w + cellWidth(s.text), 0);
export const lineText = (line: BandLine): string => line.map((s) => s.text).join('');
