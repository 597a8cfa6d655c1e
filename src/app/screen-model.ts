// A frame as the terminal will hold it: rows of cells, each a grapheme with the SGR style it is drawn in.
// Ink hands over whole frames as text with SGR escapes (its standard renderer); this parses them so that
// ./screen-diff.ts can write only the cells that changed.
import stringWidth from 'string-width';
import { graphemes } from '../text/graphemes.js';

export interface Cell {
  /** the grapheme; '' for the second column of a wide character */
  ch: string;
  /** canonical SGR parameters ('' = default style) */
  style: string;
  /** 2 for a wide character's first column, 0 for its second, else 1 */
  width: number;
}

export type Row = Cell[];

interface Style {
  fg: string;
  bg: string;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
  strike: boolean;
}

const plain = (): Style => ({ fg: '', bg: '', bold: false, dim: false, italic: false, underline: false, inverse: false, strike: false });

function styleKey(s: Style): string {
  const p: string[] = [];
  if (s.bold) p.push('1');
  if (s.dim) p.push('2');
  if (s.italic) p.push('3');
  if (s.underline) p.push('4');
  if (s.inverse) p.push('7');
  if (s.strike) p.push('9');
  if (s.fg) p.push(s.fg);
  if (s.bg) p.push(s.bg);
  return p.join(';');
}

/** One extended colour (38;5;n or 38;2;r;g;b) starting at params[i]; returns it and how many it used. */
function extended(params: number[], i: number): [string, number] {
  const mode = params[i + 1];
  if (mode === 5) return [`${params[i]};5;${params[i + 2] ?? 0}`, 3];
  if (mode === 2) return [`${params[i]};2;${params[i + 2] ?? 0};${params[i + 3] ?? 0};${params[i + 4] ?? 0}`, 5];
  return ['', 1];
}

/** `style` after an SGR sequence's parameters. */
function applySgr(style: Style, params: number[]): Style {
  let s = { ...style };
  if (params.length === 0) return plain();
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p === 0) s = plain();
    else if (p === 1) s.bold = true;
    else if (p === 2) s.dim = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 9) s.strike = true;
    else if (p === 21 || p === 22) s.bold = s.dim = false;
    else if (p === 23) s.italic = false;
    else if (p === 24) s.underline = false;
    else if (p === 27) s.inverse = false;
    else if (p === 29) s.strike = false;
    else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) s.fg = String(p);
    else if (p === 39) s.fg = '';
    else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) s.bg = String(p);
    else if (p === 49) s.bg = '';
    else if (p === 38 || p === 48) {
      const [colour, used] = extended(params, i);
      if (p === 38) s.fg = colour;
      else s.bg = colour;
      i += used - 1;
    }
  }
  return s;
}

// Ink places every grapheme in at least one cell (ink/build/output.js); the bundle's string-width remembers
// widths already (src/text/shims/string-width.ts), so this keeps no memo of its own
const widthOf = (g: string): number => (g.length === 1 && g.charCodeAt(0) < 0x7f ? 1 : Math.max(1, Math.min(2, stringWidth(g))));

// eslint-disable-next-line no-control-regex
const TOKEN = /\u001b\[([0-9;:]*)([A-Za-z])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|([^\u001b]+)|\u001b/g;

/** One line of Ink output as `columns` cells (padded with blanks, cut at the edge). */
export function parseRow(line: string, columns: number): Row {
  const row: Row = [];
  let style = plain();
  let key = '';
  for (const m of line.matchAll(TOKEN)) {
    if (m[2] !== undefined) {
      // only SGR changes what cells look like; Ink's lines carry no other CSI
      if (m[2] === 'm') {
        style = applySgr(style, m[1] ? m[1].split(/[;:]/).map((x) => Number(x) || 0) : []);
        key = styleKey(style);
      }
      continue;
    }
    const text = m[3];
    if (text === undefined) continue;
    for (const g of text.length === 1 || /^[\x20-\x7e]*$/.test(text) ? text : graphemes(text)) {
      const w = widthOf(g);
      if (row.length + w > columns) return pad(row, columns);
      row.push({ ch: g, style: key, width: w });
      if (w === 2) row.push({ ch: '', style: key, width: 0 });
    }
  }
  return pad(row, columns);
}

function pad(row: Row, columns: number): Row {
  while (row.length < columns) row.push({ ch: ' ', style: '', width: 1 });
  return row;
}

export const blankRow = (columns: number): Row => pad([], columns);

export const sameCell = (a: Cell, b: Cell): boolean => a.ch === b.ch && a.style === b.style;

export function sameRow(a: Row, b: Row): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameCell(a[i]!, b[i]!)) return false;
  return true;
}
