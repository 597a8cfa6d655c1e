import { cellWidth } from '../../src/text/index.js';

export const lines = (frame: string): string[] => frame.split('\n');
export const widest = (frame: string): number => Math.max(...lines(frame).map(cellWidth));

/** The line of the frame containing `needle` (first match), or undefined. */
export const lineWith = (frame: string, needle: string): string | undefined => lines(frame).find((l) => l.includes(needle));

/** Title as drawn in a pane's top border (thin or heavy when focused). */
export const titleRe = (title: string): RegExp => new RegExp(`[─━] ${title} [─━]`);

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;
/** Colour SGR parameters: 30-37/90-97 fg, 40-47/100-107 bg, 38/48 extended. */
export function colourCodes(raw: string): string[] {
  const out: string[] = [];
  for (const m of raw.match(SGR) ?? []) {
    for (const p of m.slice(2, -1).split(';')) {
      const n = Number(p);
      if ((n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107)) out.push(m);
    }
  }
  return out;
}
export const withoutSgr = (raw: string): string => raw.replace(SGR, '');
