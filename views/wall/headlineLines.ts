// The wall's headline band as lines: the overall state in block letters on the left, the facts behind it
// on the right. On a band too narrow or too short for the letters, the word becomes an inverse badge on
// the first row and the facts follow below it. Pure: exactly `height` lines, none wider than `width`.
import type { Headline, HeadlineLevel } from '../../src/runtime/headline.js';
import { BIG_HEIGHT, bigText, bigTextWidth, fitScale } from './bigText.js';
import { factLine, headlineFacts, LEVEL_TONE, pickFacts } from './headlineFacts.js';
import { clipSegments, type BandLine } from './segments.js';

export { LEVEL_TONE };
export const LEVEL_WORDS: readonly HeadlineLevel[] = ['OK', 'DEGRADED', 'CRITICAL', 'STALE'];

const MARGIN = 1;
const GAP = 3;
/** Room the facts need beside the letters: label column and a worst-SLO line like "Availability 99.12% ✖ critical". */
const FACTS_MIN = 40;

export interface BandOptions {
  width: number;
  height: number;
  ascii?: boolean;
}

/**
 * The letters' scale for a band `width` wide: sized for the widest word so the facts column does not jump
 * when the state changes; 0 when the letters do not fit beside the facts.
 */
export const bandScale = (width: number): number => fitScale(LEVEL_WORDS, width - MARGIN - GAP - FACTS_MIN);

/**
 * Rows the band should take in a wall area `columns` x `rows` (the screen above the status bar): the
 * letters with air around them (11 rows from a 200x60 terminal up, else 9), or a 4-row strip when the
 * letters do not fit.
 */
export function bandHeight(columns: number, rows: number): number {
  if (bandScale(columns) === 0 || rows < 30) return Math.min(4, Math.max(1, rows - 1));
  return rows >= 56 ? BIG_HEIGHT + 4 : BIG_HEIGHT + 2;
}

export function headlineLines(h: Headline, opts: BandOptions): BandLine[] {
  const { width, height } = opts;
  const ascii = opts.ascii ?? false;
  if (height <= 0 || width <= 0) return [];
  const scale = bandScale(width);
  const lines = scale > 0 && height >= BIG_HEIGHT ? bigBand(h, width, height, scale, ascii) : compactBand(h, height, ascii);
  return lines.map((l) => clipSegments(l, width, ascii));
}

function bigBand(h: Headline, width: number, height: number, scale: number, ascii: boolean): BandLine[] {
  const letterWidth = Math.max(...LEVEL_WORDS.map((w) => bigTextWidth(w, scale)));
  const letters = bigText(h.level, { scale, ascii }).map((l) => l.padEnd(letterWidth));
  const factsWidth = width - MARGIN - letterWidth - GAP;
  const facts = pickFacts(headlineFacts(h, ascii), height).map((f) => clipSegments(factLine(f), factsWidth, ascii));
  const letterTop = Math.floor((height - BIG_HEIGHT) / 2);
  const factTop = Math.floor((height - facts.length) / 2);
  const tone = LEVEL_TONE[h.level];
  return Array.from({ length: height }, (_, row) => {
    const letterRow = letters[row - letterTop] ?? ' '.repeat(letterWidth);
    const fact = facts[row - factTop] ?? [];
    return [{ text: ' '.repeat(MARGIN) }, { text: letterRow, tone, bold: true }, { text: ' '.repeat(GAP) }, ...fact];
  });
}

function compactBand(h: Headline, height: number, ascii: boolean): BandLine[] {
  const badge: BandLine = [{ text: ` ${h.level} `, tone: LEVEL_TONE[h.level], bold: true, inverse: true }, { text: ' ' }];
  const facts = headlineFacts(h, ascii);
  // the first row carries the badge and the most important fact (data age, or what is stale)
  const first = pickFacts(facts, 1)[0];
  const below = pickFacts(facts.filter((f) => f !== first), height - 1).map(factLine);
  const lines: BandLine[] = [[...badge, ...(first ? factLine(first) : [])], ...below];
  while (lines.length < height) lines.push([]);
  return lines.slice(0, height);
}
